/// A claim's verification status and who holds it. Each change is one conditional UPDATE and one
/// change-log entry, inside the caller's write transaction: if another reviewer moved the claim
/// first, the condition fails and the change is refused rather than silently overwritten.
extension ClaimStore {
    /// Moves a claim to `next` by the rules of `VerificationStatus`; `note`, if given, is the
    /// change's reason in the log.
    /// - Returns: the status it left.
    @discardableResult
    public func setStatus(
        _ next: VerificationStatus,
        of claimID: Int64,
        by: String,
        note: String?
    ) throws -> VerificationStatus {
        guard let current = try status(of: claimID) else { throw ClaimTrailError.notFound("no claim #\(claimID)") }
        let hasVerdict =
            try database.cached("SELECT EXISTS (SELECT 1 FROM verdict WHERE claim_id = ?)")
            .first([claimID]) { $0.bool(0) } ?? false
        if let refusal = current.refusal(toward: next, hasVerdict: hasVerdict) {
            let labels = try statusLabels()
            throw ClaimTrailError.invalid(
                "claim #\(claimID) cannot move from \(labels[current] ?? current.rawValue) "
                    + "to \(labels[next] ?? next.rawValue): \(refusal)"
            )
        }
        try logged("claim", claimID, action: "edit", by: by, reason: note) {
            try database.execute(
                """
                UPDATE claim SET status = ?, status_changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
                WHERE id = ? AND status = ?
                """,
                [next.rawValue, claimID, current.rawValue]
            )
            guard database.changes == 1 else {
                throw ClaimTrailError.invalid("claim #\(claimID) changed status meanwhile; nothing was written")
            }
            return claimID
        }
        return current
    }

    /// Gives a claim to `assignee` (nil: to nobody), logged like a correction.
    public func assign(_ claimID: Int64, to assignee: String?, by: String) throws {
        let name = Reference.clean(assignee)
        if assignee != nil && name == nil { throw ClaimTrailError.invalid("an assignee needs a name") }
        try logged("claim", claimID, action: "edit", by: by, reason: nil) {
            try database.execute(
                """
                UPDATE claim SET assignee = ?1, assigned_at = iif(?1 IS NULL, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                WHERE id = ?2
                """,
                [name, claimID]
            )
            return claimID
        }
    }

    func status(of claimID: Int64) throws -> VerificationStatus? {
        try database.cached("SELECT status FROM claim WHERE id = ?").first([claimID]) {
            VerificationStatus(rawValue: $0.string(0)) ?? .unchecked
        }
    }

    /// The desk's own words for statuses that were renamed.
    public func statusLabels() throws -> [VerificationStatus: String] {
        var labels: [VerificationStatus: String] = [:]
        try database.cached("SELECT status, label FROM status_label").forEach([]) { row in
            if let status = VerificationStatus(rawValue: row.string(0)) { labels[status] = row.string(1) }
        }
        return labels
    }

    /// Renames a status for this desk; nil restores its own name.
    public func setStatusLabel(_ status: VerificationStatus, to label: String?) throws {
        guard let label = Reference.clean(label) else {
            try database.execute("DELETE FROM status_label WHERE status = ?", [status.rawValue])
            return
        }
        if let other = try parseStatus(label, labels: statusLabels()), other != status {
            throw ClaimTrailError.invalid("“\(label)” already names the status \(other.rawValue)")
        }
        try database.execute(
            "INSERT INTO status_label VALUES (?, ?) ON CONFLICT (status) DO UPDATE SET label = excluded.label",
            [status.rawValue, label]
        )
    }

    /// A status named by its own name or by the desk's label for it, in any case.
    public func resolveStatus(_ word: String) throws -> VerificationStatus {
        let labels = try statusLabels()
        if let status = parseStatus(word, labels: labels) { return status }
        let accepted = VerificationStatus.allCases.map { status in
            labels[status].map { "\($0) (\(status.rawValue))" } ?? status.rawValue
        }
        throw ClaimTrailError.invalid("unknown status “\(word)” (expected one of: \(accepted.joined(separator: ", ")))")
    }

    private func parseStatus(_ word: String, labels: [VerificationStatus: String]) -> VerificationStatus? {
        let key = TextKey.fold(word)
        return VerificationStatus.allCases.first { status in
            TextKey.fold(status.rawValue) == key || labels[status].map(TextKey.fold) == key
                || TextKey.fold(status.rawValue.replacingOccurrences(of: "_", with: " ")) == key
        }
    }
}
