import Foundation
import Testing

@testable import ClaimTrail

/// The exports and traces written as they read the store (issue 21) hold what the store holds:
/// checked against the store read by SQL of the tests' own, against Graphviz, and against the
/// same reports built whole in memory.
@Suite struct StreamingExportTests {
    /// A generated store with relays and counter-claims, and one speaker acting for another.
    private static func generated() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        let file = try ReliabilityTests.dataset(
            in: temporary.directory,
            name: "data",
            claims: 40,
            attributions: 600,
            seed: 21
        )
        _ = try Importer(store: temporary.store, recordedBy: "t").importFile(atPath: file)
        try temporary.store.database.execute("UPDATE speaker SET affiliation_id = 2 WHERE id = 1")
        return temporary
    }

    /// Rows of the tests' own SQL, each row's columns joined by "|", sorted.
    private static func rows(_ store: ClaimStore, _ sql: String, columns: Int32 = 1) throws -> [String] {
        try store.database.prepare(sql).map { row in
            (0..<columns).map { row.text($0) ?? "" }.joined(separator: "|")
        }.sorted()
    }

    @Test("PROV-JSON holds the store's entities, agents and relations, each relation once")
    func provJSONAgainstTheStore() throws {
        let temporary = try Self.generated()
        let out = temporary.directory.appendingPathComponent("prov.json").path
        let run = try Binary.run(["export", "--format", "prov-json", "--out", out], database: temporary.path)
        #expect(run.status == 0, "\(run.stderr)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any]
        )
        let section = { (name: String) in document[name] as? [String: [String: Any]] ?? [:] }
        let pairs = { (name: String, keys: [String]) in
            section(name).values.map { record in keys.map { record[$0] as? String ?? "" }.joined(separator: "|") }
                .sorted()
        }
        let store = temporary.store
        let accepted = "SELECT * FROM attribution WHERE state = 'accepted'"
        #expect(
            Set(section("entity").keys)
                == Set(
                    try Self.rows(
                        store,
                        """
                        SELECT 'uuid:' || uid FROM claim WHERE proposed = 0
                        UNION ALL SELECT 'uuid:' || uid FROM source WHERE id IN (SELECT source_id FROM (\(accepted)))
                        UNION ALL SELECT 'uuid:' || uid FROM (\(accepted))
                        """
                    )
                )
        )
        #expect(
            section("agent").keys.sorted()
                == (try Self.rows(
                    store,
                    """
                    WITH RECURSIVE agents (id) AS (
                        SELECT speaker_id FROM (\(accepted)) WHERE speaker_id IS NOT NULL
                        UNION SELECT affiliation_id FROM speaker JOIN agents USING (id)
                        WHERE affiliation_id IS NOT NULL)
                    SELECT 'uuid:' || uid FROM speaker WHERE id IN agents
                    """
                ))
        )
        #expect(
            pairs("specializationOf", ["prov:specificEntity", "prov:generalEntity"])
                == (try Self.rows(
                    store,
                    "SELECT 'uuid:' || a.uid, 'uuid:' || c.uid FROM (\(accepted)) a JOIN claim c ON c.id = a.claim_id",
                    columns: 2
                ))
        )
        #expect(
            pairs("wasAttributedTo", ["prov:entity", "prov:agent"])
                == (try Self.rows(
                    store,
                    """
                    SELECT 'uuid:' || a.uid, 'uuid:' || s.uid FROM (\(accepted)) a
                    JOIN speaker s ON s.id = a.speaker_id
                    """,
                    columns: 2
                ))
        )
        #expect(
            pairs("wasDerivedFrom", ["prov:generatedEntity", "prov:usedEntity", "prov:type"])
                == (try Self.rows(
                    store,
                    """
                    SELECT 'uuid:' || s.uid, 'uuid:' || a.uid, iif(a.mode = 'direct', 'prov:Quotation', '')
                    FROM (\(accepted)) a JOIN source s ON s.id = a.source_id
                    UNION ALL SELECT 'uuid:' || v.uid, 'uuid:' || a.uid, 'prov:PrimarySource'
                    FROM (\(accepted)) a JOIN attribution v ON v.id = a.via_id
                    """,
                    columns: 3
                ))
        )
        #expect(
            pairs("actedOnBehalfOf", ["prov:delegate", "prov:responsible"])
                == (try Self.rows(
                    store,
                    """
                    SELECT 'uuid:' || s.uid, 'uuid:' || b.uid FROM speaker s
                    JOIN speaker b ON b.id = s.affiliation_id
                    """,
                    columns: 2
                ))
        )
        #expect(
            pairs("wasInfluencedBy", ["prov:influencee", "prov:influencer", "prov:type"])
                == (try Self.rows(
                    store,
                    """
                    SELECT 'uuid:' || f.uid, 'uuid:' || t.uid, 'ct:' || r.kind FROM claim_relation r
                    JOIN claim f ON f.id = r.from_claim_id JOIN claim t ON t.id = r.to_claim_id
                    """,
                    columns: 3
                ))
        )
        // Relation names are unique across kinds: `_:r1` to `_:rN`.
        let kinds = ["specializationOf", "wasAttributedTo", "wasDerivedFrom", "actedOnBehalfOf", "wasInfluencedBy"]
        let names = kinds.flatMap { section($0).keys }
        #expect(!names.isEmpty && Set(names) == Set((1...names.count).map { "_:r\($0)" }))
    }

    @Test(
        "the streamed DOT graph parses in Graphviz, with an edge per attribution and relation",
        .enabled(if: OutsideClient.enabled("dot"))
    )
    func dotParses() throws {
        let temporary = try Self.generated()
        let path = try temporary.file("graph.dot", try DOTGraph.render(from: temporary.store, scope: .all))
        let result = try OutsideClient.run("dot", ["-Tsvg", path])
        #expect(result.status == 0, "\(result.output)")
        let edges = result.output.components(separatedBy: "<g id=\"edge").count - 1
        let expected =
            try temporary.store.database.prepare(
                """
                SELECT (SELECT count(*) FROM attribution WHERE state = 'accepted')
                       + (SELECT count(*) FROM claim_relation)
                """
            ).first { $0.int(0) } ?? -1
        #expect(edges == expected)
    }

    @Test("the streamed HTML report holds each claim's section as the claim page builds it, in order")
    func htmlSectionsAsBuiltWhole() throws {
        let temporary = try Self.generated()
        let store = temporary.store
        let html = try HTMLReport.render(from: store, scope: .all)
        let ids = try store.claimIDs(in: .all)
        var position = html.startIndex
        for id in ids {
            var bytes: [UInt8] = []
            HTMLReport.section(
                try store.traceClaim("#\(id)"),
                verdicts: try store.verdicts(claimID: id),
                labels: try store.statusLabels(),
                link: { "#claim-\($0)" },
                speakerLink: { _ in nil },
                into: &bytes
            )
            let section = String(decoding: bytes, as: UTF8.self)
            let found = try #require(html.range(of: section, range: position..<html.endIndex), "claim #\(id)")
            position = found.upperBound
        }
        #expect(html[position...] == "</body>\n</html>\n")
    }

    @Test("traces streamed as JSON and tables are the bytes of the traces built whole", arguments: [nil, 7])
    func tracesAsBuiltWhole(limit: Int?) throws {
        let temporary = try Self.generated()
        let store = temporary.store
        let countered = try #require(
            try store.database.prepare("SELECT to_claim_id FROM claim_relation ORDER BY id").first { $0.int64(0) }
        )
        let written = { (write: (TextOutput) throws -> Void) throws -> String in
            var bytes: [UInt8] = []
            let output = TextOutput.chunks { bytes += $0 }
            try write(output)
            try output.close()
            return String(decoding: bytes, as: UTF8.self)
        }
        let ignore = { (_: Int, _: Int) in }
        for claim in [1, countered] {
            let trace = try store.traceClaim("#\(claim)", limit: limit)
            #expect(!trace.attributions.isEmpty)
            var announced: (shown: Int, total: Int)?
            let json = try written {
                try TraceReport.writeJSON(
                    claim: "#\(claim)",
                    from: store,
                    limit: limit,
                    includeProposed: false,
                    announce: { announced = ($0, $1) },
                    to: $0
                )
            }
            #expect(json == (try JSONReport.encode(trace)), "claim #\(claim)")
            // Told once the rows are out, as many as the trace built whole shows.
            #expect(announced?.shown == trace.attributions.count && announced?.total == trace.totalAttributions)
            for width in [nil, 100] {
                let table = try written {
                    try TraceReport.writeTable(
                        claim: "#\(claim)",
                        from: store,
                        limit: limit,
                        includeProposed: false,
                        width: width,
                        announce: ignore,
                        to: $0
                    )
                }
                #expect(table == TraceReport.table(trace, width: width), "claim #\(claim), width \(width ?? 0)")
            }
        }
        let speaker = try store.traceSpeaker("#1", limit: limit)
        #expect(!speaker.attributions.isEmpty)
        let json = try written {
            try TraceReport.writeJSON(speaker: "#1", from: store, limit: limit, announce: ignore, to: $0)
        }
        #expect(json == (try JSONReport.encode(speaker)))
        let table = try written {
            try TraceReport.writeTable(speaker: "#1", from: store, limit: limit, width: nil, announce: ignore, to: $0)
        }
        #expect(table == TraceReport.table(speaker))
    }

    @Test("a streamed claim table keeps cells with tabs, line breaks and controls, and empty ones, in their columns")
    func streamedTableOfUnrulyCells() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let source = try store.source("Tab\there", published: "2020-01-02")
        let claim = try store.claim("Unruly cells")
        let speaker = try store.speaker("Line\nbreak", role: "role\twith tab")
        for quote in ["a\tb", "two\nlines", "cr\r\nlf", "bell\u{07}and\u{1B}[2J", "", "\t\t"] {
            try store.attribute(claim, speaker, in: source, quote: quote.isEmpty ? nil : quote)
        }
        try store.attribute(claim, nil, in: source)
        let trace = try store.traceClaim("#\(claim)", limit: nil)
        for width in [nil, 60] {
            var bytes: [UInt8] = []
            let output = TextOutput.chunks { bytes += $0 }
            try TraceReport.writeTable(
                claim: "#\(claim)",
                from: store,
                limit: nil,
                includeProposed: false,
                width: width,
                announce: { _, _ in },
                to: output
            )
            try output.close()
            #expect(String(decoding: bytes, as: UTF8.self) == TraceReport.table(trace, width: width))
        }
    }
}
