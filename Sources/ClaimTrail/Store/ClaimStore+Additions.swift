/// Who added what, for the writes a desk makes through the server, where every write must name the
/// signed-in account. A claim, a relation and a verdict carry no `recorded_by` column of their own
/// (an attribution does), so the change log says who added them. Its `action` vocabulary is only
/// `edit` and `delete` (schema 010): an addition is logged as an edit from nothing, `before` `{}`,
/// to the row as added, with the reason `added`.
extension ClaimStore {
    /// What was added, in the terms the change log files it under: the claim it concerns.
    public enum Addition: Sendable {
        /// A new claim.
        case claim(Int64)
        /// A relation (`claim_relation.id`), filed under the claim it contradicts or supports.
        case relation(Int64)
        /// The new verdict of `reviewer` on a claim (a revision logs itself: `setVerdict`).
        case verdict(claimID: Int64, reviewer: String)
    }

    /// Logs `addition` as made by `by`, in the caller's write transaction.
    public func logAddition(_ addition: Addition, by: String) throws {
        let (row, arguments): (String, [any StatementArgument]) =
            switch addition {
            case .claim(let id):
                (
                    """
                    SELECT id AS entity_id, id AS claim_id,
                           json_object('text', text, 'topic', topic, 'status', status, 'assignee', assignee) AS after
                    FROM claim WHERE id = ?2
                    """,
                    [by, id]
                )
            case .relation(let id):
                (
                    """
                    SELECT from_claim_id AS entity_id, to_claim_id AS claim_id,
                           json_object(kind, to_claim_id, 'claim_id', from_claim_id, 'source_id', source_id,
                                       'uid', uid) AS after
                    FROM claim_relation WHERE id = ?2
                    """,
                    [by, id]
                )
            case .verdict(let claimID, let reviewer):
                (
                    """
                    SELECT claim_id AS entity_id, claim_id, \(Self.verdictSnapshot) AS after
                    FROM verdict WHERE claim_id = ?2 AND reviewer = ?3
                    """,
                    [by, claimID, Reference.clean(reviewer) ?? reviewer]
                )
            }
        try database.execute(
            """
            INSERT INTO change_log (changed_by, entity, entity_id, action, claim_id, before, after, reason)
            SELECT ?1, 'claim', added.entity_id, 'edit', added.claim_id, '{}', added.after, 'added'
            FROM (\(row)) AS added
            """,
            arguments
        )
        guard database.changes == 1 else { throw ClaimTrailError.notFound("nothing was added to log") }
    }
}
