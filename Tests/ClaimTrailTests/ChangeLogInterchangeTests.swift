import Foundation
import Testing

@testable import ClaimTrail

/// The change log travels in the JSON and JSON Lines exports, keyed by uids, and comes back whole.
@Suite struct ChangeLogInterchangeTests {
    /// A store with a correction of each kind, a deletion of each kind and a merge of each kind.
    static func edited() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let source = try store.source("Report")
        let (kept, merged, gone) = (
            try store.claim("The port is closed"), try store.claim("Port closed"), try store.claim("X")
        )
        let (ministry, moD) = (try store.speaker("Ministry", kind: .government), try store.speaker("MoD"))
        let quoted = try store.attribute(kept, ministry, in: source, quote: "the port is clsoed")
        let dropped = try store.attribute(kept, nil, in: source, .denies)
        try store.attribute(merged, moD, in: source, .denies)
        try store.attribute(gone, moD, in: source)
        try store.write {
            try store.editAttribution(
                quoted,
                quote: "the port is closed",
                cue: nil,
                mode: nil,
                by: "ed",
                reason: "typo"
            )
            try store.deleteAttribution(dropped, by: "ed", reason: "not in the article")
            try store.mergeClaim(merged, into: kept, by: "ed", reason: nil)
            try store.mergeSpeaker(moD, into: ministry, by: "ed", reason: nil)
            try store.deleteClaim(gone, by: "ed", reason: "not a claim")
            try store.editClaim(kept, text: nil, topic: "ports", by: "ed", reason: nil)
            try store.editSource(source, outlet: "Wire", by: "ed", reason: nil)
        }
        return temporary
    }

    private static func changes(_ json: String) throws -> [[String: Any]] {
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return try #require(document?["changes"] as? [[String: Any]])
    }

    @Test(arguments: ["json", "jsonl"])
    func exportImportExportIsLossless(format: String) throws {
        let a = try Self.edited()
        let file = a.directory.appendingPathComponent("a.\(format)").path
        let exported = try Binary.run(["export", "--format", format, "--out", file], database: a.path)
        #expect(exported.status == 0, "\(exported.stderr)")
        let b = try TemporaryStore()
        let imported = try Binary.run(["import", file], database: b.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        // Seven: a claim's deletion is one entry, its attributions with it (issue 21).
        #expect(imported.stdout.contains("7 change-log entries"), "\(imported.stdout)")
        let first = try InterchangeDocument.render(from: a.store, scope: .all)
        let second = try InterchangeDocument.render(from: b.store, scope: .all)
        #expect(second == first)
        #expect(try Self.changes(second).count == 7)
        // Read back from the new store's file: every entry, under the uid it had.
        let uids = { (path: String) in
            try Database(path: path).prepare("SELECT uid, action, entity FROM change_log ORDER BY uid").map {
                "\($0.string(0)) \($0.string(1)) \($0.string(2))"
            }
        }
        #expect(try uids(b.path) == uids(a.path))
        // Importing it again adds no entry.
        #expect(try Binary.run(["import", file], database: b.path).status == 0)
        #expect(try b.count("change_log") == 7)
        #expect(try StoreCheck(store: b.store).problems().isEmpty)
    }

    @Test func entriesNameRecordsByUidNotByLocalId() throws {
        let a = try Self.edited()
        let entries = try Self.changes(try InterchangeDocument.render(from: a.store, scope: .all))
        let quoteFix = try #require(entries.first { $0["reason"] as? String == "typo" })
        let attribution = try #require(try a.store.uid(of: .attribution, id: 1)).text
        #expect(quoteFix["entity_uid"] as? String == attribution)
        let after = try #require(quoteFix["after"] as? [String: Any])
        #expect(after["quote"] as? String == "the port is closed")
        #expect(after["claim_uid"] as? String == (try a.store.uid(of: .claim, id: 1))?.text)
        #expect(after["claim_id"] == nil && after["speaker_id"] == nil && after["source_id"] == nil)
        // A deleted claim's entry keeps its uid, though the row is gone.
        let deletion = try #require(entries.first { $0["reason"] as? String == "not a claim" })
        #expect(UID(deletion["entity_uid"] as? String ?? "") != nil)
        #expect(try a.store.record(uid: try UID.parse(deletion["entity_uid"] as? String ?? "")) == nil)
    }
}
