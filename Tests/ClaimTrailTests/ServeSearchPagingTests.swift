import Foundation
import Testing

@testable import ClaimTrail

/// The search page shows 50 hits at a time: past them it says that more follow and links to them, as
/// `search --offset` pages, instead of ending at the 50th as if nothing else matched.
@Suite("claimtrail serve: search, a page at a time")
struct ServeSearchPagingTests {
    @Test("/search and /api/search page through every hit with offset")
    func searchPages() throws {
        let desk = try DeskFixture()
        let claims = (1...60).map { #"{"type": "claim", "text": "Harbour claim number \#($0)"}"# }
        try desk.run(["import", try desk.temporary.file("claims.jsonl", claims.joined(separator: "\n") + "\n")])
        let server = try RunningServer(database: desk.path)
        defer { _ = server.stop() }
        let page = { (offset: String) in
            try server.listed(
                "/api/search?q=harbour\(offset)",
                headers: desk.bearer("vera"),
                list: "hits",
                id: "claim_id"
            )
        }
        let first = try page("")
        let second = try page("&offset=50")
        #expect(first.ids.count == 50 && first.hasMore == true)
        #expect(second.ids.count == 10 && second.hasMore == false)
        #expect(Set(first.ids + second.ids).count == 60, "every claim once, over the two pages")
        #expect(try server.send("GET", "/api/search?q=harbour&offset=-1", headers: desk.bearer("vera")).status == 400)
        let html = try server.send("GET", "/search?q=harbour", headers: desk.bearer("vera")).body
        #expect(html.contains("Hits 1–50, more follow."))
        #expect(html.contains("<a href=\"/search?q=harbour&amp;offset=50\">More →</a>"))
        let last = try server.send("GET", "/search?q=harbour&offset=50", headers: desk.bearer("vera")).body
        #expect(last.contains("Hits 51–60.") && !last.contains("More →"))
        #expect(last.contains("<a href=\"/search?q=harbour\">← Better matches</a>"))
    }
}
