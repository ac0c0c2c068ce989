import Foundation
import Testing

@testable import ClaimTrail

/// Report downloads from the real `claimtrail serve`: streamed in chunks as they are read, and
/// read back by independent parsers against the store file.
@Suite("claimtrail serve: downloads", .serialized)
struct ServeDownloadTests {
    /// The desk's store with a generated busy claim (#2) beside the desk's own claim #1.
    private func busyDesk() throws -> DeskFixture {
        let desk = try DeskFixture()
        try desk.addBusyClaim()
        return desk
    }

    @Test("a busy claim's CSV streams in many chunks, and holds exactly the claim's attributions")
    func csvStreams() throws {
        let desk = try busyDesk()
        let server = try RunningServer(database: desk.path)
        let reply = try server.send("GET", "/export?format=csv&claim=2", headers: desk.bearer("vera"))
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type") == "text/csv; charset=utf-8")
        #expect(reply.header("Content-Disposition") == #"attachment; filename="claimtrail-claim-2.csv""#)
        #expect(reply.header("Content-Length") == nil)
        // 64 KiB chunks, each made after the client took the one before: a whole report in one
        // buffer would come as one chunk.
        let chunks = try #require(reply.chunks, "the response was cut short")
        #expect(chunks >= 3, "\(chunks) chunks for \(reply.body.utf8.count) bytes")
        let rows = CSVParser.parseWithHeader(reply.body)
        let stored = try desk.texts(
            "SELECT id FROM attribution WHERE claim_id = 2 AND state = 'accepted' ORDER BY id"
        )
        #expect(stored.count > 1000)
        #expect(rows.compactMap { $0["attribution_id"] }.sorted { Int($0)! < Int($1)! } == stored)
        #expect(Set(rows.map { $0["claim_id"] }) == ["2"])
        #expect(server.stop() == 0)
    }

    @Test("JSON, PROV-JSON and ClaimReview downloads parse, and cover the claim")
    func documentsParse() throws {
        let desk = try busyDesk()
        try desk.run(["verdict", "2", "--rating", "False", "--by", "Desk"])
        let server = try RunningServer(database: desk.path)
        let claimText = try #require(try desk.texts("SELECT text FROM claim WHERE id = 2").first)
        let attributions = try desk.count("SELECT COUNT(*) FROM attribution WHERE claim_id = 2 AND state = 'accepted'")

        let json = try server.send("GET", "/export?format=json&claim=2", headers: desk.bearer("vera"))
        #expect(json.status == 200 && json.chunks != nil)
        let claims = (json.json as? [String: Any])?["claims"] as? [[String: Any]] ?? []
        let busy = claims.first { $0["text"] as? String == claimText }
        #expect((busy?["attributions"] as? [Any])?.count == attributions)

        let prov = try server.send("GET", "/api/export?format=prov-json&claim=2", headers: desk.bearer("vera"))
        #expect(prov.status == 200 && prov.chunks != nil)
        let entities = (prov.json as? [String: Any])?["entity"] as? [String: [String: Any]] ?? [:]
        #expect(entities.values.filter { $0["prov:type"] as? String == "ct:Attribution" }.count >= attributions)

        let review = try server.send("GET", "/export?format=claimreview&claim=2", headers: desk.bearer("vera"))
        #expect(review.status == 200)
        #expect(review.header("Content-Type") == "application/ld+json; charset=utf-8")
        let graph = (review.json as? [String: Any])?["@graph"] as? [[String: Any]] ?? []
        #expect(graph.map { $0["claimReviewed"] as? String } == [claimText])
        #expect(server.stop() == 0)
    }

    @Test("a download needs an account, a known format and an existing claim: else one clear error")
    func refusals() throws {
        let desk = try DeskFixture()
        let server = try RunningServer(database: desk.path)
        #expect(try server.send("GET", "/api/export?format=csv").status == 401)
        let format = try server.send("GET", "/api/export?format=xlsx", headers: desk.bearer("vera"))
        #expect(format.status == 400)
        #expect(
            (format.json as? [String: Any])?["error"] as? String
                == "format must be one of csv, json, prov-json, claimreview, not “xlsx”"
        )
        let missing = try server.send("GET", "/api/export?format=csv&claim=99", headers: desk.bearer("vera"))
        #expect(missing.status == 404)
        let whole = try server.send("GET", "/export?format=csv", headers: desk.bearer("vera"))
        #expect(whole.status == 200 && whole.chunks != nil)
        #expect(CSVParser.parseWithHeader(whole.body).isEmpty)
        #expect(server.stop() == 0)
    }
}
