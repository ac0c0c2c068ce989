import Foundation
import Testing

@testable import ClaimTrail

/// `claim merge A B` keeps A's status and holder. When B is further along or held by someone else, the
/// merge is refused with one line rather than dropping B's desk state: before, a claim checked and held
/// by ana silently left her queue, unchecked, when merged into a claim nobody had started.
@Suite struct ClaimMergeDeskStateTests {
    @discardableResult
    private static func run(
        _ arguments: [String],
        _ temporary: TemporaryStore,
        status: Int32 = 0
    ) throws
        -> Binary.Result
    {
        let result = try Binary.run(arguments, database: temporary.path, user: "bo")
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        return result
    }

    private static func deskState(_ temporary: TemporaryStore, _ claim: Int) throws -> [String] {
        try temporary.store.database.prepare("SELECT status, coalesce(assignee, '∅') FROM claim WHERE id = ?")
            .map([claim]) { [$0.string(0), $0.string(1)] }.flatMap { $0 }
    }

    @Test func mergeKeepsOrRefusesTheMergedClaimsDeskState() throws {
        let temporary = try TemporaryStore()
        try Self.run(["source", "add", "--title", "Report"], temporary)
        for text in ["The port is closed", "The port has closed", "Port closed"] {
            try Self.run(["claim", "add", text], temporary)
        }
        for claim in ["1", "2", "3"] {
            try Self.run(
                ["attribute", claim, "--speaker", "Mayor", "--speaker-kind", "person", "--source", "1"],
                temporary
            )
        }
        try Self.run(["verdict", "2", "--rating", "False", "--by", "Desk"], temporary)
        for status in ["in_progress", "needs_second_look", "checked"] {
            try Self.run(["claim", "status", "2", status], temporary)
        }
        try Self.run(["claim", "assign", "2", "--to", "ana"], temporary)
        try Self.run(["claim", "assign", "3", "--to", "cy"], temporary)
        let before = try temporary.snapshot()

        let refused = try Self.run(["claim", "merge", "1", "2"], temporary, status: 1)
        #expect(
            refused.stderr
                == "Error: claim #2 is checked and held by “ana”, claim #1 is unchecked and held by nobody: merged "
                + "into #1, #2's status and holder would be lost; bring #1 to them first (claim status, claim "
                + "assign), or keep #2 (claim merge 2 1); nothing was written\n"
        )
        // A holder alone is desk state too.
        let held = try Self.run(["claim", "merge", "2", "3"], temporary, status: 1)
        #expect(held.stderr.hasPrefix("Error: claim #3 is unchecked and held by “cy”, claim #2 is checked"))
        #expect(try temporary.snapshot() == before)

        // Kept the other way round, nothing is lost: claim 2 stays checked and ana's, and holds 1's voice.
        try Self.run(["claim", "merge", "2", "1"], temporary)
        #expect(try Self.deskState(temporary, 2) == ["checked", "ana"])
        let queue = try Self.run(["queue", "--assignee", "ana", "--format", "csv"], temporary)
        #expect(CSVParser.parseWithHeader(queue.stdout).map { $0["claim_id"] } == ["2"])
    }
}
