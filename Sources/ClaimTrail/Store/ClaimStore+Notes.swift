/// The desk's thread of notes on a claim: dated and signed, shown by `trace claim` and the HTML
/// report. Notes are added, never edited, like the change log.
extension ClaimStore {
    /// Adds a note to a claim.
    /// - Returns: the note's id.
    public func addNote(_ text: String, to claimID: Int64, by: String) throws -> Int64 {
        let text = try Reference.required(text, "a note", missing: "a note needs text")
        guard try claim(id: claimID) != nil else { throw ClaimTrailError.notFound("no claim #\(claimID)") }
        try requireVisibleClaim(claimID)
        try database.execute(
            "INSERT INTO claim_note (claim_id, written_by, text) VALUES (?, ?, ?)",
            [claimID, by, text]
        )
        return database.lastInsertRowID
    }

    /// A claim's notes, oldest first.
    public func notes(claimID: Int64) throws -> [ClaimNote] {
        try database.cached("SELECT written_at, written_by, text FROM claim_note WHERE claim_id = ? ORDER BY id")
            .map([claimID]) { ClaimNote(at: $0.string(0), by: $0.string(1), text: $0.string(2)) }
    }
}

/// One note in a claim's thread.
public struct ClaimNote: Codable, Equatable, Sendable {
    public var at: String
    public var by: String
    public var text: String
}
