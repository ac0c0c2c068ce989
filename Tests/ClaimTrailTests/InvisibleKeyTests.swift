import Foundation
import Testing

@testable import ClaimTrail

/// A claim pasted with an invisible mark (a trailing U+200E from a right-to-left page, a byte-order
/// mark, a zero-width space) is the claim already stored: the folded key ignores such marks, and
/// migration 025 refolds the keys of older stores, leaving claims that now collide for an editor.
@Suite("claim keys that ignore invisible characters (schema 025)")
struct InvisibleKeyTests {
    static let marks = ["\u{200B}", "\u{200E}", "\u{200F}", "\u{FEFF}", "\u{2060}", "\u{202A}"]

    @Test("the key drops default-ignorable characters wherever they stand, and keeps every visible one")
    func foldDropsMarks() {
        for mark in Self.marks {
            #expect(TextKey.fold("Ferry sank" + mark) == "ferry sank", "\(mark.unicodeScalars.first!.codePoint)")
            #expect(TextKey.fold(mark + "Ferry sank.") == "ferry sank")
            #expect(TextKey.fold("Ferry" + mark + " " + mark + "sank" + mark + ".") == "ferry sank")
        }
        #expect(TextKey.fold("Ferry\u{00AD}sank") == "ferrysank")
        #expect(TextKey.fold("Ferry-sank") == "ferry-sank")
        #expect(TextKey.fold("\u{0600}1") == "\u{0600}1")
    }

    @Test("claim add with a trailing or leading mark finds the stored claim, from the command line and an import")
    func oneClaim() throws {
        let temporary = try TemporaryStore()
        try #require(Binary.run(["claim", "add", "Ferry sank"], database: temporary.path).status == 0)
        for mark in Self.marks {
            let again = try Binary.run(["claim", "add", "Ferry sank" + mark], database: temporary.path)
            #expect(again.status == 0 && again.stdout.hasPrefix("1"), "\(again.stdout) \(again.stderr)")
            let leading = try Binary.run(["claim", "add", mark + "Ferry sank"], database: temporary.path)
            #expect(leading.status == 0 && leading.stdout.hasPrefix("1"), "\(leading.stdout) \(leading.stderr)")
        }
        let lines = try temporary.file("marked.jsonl", #"{"type": "claim", "text": "\ufeffFerry sank\u200e"}"# + "\n")
        #expect(try Binary.run(["import", lines], database: temporary.path).status == 0)
        #expect(try temporary.count("claim") == 1)
    }

    @Test("a schema 24 store is refolded; two claims now one key are both kept, and check lists the merge")
    func upgradeFrom24() throws {
        let temporary = try TemporaryStore()
        let path = temporary.directory.appendingPathComponent("v24.db").path
        try OlderStore.make(at: path, version: 24)
        do {
            let database = try Database(path: path, mode: .existing)
            try database.execute(
                """
                INSERT INTO claim (id, text, normalized) VALUES (1, 'Ferry sank', 'ferry sank'),
                    (2, ?1, ?2), (3, ?3, ?4), (4, ?5, ?6)
                """,
                [
                    "Ferry sank\u{200E}", "ferry sank\u{200E}", "\u{FEFF}Port closed", "\u{FEFF}port closed",
                    "Port closed\u{200B}", "port closed\u{200B}",
                ]
            )
            try database.execute(
                "INSERT INTO speaker (id, name, name_key) VALUES (1, ?, ?)",
                ["Ana Ruiz\u{200F}", "ana ruiz\u{200F}"]
            )
            try database.execute(
                "INSERT INTO speaker_alias (speaker_id, alias, alias_key) VALUES (1, ?, ?), (1, 'AR', 'ar')",
                ["A.R.\u{200B}", "a.r.\u{200B}"]
            )
        }
        let store = try ClaimStore.create(at: path)
        #expect(try store.schemaVersion() == Migration.latestVersion)
        let keys = try store.database.prepare("SELECT id, normalized FROM claim ORDER BY id").map {
            "\($0.int64(0)) \($0.string(1))"
        }
        // Claim 2 would now share claim 1's key, and claim 4 claim 3's: the earlier takes it.
        #expect(keys == ["1 ferry sank", "2 ferry sank\u{200E}", "3 port closed", "4 port closed\u{200B}"])
        let speakerKeys = try store.database.prepare(
            "SELECT name_key FROM speaker UNION ALL "
                + "SELECT alias_key FROM (SELECT alias_key FROM speaker_alias ORDER BY 1)"
        ).map { $0.string(0) }
        #expect(speakerKeys == ["ana ruiz", "a.r", "ar"])
        #expect(try store.resolveSpeaker("Ana Ruiz")?.id == 1)
        #expect(try store.resolveSpeaker("\u{200E}A.R.")?.id == 1)
        #expect(try store.addClaim(text: "\u{200F}Port closed").id == 3)
        #expect(try store.addClaim(text: "Ferry sank\u{FEFF}").id == 1)
        let problems = try StoreCheck(store: store).problems()
        #expect(
            problems == [
                "claim #2 differs from claim #1 only by invisible characters; "
                    + "if they are one claim: claimtrail claim merge 1 2",
                "claim #4 differs from claim #3 only by invisible characters; "
                    + "if they are one claim: claimtrail claim merge 3 4",
            ]
        )
        // The merge check proposes leaves a sound store.
        let merged = try Binary.run(["claim", "merge", "1", "2"], database: path)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(try StoreCheck(store: store).problems().count == 1)
    }
}
