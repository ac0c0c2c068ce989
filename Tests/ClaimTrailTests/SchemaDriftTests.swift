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
            #expect(migration.sql + "\n" == text, "\(migration.file) differs from the binary's copy; run scripts/embed-schema.sh")
            #expect(Int(migration.file.prefix(3)) == migration.version)
        }
        #expect(Migration.all.map(\.version) == Array(1...Migration.all.count))
    }

    @Test("a new store is at the latest version and has every table of the schema")
    func newStoreHasTheSchema() throws {
        let temporary = try TemporaryStore()
        #expect(try temporary.store.schemaVersion() == Migration.latestVersion)
        let tables = try temporary.store.database
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map { $0.string(0) }
        #expect(tables == ["attribution", "change_log", "claim", "claim_relation", "claim_source", "claim_stats", "claim_voice",
                           "source", "speaker", "speaker_alias", "verdict"])
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
        #expect(throws: ClaimTrailError.newerStore(path: temporary.path, version: 999, supported: Migration.latestVersion)) {
            _ = try ClaimStore.open(at: temporary.path)
        }
    }

    @Test("a store made at schema version 1 is migrated in place, its data kept")
    func migratesOlderStore() throws {
        let temporary = try TemporaryStore()
        let path = temporary.directory.appendingPathComponent("v1.db").path
        do {
            let old = try Database(path: path)
            try old.executeScript(Migration.all[0].sql)
            try old.executeScript("PRAGMA user_version = 1")
            try old.execute("INSERT INTO claim (text, normalized) VALUES (?, ?)", ["Kept “claim”", "kept \"claim\""])
        }
        let store = try ClaimStore.open(at: path)
        #expect(try store.schemaVersion() == Migration.latestVersion)
        #expect(try store.claim(id: 1)?.text == "Kept “claim”")
        try store.setVerdict(Verdict(rating: "False", reviewer: "Desk"), on: 1)
        #expect(try store.verdicts(claimID: 1).map(\.rating) == ["False"])
    }
}
