/// A source its publisher retracted or corrected is kept and flagged, never deleted: what rests on
/// it must stay findable (`impact source`), and every report marks it.
extension ClaimStore {
    /// Marks source `id` retracted on `date` (today when nil), for `reason`; logged as a source edit.
    ///
    /// A retraction is recorded once: a day after today is refused (it has not happened), and so is
    /// a second retraction of a retracted source, so that the first day and reason, which reports
    /// and `impact` have shown since, are never silently replaced. A later note of the publisher's
    /// goes in `correctSource`.
    public func retractSource(_ id: Int64, reason: String, on date: String?, by: String) throws {
        let reason = try Reference.required(reason, "a retraction's reason", missing: "a retraction needs a --reason")
        let day = try date.map(PublisherNotice.retractionDay)
        let first = try database.cached(
            "SELECT retracted_on, retraction_reason FROM source WHERE id = ? AND retracted_on IS NOT NULL"
        ).first([id]) { ($0.string(0), $0.text(1) ?? "") }
        if let first {
            throw ClaimTrailError.invalid(
                "source #\(id) was already retracted on \(first.0) (\(first.1)); the first retraction is kept"
            )
        }
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

/// What a source's publisher has said of it since it was recorded: withdrawn (on a day, for a
/// reason) or corrected (the latest note). The interchange formats carry it with the source, so
/// that a retraction travels with the store.
public struct PublisherNotice: Equatable, Sendable {
    public var retractedOn: String?
    public var retractionReason: String?
    public var correctionNote: String?

    public init(retractedOn: String? = nil, retractionReason: String? = nil, correctionNote: String? = nil) {
        self.retractedOn = retractedOn
        self.retractionReason = retractionReason
        self.correctionNote = correctionNote
    }

    /// An interchange source record with the notice's fields added; absent ones are left out.
    func added(to record: JSONValue) -> JSONValue {
        guard case .object(var fields) = record else { return record }
        for (key, value) in [
            ("retracted_on", retractedOn), ("retraction_reason", retractionReason), ("correction_note", correctionNote),
        ] {
            fields[key] = JSONValue.text(value)
        }
        return .object(fields)
    }
}

extension PublisherNotice {
    /// A retraction's day as stored, checked wherever one comes in (`source retract`, an import, a
    /// change-log entry): a real date, and not in the future (`ISODate.validatePast`), since it has not
    /// happened.
    static func retractionDay(_ text: String) throws -> String {
        try ISODate.validatePast(text, field: "retraction date")
    }
}

extension ClaimStore {
    /// What source `id`'s publisher has said of it; empty for a source never retracted or corrected.
    public func publisherNotice(ofSource id: Int64) throws -> PublisherNotice {
        try database.cached("SELECT retracted_on, retraction_reason, correction_note FROM source WHERE id = ?")
            .first([id]) { row in
                PublisherNotice(retractedOn: row.text(0), retractionReason: row.text(1), correctionNote: row.text(2))
            } ?? PublisherNotice()
    }

    /// Gives an imported source the notice it arrived with. A source new to this store takes it as
    /// it stands, like its title (the change log that came along holds how it came to be); one
    /// already here is retracted or corrected as `source retract` and `source correct` would, logged,
    /// when it arrives with what this store lacks. A retraction stored here is kept.
    func receive(_ notice: PublisherNotice, ofSource id: Int64, isNew: Bool, by: String) throws {
        if isNew {
            try database.execute(
                "UPDATE source SET retracted_on = ?, retraction_reason = ?, correction_note = ? WHERE id = ?",
                [notice.retractedOn, notice.retractionReason, notice.correctionNote, id]
            )
            return
        }
        let stored = try publisherNotice(ofSource: id)
        if let day = notice.retractedOn, stored.retractedOn == nil {
            try retractSource(id, reason: notice.retractionReason ?? "retracted", on: day, by: by)
        }
        if let note = notice.correctionNote, note != stored.correctionNote {
            try correctSource(id, note: note, by: by)
        }
    }
}
