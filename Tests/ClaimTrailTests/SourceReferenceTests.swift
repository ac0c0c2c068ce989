import Foundation
import Testing

@testable import ClaimTrail

/// A source is found by the title it was stored under, however the reference is padded.
@Suite("source references")
struct SourceReferenceTests {
    @Test("a padded title finds the source it created, on the command line and in an import")
    func paddedTitleFound() throws {
        let temporary = try TemporaryStore()
        let added = try Binary.run(["source", "add", "--title", "  Spaced  "], database: temporary.path)
        #expect(added.stdout == "1\n", "\(added.stderr)")
        let shown = try Binary.run(["source", "show", "  Spaced  ", "--format", "json"], database: temporary.path)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("\"Spaced\""))

        let file = try temporary.file(
            "padded.json",
            #"""
            {"sources": [{"title": " Padded title"}],
             "claims": [{"text": "A padded claim"}],
             "attributions": [{"claim": "A padded claim", "speaker": "Someone", "source": " Padded title "}],
             "speakers": [{"name": "Someone"}]}
            """#
        )
        let imported = try Binary.run(["import", file], database: temporary.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        let titles = try temporary.store.database.prepare(
            "SELECT s.title FROM attribution a JOIN source s ON s.id = a.source_id"
        ).map { $0.string(0) }
        #expect(titles == ["Padded title"])
    }
}
