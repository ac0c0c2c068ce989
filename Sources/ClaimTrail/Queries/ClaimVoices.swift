extension ClaimStore {
    /// The names, sorted, of those who took one of `stances` on a claim in an accepted
    /// attribution, `(unattributed)` for a statement nobody is named for: a report's "asserted
    /// by" line, read without reading the claim's rows, whose number grows with the store.
    public func voices(claimID: Int64, stances: [Stance]) throws -> [String] {
        let placeholders = stances.map { _ in "?" }.joined(separator: ", ")
        return try database.cached(
            """
            SELECT DISTINCT coalesce(sp.name, '\(ProvenanceRow.unattributed)')
            FROM attribution a LEFT JOIN speaker sp ON sp.id = a.speaker_id
            WHERE a.claim_id = ? AND a.state = 'accepted' AND a.stance IN (\(placeholders))
            """
        ).map([claimID] + stances.map(\.rawValue)) { $0.string(0) }.sorted()
    }
}
