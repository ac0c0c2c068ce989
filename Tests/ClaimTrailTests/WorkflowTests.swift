import Foundation
import Testing

@testable import ClaimTrail

/// Editors' and fact-checkers' workflows, on the bundled example.
@Suite("Audit, search, merges, first appearance")
struct WorkflowTests {
    static func example() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        _ = try Importer(store: temporary.store, recordedBy: "t").importFile(
            atPath: Repository.path("examples/syria.json")
        )
        return temporary
    }

    @Test("audit of one article: sourcing by kind, single-voice and contested claims, relays")
    func auditOneSource() throws {
        let store = try Self.example().store
        let marrow = try store.audit(
            source: "Russian Military’s Activities in Syria Indicate Collaboration to Counter US Presence"
        )
        #expect(marrow.attributions == 7)
        #expect(
            marrow.byCategory == [
                "named_person": 2, "named_organization": 0, "anonymous": 5, "unattributed": 0, "unclassified": 0,
            ]
        )
        #expect(marrow.singleVoiceClaims.map(\.id) == [14, 15, 16, 17, 18])
        #expect(marrow.relayed.map(\.viaChain) == [["a senior defense official", "Michael Marrow"]])
        #expect(marrow.relayed.first?.primarySourceInStore == false)

        let first = try store.audit(source: "1")
        #expect(
            first.byCategory == [
                "named_person": 2, "named_organization": 5, "anonymous": 0, "unattributed": 2, "unclassified": 0,
            ]
        )
        #expect(first.contestedClaims.map(\.id) == [1])
        let rows = CSVParser.parseWithHeader(try ReportFormat.csv.render(first.rows))
        #expect(rows.filter { $0["category"] == "unattributed" }.map { $0["claim_id"] } == ["2", "4"])
    }

    @Test("a relay whose original speaker is on record first-hand elsewhere is marked so")
    func relayWithPrimarySource() throws {
        let store = try TemporaryStore().store
        let claim = try store.claim("X")
        let ministry = try store.speaker("Ministry", kind: .government)
        let outlet = try store.speaker("TASS", kind: .media)
        let statement = try store.source("Ministry statement")
        let article = try store.source("Article")
        try store.attribute(claim, ministry, in: statement)
        let relay = try store.attribute(claim, outlet, in: article)
        try store.attribute(claim, ministry, in: article, via: relay)
        let audit = try store.audit(source: "Article")
        #expect(audit.relayed.map(\.primarySourceIDs) == [[statement]])
        #expect(audit.rows.compactMap(\.primarySourceInStore) == [true])
    }

    @Test("audit --all ranks sources by their share of anonymous and unattributed attributions")
    func auditAll() throws {
        let shares = try Self.example().store.auditAll()
        #expect(shares.map(\.sourceID) == [3, 2, 1])
        #expect(
            shares.map { ($0.anonymous, $0.unattributed, $0.attributions) }.map { "\($0)" } == [
                "(5, 0, 7)", "(2, 1, 5)", "(0, 2, 9)",
            ]
        )
    }

    @Test("search ranks claims, quotes, speakers and titles, and stays in sync with every write")
    func searchStaysInSync() throws {
        let store = try Self.example().store
        let hits = try store.search("missile strike")
        #expect(hits.contains { $0.kind == .source && $0.id == 2 && $0.match.contains("«Missile» «Strike»") })
        #expect(hits.contains { $0.kind == .claim && $0.id == 1 && $0.match.contains("«missile» «strike»") })
        #expect(hits.contains { $0.kind == .quote && $0.claimID == 1 })
        // The speaker by an alias, then the article whose body names the Kremlin.
        #expect(try store.search("kremlin").map { "\($0.kind) \($0.id)" } == ["speaker 3", "source 1"])
        #expect(try store.search("\"unbalanced (quote").isEmpty)
        // A NUL (which a web search can send) separates words; it was an SQLite error.
        #expect(try store.search("missile\0strike").map(\.id) == hits.map(\.id))
        #expect(throws: Never.self) { try store.search("\0\u{301}missile") }

        let id = try store.claim("Водка is not a weapon")
        #expect(try store.search("водка").map(\.id) == [id])
        try store.editClaim(id, text: "Kvass is not a weapon", topic: nil, by: "t", reason: nil)
        #expect(try store.search("водка").isEmpty && store.search("kvass").map(\.id) == [id])
        let attribution = try store.attribute(id, nil, in: 1, quote: "zymurgy matters")
        #expect(try store.search("zymurgy").map(\.claimID) == [id])
        try store.editAttribution(attribution, quote: "brewing matters", cue: nil, mode: nil, by: "t", reason: nil)
        #expect(try store.search("zymurgy").isEmpty && store.search("brewing").count == 1)
        try store.addAliases(["Lungescu the spokesperson"], to: 2)
        #expect(try store.search("spokesperson").contains { $0.kind == .speaker && $0.id == 2 })
        try store.deleteClaim(id, by: "t", reason: nil)
        #expect(try store.search("kvass").isEmpty && store.search("brewing").isEmpty)
    }

    @Test("claim merge moves attributions, keeps the old id and wording resolving, and logs it")
    func claimMerge() throws {
        let temporary = try Self.example()
        let store = temporary.store
        let asked = try store.claim("US planning missile strike")
        let source = try store.source("Another report", published: "2018-08-30")
        let tass = try store.speaker("TASS", kind: .media)
        let relay = try store.attribute(asked, tass, in: source)
        try store.attribute(asked, 3, in: source, .asserts, via: relay)
        let suggestions = try store.similarClaims(to: asked)
        #expect(suggestions.first?.id == 1)

        let before = try store.traceClaim("1").attributions.count
        try store.mergeClaim(asked, into: 1, by: "editor", reason: "same claim")
        let trace = try store.traceClaim("#\(asked)")
        #expect(trace.claim.id == 1)
        #expect(trace.attributions.count == before + 2)
        #expect(trace.attributions.contains { $0.viaChain == ["Russian government", "TASS"] })
        #expect(try store.resolveClaim("us planning missile strike").id == 1)
        #expect(try store.addClaim(text: "US planning missile strike") == (1, false))
        #expect(trace.history.last?.reason == "merged into claim #1: same claim")
        #expect(try StoreCheck(store: store).problems().isEmpty)
        #expect(try temporary.count("attribution") == 23)
    }

    @Test("speaker merge moves attributions and turns the merged names into aliases")
    func speakerMerge() throws {
        let store = try Self.example().store
        let ministry = try #require(try store.resolveSpeaker("Russian MoD"))
        let government = try #require(try store.resolveSpeaker("Russian government"))
        let before = try store.traceSpeaker("Russian government").attributions.count
        let moved = try store.traceSpeaker("Russian MoD").attributions.count
        try store.mergeSpeaker(ministry.id, into: government.id, by: "editor", reason: nil)
        #expect(try store.traceSpeaker("Russian Ministry of Defence").speaker.id == government.id)
        #expect(try store.traceSpeaker("Russian government").attributions.count == before + moved)
        #expect(try store.speaker(id: government.id)?.aliases.contains("Russian defence ministry") == true)
        #expect(try StoreCheck(store: store).problems().isEmpty)
    }

    @Test("trace claim shows the first appearance and how the claim spread, day by day")
    func firstAppearance() throws {
        let store = try TemporaryStore().store
        let claim = try store.claim("The US is planning a strike")
        let late = try store.source("Late", published: "2018-09-02")
        let early = try store.source("Early", published: "2018-08-28")
        let same = try store.source("Same day", published: "2018-08-28")
        let undated = try store.source("Undated")
        for source in [late, early, same, undated] { try store.attribute(claim, nil, in: source) }
        let trace = try store.traceClaim("The US is planning a strike")
        #expect(trace.firstAppearance?.titles == ["Early"] && trace.firstAppearance?.day == "2018-08-28")
        #expect(trace.spread.map(\.day) == ["2018-08-28", "2018-09-02"])
        #expect(trace.spread.map(\.sourceIDs) == [[early, same], [late]])
        let text = TraceReport.table(trace)
        #expect(
            text.contains("First appearance: Early (2018-08-28)")
                && text.contains("2018-08-28 2 sources, 2018-09-02 1 source")
        )
    }
}
