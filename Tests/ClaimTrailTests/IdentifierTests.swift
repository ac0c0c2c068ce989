import Foundation
import Testing

@testable import ClaimTrail

/// An id, once given, is never given again (schema 008): not after a merge, not after a deletion,
/// not by an import, and not in a store upgraded from version 7.
@Suite("ids are never reused")
struct IdentifierTests {
    @Test("after a merge and after deletions, new claims and attributions get fresh ids")
    func freshIDsThroughTheBinary() throws {
        let temporary = try TemporaryStore()
        let db = temporary.directory.appendingPathComponent("ids.db").path
        func run(_ arguments: String...) throws -> String {
            let result = try Binary.run(arguments, database: db)
            #expect(result.status == 0, "claimtrail \(arguments.joined(separator: " ")): \(result.stderr)")
            return result.stdout
        }
        _ = try run("init")
        #expect(try run("source", "add", "--title", "Article") == "1\n")
        #expect(try run("claim", "add", "The strike was planned") == "1\n")
        #expect(try run("claim", "add", "A strike was planned") == "2\n")
        _ = try run("claim", "merge", "1", "2")
        #expect(try run("claim", "add", "Nobody planned anything") == "3\n")
        // The merged id still resolves to the claim it joined, not to the new one.
        #expect(try run("trace", "claim", "2", "--format", "json").contains("The strike was planned"))

        #expect(try run("attribute", "3", "--unattributed", "--source", "1") == "1\n")
        _ = try run("attribution", "delete", "1", "--reason", "misread")
        #expect(try run("attribute", "3", "--unattributed", "--source", "1") == "2\n")

        _ = try run("claim", "delete", "3", "--reason", "duplicate")
        #expect(try run("claim", "add", "An unrelated claim") == "4\n")
        // The new claim has no history: the deleted claim's log entries stay with id 3.
        #expect(try !run("trace", "claim", "4", "--format", "json").contains("misread"))
        #expect(try run("check") == "ok\n")
    }

    @Test("a claim that absorbed a merge can be deleted; a merged-away id or wording is refused by delete")
    func deleteMergeTarget() throws {
        let temporary = try TemporaryStore()
        let db = temporary.directory.appendingPathComponent("merge.db").path
        func run(_ arguments: String...) throws -> Binary.Result {
            try Binary.run(arguments, database: db)
        }
        _ = try run("init")
        _ = try run("source", "add", "--title", "Article")
        _ = try run("claim", "add", "The strike was planned")
        _ = try run("claim", "add", "A strike was planned")
        _ = try run("attribute", "2", "--unattributed", "--source", "1")
        #expect(try run("claim", "merge", "1", "2").status == 0)

        for reference in ["2", "A strike was planned"] {
            let refused = try run("claim", "delete", reference, "--reason", "wrong")
            #expect(refused.status == 1)
            let named = reference == "2" ? "claim #2" : "“A strike was planned”"
            #expect(refused.stderr == "Error: \(named) was merged into claim #1; name claim #1 itself\n")
        }
        #expect(try run("claim", "list").stdout.contains("The strike was planned"))

        let deleted = try run("claim", "delete", "1", "--reason", "wrong")
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(deleted.stdout == "1\n")
        let database = try Database(path: db)
        #expect(try database.prepare("SELECT count(*) FROM claim").first { $0.int(0) } == 0)
        #expect(try database.prepare("SELECT count(*) FROM claim_merge").first { $0.int(0) } == 0)
        let logged = try database.prepare(
            "SELECT reason FROM change_log WHERE entity = 'claim' AND entity_id = 2 ORDER BY id"
        ).map { $0.string(0) }
        #expect(logged == ["merged into claim #1", "claim #1, which it was merged into, was deleted: wrong"])
        #expect(try run("claim", "delete", "2").stderr == "Error: no claim #2\n")
        #expect(try run("claim", "add", "Something new").stdout == "3\n")
        #expect(try run("check").stdout == "ok\n")
    }

    @Test("a merged-away id, wording or uid is refused as the claim to merge: it would merge away the claim it joined")
    func mergeOfMergedAway() throws {
        let temporary = try TemporaryStore()
        let db = temporary.directory.appendingPathComponent("merge.db").path
        func run(_ arguments: String...) throws -> Binary.Result {
            try Binary.run(arguments, database: db)
        }
        _ = try run("init")
        _ = try run("source", "add", "--title", "Article")
        for text in ["The strike was planned", "A strike was planned", "The port is closed"] {
            _ = try run("claim", "add", text)
        }
        _ = try run("attribute", "1", "--unattributed", "--source", "1")
        _ = try run("attribute", "2", "--unattributed", "--source", "1")
        #expect(try run("claim", "merge", "1", "2").status == 0)
        let database = try Database(path: db)
        let uid = try #require(
            try database.prepare("SELECT uid FROM merged_uid WHERE entity = 'claim'").first {
                $0.string(0)
            }
        )
        for reference in ["2", "A strike was planned", uid] {
            let refused = try run("claim", "merge", "3", reference)
            #expect(refused.status == 1)
            let named = reference == "2" ? "claim #2" : "“\(reference)”"
            #expect(refused.stderr == "Error: \(named) was merged into claim #1; name claim #1 itself\n")
        }
        // Claim 1 is still live and holds both attributions; claim 3 took nothing.
        let claims = try database.prepare(
            "SELECT c.id, count(a.id) FROM claim c LEFT JOIN attribution a ON a.claim_id = c.id GROUP BY c.id"
        ).map { [$0.int(0), $0.int(1)] }
        #expect(claims == [[1, 2], [3, 0]])
        // The kept side still follows the merge: claim 2 names claim 1.
        #expect(try run("claim", "merge", "2", "3").stdout == "claim #3 merged into claim #1\n")
        #expect(try run("check").stdout == "ok\n")
    }

    @Test("a merged-away speaker's uid is refused as the speaker to merge: it would merge away the one it joined")
    func speakerMergeOfMergedAway() throws {
        let temporary = try TemporaryStore()
        let db = temporary.directory.appendingPathComponent("speakers.db").path
        func run(_ arguments: String...) throws -> Binary.Result {
            try Binary.run(arguments, database: db)
        }
        _ = try run("init")
        for name in ["NATO", "Oana Lungescu", "Pentagon"] {
            #expect(try run("speaker", "add", name, "--kind", "organization").status == 0)
        }
        #expect(try run("speaker", "merge", "1", "2").status == 0)
        let database = try Database(path: db)
        let uid = try #require(
            try database.prepare("SELECT uid FROM merged_uid WHERE entity = 'speaker'").first { $0.string(0) }
        )
        let refused = try run("speaker", "merge", "3", uid)
        #expect(refused.status == 1)
        #expect(refused.stderr == "Error: “\(uid)” was merged into speaker #1; name speaker #1 itself\n")
        let speakers = try database.prepare("SELECT id, name FROM speaker ORDER BY id").map {
            [$0.string(0), $0.string(1)]
        }
        #expect(speakers == [["1", "NATO"], ["3", "Pentagon"]])
        #expect(try run("check").stdout == "ok\n")
    }

    @Test("an import after a merge and a deletion takes fresh ids too")
    func importTakesFreshIDs() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        _ = try Importer(store: store, recordedBy: "t").importFile(atPath: Repository.path("examples/syria.json"))
        let lastClaim = try #require(store.database.prepare("SELECT max(id) FROM claim").first { $0.int64(0) })
        let lastAttribution = try #require(
            store.database.prepare("SELECT max(id) FROM attribution").first { $0.int64(0) }
        )
        try store.write {
            try store.deleteAttribution(lastAttribution, by: "t", reason: nil)
            try store.mergeClaim(lastClaim, into: 1, by: "t", reason: nil)
        }
        let file = try temporary.file(
            "more.jsonl",
            """
            {"type": "claim", "text": "A claim imported later"}
            {"type": "attribution", "claim": "A claim imported later", "source": "#1"}

            """
        )
        _ = try Importer(store: store, recordedBy: "t").importFile(atPath: file)
        let imported = try store.database.prepare(
            "SELECT c.id, a.id FROM claim c JOIN attribution a ON a.claim_id = c.id"
                + " WHERE c.text = 'A claim imported later'"
        ).first { [$0.int64(0), $0.int64(1)] }
        #expect(imported == [lastClaim + 1, lastAttribution + 1])
        #expect(try StoreCheck(store: store).problems() == [])
    }

    @Test("check reports a live id recorded as merged or deleted, and a counter below a used id")
    func checkFindsClashes() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let kept = try store.claim("Kept")
        let merged = try store.claim("Merged")
        let deleted = try store.claim("Deleted")
        try store.write {
            try store.mergeClaim(merged, into: kept, by: "t", reason: nil)
            try store.deleteClaim(deleted, by: "t", reason: nil)
        }
        #expect(try StoreCheck(store: store).problems() == [])
        // What an older claimtrail did: give the freed ids to new claims.
        try store.database.executeScript(
            """
            INSERT INTO claim (id, text, normalized)
                VALUES (\(merged), 'Reused', 'reused'), (\(deleted), 'Again', 'again');
            UPDATE sqlite_sequence SET seq = 1 WHERE name = 'claim';
            """
        )
        #expect(
            try StoreCheck(store: store).problems() == [
                "claim #\(merged) is live, but claim_merge records it as merged into #\(kept): its id was reused",
                "claim #\(deleted) is live, but the change log records its deletion: its id was reused",
                "the id counter of table claim (1) is below id \(deleted), which was used: new rows would reuse ids",
            ]
        )
    }

    @Test("a store at schema version 7 is upgraded: rows, ids, counters and search kept, no used id given again")
    func upgradeFromVersion7() throws {
        let current = try TemporaryStore()
        try HostileStore.fill(current.store)
        _ = try Importer(store: current.store, recordedBy: "t").importFile(
            atPath: Repository.path("examples/syria.json")
        )
        let topClaim = try #require(current.store.database.prepare("SELECT max(id) FROM claim").first { $0.int64(0) })
        let topAttribution = try #require(
            current.store.database.prepare("SELECT max(id) FROM attribution").first { $0.int64(0) }
        )
        // The highest ids now live on only in claim_merge and the change log.
        try current.store.write {
            try current.store.deleteAttribution(topAttribution, by: "t", reason: "gone")
            try current.store.mergeClaim(topClaim, into: 1, by: "t", reason: nil)
        }

        let path = current.directory.appendingPathComponent("v7.db").path
        try OlderStore.make(
            at: path,
            version: 7,
            copying: [
                "source", "speaker", "speaker_alias", "claim", "attribution", "claim_relation", "verdict", "change_log",
                "claim_merge",
            ],
            from: current.store
        )
        let before = try Self.schemaObjects(path)
        let refused = try Binary.run(["contested", "--db", path])
        #expect(
            refused.status == 1
                && refused.stderr
                    == "Error: \(path) has schema version 7, "
                    + "older than this claimtrail's (\(Migration.latestVersion)); "
                    + "run `claimtrail init --db \(path)` to upgrade it\n"
        )

        let upgraded = try ClaimStore.create(at: path)
        #expect(try upgraded.schemaVersion() == Migration.latestVersion)
        // Schema 13 gives the upgraded rows uids of their own.
        #expect(
            try TemporaryStore.snapshot(of: upgraded, uids: false)
                == TemporaryStore.snapshot(of: current.store, uids: false)
        )
        #expect(try StoreCheck(store: upgraded).problems() == [])
        for table in ["claim_stats", "claim_voice", "claim_source", "speaker_stats", "claim_merge"] {
            let rows = { (store: ClaimStore) in
                try store.database.prepare("SELECT * FROM \(table)").map { row in
                    (0..<10).map { row.text($0) ?? "∅" }.joined(separator: "|")
                }.sorted()
            }
            #expect(try rows(upgraded) == rows(current.store), "\(table)")
        }
        for query in ["Kalibr", "missile", "Захарова", "Lungescu"] {
            #expect(try upgraded.search(query) == current.store.search(query), "\(query)")
        }
        // Migration 008 puts back every index and trigger of version 7, word for word (later
        // migrations add their own); the six tables now count with AUTOINCREMENT.
        let indexesAndTriggers = { (objects: [SchemaObject]) in
            objects.filter { $0.type == "index" || $0.type == "trigger" }
        }
        let seven = current.directory.appendingPathComponent("v7-then-8.db").path
        try OlderStore.make(at: seven, version: 7)
        try Database(path: seven).executeScript(try #require(Migration.all.first { $0.version == 8 }).sql)
        #expect(indexesAndTriggers(try Self.schemaObjects(seven)) == indexesAndTriggers(before))
        let after = try Self.schemaObjects(path)
        for table in ["source", "speaker", "claim", "attribution", "claim_relation", "verdict"] {
            #expect(after.first { $0.name == table }?.sql.contains("AUTOINCREMENT") == true, "\(table)")
        }
        // The counters start above every id ever used, and the next rows prove it.
        let source = try upgraded.source("After the upgrade")
        let claim = try upgraded.claim("A claim after the upgrade")
        #expect(claim == topClaim + 1)
        #expect(try upgraded.attribute(claim, nil, in: source) == topAttribution + 1)
        #expect(try StoreCheck(store: upgraded).problems() == [])
    }

    private struct SchemaObject: Equatable {
        let type, name, table, sql: String
    }

    private static func schemaObjects(_ path: String) throws -> [SchemaObject] {
        try Database(path: path, mode: .readOnly).prepare(
            "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name"
        ).map { SchemaObject(type: $0.string(0), name: $0.string(1), table: $0.string(2), sql: $0.string(3)) }
    }
}
