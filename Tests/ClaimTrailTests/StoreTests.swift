import Foundation
import Testing

@testable import ClaimTrail

@Suite("Store: sources, speakers, claims, attributions")
struct StoreTests {
    @Test("a source is stored with a SHA-256 of its body")
    func sourceWithBody() throws {
        let temporary = try TemporaryStore()
        let id = try temporary.store.addSource(
            SourceDraft(title: "  Russia Sends Messages  ", outlet: "", published: "2015-10-08", body: "abc")
        )
        let source = try #require(try temporary.store.source(id: id))
        #expect(source.title == "Russia Sends Messages")
        #expect(source.outlet == nil)
        #expect(source.bodySHA256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256.hex(String(repeating: "a", count: 1000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"
        )
    }

    @Test("duplicate URLs and bad dates are refused")
    func sourceValidation() throws {
        let store = try TemporaryStore().store
        _ = try store.addSource(SourceDraft(title: "A", url: "https://example.org/a"))
        #expect(throws: ClaimTrailError.self) {
            _ = try store.addSource(SourceDraft(title: "B", url: "https://example.org/a"))
        }
        for bad in ["2018-02-30", "yesterday", "2018-1-1", "2018-01-01T25:00"] {
            #expect(throws: ClaimTrailError.self) { _ = try store.addSource(SourceDraft(title: "C", published: bad)) }
        }
        for good in ["2016-02-29", "2018-08-28T09:30Z", "2018-08-28T09:30:15+03:00"] {
            _ = try store.addSource(SourceDraft(title: "D", published: good))
        }
        #expect(throws: ClaimTrailError.self) { _ = try store.addSource(SourceDraft(title: "   ")) }
    }

    @Test("speakers resolve by name or alias in any case and script; ambiguity lists the candidates")
    func speakerResolution() throws {
        let store = try TemporaryStore().store
        let lavrov = try store.addSpeaker(
            SpeakerDraft(name: "Сергей Лавров", kind: .person, aliases: ["Sergei Lavrov"])
        )
        let mod = try store.addSpeaker(
            SpeakerDraft(name: "Russian Ministry of Defence", kind: .government, aliases: ["Russian MoD"])
        )
        let lungescu = try store.addSpeaker(
            SpeakerDraft(name: "Oana Lungescu", kind: .person, role: "NATO spokesperson", affiliation: "#\(mod)")
        )
        #expect(try store.resolveSpeaker("сергей лавров")?.id == lavrov)
        #expect(try store.resolveSpeaker("SERGEI  LAVROV")?.id == lavrov)
        #expect(try store.resolveSpeaker("russian mod")?.id == mod)
        #expect(try store.resolveSpeaker("#\(lungescu)")?.affiliationID == mod)
        #expect(try store.resolveSpeaker("Nobody") == nil)

        let second = try store.addSpeaker(SpeakerDraft(name: "Oana Lungescu", kind: .person, role: "namesake"))
        let error = #expect(throws: ClaimTrailError.self) { _ = try store.resolveSpeaker("oana lungescu") }
        #expect(error?.description.contains("#\(lungescu) Oana Lungescu (NATO spokesperson)") == true)
        #expect(error?.description.contains("#\(second) Oana Lungescu (namesake)") == true)
    }

    @Test("a claim is stored once, whatever its quotes, case and spacing")
    func claimDeduplication() throws {
        let store = try TemporaryStore().store
        let first = try store.addClaim(text: "Russia’s fleet is “a deterrent”.", topic: "syria")
        let again = try store.addClaim(text: "  russia's fleet is \"a   deterrent\" ")
        #expect(first.created && !again.created && first.id == again.id)
        #expect(try store.claim(id: first.id)?.text == "Russia’s fleet is “a deterrent”.")
        #expect(throws: ClaimTrailError.invalid("a claim needs text")) { _ = try store.addClaim(text: " \n ") }
    }

    @Test("attributions check their references and are not duplicated")
    func attributions() throws {
        let store = try TemporaryStore().store
        let claim = try store.addClaim(text: "A").id
        let other = try store.addClaim(text: "B").id
        let source = try store.addSource(SourceDraft(title: "S"))
        let speaker = try store.addSpeaker(SpeakerDraft(name: "X"))
        let draft = AttributionDraft(claimID: claim, speakerID: speaker, sourceID: source, quote: "“A”, X said")
        let first = try store.addAttribution(draft, recordedBy: "me")
        let second = try store.addAttribution(draft, recordedBy: "me")
        #expect(first.created && !second.created && first.id == second.id)
        #expect(throws: ClaimTrailError.notFound("no claim #99")) {
            _ = try store.addAttribution(
                AttributionDraft(claimID: 99, speakerID: speaker, sourceID: source),
                recordedBy: "me"
            )
        }
        #expect(throws: ClaimTrailError.self) {
            _ = try store.addAttribution(
                AttributionDraft(claimID: other, speakerID: nil, sourceID: source, viaID: first.id),
                recordedBy: "me"
            )
        }
        #expect(throws: ClaimTrailError.self) {
            _ = try store.addAttribution(
                AttributionDraft(claimID: claim, speakerID: nil, sourceID: source, date: "2018-13-01"),
                recordedBy: "me"
            )
        }
        let recorded = try #require(try store.provenance.rows(.claim(claim)).first)
        #expect(recorded.recordedBy == "me")
        #expect(recorded.recordedAt.count == 20 && ISODate.isValid(String(recorded.recordedAt.dropLast(4)) + "Z"))
    }

    @Test("the schema itself refuses a via link across claims, even past the store's checks")
    func viaTriggerGuardsTheSchema() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let a = try store.addClaim(text: "A").id
        let b = try store.addClaim(text: "B").id
        let source = try store.addSource(SourceDraft(title: "S"))
        let first = try store.addAttribution(
            AttributionDraft(claimID: a, speakerID: nil, sourceID: source),
            recordedBy: "t"
        ).id
        let error = #expect(throws: SQLiteError.self) {
            try store.database.execute(
                "INSERT INTO attribution (claim_id, source_id, via_id, recorded_by) VALUES (?, ?, ?, 't')",
                [b, source, first]
            )
        }
        #expect(error?.message == "via attribution belongs to another claim")
    }
}
