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
        try requireVisibleClaim(claimID)
        let hasVerdict =
            try database.cached("SELECT EXISTS (SELECT 1 FROM verdict WHERE claim_id = ?)")
            .first([claimID]) { $0.bool(0) } ?? false
        let labels = try statusLabels()
        if current == next {
            // Most often the loser of two people moving the same claim at once: say who won, and when.
            let setBy = try statusSetter(of: claimID).map { " (set by \($0.by) at \($0.at))" } ?? ""
            throw ClaimTrailError.invalid(
                "claim #\(claimID) is already \(labels[current] ?? current.rawValue)\(setBy); nothing was written"
            )
        }
        if let refusal = current.refusal(toward: next, hasVerdict: hasVerdict) {
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
    /// - Parameter heldBy: who the editor saw holding the claim ("" for nobody), when a page showed it: if
    ///   someone took or released it since, nothing is written and the error names who holds it now, so that
    ///   two editors pressing "Assign" on one claim at once do not silently take it from each other.
    public func assign(_ claimID: Int64, to assignee: String?, by: String, heldBy: String? = nil) throws {
        let name = Reference.clean(assignee)
        if assignee != nil && name == nil { throw ClaimTrailError.invalid("an assignee needs a name") }
        try requireVisibleClaim(claimID)
        if let heldBy {
            let holder =
                try database.cached("SELECT assignee FROM claim WHERE id = ?").first([claimID]) { $0.text(0) } ?? nil
            let shown = Reference.clean(heldBy)
            if holder != shown {
                let named = { (holder: String?) in holder.map { "“\($0)”" } ?? "nobody" }
                throw ClaimTrailError.invalid(
                    "claim #\(claimID) is held by \(named(holder)) now, not by \(named(shown)) as the page showed; "
                        + "nothing was written"
                )
            }
        }
        try logged("claim", claimID, action: "edit", by: by, reason: nil) {
            try database.execute(
                """
                UPDATE claim SET assignee = ?1,
                    assigned_at = iif(?1 IS NULL, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                WHERE id = ?2
                """,
                [name, claimID]
            )
            return claimID
        }
    }

    /// Sets a claim's status and holder as a change-log entry from another store left them, when a sync
    /// or an import replays it (`Importer.replayChanges`). The rules of `setStatus` and `assign` held in
    /// the store that made the entry, and this one takes the log's word, as it does for a corrected text:
    /// nothing is checked again or logged. A time moves only with its value: `since` is when the entry
    /// set the status, `assignedAt` when it gave the claim to its holder.
    func restoreDeskState(
        of claimID: Int64,
        status: VerificationStatus,
        since: String,
        assignee: String?,
        assignedAt: String
    ) throws {
        try database.execute(
            """
            UPDATE claim SET status_changed_at = iif(status IS ?1, status_changed_at, ?2), status = ?1,
                assigned_at = iif(?3 IS NULL, NULL, iif(assignee IS ?3, assigned_at, ?4)), assignee = ?3
            WHERE id = ?5
            """,
            [status.rawValue, since, assignee, assignedAt, claimID]
        )
    }

    /// Refuses a merge that would drop the merged claim's desk state: a status past unchecked, or a holder,
    /// that the kept claim does not share. The kept claim keeps its own status and holder, so without this
    /// a claim one editor had checked and held left her queue, unchecked, once merged into a claim nobody
    /// had started. Like two verdicts by one reviewer, the difference is settled before the merge.
    func requireDeskStateKept(merging merged: Int64, into kept: Int64) throws {
        let state = { (claimID: Int64) in
            try self.database.cached("SELECT status, assignee FROM claim WHERE id = ?").first([claimID]) {
                (status: VerificationStatus(rawValue: $0.string(0)) ?? .unchecked, holder: $0.text(1))
            }
        }
        guard let from = try state(merged), let to = try state(kept) else { return }
        let dropsStatus = from.status != .unchecked && from.status != to.status
        let dropsHolder = from.holder != nil && from.holder != to.holder
        guard dropsStatus || dropsHolder else { return }
        let labels = try statusLabels()
        let described = { (claimID: Int64, state: (status: VerificationStatus, holder: String?)) in
            "claim #\(claimID) is \(labels[state.status] ?? state.status.rawValue) and held by "
                + (state.holder.map { "“\($0)”" } ?? "nobody")
        }
        throw ClaimTrailError.invalid(
            "\(described(merged, from)), \(described(kept, to)): merged into #\(kept), #\(merged)'s status and "
                + "holder would be lost; bring #\(kept) to them first (claim status, claim assign), or keep "
                + "#\(merged) (claim merge \(merged) \(kept)); nothing was written"
        )
    }

    /// Who moved the claim to its present status, and when, from the change log.
    private func statusSetter(of claimID: Int64) throws -> (by: String, at: String)? {
        try database.cached(
            """
            SELECT changed_by, changed_at FROM change_log
            WHERE entity = 'claim' AND entity_id = ?
                AND json_extract(before, '$.status') IS NOT json_extract(after, '$.status')
            ORDER BY id DESC LIMIT 1
            """
        ).first([claimID]) { ($0.string(0), $0.string(1)) }
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

    /// Renames a status for this desk; nil restores its own name. The rename is logged in the change
    /// log (entity `status_label`, the status's place in the order as its id) with who and when.
    /// A label that reads as another status's name or label, once case, spaces, hyphens and
    /// underscores are set aside ("In-Progress" and in_progress), is refused: it would be ambiguous. So
    /// is one that shows nothing (a zero-width space): every listing would show the status as blank.
    public func setStatusLabel(_ status: VerificationStatus, to label: String?, by: String) throws {
        let labels = try statusLabels()
        let label = try Reference.visible(label, "a status label")
        if let label, let other = parseStatus(label, labels: labels), other != status {
            throw ClaimTrailError.invalid(
                "“\(label)” already names the status \(other.rawValue); nothing was written"
            )
        }
        guard labels[status] != label else {
            throw ClaimTrailError.invalid(
                "nothing to change: \(status.rawValue) is already labelled “\(label ?? status.rawValue)”"
            )
        }
        if let label {
            try database.execute(
                "INSERT INTO status_label VALUES (?, ?) ON CONFLICT (status) DO UPDATE SET label = excluded.label",
                [status.rawValue, label]
            )
        } else {
            try database.execute("DELETE FROM status_label WHERE status = ?", [status.rawValue])
        }
        try database.execute(
            """
            INSERT INTO change_log (changed_by, entity, entity_id, action, before, after)
            VALUES (?1, 'status_label', ?2, 'edit', json_object('status', ?3, 'label', ?4),
                json_object('status', ?3, 'label', ?5))
            """,
            [by, status.step + 1, status.rawValue, labels[status], label]
        )
    }

    /// A status named by its own name or by the desk's label for it, in any case.
    public func resolveStatus(_ word: String) throws -> VerificationStatus {
        let labels = try statusLabels()
        if let status = parseStatus(word, labels: labels) { return status }
        let accepted = VerificationStatus.allCases.map { status in
            labels[status].map { "\($0) (\(status.rawValue))" } ?? status.rawValue
        }
        throw ClaimTrailError.invalid(
            "unknown status “\(word)” (expected one of: \(accepted.joined(separator: ", ")))"
        )
    }

    private func parseStatus(_ word: String, labels: [VerificationStatus: String]) -> VerificationStatus? {
        let key = Self.statusKey(word)
        return VerificationStatus.allCases.first { status in
            Self.statusKey(status.rawValue) == key || labels[status].map(Self.statusKey) == key
        }
    }

    /// A status name or label folded, with runs of spaces, hyphens and underscores read as one space:
    /// "In-Progress", "in progress" and in_progress are the same word.
    private static func statusKey(_ word: String) -> String {
        TextKey.fold(word).split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).joined(separator: " ")
    }
}
