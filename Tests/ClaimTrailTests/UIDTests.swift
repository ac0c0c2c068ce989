import Foundation
import Testing

@testable import ClaimTrail

/// Stable ids: UUID version 7 layout and order, uids given on every insert path and by the migration,
/// never changed, resolved after merges, and accepted wherever an id is.
@Suite struct UIDTests {
    /// The 128 bits of a uid, from its text by our own reading.
    private static func bits(_ uid: UID) throws -> [UInt8] {
        let hex = Array(uid.text.replacingOccurrences(of: "-", with: "").utf8)
        #expect(hex.count == 32)
        return try stride(from: 0, to: hex.count, by: 2).map { index in
            try #require(UInt8(String(decoding: hex[index...index + 1], as: UTF8.self), radix: 16))
        }
    }

    @Test func layoutIsVersion7WithTheTimeFirst() throws {
        let before = UInt64(Date().timeIntervalSince1970 * 1000)
        let uid = UID.make()
        let after = UInt64(Date().timeIntervalSince1970 * 1000)
        let bytes = try Self.bits(uid)
        #expect(bytes.count == 16)
        #expect(bytes[6] >> 4 == 7, "version")
        #expect(bytes[8] >> 6 == 0b10, "variant")
        let milliseconds = bytes[0..<6].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect((before...after + 1).contains(milliseconds))
        #expect(uid.milliseconds == milliseconds)
        let dashes = uid.text.utf8.enumerated().filter { $0.element == UInt8(ascii: "-") }.map(\.offset)
        #expect(dashes == [8, 13, 18, 23])
        #expect(uid.text == uid.text.lowercased())
        #expect(UID(uid.text) == uid)
    }

    @Test func uidsMadeInARowIncreaseStrictly() {
        let made = (0..<20_000).map { _ in UID.make().text }
        #expect(zip(made, made.dropFirst()).allSatisfy { $0 < $1 })
        #expect(Set(made).count == made.count)
    }

    @Test func aFullMillisecondBorrowsTheNext() throws {
        let generator = UIDGenerator()
        let made = (0..<5_000).map { _ in generator.next(milliseconds: 1_700_000_000_000) }
        #expect(zip(made, made.dropFirst()).allSatisfy { $0.text < $1.text })
        #expect(made.last.map(\.milliseconds) ?? 0 > 1_700_000_000_000)
        #expect(made.allSatisfy { UID($0.text) != nil })
    }

    @Test func onlyCanonicalVersion7TextIsAUid() {
        #expect(UID("0190f5d2-8a3b-7c4d-9e5f-0123456789ab") != nil)
        #expect(UID("0190F5D2-8A3B-7C4D-9E5F-0123456789AB")?.text == "0190f5d2-8a3b-7c4d-9e5f-0123456789ab")
        for bad in [
            "0190f5d2-8a3b-4c4d-9e5f-0123456789ab",  // version 4
            "0190f5d2-8a3b-7c4d-7e5f-0123456789ab",  // variant 0
            "0190f5d28a3b7c4d9e5f0123456789ab",  // no dashes
            "0190f5d2-8a3b-7c4d-9e5f-0123456789a",  // short
            "0190f5d2-8a3b-7c4d-9e5f-0123456789ag",  // not hex
            "０190f5d2-8a3b-7c4d-9e5f-0123456789ab",  // a fullwidth digit
            "",
        ] {
            #expect(UID(bad) == nil, "\(bad)")
        }
    }

    /// Every table's uids, read back from the file with SQL of the test's own.
    private static func uids(_ store: ClaimStore, _ table: String) throws -> [String?] {
        try store.database.prepare("SELECT uid FROM \(table) ORDER BY id").map { $0.text(0) }
    }

    private static let tables = ["source", "speaker", "claim", "attribution", "claim_relation", "verdict"]

    @Test func everyInsertPathGivesAUid() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let source = try store.source("A")
        let speaker = try store.speaker("Someone")
        let claim = try store.claim("One")
        let other = try store.claim("Two")
        try store.attribute(claim, speaker, in: source)
        _ = try store.addRelation(from: other, to: claim, kind: .contradicts)
        try store.setVerdict(Verdict(rating: "False", reviewer: "Desk"), on: claim, by: "test")
        let file = try temporary.file(
            "more.jsonl",
            """
            {"type": "source", "title": "B"}
            {"type": "speaker", "name": "Other"}
            {"type": "claim", "text": "Three", "counters": [{"claim": "One"}], \
            "verdicts": [{"rating": "True", "reviewer": "Desk"}]}
            {"type": "attribution", "claim": "Three", "speaker": "Other", "source": "B"}
            """
        )
        _ = try Importer(store: store, recordedBy: "tester").importFile(atPath: file)
        var all: [String] = []
        for table in Self.tables {
            let uids = try Self.uids(store, table)
            #expect(uids.count == 2 || table == "claim", "\(table)")
            for uid in uids { #expect(uid.flatMap(UID.init) != nil, "\(table): \(uid ?? "NULL")") }
            all += uids.compactMap { $0 }
        }
        #expect(Set(all).count == all.count)
    }

    @Test func aUidNeverChanges() throws {
        let temporary = try TemporaryStore()
        let claim = try temporary.store.claim("One")
        let before = try Self.uids(temporary.store, "claim")
        #expect(throws: SQLiteError.self) {
            try temporary.store.database.execute("UPDATE claim SET uid = ? WHERE id = ?", [UID.make().text, claim])
        }
        try temporary.store.database.execute("UPDATE claim SET topic = 'x' WHERE id = ?", [claim])
        #expect(try Self.uids(temporary.store, "claim") == before)
    }

    @Test func checkReportsAMissingOrMalformedUid() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let (claim, speaker) = (try store.claim("One"), try store.speaker("Someone"))
        #expect(try Binary.run(["check"], database: temporary.path).status == 0)
        try store.database.withoutTriggers {
            try store.database.execute("UPDATE claim SET uid = NULL WHERE id = ?", [claim])
            try store.database.execute("UPDATE speaker SET uid = upper(uid) WHERE id = ?", [speaker])
        }
        let result = try Binary.run(["check"], database: temporary.path)
        #expect(result.status == 1)
        #expect(result.stdout == "speaker #\(speaker) has no well-formed uid\nclaim #\(claim) has no well-formed uid\n")
    }

    @Test func theMigrationGivesEveryRowAV7Uid() throws {
        let current = try TemporaryStore()
        let store = current.store
        let source = try store.source("A")
        let speaker = try store.speaker("Someone")
        let claims = try (0..<50).map { try store.claim("Claim \($0)") }
        for claim in claims { try store.attribute(claim, speaker, in: source) }
        _ = try store.addRelation(from: claims[1], to: claims[0], kind: .contradicts)
        try store.setVerdict(Verdict(rating: "False", reviewer: "Desk"), on: claims[0], by: "test")
        try store.database.execute("UPDATE attribution SET recorded_at = '2016-03-01T10:00:00Z' WHERE id = 1")
        let previous = try #require(Migration.all.last { $0.version < 13 }).version
        let path = current.directory.appendingPathComponent("old.db").path
        try OlderStore.make(at: path, version: previous, copying: Self.tables + ["speaker_alias"], from: store)
        let migrated = try ClaimStore.create(at: path)
        var all: [String] = []
        for table in Self.tables {
            let uids = try Self.uids(migrated, table)
            #expect(!uids.isEmpty)
            for uid in uids { #expect(uid.flatMap(UID.init)?.text == uid, "\(table): \(uid ?? "NULL")") }
            all += uids.compactMap { $0 }
        }
        #expect(Set(all).count == all.count)
        // The attribution's uid carries the time it was recorded.
        let first = try #require(try Self.uids(migrated, "attribution").first.flatMap { $0.flatMap(UID.init) })
        #expect(first.milliseconds == 1_456_826_400_000)
        #expect(try StoreCheck(store: migrated).problems().isEmpty)
    }

    @Test func mergedUidsFindTheSurvivor() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let (a, b, c) = (try store.claim("One"), try store.claim("Uno"), try store.claim("Eins"))
        let uidB = try #require(try store.uid(of: .claim, id: b))
        let uidC = try #require(try store.uid(of: .claim, id: c))
        try store.write { try store.mergeClaim(c, into: b, by: "tester", reason: nil) }
        try store.write { try store.mergeClaim(b, into: a, by: "tester", reason: nil) }
        #expect(try store.resolveClaim(uidB.text).id == a)
        #expect(try store.resolveClaim(uidC.text).id == a)
        let (x, y) = (try store.speaker("X"), try store.speaker("Y"))
        let uidY = try #require(try store.uid(of: .speaker, id: y))
        try store.write { try store.mergeSpeaker(y, into: x, by: "tester", reason: nil) }
        #expect(try store.resolveSpeaker(uidY.text)?.id == x)
    }

    @Test func commandsTakeAUidWhereTheyTakeAnId() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let claim = try store.claim("The fleet left port")
        let speaker = try store.speaker("Admiral Example")
        try store.attribute(claim, speaker, in: try store.source("Report"))
        let claimUID = try #require(try store.uid(of: .claim, id: claim)).text
        let speakerUID = try #require(try store.uid(of: .speaker, id: speaker)).text
        let trace = try Binary.run(["trace", "claim", claimUID, "--format", "json"], database: temporary.path)
        #expect(trace.status == 0, "\(trace.stderr)")
        #expect(trace.stdout.contains("The fleet left port"))
        let bySpeaker = try Binary.run(["trace", "speaker", speakerUID], database: temporary.path)
        #expect(bySpeaker.status == 0 && bySpeaker.stdout.contains("The fleet left port"), "\(bySpeaker.stderr)")
        let attributionUID = try #require(try store.uid(of: .attribution, id: 1)).text
        let edited = try Binary.run(
            ["attribution", "edit", attributionUID, "--quote", "“It left”"],
            database: temporary.path
        )
        #expect(edited.status == 0 && edited.stdout == "1\n", "\(edited.stderr)")
        // The lists show the uids to give.
        for (command, uid) in [("claim", claimUID), ("speaker", speakerUID)] {
            let listed = try Binary.run([command, "list", "--format", "csv"], database: temporary.path)
            #expect(CSVParser.parseWithHeader(listed.stdout).map { $0["uid"] } == [uid], "\(command)")
        }
        let wrongKind = try Binary.run(["trace", "claim", speakerUID], database: temporary.path)
        #expect(wrongKind.status == 1)
        #expect(wrongKind.stderr == "Error: uid \(speakerUID) is a speaker’s, not a claim’s\n")
    }
}
