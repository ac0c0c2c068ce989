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

        // A adds a claim and corrects the quote; B corrects it otherwise, later, and merges two
        // phrasings; C deletes a claim and adds a source.
        try a.write {
            let added = try a.claim("Ferries are running")
            try a.attribute(added, nil, in: source)
            try a.editAttribution(quoted, quote: "the port is closed", cue: nil, mode: nil, by: "ana", reason: nil)
        }
        // Entries are ordered by time to the millisecond (their uids), then at random: B's comes later.
        usleep(20_000)
        try b.write {
            try b.editAttribution(quoted, quote: "the port is closed.", cue: nil, mode: nil, by: "bo", reason: nil)
            try b.mergeClaim(twin, into: kept, by: "bo", reason: "one claim")
        }
        try c.write {
            try c.deleteClaim(doomed, by: "cy", reason: "not a claim")
            _ = try c.addSource(SourceDraft(title: "Evening report", url: "https://c.example/evening"))
        }

        let first = try Self.sync(paths[0], from: paths[1])
        #expect(first.stdout.contains("conflict: attribution \(quotedUID)"), "\(first.stdout)")
        #expect(first.stdout.contains("“the port is closed.”"), "\(first.stdout)")
        _ = try Self.sync(paths[0], from: paths[2])
        _ = try Self.sync(paths[1], from: paths[0])
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
            #expect(try StoreCheck(store: ClaimStore.open(at: path)).problems().isEmpty)
        }
    }

    /// Each is one line, exit 1, and the store unchanged.
    @Test(arguments: [("missing.db", "no store at"), ("text.db", "not a claimtrail store"), ("newer.db", "newer")])
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
