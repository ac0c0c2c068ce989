import Foundation
import Testing

@testable import ClaimTrail

/// Independent origins answer "how many independent sources assert this claim": a first-hand
/// denial is no origin of it, and is counted beside the origins instead, in every report that
/// shows them (CLI, JSON, CSV, HTML, the server's claim page).
@Suite("Independent origins assert; denials beside them")
struct OriginsStanceTests {
    /// Claim #1: the ministry asserts it in the Wire (#1), relayed by the Paper (#2); the mayor denies
    /// it first-hand in the Blog (#3), relayed by the Radio (#4).
    static func desk() throws -> DeskFixture {
        let desk = try DeskFixture()
        for title in ["Paper", "Blog", "Radio"] { try desk.run(["source", "add", "--title", title]) }
        try desk.run(["attribute", "1", "--source", "1", "--speaker", "Ministry", "--new-speaker"])
        try desk.run(["attribute", "1", "--source", "2", "--speaker", "Ministry", "--via", "1"])
        try desk.run(["attribute", "1", "--source", "3", "--speaker", "Mayor", "--new-speaker", "--stance", "denies"])
        try desk.run(["attribute", "1", "--source", "4", "--speaker", "Mayor", "--stance", "denies", "--via", "3"])
        return desk
    }

    private static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("origins, trace, contested and the sheet count one origin and one first-hand denial")
    func commandLine() throws {
        let desk = try Self.desk()
        let origins = try Self.object(try desk.run(["origins", "1", "--format", "json"]))
        #expect(origins["sources"] as? Int == 4)
        #expect(origins["independent_origins"] as? Int == 1)
        #expect(origins["first_hand_denials"] as? Int == 1)
        let tree = origins["origins"] as? [[String: Any]] ?? []
        #expect(tree.compactMap { $0["attribution_id"] as? Int } == [1], "the denial is no origin")
        #expect((tree.first?["relays"] as? [[String: Any]])?.compactMap { $0["attribution_id"] as? Int } == [2])
        let table = try desk.run(["origins", "1"])
        #expect(table.contains("\nSources: 4, independent origins: 1, first-hand denials: 1\n"), "\(table)")
        let trace = try Self.object(try desk.run(["trace", "claim", "1", "--format", "json"]))
        #expect(trace["independent_origins"] as? Int == 1 && trace["first_hand_denials"] as? Int == 1)
        #expect(
            try desk.run(["trace", "claim", "1"]).contains("Sources: 4, independent origins: 1, first-hand denials: 1")
        )
        let contested = CSVParser.parseWithHeader(try desk.run(["contested", "--format", "csv"]))
        #expect(contested.first.map { [$0["independent_origins"], $0["first_hand_denials"]] } == ["1", "1"])
        let contestedJSON = try JSONSerialization.jsonObject(
            with: Data(try desk.run(["contested", "--format", "json"]).utf8)
        )
        let first = (contestedJSON as? [[String: Any]])?.first
        #expect(first?["independent_origins"] as? Int == 1 && first?["first_hand_denials"] as? Int == 1)
        let sheet = CSVParser.parse(try desk.run(["export", "--format", "csv", "--per", "claim"]))
        #expect(sheet.first?.suffix(2) == ["independent_origins", "first_hand_denials"])
        #expect(sheet.dropFirst().first?.suffix(2) == ["1", "1"])
        let html = try desk.run(["export", "--format", "html"])
        #expect(html.contains("<p class=\"meta\">Sources: 4, independent origins: 1, first-hand denials: 1</p>"))
    }

    @Test("the claim page and its JSON show the first-hand denials beside the origins")
    func claimPage() throws {
        let desk = try Self.desk()
        let server = try RunningServer(database: desk.path)
        defer { _ = server.stop() }
        let page = try server.send("GET", "/claims/1", headers: desk.bearer("vera"))
        #expect(page.body.contains("Sources: 4, independent origins: 1, first-hand denials: 1"))
        let json = try server.send("GET", "/api/claims/1", headers: desk.bearer("vera"))
        let trace = (json.json as? [String: Any])?["trace"] as? [String: Any]
        #expect(trace?["independent_origins"] as? Int == 1 && trace?["first_hand_denials"] as? Int == 1)
        let contested = try server.send("GET", "/api/contested", headers: desk.bearer("vera"))
        let claims = (contested.json as? [String: Any])?["claims"] as? [[String: Any]]
        #expect(claims?.first?["first_hand_denials"] as? Int == 1)
    }
}
