/// Whole percentages that add up to 100.
///
/// Truncating each share loses up to a point per category, so three thirds show as 33 + 33 + 33
/// = 99 %. The largest-remainder (Hamilton) method truncates, then gives the missing points one
/// each to the shares that lost the most, earlier categories first on a tie.
public enum Percentages {
    /// - Returns: one percentage per count, summing to 100; all zeros when the counts are.
    public static func largestRemainder(_ counts: [Int]) -> [Int] {
        let total = counts.reduce(0, +)
        guard total > 0 else { return counts.map { _ in 0 } }
        var shares = counts.map { 100 * $0 / total }
        let remainders = counts.map { 100 * $0 % total }
        let missing = 100 - shares.reduce(0, +)
        let order = counts.indices.sorted { (remainders[$0], -$0) > (remainders[$1], -$1) }
        for index in order.prefix(missing) { shares[index] += 1 }
        return shares
    }
}
