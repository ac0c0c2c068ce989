import Foundation
import Testing

@testable import ClaimTrail

/// A Wikidata item an import file gives a speaker already stored: a speaker without one is linked
/// to it and the link is logged as `speaker link` logs it; one linked to another item keeps its own,
/// and the import says so on stderr, one line per speaker, and still succeeds.
@Suite("import: Wikidata items of stored speakers")
struct ImportWikidataLinkTests {
    @Test("an unlinked speaker is linked and logged; a speaker linked elsewhere keeps its item, said on stderr")
    func linkOrKeep() throws {
        let temporary = try TemporaryStore()
        // Blank has no item, Linked another than the file's, Same the file's own.
        let file = try temporary.file(
            "speakers.json",
            """
            {"speakers": [{"name": "Blank", "kind": "person", "wikidata": "Q5"},
                          {"name": "linked", "kind": "person", "wikidata": "Q999"},
                          {"name": "Same", "kind": "person", "wikidata": "Q42"}]}
            """
        )
        for arguments in [
            ["speaker", "add", "Blank", "--kind", "person"], ["speaker", "add", "Linked", "--kind", "person"],
            ["speaker", "link", "Linked", "Q7184"], ["speaker", "add", "Same", "--kind", "person"],
            ["speaker", "link", "Same", "Q42"],
        ] {
            let result = try Binary.run(arguments, database: temporary.path)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let imported = try Binary.run(["import", file], database: temporary.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(
            imported.stdout.contains(
                "3 already stored; 1 stored speakers linked to Wikidata; 1 stored speakers kept their own Wikidata item"
            ),
            "\(imported.stdout)"
        )
        #expect(
            imported.stderr
                == "speaker #2 “Linked” keeps its Wikidata item Q7184; the file gives Q999 "
                + "(`speaker link` changes it)\n"
        )
        let store = try ClaimStore.open(at: temporary.path)
        let items = try store.database.prepare("SELECT name, wikidata FROM speaker ORDER BY id").map {
            "\($0.string(0)) \($0.text(1) ?? "-")"
        }
        #expect(items == ["Blank Q5", "Linked Q7184", "Same Q42"])
        // The link is in the change log, as `speaker link` records one (who, before and after, why).
        let log = try store.database.prepare(
            """
            SELECT entity_id, action, changed_by, coalesce(before ->> '$.wikidata', '-'), after ->> '$.wikidata', reason
            FROM change_log WHERE entity = 'speaker' ORDER BY id
            """
        ).map { row in (1...5).map { row.text(Int32($0)) ?? "-" }.joined(separator: " ") + " #\(row.int64(0))" }
        #expect(log == ["edit tester - Q7184 - #2", "edit tester - Q42 - #3", "edit tester - Q5 import #1"])
        // Importing the file again links nothing more, and says again which speaker kept its item.
        let again = try Binary.run(["import", file], database: temporary.path)
        #expect(again.status == 0 && !again.stdout.contains("linked to Wikidata"), "\(again.stdout)")
        #expect(again.stderr.hasPrefix("speaker #2 “Linked” keeps its Wikidata item Q7184"))
    }
}
