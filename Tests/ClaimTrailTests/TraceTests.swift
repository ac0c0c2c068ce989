import Testing
@testable import ClaimTrail

@Suite("Traces and via chains")
struct TraceTests {
    @Test("a relayed attribution names every relay, from speaker to the last outlet")
    func viaChains() throws {
        let store = try TemporaryStore().store
        let source = try store.source("Article", published: "2018-09-01")
        let claim = try store.claim("The US is planning a strike")
        let reuters = try store.speaker("Reuters", kind: .media), tass = try store.speaker("TASS", kind: .media)
        let ministry = try store.speaker("Russian MoD", kind: .government)
        let viaReuters = try store.attribute(claim, reuters, in: source)
        let viaTASS = try store.attribute(claim, tass, in: source, via: viaReuters)
        let original = try store.attribute(claim, ministry, in: source, quote: "“strike”", date: "2018-08-28", via: viaTASS)

        let rows = try store.provenance.rows(.claim(claim))
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.attributionID, $0) })
        #expect(byID[original]?.viaChain == ["Russian MoD", "TASS", "Reuters"])
        #expect(byID[original]?.viaChainText == "Russian MoD ← TASS ← Reuters")
        #expect(byID[viaTASS]?.viaChain == ["TASS", "Reuters"])
        #expect(byID[viaReuters]?.viaChain == [])

        let trace = try store.traceClaim("The US is planning a strike")
        // Dated by said_on first (2018-08-28), then by the source's date.
        #expect(trace.timeline.map(\.attributionID) == [original, viaReuters, viaTASS])
        #expect(TraceReport.table(trace).contains("Russian MoD ← TASS ← Reuters"))
    }

    @Test("trace claim lists counter-claims with their attributions, and claims it contradicts")
    func counterClaims() throws {
        let store = try TemporaryStore().store
        let source = try store.source("S")
        let claim = try store.claim("A"), counter = try store.claim("not A")
        let speaker = try store.speaker("Critic")
        let critique = try store.attribute(counter, speaker, in: source, .asserts, quote: "A is false")
        _ = try store.addRelation(from: counter, to: claim, kind: .contradicts, sourceID: source)

        let trace = try store.traceClaim("A")
        #expect(trace.counterClaims.map(\.claim.id) == [counter])
        #expect(trace.counterClaims.first?.relationSourceID == source)
        #expect(trace.counterClaims.first?.attributions.map(\.attributionID) == [critique])
        #expect(try store.traceClaim("not A").contradicts.map(\.claim.id) == [claim])
        #expect(throws: ClaimTrailError.notFound("no claim “B”")) { _ = try store.traceClaim("B") }
    }

    @Test("trace speaker lists everything they said, by any of their names")
    func speakerTrace() throws {
        let store = try TemporaryStore().store
        let early = try store.source("Early", published: "2018-01-01"), late = try store.source("Late", published: "2018-06-01")
        let speaker = try store.addSpeaker(SpeakerDraft(name: "Oana Lungescu", kind: .person, aliases: ["Lungescu"]))
        let one = try store.claim("One"), two = try store.claim("Two")
        try store.attribute(two, speaker, in: late, .denies)
        try store.attribute(one, speaker, in: early)
        try store.attribute(one, nil, in: late)

        let trace = try store.traceSpeaker("lungescu")
        #expect(trace.speaker.name == "Oana Lungescu")
        #expect(trace.attributions.map(\.claimID) == [one, two])
        #expect(trace.attributions.map(\.stance) == [.asserts, .denies])
        #expect(throws: ClaimTrailError.self) { _ = try store.traceSpeaker("Nobody") }
    }
}
