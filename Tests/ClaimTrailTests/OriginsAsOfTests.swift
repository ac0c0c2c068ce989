import Foundation
import Testing

@testable import ClaimTrail

/// `origins --as-of`: a claim's origins as the store was recorded at a moment, as `trace claim --as-of`
/// counts them: before a merge, the merged claim's origins are not yet the kept claim's.
@Suite("origins --as-of")
struct OriginsAsOfTests {
    /// The origins JSON of claim `claim`, as of `moment` when given.
    private static func origins(
        _ temporary: TemporaryStore,
        _ claim: String,
        asOf moment: String?
    ) throws
        -> [String: Any]
    {
        let result = try Binary.run(
            ["origins", claim, "--format", "json"] + (moment.map { ["--as-of", $0] } ?? []),
            database: temporary.path
        )
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    private static func traceOrigins(_ temporary: TemporaryStore, _ claim: String, asOf moment: String) throws -> Int? {
        let result = try Binary.run(
            ["trace", "claim", claim, "--format", "json", "--as-of", moment],
            database: temporary.path
        )
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return object?["independent_origins"] as? Int
    }

    @Test("before a claim merge, the kept claim has its own origins only; after it, the merged claim's too")
    func beforeAndAfterAMerge() throws {
        let temporary = try TemporaryStore()
        for arguments in [
            ["claim", "add", "The dam burst"], ["claim", "add", "The dam has burst"],
            ["source", "add", "--title", "Wire"], ["source", "add", "--title", "Paper"],
            ["source", "add", "--title", "Blog"],
            ["attribute", "1", "--source", "1", "--speaker", "Engineer", "--new-speaker", "--quote", "It burst"],
            ["attribute", "2", "--source", "2", "--speaker", "Mayor", "--new-speaker", "--quote", "It has burst"],
            ["attribute", "2", "--source", "3", "--speaker", "Mayor", "--via", "2"],
        ] {
            let result = try Binary.run(arguments, database: temporary.path)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let beforeMerge = Self.momentPassed()
        let merge = try Binary.run(["claim", "merge", "1", "2", "--reason", "same claim"], database: temporary.path)
        #expect(merge.status == 0, "\(merge.stderr)")
        let now = try Self.origins(temporary, "1", asOf: nil)
        #expect(now["independent_origins"] as? Int == 2)
        #expect((now["origins"] as? [[String: Any]])?.compactMap { $0["attribution_id"] as? Int } == [1, 2])
        let then = try Self.origins(temporary, "1", asOf: beforeMerge)
        #expect(then["independent_origins"] as? Int == 1)
        #expect(then["sources"] as? Int == 1)
        #expect((then["origins"] as? [[String: Any]])?.compactMap { $0["attribution_id"] as? Int } == [1])
        #expect(try Self.traceOrigins(temporary, "1", asOf: beforeMerge) == 1)
        // The merged claim stood on its own then, its relay folded into its origin.
        let merged = try Self.origins(temporary, "2", asOf: beforeMerge)
        #expect(merged["independent_origins"] as? Int == 1 && merged["sources"] as? Int == 2)
        let relays = (merged["origins"] as? [[String: Any]])?.first?["relays"] as? [[String: Any]]
        #expect(relays?.compactMap { $0["attribution_id"] as? Int } == [3])
        // A moment after the merge reads as now.
        let afterMerge = Self.momentPassed()
        #expect(try Self.origins(temporary, "1", asOf: afterMerge)["independent_origins"] as? Int == 2)
        let bad = try Binary.run(["origins", "1", "--as-of", "yesterday"], database: temporary.path)
        #expect(
            bad.status == 1 && bad.stdout.isEmpty && bad.stderr.contains("bad --as-of “yesterday”"),
            "\(bad.stderr)"
        )
    }

    /// The current UTC second, once the clock has moved past it: everything recorded so far is in it.
    private static func momentPassed() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let moment = formatter.string(from: Date())
        while formatter.string(from: Date()) == moment { usleep(20_000) }
        return moment
    }
}
