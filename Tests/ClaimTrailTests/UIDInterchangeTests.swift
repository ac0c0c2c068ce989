import Foundation
import Testing

@testable import ClaimTrail

/// Uids in the exports, and imports that match by uid first, then by natural key.
@Suite struct UIDInterchangeTests {
    /// Two anonymous officials of the same description, each quoted in another article.
    private static func namesakes(_ store: ClaimStore) throws -> (first: Int64, second: Int64) {
        let first = try store.speaker("a senior official", kind: .anonymous)
        let second = try store.speaker("a senior official", kind: .anonymous)
        let claim = try store.claim("The talks have stalled")
        try store.attribute(claim, first, in: try store.addSource(SourceDraft(title: "Morning report")))
        try store.attribute(claim, second, in: try store.addSource(SourceDraft(title: "Evening report")), .denies)
        return (first, second)
    }

    private static func uids(_ path: String, _ table: String) throws -> [String] {
        try Database(path: path).prepare("SELECT uid FROM \(table) ORDER BY uid").map { $0.string(0) }
    }

    @Test func namesakesStayTwoAfterExportAndImport() throws {
        let a = try TemporaryStore()
        let (first, second) = try Self.namesakes(a.store)
        let export = a.directory.appendingPathComponent("a.json").path
        let exported = try Binary.run(["export", "--format", "json", "--out", export], database: a.path)
        #expect(exported.status == 0, "\(exported.stderr)")
        let b = try TemporaryStore()
        for _ in 0..<2 {
            let imported = try Binary.run(["import", export], database: b.path)
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        for table in ["speaker", "source", "claim", "attribution"] {
            #expect(try Self.uids(b.path, table) == Self.uids(a.path, table), "\(table)")
        }
        // Each official keeps their own statement: the denial stays with the second.
        let stances = { (path: String) in
            try Database(path: path).prepare(
                "SELECT s.uid, a.stance FROM attribution a JOIN speaker s ON s.id = a.speaker_id ORDER BY 1"
            ).map { "\($0.string(0)) \($0.string(1))" }
        }
        #expect(try stances(b.path) == stances(a.path))
        #expect(try stances(a.path).count == 2)
        #expect(first != second)
        let again = a.directory.appendingPathComponent("b.json").path
        #expect(try Binary.run(["export", "--format", "json", "--out", again], database: b.path).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == Data(contentsOf: URL(fileURLWithPath: export)))
    }

    @Test func mergesTravelAndTheRoundTripIsByteForByte() throws {
        let a = try TemporaryStore()
        let store = a.store
        let source = try store.source("Report")
        let (kept, merged, gone) = (
            try store.claim("The port is closed"), try store.claim("Port closed"), try store.claim("X")
        )
        let (ministry, moD) = (try store.speaker("Ministry", kind: .government), try store.speaker("MoD"))
        try store.attribute(kept, ministry, in: source)
        try store.attribute(merged, moD, in: source, .denies)
        try store.attribute(gone, moD, in: source)
        let mergedUID = try #require(try store.uid(of: .claim, id: merged)).text
        let moDUID = try #require(try store.uid(of: .speaker, id: moD)).text
        try store.write {
            try store.mergeClaim(merged, into: kept, by: "t", reason: nil)
            try store.mergeSpeaker(moD, into: ministry, by: "t", reason: nil)
            try store.deleteClaim(gone, by: "t", reason: "not a claim")
            try store.editClaim(kept, text: nil, topic: "ports", by: "t", reason: nil)
        }
        let first = try InterchangeDocument.render(from: store, scope: .all)
        #expect(first.contains(#""into" : ""#))
        let b = try TemporaryStore()
        let result = try Binary.run(["import", try a.file("a.json", first)], database: b.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try InterchangeDocument.render(from: b.store, scope: .all) == first)
        // In the new store the merged uid and wording find the kept claim, and the merged speaker's uid its survivor.
        let keptThere = try b.store.resolveClaim("The port is closed").id
        #expect(try b.store.resolveClaim(mergedUID).id == keptThere)
        #expect(try b.store.resolveClaim("port closed").id == keptThere)
        #expect(try b.store.resolveSpeaker(moDUID)?.name == "Ministry")
        #expect(try StoreCheck(store: b.store).problems().isEmpty)
        // A claim added afterwards does not take the id the imported wording was given.
        let wordingID = try b.store.database.prepare("SELECT merged_id FROM claim_merge").first { $0.int64(0) }
        #expect(try b.store.claim("Something new") > wordingID ?? .max)
    }

    @Test func theSameClaimUnderAnotherUidIsOneClaim() throws {
        let temporary = try TemporaryStore()
        let claim = try temporary.store.claim("The bridge was closed")
        let other = UID.make().text
        let file = try temporary.file(
            "claim.jsonl",
            """
            {"type": "claim", "uid": "\(other)", "text": "the bridge was closed"}
            {"type": "claim", "uid": "\(other)", "text": "The bridge was closed"}
            """
        )
        let result = try Binary.run(["import", file], database: temporary.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try temporary.count("claim") == 1)
        #expect(try temporary.store.resolveClaim(other).id == claim)
    }

    /// Each bad uid is one line, exit 1, and the store unchanged.
    @Test(arguments: [
        (#"{"type": "claim", "uid": "not-a-uid", "text": "New"}"#, "“not-a-uid” is not a uid"),
        (#"{"type": "claim", "uid": "0190f5d2-8a3b-4c4d-9e5f-0123456789ab", "text": "New"}"#, "is not a uid"),
        (#"{"type": "speaker", "uid": "CLAIM", "name": "Somebody"}"#, "is a claim’s, not a speaker’s"),
        (#"{"type": "claim", "uid": "CLAIM", "text": "Another text"}"#, "is stored as claim with another text"),
        (#"{"type": "source", "uid": "SOURCE", "title": "T", "url": "https://b.example"}"#, "with another URL"),
        (#"{"type": "merge", "kind": "claim", "uid": "SOURCE", "into": "CLAIM"}"#, "is another record in the store"),
        (#"{"type": "merge", "kind": "speaker", "uid": "SOURCE", "into": "CLAIM"}"#, "is a claim’s, not a speaker’s"),
    ])
    func badUidsAreRefused(line: String, message: String) throws {
        let temporary = try TemporaryStore()
        let claim = try temporary.store.claim("The bridge was closed")
        let source = try temporary.store.addSource(SourceDraft(title: "T", url: "https://a.example"))
        let claimUID = try #require(try temporary.store.uid(of: .claim, id: claim)).text
        let sourceUID = try #require(try temporary.store.uid(of: .source, id: source)).text
        let text = line.replacingOccurrences(of: "CLAIM", with: claimUID).replacingOccurrences(
            of: "SOURCE",
            with: sourceUID
        )
        let file = try temporary.file("bad.jsonl", #"{"type": "claim", "text": "Added first"}"# + "\n" + text + "\n")
        let before = try temporary.snapshot()
        let result = try Binary.run(["import", file], database: temporary.path)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: \(file):2: "), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        #expect(try temporary.snapshot() == before)
    }

    @Test func provAndClaimReviewNameRecordsByUid() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let claim = try store.claim("The bridge was closed")
        let speaker = try store.speaker("Mayor Example")
        try store.attribute(claim, speaker, in: try store.source("Report"))
        try store.setVerdict(Verdict(rating: "False", reviewer: "Desk"), on: claim, by: "test")
        let claimUID = try #require(try store.uid(of: .claim, id: claim)).text
        let verdictUID = try #require(try store.verdictUIDs(claimID: claim).first)
        let prov = try #require(
            try JSONSerialization.jsonObject(with: Data(ProvDocument.render(from: store, scope: .all).utf8))
                as? [String: Any]
        )
        #expect((prov["prefix"] as? [String: String])?["uuid"] == "urn:uuid:")
        #expect((prov["entity"] as? [String: Any])?["uuid:\(claimUID)"] != nil)
        let speakerUID = try #require(try store.uid(of: .speaker, id: speaker)).text
        #expect((prov["agent"] as? [String: Any])?.keys.sorted() == ["uuid:\(speakerUID)"])
        let review = try ClaimReviewDocument.render(from: store, scope: .all)
        #expect(review.contains(#""@id" : "urn:uuid:\#(verdictUID)""#))
        #expect(review.contains(#""@id" : "urn:uuid:\#(claimUID)""#))
    }
}
