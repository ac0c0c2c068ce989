import Foundation
import Testing

@testable import ClaimTrail

/// `claimtrail sync`: stores edited apart come to the same content, matched by uid.
@Suite struct SyncTests {
    /// Three copies of one store, as three people of a desk would each have on a laptop.
    private static func threeCopies(of temporary: TemporaryStore) throws -> [String] {
        try ["a", "b", "c"].map { name in
            let path = temporary.directory.appendingPathComponent("\(name).db").path
            try temporary.store.backup(to: path)
            return path
        }
    }

    private static func sync(_ path: String, from other: String, user: String = "tester") throws -> Binary.Result {
        let result = try Binary.run(["sync", other], database: path, user: user)
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    private static func export(_ path: String) throws -> String {
        let result = try Binary.run(["export", "--format", "json"], database: path)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func threeStoresEditedApartConvergeAfterPairwiseSyncs() throws {
        let base = try TemporaryStore()
        let store = base.store
        let source = try store.source("Morning report")
        let (kept, twin, doomed) = (
            try store.claim("The port is closed"), try store.claim("Port closed"), try store.claim("The mayor resigned")
        )
        let mayor = try store.speaker("Mayor Example")
        let quoted = try store.attribute(kept, mayor, in: source, quote: "the port is clsoed")
        try store.attribute(twin, mayor, in: source, .denies)
        try store.attribute(doomed, mayor, in: source)
        let quotedUID = try #require(try store.uid(of: .attribution, id: quoted)).text
        let (twinUID, doomedUID) = (
            try #require(try store.uid(of: .claim, id: twin)).text,
            try #require(try store.uid(of: .claim, id: doomed)).text
        )
        let paths = try Self.threeCopies(of: base)
        let (a, b, c) = (
            try ClaimStore.open(at: paths[0]), try ClaimStore.open(at: paths[1]), try ClaimStore.open(at: paths[2])
        )

        // A adds a claim, corrects the quote and the source's body; B corrects the quote otherwise,
        // later, merges two phrasings and records one more voice for a claim that C deletes; C
        // deletes it and adds a source.
        try a.write {
            let added = try a.claim("Ferries are running")
            try a.attribute(added, nil, in: source)
            try a.editAttribution(quoted, quote: "the port is closed", cue: nil, mode: nil, by: "ana", reason: nil)
            try a.editSource(source, body: "The port is closed, the mayor said.\n", by: "ana", reason: "full text")
        }
        // Entries are ordered by time to the millisecond (their uids), then at random: B's comes later.
        usleep(20_000)
        try b.write {
            try b.editAttribution(quoted, quote: "the port is closed.", cue: nil, mode: nil, by: "bo", reason: nil)
            try b.mergeClaim(twin, into: kept, by: "bo", reason: "one claim")
        }
        let late = try b.write { try b.attribute(doomed, nil, in: source, quote: "he quit") }
        let lateUID = try #require(try b.uid(of: .attribution, id: late)).text
        try c.write {
            try c.deleteClaim(doomed, by: "cy", reason: "not a claim")
            _ = try c.addSource(SourceDraft(title: "Evening report", url: "https://c.example/evening"))
        }

        let first = try Self.sync(paths[0], from: paths[1])
        #expect(first.stdout.contains("conflict: attribution \(quotedUID)"), "\(first.stdout)")
        #expect(first.stdout.contains("“the port is closed.”"), "\(first.stdout)")
        // C's deletion takes B's late attribution with it, in A and then in B: each says so.
        let second = try Self.sync(paths[0], from: paths[2])
        #expect(second.stdout.contains("conflict: attribution \(lateUID)"), "\(second.stdout)")
        #expect(second.stdout.contains("is of claim \(doomedUID)"), "\(second.stdout)")
        let third = try Self.sync(paths[1], from: paths[0])
        #expect(third.stdout.contains("conflict: attribution \(lateUID)"), "\(third.stdout)")
        _ = try Self.sync(paths[2], from: paths[0])
        // Synced again, nothing changes: no new entry, no conflict reported twice.
        let again = try Self.sync(paths[1], from: paths[2])
        #expect(!again.stdout.contains("conflict"), "\(again.stdout)")

        let exports = try paths.map(Self.export)
        #expect(exports[1] == exports[0])
        #expect(exports[2] == exports[0])
        for path in paths {
            let database = try Database(path: path)
            let quote = try database.prepare("SELECT quote FROM attribution WHERE uid = ?").first([quotedUID]) {
                $0.text(0)
            }
            #expect(quote == "the port is closed.", "\(path)")
            // The losing correction stays in the change log.
            let corrections = try database.prepare(
                "SELECT changed_by FROM change_log WHERE entity = 'attribution' AND action = 'edit' ORDER BY changed_by"
            ).map { $0.string(0) }
            #expect(corrections == ["ana", "bo"], "\(path)")
            let live = try database.prepare("SELECT uid FROM claim").map { $0.string(0) }
            #expect(!live.contains(twinUID) && !live.contains(doomedUID), "\(path)")
            let texts = try database.prepare("SELECT text FROM claim ORDER BY text").map { $0.string(0) }
            #expect(texts == ["Ferries are running", "The port is closed"], "\(path)")
            #expect(try database.prepare("SELECT count(*) FROM source").first { $0.int(0) } == 2)
            let body = try database.prepare("SELECT body FROM source WHERE title = 'Morning report'").first {
                $0.text(0)
            }
            #expect(body == "The port is closed, the mayor said.\n", "\(path)")
            #expect(try database.prepare("SELECT 1 FROM attribution WHERE uid = ?").first([lateUID]) { _ in 1 } == nil)
            #expect(try StoreCheck(store: ClaimStore.open(at: path)).problems().isEmpty)
        }
    }

    /// Two corrections stamped alike (the log's clock counts seconds): both stores order them by
    /// the entries' uids, so both keep the same one, whichever way they sync first.
    @Test func correctionsStampedAlikeOrderByUID() throws {
        let base = try TemporaryStore()
        let claim = try base.store.claim("The bridge is open")
        let paths = try Self.threeCopies(of: base).prefix(2).map { $0 }
        let (a, b) = (try ClaimStore.open(at: paths[0]), try ClaimStore.open(at: paths[1]))
        try a.write { try a.editClaim(claim, text: "The bridge is shut", topic: nil, by: "ana", reason: nil) }
        try b.write { try b.editClaim(claim, text: "The bridge is closed", topic: nil, by: "bo", reason: nil) }
        let stamp = "2026-01-02T03:04:05Z"
        var uids: [String: String] = [:]
        for (store, text) in [(a, "The bridge is shut"), (b, "The bridge is closed")] {
            // The log is append-only (a trigger refuses edits): a clock's tie is made here without it.
            try store.database.withoutTriggers {
                try store.database.execute("UPDATE change_log SET changed_at = ?", [stamp])
            }
            uids[text] = try store.database.prepare("SELECT uid FROM change_log").first { $0.string(0) }
        }
        let winner = try #require(uids.max { $0.value < $1.value }).key

        let first = try Self.sync(paths[0], from: paths[1])
        #expect(first.stdout.contains("conflict: claim"), "\(first.stdout)")
        _ = try Self.sync(paths[1], from: paths[0])
        #expect(try Self.export(paths[0]) == Self.export(paths[1]))
        for path in paths {
            let text = try Database(path: path).prepare("SELECT text FROM claim").first { $0.string(0) }
            #expect(text == winner, "\(path)")
        }
    }

    /// Each is one line, exit 1, and the store unchanged. A missing other store is not this store's
    /// `--db`, nor one to `init`: the line says only that there is nothing to sync from.
    @Test(arguments: [
        ("missing.db", "missing.db to sync from"), ("text.db", "not a claimtrail store"), ("newer.db", "newer"),
    ])
    func badOtherStoresAreRefused(name: String, message: String) throws {
        let temporary = try TemporaryStore()
        _ = try temporary.store.claim("The port is closed")
        let other = temporary.directory.appendingPathComponent(name).path
        if name == "text.db" { try "not a store".write(toFile: other, atomically: true, encoding: .utf8) }
        if name == "newer.db" {
            try temporary.store.backup(to: other)
            try Database(path: other, mode: .existing).execute("PRAGMA user_version = 99")
        }
        let before = try temporary.snapshot()
        let result = try Binary.run(["sync", other], database: temporary.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        #expect(try temporary.snapshot() == before)
    }
}
