import Testing

@testable import ClaimTrail

@Suite("Traces and via chains")
struct TraceTests {
    @Test("a relayed attribution names every relay, from speaker to the last outlet")
    func viaChains() throws {
        let store = try TemporaryStore().store
        let source = try store.source("Article", published: "2018-09-01")
        let claim = try store.claim("The US is planning a strike")
        let reuters = try store.speaker("Reuters", kind: .media)
        let tass = try store.speaker("TASS", kind: .media)
        let ministry = try store.speaker("Russian MoD", kind: .government)
        let viaReuters = try store.attribute(claim, reuters, in: source)
        let viaTASS = try store.attribute(claim, tass, in: source, via: viaReuters)
        let original = try store.attribute(
            claim,
            ministry,
            in: source,
            quote: "“strike”",
            date: "2018-08-28",
            via: viaTASS
        )

        let rows = try store.provenance.rows(.claim(claim))
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.attributionID, $0) })
        #expect(byID[original]?.viaChain == ["Russian MoD", "TASS", "Reuters"])
        #expect(byID[original]?.viaChainText == "Russian MoD ← TASS ← Reuters")
        #expect(byID[viaTASS]?.viaChain == ["TASS", "Reuters"])
        #expect(byID[viaReuters]?.viaChain == [])

        let trace = try store.traceClaim("The US is planning a strike")
        // Dated by said_on first (2018-08-28), then by the source's date.
        #expect(trace.attributions.map(\.attributionID) == [original, viaReuters, viaTASS])
        #expect(TraceReport.table(trace).contains("Russian MoD ← TASS ← Reuters"))
    }

    @Test("trace claim lists counter-claims with their attributions, and claims it contradicts")
    func counterClaims() throws {
        let store = try TemporaryStore().store
        let source = try store.source("S")
        let claim = try store.claim("A")
        let counter = try store.claim("not A")
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
        let early = try store.source("Early", published: "2018-01-01")
        let late = try store.source("Late", published: "2018-06-01")
        let speaker = try store.addSpeaker(SpeakerDraft(name: "Oana Lungescu", kind: .person, aliases: ["Lungescu"]))
        let one = try store.claim("One")
        let two = try store.claim("Two")
        try store.attribute(two, speaker, in: late, .denies)
        try store.attribute(one, speaker, in: early)
        try store.attribute(one, nil, in: late)

        let trace = try store.traceSpeaker("lungescu")
        #expect(trace.speaker.name == "Oana Lungescu")
        #expect(trace.attributions.map(\.claimID) == [one, two])
        #expect(trace.attributions.map(\.stance) == [.asserts, .denies])
        #expect(throws: ClaimTrailError.self) { _ = try store.traceSpeaker("Nobody") }
    }

    @Test("a trace can be limited to its first page, read in order from the timeline index")
    func limitedTrace() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let claim = try store.claim("Busy claim")
        let speaker = try store.speaker("Busy speaker")
        let sources = try (1...12).map {
            try store.source("S\($0)", published: String(format: "2018-01-%02d", 13 - $0))
        }
        for source in sources { try store.attribute(claim, speaker, in: source) }
        try store.attribute(claim, nil, in: sources[0], date: "2017-12-31")
        let trace = try store.traceClaim("Busy claim", limit: 3)
        #expect(trace.totalAttributions == 13)
        #expect(trace.attributions.map(\.date) == ["2017-12-31", "2018-01-01", "2018-01-02"])
        let bySpeaker = try store.traceSpeaker("Busy speaker", limit: 2)
        #expect(
            bySpeaker.totalAttributions == 12 && bySpeaker.attributions.map(\.date) == ["2018-01-01", "2018-01-02"]
        )
        let plan = try store.database.prepare(
            """
            EXPLAIN QUERY PLAN SELECT id FROM attribution a WHERE a.claim_id = 1 ORDER BY a.seen_on IS NULL,
                a.seen_on, a.id LIMIT 3
            """
        ).map { $0.string(3) }.joined(separator: " ")
        #expect(plan.contains("attribution_claim_timeline") && !plan.contains("TEMP B-TREE"))
        let result = try Binary.run(
            ["trace", "claim", "Busy claim", "--limit", "5", "--format", "csv"],
            database: temporary.path
        )
        #expect(CSVParser.parseWithHeader(result.stdout).count == 5)
        #expect(result.stderr == "showing the first 5 of 13 attributions; --limit 0 shows all\n")
    }
}
