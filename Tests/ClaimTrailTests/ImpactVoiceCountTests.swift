import Foundation
import Testing

@testable import ClaimTrail

/// `impact` tells "a single voice left" from the voices `claim_voice` holds, counting them only up to two.
/// A voice is a speaker, whatever side it takes: one asserting and denying is one voice in two rows.
@Suite("Impact and voice counts")
struct ImpactVoiceCountTests {
    @Test("a single voice left counts distinct voices over both sides, before and after, with more than two")
    func singleVoiceCountsDistinctVoices() throws {
        let temporary = try TemporaryStore()
        var arguments: [[String]] = [
            ["claim", "add", "The bridge is open"], ["claim", "add", "The dam held"],
            ["claim", "add", "The road is shut"], ["claim", "add", "The port is closed"],
            ["source", "add", "--title", "Wire story"], ["source", "add", "--title", "Daily story"],
        ]
        // (claim, source, speaker, stance, quote). A speaker is created at its first statement, so
        // speakers are numbered in this order, which orders `claim_voice` rows (claim, side, voice).
        let statements = [
            // Claim 1: Ann asserts and denies in the Wire; Bob and Cy assert in the Daily.
            ("1", "1", "Ann", "asserts", "It is open"), ("1", "1", "Ann", "denies", "It is not open"),
            ("1", "2", "Bob", "asserts", ""), ("1", "2", "Cy", "asserts", ""),
            // Claim 2: Dee alone, asserting in the Wire and denying in the Daily.
            ("2", "1", "Dee", "asserts", ""), ("2", "2", "Dee", "denies", ""),
            // Claim 3: Eve asserts and denies in the Wire; Fay denies in the Daily. Its first two
            // `claim_voice` rows are both Eve's.
            ("3", "1", "Eve", "asserts", "Shut"), ("3", "1", "Eve", "denies", "Not shut"),
            ("3", "2", "Fay", "denies", ""),
            // Claim 4: Gus, Hal and Jo in the Wire, Ian in the Daily.
            ("4", "1", "Gus", "asserts", ""), ("4", "1", "Hal", "asserts", ""), ("4", "1", "Jo", "asserts", ""),
            ("4", "2", "Ian", "asserts", ""),
        ]
        for (claim, source, speaker, stance, quote) in statements {
            arguments.append(
                ["attribute", claim, "--source", source, "--speaker", speaker, "--new-speaker", "--stance", stance]
                    + (quote.isEmpty ? [] : ["--quote", quote])
            )
        }
        for arguments in arguments {
            let result = try Binary.run(arguments, database: temporary.path)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        func changes(ofSource source: String) throws -> [Int: [String]] {
            let report = try ImpactTests.json(["impact", "source", source], temporary)
            let claims = try #require(report["claims"] as? [[String: Any]])
            return Dictionary(
                uniqueKeysWithValues: claims.map { ($0["claim_id"] as? Int ?? 0, $0["changes"] as? [String] ?? []) }
            )
        }
        let voices = try temporary.store.database.prepare(
            "SELECT claim_id, count(*), count(DISTINCT voice) FROM claim_voice GROUP BY claim_id ORDER BY claim_id"
        ).map { [$0.int(0), $0.int(1), $0.int(2)] }
        #expect(voices == [[1, 4, 3], [2, 2, 1], [3, 3, 2], [4, 4, 4]])
        // Without the Daily: claim 1 keeps Ann on both sides, one voice (still contested); claim 2 had a
        // single voice from the start, so only its contest ends; claim 3 keeps Eve alone; claim 4 keeps three.
        #expect(
            try changes(ofSource: "2") == [
                1: ["a single voice left"], 2: ["no longer contested"], 3: ["a single voice left"],
            ]
        )
        // Without the Wire: claim 1 keeps Bob and Cy asserting; claim 3 keeps Fay's denial; claim 4 keeps Ian.
        #expect(
            try changes(ofSource: "1") == [
                1: ["no longer contested"], 2: ["no longer contested"],
                3: ["no longer contested", "a single voice left"], 4: ["a single voice left"],
            ]
        )
    }
}
