import Foundation

extension StoreCheck {
    /// Dates later than now: a source published, an attribution said or a verdict reviewed in the
    /// future. No command takes one now (`ISODate.validatePast`), but a store may hold them from
    /// before, and an import of a store's export keeps them as history (`ISODate.validateArriving`).
    /// A date alone is later when its day has not begun anywhere (UTC+14); a time, beyond the clock
    /// leeway, as the refusal has it.
    static func dateProblems(in database: Database) throws -> [String] {
        let now = Date()
        let latest: [any StatementArgument] = [
            String(ISODate.stamp(now + ISODate.earliestZoneOffset).prefix(10)),
            ISODate.stamp(now + ISODate.clockLeeway),
        ]
        func later(_ column: String) -> String {
            "(length(\(column)) = 10 AND \(column) > ?1) OR (length(\(column)) > 10 AND \(column) > ?2)"
        }
        var problems = try database.prepare(
            "SELECT id, published FROM source WHERE \(later("published")) ORDER BY id"
        ).map(latest) { "source #\($0.int64(0)) is dated published \($0.string(1)), in the future" }
        problems += try database.prepare(
            "SELECT id, said_on FROM attribution WHERE \(later("said_on")) ORDER BY id"
        ).map(latest) { "attribution #\($0.int64(0)) is dated said \($0.string(1)), in the future" }
        problems += try database.prepare(
            "SELECT claim_id, reviewer, reviewed_on FROM verdict WHERE \(later("reviewed_on")) ORDER BY id"
        ).map(latest) {
            "the verdict of \($0.string(1)) on claim #\($0.int64(0)) is dated \($0.string(2)), in the future"
        }
        return problems
    }
}
