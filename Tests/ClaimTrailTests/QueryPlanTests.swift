import Foundation
import Testing

@testable import ClaimTrail

/// Lookups run once per imported record must find their row through an index that narrows to it,
/// or an import grows quadratic in the store's size.
@Suite("Query plans")
struct QueryPlanTests {
    @Test("a source without a URL is looked up by the title index, not by scanning the URL-less rows")
    func sourceWithoutURLUsesTitleIndex() throws {
        let temporary = try TemporaryStore()
        let plan = try temporary.store.database.prepare("EXPLAIN QUERY PLAN " + ClaimStore.sourceWithoutURLLookup)
            .map(["Title", "Outlet", "Author"]) { $0.string(3) }
        #expect(plan == ["SEARCH source USING INDEX source_by_title (title=?)"])
    }

    @Test("the per-batch upkeep reads the batch's attributions by id, never a whole index of the table")
    func batchUpkeepReadsOnlyTheBatch() throws {
        let temporary = try TemporaryStore()
        let database = temporary.store.database
        try database.executeScript(
            """
            CREATE TEMP TABLE IF NOT EXISTS batch_voice (
                claim_id INTEGER, side TEXT, voice INTEGER, n INTEGER, PRIMARY KEY (claim_id, side, voice)
            ) WITHOUT ROWID
            """
        )
        for statement in BatchCounters.fromRows {
            let plan = try database.prepare("EXPLAIN QUERY PLAN " + statement).map([1]) { $0.string(3) }
            // `p` is the statements' alias of attribution.
            let scans = plan.filter { line in
                ["attribution", "main.attribution", "p"].contains {
                    line == "SCAN \($0)" || line.hasPrefix("SCAN \($0) ")
                }
            }
            #expect(scans.isEmpty, "\(statement)")
            #expect(plan.contains { $0.contains("INTEGER PRIMARY KEY (rowid>?)") }, "\(statement)")
        }
    }

    @Test("an import of title-only sources finds each again on a second import")
    func titleOnlySourcesAreFoundAgain() throws {
        let temporary = try TemporaryStore()
        let lines = (1...200).map { #"{"type":"source","title":"Article \#($0)","outlet":"Desk"}"# }
        let file = try temporary.file("sources.jsonl", lines.joined(separator: "\n") + "\n")
        for _ in 0..<2 {
            let result = try Binary.run(["import", file], database: temporary.path)
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try temporary.count("source") == 200)
    }
}
