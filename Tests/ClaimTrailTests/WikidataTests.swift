import Foundation
import Testing

@testable import ClaimTrail

/// Speakers linked to Wikidata items: stored, checked, exported, and offered for merging by `check`.
@Suite struct WikidataTests {
    private static func wikidata(_ path: String) throws -> [String] {
        try Database(path: path).prepare("SELECT name || ' ' || coalesce(wikidata, '-') FROM speaker ORDER BY id")
            .map { $0.string(0) }
    }

    @Test func linkAndAddStoreTheItem() throws {
        let temporary = try TemporaryStore()
        let added = try Binary.run(
            ["speaker", "add", "Oana Lungescu", "--kind", "person", "--wikidata", "Q7090498"],
            database: temporary.path
        )
        #expect(added.status == 0, "\(added.stderr)")
        _ = try temporary.store.speaker("NATO", kind: .organization)
        let linked = try Binary.run(
            ["speaker", "link", "nato", "Q7184", "--reason", "reconciled"],
            database: temporary.path
        )
        #expect(linked.status == 0 && linked.stdout == "2\n", "\(linked.stderr)")
        #expect(try Self.wikidata(temporary.path) == ["Oana Lungescu Q7090498", "NATO Q7184"])
        let logged = try Database(path: temporary.path).prepare(
            "SELECT json_extract(after, '$.wikidata') FROM change_log WHERE entity = 'speaker'"
        ).map { $0.text(0) }
        #expect(logged == ["Q7184"])
        let listed = try Binary.run(["speaker", "list", "--format", "csv"], database: temporary.path)
        #expect(CSVParser.parseWithHeader(listed.stdout).map { $0["wikidata"] } == ["Q7090498", "Q7184"])
        let unlinked = try Binary.run(["speaker", "link", "NATO", ""], database: temporary.path)
        #expect(unlinked.status == 0, "\(unlinked.stderr)")
        #expect(try Self.wikidata(temporary.path) == ["Oana Lungescu Q7090498", "NATO -"])
    }

    @Test(arguments: ["Q0", "q42", "Q42a", "Q", "Q０", "Q-1", "42", "Q4 2"])
    func aMalformedItemIsRefused(item: String) throws {
        let temporary = try TemporaryStore()
        _ = try temporary.store.speaker("NATO", kind: .organization)
        let before = try temporary.snapshot()
        for arguments in [["speaker", "link", "NATO", item], ["speaker", "add", "Other", "--wikidata", item]] {
            let result = try Binary.run(arguments, database: temporary.path)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr == "Error: “\(item)” is not a Wikidata id (Q followed by digits, such as Q42)\n")
        }
        let file = try temporary.file("s.jsonl", #"{"type": "speaker", "name": "Other", "wikidata": "\#(item)"}"#)
        let imported = try Binary.run(["import", file], database: temporary.path)
        #expect(imported.status == 1 && imported.stderr.contains("is not a Wikidata id"), "\(imported.stderr)")
        #expect(try temporary.snapshot() == before)
    }

    @Test func exportsCarryTheItem() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let speaker = try store.addSpeaker(SpeakerDraft(name: "Oana Lungescu", kind: .person, wikidata: "Q7090498"))
        let claim = try store.claim("No change in posture")
        try store.attribute(claim, speaker, in: try store.source("Briefing"))
        try store.setVerdict(Verdict(rating: "True", reviewer: "Desk"), on: claim, by: "test")
        let json = try InterchangeDocument.render(from: store, scope: .all)
        #expect(json.contains(#""wikidata" : "Q7090498""#))
        let review = try ClaimReviewDocument.render(from: store, scope: .all)
        #expect(review.contains(#""sameAs" : "https://www.wikidata.org/entity/Q7090498""#))
        let provPath = try temporary.file("prov.json", try ProvDocument.render(from: store, scope: .all))
        #expect(
            try String(contentsOfFile: provPath, encoding: .utf8).contains("https://www.wikidata.org/entity/Q7090498")
        )
        // ClaimReview imported elsewhere keeps the claim's and the verdict's uids, and the author's link.
        let reviewed = try TemporaryStore()
        _ = try Importer(store: reviewed.store, recordedBy: "t").importFile(
            atPath: try temporary.file("review.json", review)
        )
        #expect(try Self.wikidata(reviewed.path) == ["Oana Lungescu Q7090498"])
        #expect(try reviewed.store.uid(of: .claim, id: 1) == store.uid(of: .claim, id: claim))
        #expect(try reviewed.store.verdictUIDs(claimID: 1) == store.verdictUIDs(claimID: claim))
        #expect(WikidataID(entityURL: "http://www.wikidata.org/wiki/Q42")?.text == "Q42")
        #expect(WikidataID(entityURL: "https://example.org/entity/Q42") == nil)
        // An export imported elsewhere keeps the link.
        let other = try TemporaryStore()
        _ = try Importer(store: other.store, recordedBy: "t").importFile(atPath: try temporary.file("e.json", json))
        #expect(try Self.wikidata(other.path) == ["Oana Lungescu Q7090498"])
        // A speaker found by uid without a link of its own takes the file's.
        try other.store.write { try other.store.linkSpeaker(1, to: nil, by: "t", reason: nil) }
        _ = try Importer(store: other.store, recordedBy: "t").importFile(atPath: try temporary.file("e.json", json))
        #expect(try Self.wikidata(other.path) == ["Oana Lungescu Q7090498"])
        if OutsideClient.enabled("python3", pythonModule: "prov") {
            let read = try OutsideClient.python(
                """
                import json, sys, prov
                doc = prov.read(sys.argv[1], format='json')
                print(json.dumps([str(v) for r in doc.get_records()
                                  for (k, v) in r.attributes if str(k) == 'ct:wikidata']))
                """,
                [provPath]
            )
            #expect(read as? [String] == ["https://www.wikidata.org/entity/Q7090498"])
        }
    }

    @Test func checkOffersSpeakersSharingAnItemForMerging() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        _ = try store.addSpeaker(SpeakerDraft(name: "Russian MoD", kind: .government, wikidata: "Q1969619"))
        _ = try store.addSpeaker(SpeakerDraft(name: "Russian defence ministry", wikidata: "Q1969619"))
        _ = try store.addSpeaker(SpeakerDraft(name: "TASS", kind: .media, wikidata: "Q215572"))
        let result = try Binary.run(["check"], database: temporary.path)
        #expect(result.status == 0)
        #expect(result.stdout == "ok\n")
        #expect(
            result.stderr
                == "note: speakers #1 Russian MoD and #2 Russian defence ministry share Wikidata Q1969619; "
                + "if they are one: claimtrail speaker merge 1 2\n"
        )
        // Merged, the kept speaker has the link (taken from the merged one when it had none).
        let plain = try store.speaker("Ministry", kind: .government)
        try store.write { try store.mergeSpeaker(1, into: plain, by: "t", reason: nil) }
        try store.write { try store.mergeSpeaker(2, into: plain, by: "t", reason: nil) }
        #expect(try store.speaker(id: plain)?.wikidata == "Q1969619")
        let after = try Binary.run(["check"], database: temporary.path)
        #expect(after.status == 0 && after.stderr.isEmpty, "\(after.stderr)")
    }
}

/// `speaker reconcile`: matches proposed from a file, applied only when accepted.
@Suite struct ReconciliationTests {
    private static func store() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        _ = try temporary.store.addSpeaker(
            SpeakerDraft(name: "NATO", kind: .organization, aliases: ["North Atlantic Treaty Organization"])
        )
        _ = try temporary.store.addSpeaker(SpeakerDraft(name: "Oana Lungescu", kind: .person))
        return temporary
    }

    private static func links(_ path: String) throws -> [String] {
        try Database(path: path).prepare("SELECT coalesce(wikidata, '-') FROM speaker ORDER BY id").map { $0.string(0) }
    }

    @Test func matchesAreProposedThenAcceptedOrRejected() throws {
        let temporary = try Self.store()
        let file = try temporary.file(
            "links.csv",
            "name,qid,description\r\n\"north atlantic treaty organization\",Q7184,\"alliance, 1949\"\r\n"
                + "OANA LUNGESCU,Q7090498,\r\nNobody Known,Q1,\r\n"
        )
        let proposed = try Binary.run(["speaker", "reconcile", file, "--format", "csv"], database: temporary.path)
        #expect(proposed.status == 0, "\(proposed.stderr)")
        #expect(
            CSVParser.parse(proposed.stdout) == [
                ["id", "speaker_id", "speaker", "matched_name", "wikidata", "description"],
                ["1", "1", "NATO", "north atlantic treaty organization", "Q7184", "alliance, 1949"],
                ["2", "2", "Oana Lungescu", "OANA LUNGESCU", "Q7090498", ""],
            ]
        )
        #expect(try Self.links(temporary.path) == ["-", "-"], "nothing is linked before it is accepted")
        #expect(try Binary.run(["speaker", "reconcile", "--accept", "1"], database: temporary.path).status == 0)
        #expect(try Binary.run(["speaker", "reconcile", "--reject", "2"], database: temporary.path).status == 0)
        #expect(try Self.links(temporary.path) == ["Q7184", "-"])
        let listed = try Binary.run(["speaker", "reconcile", "--list", "--format", "json"], database: temporary.path)
        #expect(listed.stdout == "[\n\n]\n")
        // The same file again proposes nothing: one link is made, the other declined.
        let again = try Binary.run(["speaker", "reconcile", file, "--format", "csv"], database: temporary.path)
        #expect(again.status == 0 && again.stdout.isEmpty, "\(again.stdout)")
        let decided = try Binary.run(["speaker", "reconcile", "--accept", "2"], database: temporary.path)
        #expect(decided.status == 1 && decided.stderr == "Error: link proposal #2 is already rejected\n")
    }

    @Test("a file saved with a byte order mark, as Excel and Windows editors write CSV, is read as without it")
    func byteOrderMarkIsNoPartOfTheHeader() throws {
        let temporary = try Self.store()
        let file = temporary.directory.appendingPathComponent("links.csv").path
        #expect(
            FileManager.default.createFile(
                atPath: file,
                contents: Data([0xEF, 0xBB, 0xBF] + "name,qid\r\nNATO,Q7184\r\n".utf8)
            )
        )
        let proposed = try Binary.run(["speaker", "reconcile", file, "--format", "csv"], database: temporary.path)
        #expect(proposed.status == 0, "\(proposed.stderr)")
        #expect(CSVParser.parse(proposed.stdout).dropFirst().map { [$0[2], $0[4]] } == [["NATO", "Q7184"]])
    }

    @Test("an id named twice in --accept or --reject is decided once, as in review accept")
    func anIdNamedTwiceIsDecidedOnce() throws {
        let temporary = try Self.store()
        let file = try temporary.file("links.csv", "name,qid\nNATO,Q7184\nOana Lungescu,Q7090498\n")
        #expect(try Binary.run(["speaker", "reconcile", file], database: temporary.path).status == 0)
        let accepted = try Binary.run(["speaker", "reconcile", "--accept", "1", "1"], database: temporary.path)
        #expect(accepted.status == 0, "\(accepted.stderr)")
        let rejected = try Binary.run(["speaker", "reconcile", "--reject", "2", "2"], database: temporary.path)
        #expect(rejected.status == 0, "\(rejected.stderr)")
        #expect(try Self.links(temporary.path) == ["Q7184", "-"])
        let decisions = try Database(path: temporary.path).prepare(
            "SELECT id || ' ' || status FROM speaker_link_proposal ORDER BY id"
        ).map { $0.string(0) }
        #expect(decisions == ["1 accepted", "2 rejected"])
    }

    @Test func jsonLinesAreReadToo() throws {
        let temporary = try Self.store()
        let file = try temporary.file("links.jsonl", #"{"name": "NATO", "qid": "Q7184"}"# + "\n")
        let proposed = try Binary.run(["speaker", "reconcile", file, "--format", "csv"], database: temporary.path)
        #expect(CSVParser.parse(proposed.stdout).dropFirst().map { $0[4] } == ["Q7184"], "\(proposed.stderr)")
    }

    @Test(arguments: [
        ("name,qid\nNATO,Q7184\nOana Lungescu,Q0\n", "links.csv:3: “Q0” is not a Wikidata id"),
        ("name;qid\nNATO;Q7184\n", "links.csv:1: the header must be name,qid or name,qid,description"),
        ("name,qid\nNATO,Q7184,extra\n", "links.csv:2: 3 fields where the header has 2"),
        ("name,qid\n\"NATO,Q7184\n", "links.csv:2: unclosed quote"),
    ])
    func aBadFileProposesNothing(text: String, message: String) throws {
        let temporary = try Self.store()
        let file = try temporary.file("links.csv", text)
        let result = try Binary.run(["speaker", "reconcile", file], database: temporary.path)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: \(file.dropLast("links.csv".count))\(message)"), "\(result.stderr)")
        #expect(try temporary.count("speaker_link_proposal") == 0)
    }
}
