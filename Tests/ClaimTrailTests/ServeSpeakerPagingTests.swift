import Foundation
import Testing

@testable import ClaimTrail

/// A busy speaker's page shows 200 attributions at a time and links to the rest (`?offset=`), as the
/// claim page pages its timeline, instead of "The first 200 of N" with no way past them.
@Suite("claimtrail serve: a speaker's page, 200 at a time")
struct ServeSpeakerPagingTests {
    @Test("/speakers/ID and /api/speakers/ID page through every attribution with offset")
    func speakerPages() throws {
        let desk = try DeskFixture()
        try desk.addBusyClaim()
        let busiest = try desk.count("SELECT speaker_id FROM speaker_stats ORDER BY attributions DESC LIMIT 1")
        let total = try desk.count("SELECT attributions FROM speaker_stats WHERE speaker_id = ?", [busiest])
        try #require(total > 400)
        let server = try RunningServer(database: desk.path)
        defer { _ = server.stop() }
        var seen: [Int] = []
        for offset in stride(from: 0, through: total, by: 200) {
            let reply = try server.send(
                "GET",
                "/api/speakers/\(busiest)?offset=\(offset)",
                headers: desk.bearer("vera")
            )
            #expect(reply.status == 200, "\(reply.body)")
            let json = reply.json as? [String: Any]
            #expect(json?["total_attributions"] as? Int == total)
            seen += (json?["attributions"] as? [[String: Any]] ?? []).compactMap { $0["attribution_id"] as? Int }
        }
        #expect(seen.count == total && Set(seen).count == total, "every attribution once over the pages")
        let stored = try desk.texts("SELECT id FROM attribution WHERE speaker_id = ? AND state = 'accepted'", [busiest])
        #expect(Set(seen.map(String.init)) == Set(stored))
        #expect(
            try server.send("GET", "/api/speakers/\(busiest)?offset=-1", headers: desk.bearer("vera")).status == 400
        )
        let first = try server.send("GET", "/speakers/\(busiest)", headers: desk.bearer("vera")).body
        #expect(first.contains("Attributions 1–200 of \(total)."))
        #expect(first.contains("<a href=\"/speakers/\(busiest)?offset=200\">Later →</a>") && !first.contains("Earlier"))
        let second = try server.send("GET", "/speakers/\(busiest)?offset=200", headers: desk.bearer("vera")).body
        #expect(second.contains("Attributions 201–400 of \(total)."))
        #expect(second.contains("<a href=\"/speakers/\(busiest)\">← Earlier</a>"))
    }
}
