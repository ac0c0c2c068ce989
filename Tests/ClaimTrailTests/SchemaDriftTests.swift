import Foundation
import Testing

@testable import ClaimTrail

@Suite("The schema in schema/ is the one the binary applies")
struct SchemaDriftTests {
    @Test("every schema/*.sql file is embedded verbatim, in order")
    func embeddedSQLMatchesSchemaFolder() throws {
        let folder = Repository.path("schema")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(files == Migration.all.map(\.file), "run scripts/embed-schema.sh")
        for migration in Migration.all {
            let text = try String(contentsOfFile: folder + "/" + migration.file, encoding: .utf8)
            #expect(
                migration.sql + "\n" == text,
                "\(migration.file) differs from the binary's copy; run scripts/embed-schema.sh"
            )
            #expect(Int(migration.file.prefix(3)) == migration.version)
        }
        // Increasing, each number once. Numbers may skip while several changes are made at once,
        // each with the number it was given (a store then skips the missing ones).
        let versions = Migration.all.map(\.version)
        #expect(versions.first == 1 && zip(versions, versions.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test("a new store has exactly the tables, indexes and triggers that schema/ declares")
    func newStoreHasTheSchema() throws {
        let temporary = try TemporaryStore()
        #expect(try temporary.store.schemaVersion() == Migration.latestVersion)
        // What the SQL files create, less what they drop, read from the files themselves.
        var declared: [String: Set<String>] = ["table": [], "index": [], "trigger": [], "view": []]
        for file in try FileManager.default.contentsOfDirectory(atPath: Repository.path("schema")).sorted()
        where file.hasSuffix(".sql") {
            let sql = try String(contentsOfFile: Repository.path("schema/" + file), encoding: .utf8)
            for match in sql.matches(
                of:
                    #/
                    (CREATE|DROP|ALTER)\s+(?:VIRTUAL\s+|UNIQUE\s+)?(TABLE|INDEX|TRIGGER|VIEW)\s+
                    (?:IF\s+EXISTS\s+)?(\w+)(?:\s+RENAME\s+TO\s+(\w+))?
                    /#
            ) {
                let kind = match.output.2.lowercased()
                let name = String(match.output.3)
                switch match.output.1 {
                case "CREATE": declared[kind]!.insert(name)
                case "DROP": declared[kind]!.remove(name)
                default:
                    if let renamed = match.output.4 {
                        declared[kind]!.remove(name)
                        declared[kind]!.insert(String(renamed))
                    }
                }
            }
        }
        let virtual = declared["table"]!
        for kind in ["table", "index", "trigger", "view"] {
            let present = try temporary.store.database.prepare(
                "SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%'"
            )
            .map([kind]) { $0.string(0) }
            .filter { name in
                !virtual.contains {
                    name.hasPrefix($0 + "_") && name != $0
                        && ["data", "idx", "content", "docsize", "config"].contains(
                            String(name.dropFirst($0.count + 1))
                        )
                }
            }
            #expect(Set(present) == declared[kind]!, "\(kind)s differ from schema/")
        }
        #expect(
            declared["table"]!.isSuperset(of: [
                "claim", "attribution", "source", "speaker", "claim_stats", "claim_fts", "attribution_fts",
                "source_fts",
                "speaker_fts",
            ])
        )
        let foreignKeys = try temporary.store.database.prepare("PRAGMA foreign_keys").first { $0.int(0) }
        #expect(foreignKeys == 1)
        let journal = try temporary.store.database.prepare("PRAGMA journal_mode").first { $0.string(0) }
        #expect(journal == "wal")
    }

    @Test("the binary creates a store with no source tree beside it")
    func binaryWorksWithoutSourceTree() throws {
        let temporary = try TemporaryStore()
        let copy = temporary.directory.appendingPathComponent("claimtrail-copy")
        try FileManager.default.copyItem(at: Binary.url, to: copy)
        let database = temporary.directory.appendingPathComponent("fresh.db").path
        let result = try Binary.run(["init", "--db", database], executable: copy, directory: temporary.directory)
        #expect(result.status == 0, "\(result.stderr)")
        let store = try ClaimStore.open(at: database)
        #expect(try store.schemaVersion() == Migration.latestVersion)
    }

    @Test("a store from a newer claimtrail is refused, not misread")
    func newerStoreIsRefused() throws {
        let temporary = try TemporaryStore()
        try temporary.store.database.executeScript("PRAGMA user_version = 999")
        #expect(
            throws: ClaimTrailError.newerStore(path: temporary.path, version: 999, supported: Migration.latestVersion)
        ) {
            _ = try ClaimStore.open(at: temporary.path)
        }
    }

    @Test("a store made at schema version 1 is migrated in place by init, its data kept")
    func migratesOlderStore() throws {
        let temporary = try TemporaryStore()
        let path = temporary.directory.appendingPathComponent("v1.db").path
        do {
            let old = try Database(path: path)
            try old.executeScript(Migration.all[0].sql)
            try old.executeScript("PRAGMA user_version = 1")
            try old.execute(
                "INSERT INTO claim (text, normalized) VALUES (?, ?)",
                ["Kept “claim”", "kept \"claim\""]
            )
        }
        let store = try ClaimStore.create(at: path)
        #expect(try store.schemaVersion() == Migration.latestVersion)
        #expect(try store.claim(id: 1)?.text == "Kept “claim”")
        try store.setVerdict(Verdict(rating: "False", reviewer: "Desk"), on: 1, by: "test")
        #expect(try store.verdicts(claimID: 1).map(\.rating) == ["False"])
    }
}
