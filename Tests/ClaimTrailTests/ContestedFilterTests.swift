import Foundation
import Testing

@testable import ClaimTrail

/// The contested list narrowed by status and by who holds a claim (issue #17: "contested claims, with
/// filters (topic, status, assignee) and paging"), alike from the command line, the page and the API.
@Suite("contested, filtered by status and assignee")
struct ContestedFilterTests {
    /// Two contested claims: #1, being checked (the desk's label) and held by ed; #3, unchecked and held by ada.
    private static func desk() throws -> DeskFixture {
        let desk = try DeskFixture()
        try desk.run(["claim", "add", "The bridge stayed open", "--counters", "1"])
        try desk.run(["claim", "add", "The ferry was late"])
        try desk.run(["claim", "add", "The ferry was on time", "--counters", "3"])
        try desk.run(["status", "labels", "in_progress", "Being checked"])
        try desk.run(["claim", "status", "1", "in_progress"])
        try desk.run(["claim", "assign", "1", "--to", "ed"])
        try desk.run(["claim", "assign", "3", "--to", "ada"])
        return desk
    }

    @Test("contested --status and --assignee keep the claims they name")
    func commandLine() throws {
        let desk = try Self.desk()
        func ids(_ filters: [String]) throws -> [String] {
            CSVParser.parse(try desk.run(["contested", "--format", "csv"] + filters)).dropFirst().map { $0[0] }
        }
        #expect(try ids([]) == ["1", "3"])
        #expect(try ids(["--status", "in_progress"]) == ["1"])
        #expect(try ids(["--status", "being checked"]) == ["1"])
        #expect(try ids(["--status", "unchecked"]) == ["3"])
        #expect(try ids(["--assignee", "ADA"]) == ["3"])
        #expect(try ids(["--assignee", "ed", "--status", "unchecked"]).isEmpty)
        let unknown = try Binary.run(["contested", "--status", "done"], database: desk.path)
        #expect(unknown.status == 1 && unknown.stderr.hasPrefix("Error: unknown status “done”"), "\(unknown.stderr)")
    }

    @Test("/contested and /api/contested take status and assignee, and the page's links keep them")
    func server() throws {
        let desk = try Self.desk()
        let server = try RunningServer(database: desk.path)
        defer { _ = server.stop() }
        func ids(_ query: String) throws -> [Int] {
            let reply = try server.send("GET", "/api/contested?\(query)", headers: desk.bearer("vera"))
            #expect(reply.status == 200, "\(query): \(reply.body)")
            let claims = (reply.json as? [String: Any])?["claims"] as? [[String: Any]] ?? []
            return claims.compactMap { $0["id"] as? Int }
        }
        #expect(try ids("") == [1, 3])
        #expect(try ids("status=in_progress") == [1])
        #expect(try ids("status=Being%20checked") == [1])
        #expect(try ids("assignee=Ada") == [3])
        #expect(try ids("status=%20&assignee=") == [1, 3], "blank fields mean any, as on the form")
        let unknown = try server.send("GET", "/api/contested?status=done", headers: desk.bearer("vera"))
        #expect(unknown.status == 400)
        #expect(((unknown.json as? [String: Any])?["error"] as? String)?.hasPrefix("unknown status “done”") == true)
        // The page shows the filters in its form and carries them to the next page.
        let page = try server.send("GET", "/contested?status=unchecked&limit=1", headers: desk.bearer("vera"))
        #expect(page.body.contains("<input name=\"status\" value=\"unchecked\">"))
        #expect(page.body.contains("href=\"/claims/3\"") && !page.body.contains("href=\"/claims/1\""))
        let all = try server.send("GET", "/contested?assignee=ed&limit=1", headers: desk.bearer("vera"))
        #expect(all.body.contains("href=\"/claims/1\"") && !all.body.contains("Next →"))
        let first = try server.send("GET", "/contested?limit=1", headers: desk.bearer("vera"))
        #expect(first.body.contains("href=\"/contested?offset=1&amp;limit=1\">Next →"))
        let filtered = try server.send(
            "GET",
            "/contested?topic=&status=&assignee=a&limit=1",
            headers: desk.bearer("vera")
        )
        #expect(filtered.body.contains("No contested claims."))
    }
}
