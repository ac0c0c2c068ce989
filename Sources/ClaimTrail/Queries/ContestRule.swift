/// The one definition of "contested", shared by every query that reports it.
///
/// A claim is contested when another claim contradicts it, or when some attribution asserts
/// it while another denies it.
enum ContestRule {
    /// An SQL boolean expression over the claim id column `claimColumn` (a column name we own,
    /// never user input).
    static func isContested(_ claimColumn: String) -> String {
        """
        (EXISTS (SELECT 1 FROM claim_relation WHERE to_claim_id = \(claimColumn) AND kind = 'contradicts')
         OR (EXISTS (SELECT 1 FROM attribution WHERE claim_id = \(claimColumn) AND stance = 'asserts')
             AND EXISTS (SELECT 1 FROM attribution WHERE claim_id = \(claimColumn) AND stance = 'denies')))
        """
    }

    /// The ids of the claims that contradict `claimColumn`, ascending, joined by ";".
    static func counterClaimIDs(_ claimColumn: String) -> String {
        """
        (SELECT group_concat(from_claim_id, ';') FROM (SELECT from_claim_id FROM claim_relation
          WHERE to_claim_id = \(claimColumn) AND kind = 'contradicts' ORDER BY from_claim_id))
        """
    }
}
