import Foundation
import Testing

@testable import ClaimTrail

/// A store written by the previous release (schema 7), with data, upgraded by `init` (ClaimStore.create).
@Suite("Upgrading a schema 7 store")
struct MigrationTests {
    @Test("a version 7 store with data upgrades: every attribution accepted, counters and check intact")
    func upgradeFromSeven() throws {
        let temporary = try TemporaryStore()
        let path = temporary.directory.appendingPathComponent("v7.db").path
        try OlderStore.make(at: path, version: 7)
        do {
            let database = try Database(path: path, mode: .existing)
            try database.executeScript("PRAGMA foreign_keys = ON")
            try database.executeScript(
                """
                INSERT INTO source (id, title, published) VALUES (1, 'Article one', '2018-08-28'),
                    (2, 'Article two', NULL);
                INSERT INTO speaker (id, name, name_key, kind) VALUES (1, 'Russian MoD', 'russian mod', 'government'),
                    (2, 'Pentagon', 'pentagon', 'government');
                INSERT INTO claim (id, text, normalized, topic) VALUES
                    (1, 'A strike is planned', 'a strike is planned', 'syria'),
                    (2, 'No strike is planned', 'no strike is planned', 'syria');
                INSERT INTO claim_relation (from_claim_id, to_claim_id, kind) VALUES (2, 1, 'contradicts');
                INSERT INTO attribution (claim_id, speaker_id, source_id, stance, quote, recorded_by) VALUES
                    (1, 1, 1, 'asserts', 'a strike is being prepared', 'old'), (2, 2, 2, 'asserts', NULL, 'old'),
                    (1, 2, 2, 'denies', NULL, 'old');
                INSERT INTO verdict (claim_id, rating, reviewer) VALUES (1, 'False', 'Desk');
                """
            )
        }
        let counters = "SELECT claim_id, attributions, asserting, disputing, counter_claims, sources FROM claim_stats"
        let before = try Database(path: path, mode: .existing).prepare(counters).map { row in
            (0..<6).map { String(row.int64($0)) }.joined(separator: ",")
        }

        // Only init upgrades: every other command refuses the older store, and leaves it as it is.
        #expect(throws: ClaimTrailError.self) { _ = try ClaimStore.open(at: path) }
        let store = try ClaimStore.create(at: path)
        #expect(try store.schemaVersion() == Migration.latestVersion)
        #expect(
            try store.database.prepare(counters).map { row in
                (0..<6).map { String(row.int64($0)) }.joined(separator: ",")
            } == before
        )
        #expect(
            try store.database.prepare("SELECT DISTINCT state FROM attribution").map { $0.string(0) } == ["accepted"]
        )
        #expect(try store.database.prepare("SELECT DISTINCT status FROM claim").map { $0.string(0) } == ["unchecked"])
        #expect(try StoreCheck(store: store).problems().isEmpty)
        #expect(try store.verdicts(claimID: 1) == [Verdict(rating: "False", reviewer: "Desk")])
        let trace = try store.traceClaim("1")
        #expect(trace.attributions.count == 2 && trace.contested && trace.status == .unchecked && trace.notes.isEmpty)
        #expect(try store.search("strike being prepared").count == 1)

        // The upgraded store takes the new workflow: and the binary agrees with it.
        try store.write {
            try store.setStatus(.inProgress, of: 1, by: "ana", note: nil)
            _ = try store.addNote("checking", to: 1, by: "ana")
        }
        let check = try Binary.run(["check"], database: path)
        #expect(check.status == 0 && check.stdout == "ok\n", "\(check.stdout)\(check.stderr)")
    }
}

/// A store of schema 13 (the desk workflow and stable ids, before label renames were logged),
/// holding the desk's state, upgraded by `init`.
@Suite("Upgrading a schema 13 store")
struct DeskStoreMigrationTests {
    @Test("a version 13 store keeps its change log, proposals, statuses and labels, and logs label renames after")
    func upgradeFromThirteen() throws {
        let temporary = try TemporaryStore()
        let current = temporary.store
        try current.write {
            let source = try current.source("Article")
            let claim = try current.claim("The fleet left port")
            try current.attribute(claim, try current.speaker("Oana Lungescu"), in: source)
            _ = try ExtractionRecorder(store: current, recordedBy: "ana")
                .propose([.quote("Ships are moving", by: "Bo")], source: source)
            try current.setStatus(.inProgress, of: claim, by: "ana", note: "on it")
            try current.assign(claim, to: "bo", by: "ana")
            _ = try current.addNote("called the ministry", to: claim, by: "bo")
        }
        try current.database.execute("INSERT INTO status_label VALUES ('in_progress', 'Being checked')")
        let tables = [
            "source", "speaker", "claim", "attribution", "attribution_proposal", "change_log", "status_label",
            "claim_note",
        ]
        let path = temporary.directory.appendingPathComponent("v13.db").path
        try OlderStore.make(at: path, version: 13, copying: tables, from: current)
        // The columns of schema 13: later ones (the change log's uid, schema 019) are new, not kept.
        let older = try Database(path: path, mode: .existing)
        let columns = try tables.map { table in
            try older.prepare("SELECT name FROM pragma_table_info(?)").map([table]) { "quote(\"\($0.string(0))\")" }
        }
        let rows = { (store: Database) in
            try zip(tables, columns).flatMap { table, columns in
                try store.prepare("SELECT \(columns.joined(separator: " || '|' || ")) FROM \(table) ORDER BY 1")
                    .map { table + ":" + $0.string(0) }
            }
        }
        let before = try rows(older)
        #expect(before.contains { $0.hasPrefix("change_log:") })

        let store = try ClaimStore.create(at: path)
        #expect(try store.schemaVersion() == Migration.latestVersion)
        #expect(try rows(store.database) == before, "every row, change log ids included, is kept")
        #expect(try StoreCheck(store: store).problems().isEmpty)
        try store.write { try store.setStatusLabel(.inProgress, to: "On the desk", by: "cy") }
        #expect(
            try store.database.prepare("SELECT changed_by, entity FROM change_log ORDER BY id DESC LIMIT 1").first {
                $0.string(0) + ":" + $0.string(1)
            } == "cy:status_label"
        )
        #expect(throws: (any Error).self) { try store.database.execute("DELETE FROM change_log") }
        let check = try Binary.run(["check"], database: path)
        #expect(check.status == 0 && check.stdout == "ok\n", "\(check.stdout)\(check.stderr)")
    }
}
