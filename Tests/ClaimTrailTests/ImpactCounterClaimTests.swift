import Foundation
import Testing

@testable import ClaimTrail

/// `impact` weighs each claim's voices as `claim_voice` counts them, where asserting a counter-claim
/// is also disputing each claim it contradicts.
@Suite("Impact and counter-claims")
struct ImpactCounterClaimTests {
    /// A counter-claim's asserting attribution is a disputing voice of the claim it contradicts
    /// (`claim_voice`), so setting it aside takes that voice from both claims.
    @Test("impact counts the disputing voice a counter-claim's attribution gives the claim it contradicts")
    func counterClaimVoices() throws {
        let temporary = try TemporaryStore()
        for arguments in [
            ["claim", "add", "The port is closed"],
            ["claim", "add", "Ships left the port today", "--counters", "1"],
            ["source", "add", "--title", "Wire story"],
            ["source", "add", "--title", "Daily story"],
            ["attribute", "1", "--source", "1", "--speaker", "Harbour master", "--new-speaker"],
            ["attribute", "2", "--source", "2", "--speaker", "Captain", "--new-speaker"],
            ["attribute", "2", "--source", "1", "--speaker", "Pilot", "--new-speaker"],
        ] {
            let result = try Binary.run(arguments, database: temporary.path)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        func changes(_ arguments: [String]) throws -> [Int: [String]] {
            let claims = try #require(try ImpactTests.json(arguments, temporary)["claims"] as? [[String: Any]])
            return Dictionary(
                uniqueKeysWithValues: claims.map { ($0["claim_id"] as? Int ?? 0, $0["changes"] as? [String] ?? []) }
            )
        }
        // Claim 1 has three voices: the harbour master asserting, the captain and the pilot disputing
        // it through claim 2. Without the Daily, claim 1 keeps two voices, and claim 2 the pilot alone.
        let voices = try temporary.store.database.prepare("SELECT count(*) FROM claim_voice WHERE claim_id = 1")
            .first { $0.int(0) }
        #expect(voices == 3)
        #expect(try changes(["impact", "source", "2"]) == [2: ["a single voice left"]])
        // Without claim 2's statements, claim 1 is no longer contested and the harbour master is its
        // one voice left; claim 2 has no first-hand source left.
        #expect(
            try changes(["impact", "claim", "2"]) == [
                1: ["no longer contested", "a single voice left"], 2: ["no first-hand source left"],
            ]
        )
        // Without the Wire, claim 1 keeps only the captain's disputing voice, and claim 2 the captain.
        #expect(
            try changes(["impact", "source", "1"]) == [
                1: ["no first-hand source left", "a single voice left"], 2: ["a single voice left"],
            ]
        )
    }
}
