import Foundation
import Testing

@testable import ClaimTrail

/// A store may hold dates later than now, from before they were refused. `check` lists them, and
/// the store's own export imports back (its records carry uids: history), while the same dates
/// typed or written by hand without a uid are still refused.
@Suite("future dates a store already holds")
struct FutureDateHistoryTests {
    /// A store whose source, attribution and verdict say 2099, and whose change log remembers a
    /// publication date of 2099 since corrected.
    static func storeFromBefore() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        let store = temporary.store
        try store.write {
            let claim = try store.addClaim(text: "The ferry sank").id
            let speaker = try store.addSpeaker(SpeakerDraft(name: "Harbour office"))
            let later = try store.addSource(SourceDraft(title: "Wire", published: "2099-01-01"), uid: UID.make())
            _ = try store.addSource(SourceDraft(title: "Paper", published: "2099-05-05"), uid: UID.make())
            let draft = AttributionDraft(claimID: claim, speakerID: speaker, sourceID: later, date: "2099-02-02T10:00Z")
            _ = try store.addAttribution(draft, recordedBy: "old", uid: UID.make())
            let verdict = Verdict(rating: "False", reviewer: "Desk", date: "2099-03-03")
            try store.setVerdict(verdict, on: claim, uid: UID.make(), by: "old")
        }
        let corrected = try Binary.run(["source", "edit", "2", "--published", "2020-05-05"], database: temporary.path)
        #expect(corrected.status == 0, "\(corrected.stderr)")
        return temporary
    }

    static let listed = [
        "source #1 is dated published 2099-01-01, in the future",
        "attribution #1 is dated said 2099-02-02T10:00:00Z, in the future",
        "the verdict of Desk on claim #1 is dated 2099-03-03, in the future",
    ]

    @Test("check lists a source, an attribution and a verdict dated in the future")
    func checkListsThem() throws {
        let temporary = try Self.storeFromBefore()
        #expect(try StoreCheck(store: temporary.store).problems() == Self.listed)
        let check = try Binary.run(["check"], database: temporary.path)
        #expect(check.status == 1)
        for line in Self.listed { #expect(check.stdout.contains(line) || check.stderr.contains(line), "\(line)") }
    }

    @Test("the store's own export, change log included, imports back into a new store as it was")
    func ownExportImportsBack() throws {
        let temporary = try Self.storeFromBefore()
        for format in ["json", "jsonl"] {
            let exported = try Binary.run(["export", "--format", format], database: temporary.path)
            #expect(exported.status == 0, "\(exported.stderr)")
            #expect(exported.stdout.contains("2099-05-05"), "the change log keeps the corrected date")
            let file = try temporary.file("export.\(format)", exported.stdout)
            let copy = try TemporaryStore()
            let imported = try Binary.run(["import", file], database: copy.path)
            #expect(imported.status == 0, "\(format): \(imported.stderr)")
            let again = try Binary.run(["export", "--format", format], database: copy.path)
            #expect(again.stdout == exported.stdout, "\(format)")
            #expect(try StoreCheck(store: copy.store).problems() == Self.listed)
        }
    }

    @Test("the same dates in records without a uid are new input, and refused")
    func newInputStillRefused() throws {
        let temporary = try Self.storeFromBefore()
        let before = try temporary.snapshot()
        for (record, message) in [
            (#"{"type": "source", "title": "Later", "published": "2099-01-01"}"#, "published date 2099-01-01"),
            (
                #"{"type": "attribution", "claim": "The ferry sank", "source": "Paper", "date": "2099-02-02"}"#,
                "date 2099-02-02"
            ),
            (
                #"{"type": "claim", "text": "The ferry sank", "verdicts": "#
                    + #"[{"rating": "True", "reviewer": "Other", "date": "2099-03-03"}]}"#,
                "verdict date 2099-03-03"
            ),
        ] {
            let file = try temporary.file("new.jsonl", record + "\n")
            let result = try Binary.run(["import", file], database: temporary.path)
            #expect(result.status == 1)
            #expect(result.stderr.contains("\(message) is in the future"), "\(result.stderr)")
        }
        #expect(try temporary.snapshot() == before)
    }
}
