import Foundation
import Testing

@testable import ClaimTrail

/// The query string, read alike on every route (`QueryInput`): "My queue" pages and filters by status
/// as `queue` does, the review queue takes a source as `review list --source` does, and a parameter a
/// route does not take, or one given twice, is refused (400) instead of silently ignored or half read.
@Suite("claimtrail serve: query parameters")
struct ServeQueryParameterTests {
    /// The error a JSON reply carries.
    private static func error(_ reply: HTTPReply) -> String {
        (reply.json as? [String: Any])?["error"] as? String ?? reply.body
    }

    @Test("My queue pages through every claim the account holds, 200 at a time, and filters by status")
    func queuePages() throws {
        let desk = try DeskFixture()
        let claims = (1...230).map { #"{"type": "claim", "text": "Queued claim number \#($0)"}"# }
        try desk.run(["import", try desk.temporary.file("claims.jsonl", claims.joined(separator: "\n") + "\n")])
        // ed holds every claim but the fixture's first; one of them is being checked.
        try ClaimStore.open(at: desk.path).database.execute(
            "UPDATE claim SET assignee = 'ed', assigned_at = '2026-01-02T03:04:05Z' WHERE id > 1"
        )
        try desk.run(["claim", "status", "7", "in_progress"])
        let held = Set(try desk.texts("SELECT id FROM claim WHERE assignee = 'ed'").compactMap(Int.init))
        #expect(held.count == 230)
        let server = try RunningServer(database: desk.path)
        defer { _ = server.stop() }
        let listed = { (query: String) in
            try server.listed("/api/queue?\(query)", headers: desk.bearer("ed"), list: "claims", id: "claim_id")
        }
        // Page by page, as a client follows has_more, until no more follow.
        var (ids, pages, offset) = ([Int](), [Int](), 0)
        while pages.count < 5 {
            let page = try listed("offset=\(offset)")
            (ids, offset) = (ids + page.ids, offset + page.ids.count)
            pages.append(page.ids.count)
            if page.hasMore != true { break }
        }
        #expect(pages == [200, 30])
        // None is disputed or dated, so the queue's order is by id: every held claim once, in order.
        #expect(ids == held.sorted())
        #expect(try listed("status=in_progress").ids == [7])
        #expect(try listed("status=%20").ids.count == 200, "a blank status means any, as on a form")
        // The page says which claims it shows, and links to the pages around it (and no further).
        for (path, shown, absent) in [
            ("/queue", ["Claims 1–200, more follow.", "<a href=\"/queue?offset=200\">Later →</a>"], "← Earlier"),
            ("/queue?offset=200", ["Claims 201–230.", "<a href=\"/queue\">← Earlier</a>"], "Later →"),
            ("/queue?offset=400", ["No open claims are assigned to", "past the first 400"], "Later →"),
            ("/queue?status=unchecked", ["<a href=\"/queue?status=unchecked&amp;offset=200\">Later →</a>"], "Earlier"),
        ] {
            let body = try server.send("GET", path, headers: desk.bearer("ed")).body
            for text in shown { #expect(body.contains(text), "\(path): \(text)") }
            #expect(!body.contains(absent), "\(path): \(absent)")
        }
        #expect(try server.send("GET", "/api/queue?offset=-1", headers: desk.bearer("ed")).status == 400)
        // Published work is not open: refused in the CLI's words, not answered with an empty queue.
        let cli = try Binary.run(["queue", "--mine", "--status", "published"], database: desk.path, user: "ed")
        #expect(cli.status != 0)
        let refused = try server.send("GET", "/api/queue?status=published", headers: desk.bearer("ed"))
        #expect(refused.status == 400)
        #expect(cli.stderr.contains(Self.error(refused)), "CLI: \(cli.stderr) server: \(refused.body)")
        #expect(Self.error(refused).hasPrefix("the queue lists open work"))
        let unknown = try server.send("GET", "/api/queue?status=done", headers: desk.bearer("ed"))
        #expect(unknown.status == 400 && Self.error(unknown).hasPrefix("unknown status “done”"))
    }

    @Test("the review queue takes a source as review list --source does, and refuses one that does not exist")
    func reviewBySource() throws {
        let desk = try DeskFixture()
        try desk.addDeskWork()
        try desk.run(["source", "add", "--title", "An empty article"])
        let server = try RunningServer(database: desk.path)
        defer { _ = server.stop() }
        func proposals(_ query: String) throws -> [[String: Any]] {
            let reply = try server.send("GET", "/api/review\(query)", headers: desk.bearer("vera"))
            #expect(reply.status == 200, "\(query): \(reply.body)")
            return (reply.json as? [String: Any])?["proposals"] as? [[String: Any]] ?? []
        }
        let all = try proposals("")
        #expect(all.count == 2)
        let bySource = try proposals("?source=The%20wire%20story")
        #expect(bySource.compactMap { $0["attribution_id"] as? Int } == all.compactMap { $0["attribution_id"] as? Int })
        #expect(try proposals("?source=2").isEmpty, "the empty article has no proposals")
        #expect(try proposals("?source=").count == 2, "a blank source means any")
        let page = try server.send("GET", "/review?source=2", headers: desk.bearer("vera")).body
        #expect(page.contains("No proposals are waiting for review in <a href=\"/sources/2/audit\">"))
        for bad in ["abc", "99"] {
            let reply = try server.send("GET", "/api/review?source=\(bad)", headers: desk.bearer("vera"))
            let cli = try Binary.run(["review", "list", "--source", bad], database: desk.path)
            #expect(reply.status == 400, "\(bad): \(reply.body)")
            #expect(
                cli.status != 0 && cli.stderr.contains(Self.error(reply)),
                "CLI: \(cli.stderr) server: \(reply.body)"
            )
        }
    }

    @Test("a parameter a route does not take, or one given twice, is refused on every route, and nothing is written")
    func unknownAndRepeated() throws {
        let desk = try DeskFixture()
        let server = try RunningServer(database: desk.path)
        defer { _ = server.stop() }
        let headers = desk.bearer("ed")
        // export --claim takes one claim: two are refused rather than the first taken.
        let twice = try server.send("GET", "/api/export?format=json&claim=1&claim=2", headers: headers)
        #expect(twice.status == 400)
        #expect(Self.error(twice) == "the query has the parameter “claim” twice; give it once")
        for path in [
            "/api/contested?topik=roads", "/api/contested?offset=1&offset=2", "/api/claims/1?page=2",
            "/api/search?q=bridge&limit=5", "/api/me?verbose=1", "/api/sources/1/audit?format=csv",
            "/contested?status=&status=", "/login?next=/queue&next=/review", "/style.css?v=2", "/?x",
        ] {
            let reply = try server.send("GET", path, headers: headers)
            #expect(reply.status == 400, "\(path): \(reply.status) \(reply.body.prefix(300))")
        }
        let unknown = try server.send("GET", "/api/claims/1?page=2", headers: headers)
        #expect(Self.error(unknown) == "unknown query parameter “page” (expected: offset)")
        let none = try server.send("GET", "/api/me?verbose=1", headers: headers)
        #expect(Self.error(none) == "unknown query parameter “verbose” (this address takes none)")
        // A write with a stray parameter is refused before anything is recorded.
        let claims = try desk.count("SELECT count(*) FROM claim")
        let post = try server.send(
            "POST",
            "/api/claims?dry_run=1",
            headers: headers.merging(["Content-Type": "application/json"]) { $1 },
            body: #"{"text": "A stray parameter"}"#
        )
        #expect(post.status == 400, "\(post.body)")
        #expect(try desk.count("SELECT count(*) FROM claim") == claims)
        // What every route does take still answers.
        for path in [
            "/api/contested?topic=&status=&assignee=&offset=0&limit=5", "/api/claims/1?offset=0",
            "/api/search?q=bridge&offset=0", "/api/review?source=1", "/api/queue?status=unchecked&offset=0",
            "/api/export?format=csv&claim=1", "/api/export?contested=1", "/login?next=/queue",
        ] {
            let reply = try server.send("GET", path, headers: headers)
            #expect(reply.status == 200, "\(path): \(reply.status) \(reply.body.prefix(300))")
        }
    }
}
