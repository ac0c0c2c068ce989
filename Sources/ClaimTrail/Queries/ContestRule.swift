/// The one definition of "contested", shared by every query that reports it.
///
/// A claim is contested when another claim contradicts it, or when some attribution asserts
/// it while another denies it. The counts live in `claim_stats`, kept by triggers; the same
/// condition is the WHERE clause of the `claim_stats_contested` index in schema/003.
enum ContestRule {
    /// The condition over a `claim_stats` row.
    static let condition = "(counter_claims > 0 OR (asserts > 0 AND denies > 0))"

    /// An SQL boolean expression for the claim whose id is `claimColumn` (a column name we own,
    /// never user input).
    static func isContested(_ claimColumn: String) -> String {
        "(SELECT \(condition) FROM claim_stats WHERE claim_id = \(claimColumn))"
    }

    /// The ids of the claims that contradict (or, for `.supports`, support) `claimColumn`,
    /// ascending, joined by ";".
    static func claimIDs(_ kind: RelationKind, to claimColumn: String) -> String {
        """
        (SELECT group_concat(from_claim_id, ';') FROM (SELECT from_claim_id FROM claim_relation
          WHERE to_claim_id = \(claimColumn) AND kind = '\(kind.rawValue)' ORDER BY from_claim_id))
        """
    }
}
