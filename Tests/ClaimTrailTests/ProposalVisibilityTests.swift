import Foundation
import Testing

@testable import ClaimTrail

/// Proposals waiting for review count for nothing in what issue 15 added beside them: the listings
/// (`claim list`, `source list`), the undated count of `contested`, and the first and last seen that
/// `source edit --published` recomputes (schema 010).
@Suite("Proposals in the listings and dates of issue 15")
struct ProposalVisibilityTests {
    @Test("claim list, source list and contested leave proposals out")
    func listingsLeaveProposalsOut() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let source = try store.source("Undated article")
        let claim = try store.claim("The strike is planned")
        try store.attribute(claim, try store.speaker("Oana Lungescu"), in: source)
        try store.attribute(claim, try store.speaker("Pentagon", kind: .government), in: source, .denies)
        let proposals = ["The strike is planned", "Ships are moving"].map { content in
            ProposedAttribution(
                speaker: "Someone Else",
                speakerRole: nil,
                cue: "said",
                content: content,
                mode: .indirect,
                start: 0,
                end: content.utf8.count
            )
        }
        let proposed = try store.write {
            try ExtractionRecorder(store: store, recordedBy: "tester").propose(proposals, source: source)
        }.proposed
        try #require(proposed.count == 2)
        let json = { (command: [String]) -> [[String: Any]] in
            let result = try Binary.run(command + ["--format", "json"], database: temporary.path)
            try #require(result.status == 0, "\(command): \(result.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        }

        #expect(try json(["claim", "list"]).map { $0["id"] as? Int } == [Int(claim)])
        let listed = try #require(try json(["source", "list"]).first)
        #expect(listed["attributions"] as? Int == 2 && listed["claims"] as? Int == 1)
        let contested = try #require(try json(["contested"]).first)
        #expect(contested["id"] as? Int == Int(claim) && contested["undated_attributions"] as? Int == 2)
    }

    @Test("dating a source later moves first and last seen by its accepted attributions only")
    func datingASourceIgnoresProposals() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let text = "We will not speculate on the intention of the Russian fleet"
        let dated = try store.source("Dated article", published: "2018-08-28")
        let undated = try store.source("Undated article")
        let speaker = try store.speaker("Oana Lungescu")
        let claim = try store.claim(text)
        try store.attribute(claim, speaker, in: dated)
        let proposal = ProposedAttribution(
            speaker: "Someone Else",
            speakerRole: nil,
            cue: "said",
            content: text,
            mode: .indirect,
            start: 0,
            end: 59
        )
        let proposed = try store.write {
            try ExtractionRecorder(store: store, recordedBy: "tester").propose([proposal], source: undated)
        }.proposed
        try #require(proposed.count == 1)
        let seen = {
            try store.database.prepare("SELECT first_seen, last_seen FROM claim_stats WHERE claim_id = ?")
                .first([claim]) { [$0.text(0), $0.text(1)] }
        }

        try store.write {
            try store.editSource(undated, published: "2018-08-01", by: "tester", reason: "dated at last")
        }
        #expect(try seen() == ["2018-08-28", "2018-08-28"])
        #expect(try StoreCheck(store: store).problems() == [])

        // Accepted, the attribution counts, on its source's new day.
        try store.write {
            try ProposalReview(store: store, reviewer: "tester").accept(
                proposed[0],
                correction: .init(speaker: "Oana Lungescu")
            )
        }
        #expect(try seen() == ["2018-08-01", "2018-08-28"])
        #expect(try StoreCheck(store: store).problems() == [])
    }
}
