/// A source its publisher retracted or corrected is kept and flagged, never deleted: what rests on
/// it must stay findable (`impact source`), and every report marks it.
extension ClaimStore {
    /// Marks source `id` retracted on `date` (today when nil), for `reason`; logged as a source edit.
    public func retractSource(_ id: Int64, reason: String, on date: String?, by: String) throws {
        let reason = try Reference.required(reason, "a retraction's reason", missing: "a retraction needs a --reason")
        let day = try date.map { try ISODate.validate($0, field: "retraction date") }
        try logged("source", id, action: "edit", by: by, reason: reason) {
            try database.execute(
                "UPDATE source SET retracted_on = coalesce(?, date('now')), retraction_reason = ? WHERE id = ?",
                [day, reason, id]
            )
            return nil
        }
    }

    /// Records the publisher's correction of source `id`; the note is also the change log's reason.
    public func correctSource(_ id: Int64, note: String, by: String) throws {
        let note = try Reference.required(note, "a correction's note", missing: "a correction needs a --note")
        try logged("source", id, action: "edit", by: by, reason: note) {
            try database.execute("UPDATE source SET correction_note = ? WHERE id = ?", [note, id])
            return nil
        }
    }
}
