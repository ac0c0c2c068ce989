import Foundation
import Testing

@testable import ClaimTrail

@Suite("Interchange and report formats")
struct FormatTests {
    @Test("JSON: export → import into a new store → export gives the same bytes")
    func jsonRoundTrip() throws {
        let first = try TemporaryStore()
        try HostileStore.fill(first.store)
        _ = try Importer(store: first.store, recordedBy: "t").importFile(atPath: Repository.path("examples/syria.json"))
        let exported = try InterchangeDocument.render(from: first.store, scope: .all)
        let file = try first.file("export.json", exported)

        let second = try TemporaryStore()
        let summary = try Importer(store: second.store, recordedBy: "someone else").importFile(atPath: file)
        #expect(summary.existing == 0 && summary.verdicts == 1 && summary.relations == 4)
        #expect(try InterchangeDocument.render(from: second.store, scope: .all) == exported)
        // And back into the first store: everything is already there.
        let again = try Importer(store: first.store, recordedBy: "t").importFile(atPath: file)
        #expect(
            again.sources + again.speakers + again.claims + again.attributions + again.relations + again.verdicts == 0
        )
    }

    @Test("JSON for one claim carries its counter-claim and the link between them")
    func jsonForOneClaim() throws {
        let temporary = try TemporaryStore()
        try HostileStore.fill(temporary.store)
        let document =
            try JSONSerialization.jsonObject(
                with: Data(try InterchangeDocument.render(from: temporary.store, scope: .claim(1)).utf8)
            ) as? [String: Any]
        let claims = try #require(document?["claims"] as? [[String: Any]])
        #expect(claims.map { $0["text"] as? String } == [HostileStore.claimText, HostileStore.counterText])
        let relations = try #require(document?["relations"] as? [[String: Any]])
        #expect(relations.first?["from"] as? String == HostileStore.counterText)
        let attributions = try #require(claims.first?["attributions"] as? [[String: Any]])
        #expect((attributions[1]["via"] as? [String: Any])?["speaker"] as? String == "TASS \\ agency")
    }

    @Test("CSV is read back field by field by Python's csv module", .enabled(if: OutsideClient.enabled("python3")))
    func csvWithPython() throws {
        let temporary = try TemporaryStore()
        try HostileStore.fill(temporary.store)
        let output = try TextOutput.file(atPath: temporary.directory.appendingPathComponent("out.csv").path)
        try ProvenanceReport.writeCSV(from: temporary.store, scope: .all, to: output)
        try output.close()
        let rows = try #require(
            try OutsideClient.python(
                """
                import csv, json, sys
                with open(sys.argv[1], newline='', encoding='utf-8') as f:
                    print(json.dumps(list(csv.DictReader(f))))
                """,
                [temporary.directory.appendingPathComponent("out.csv").path]
            ) as? [[String: String]]
        )
        let expected = try temporary.store.provenance.rows(.all)
        #expect(rows.count == expected.count)
        for (row, want) in zip(rows, expected) {
            #expect(Array(row.keys).sorted() == ProvenanceRow.columns.sorted())
            for (column, value) in zip(ProvenanceRow.columns, want.cells) {
                #expect(row[column] == value, "\(column)")
            }
        }
        #expect(rows.contains { $0["quote"] == HostileStore.quote })
    }

    @Test(
        "PROV-JSON is read by the Python prov package, with the expected counts",
        .enabled(if: OutsideClient.enabled("python3", pythonModule: "prov"))
    )
    func provJSON() throws {
        let temporary = try TemporaryStore()
        try HostileStore.fill(temporary.store)
        _ = try Importer(store: temporary.store, recordedBy: "t").importFile(
            atPath: Repository.path("examples/syria.json")
        )
        let path = try temporary.file("prov.json", try ProvDocument.render(from: temporary.store, scope: .all))
        let counts = try #require(
            try OutsideClient.python(
                """
                import json, sys, prov
                from collections import Counter
                doc = prov.read(sys.argv[1], format='json')
                counts = Counter(type(r).__name__ for r in doc.get_records())
                labels = [str(v) for r in doc.get_records() for (k, v) in r.attributes if str(k) == 'prov:label']
                print(json.dumps({'counts': counts, 'labels': labels}))
                """,
                [path]
            ) as? [String: Any]
        )
        let byType = try #require(counts["counts"] as? [String: Int])
        let store = temporary.store
        let sql = { (query: String) in try store.database.prepare(query).first { $0.int(0) } ?? -1 }
        #expect(
            byType["ProvEntity"]
                == (try sql(
                    "SELECT (SELECT COUNT(*) FROM source) + (SELECT COUNT(*) FROM claim)"
                        + " + (SELECT COUNT(*) FROM attribution)"
                ))
        )
        #expect(byType["ProvAgent"] == (try sql("SELECT COUNT(*) FROM speaker")))
        #expect(byType["ProvAttribution"] == (try sql("SELECT COUNT(*) FROM attribution WHERE speaker_id IS NOT NULL")))
        #expect(byType["ProvSpecialization"] == (try sql("SELECT COUNT(*) FROM attribution")))
        #expect(
            byType["ProvDerivation"]
                == (try sql(
                    "SELECT (SELECT COUNT(*) FROM attribution)"
                        + " + (SELECT COUNT(*) FROM attribution WHERE via_id IS NOT NULL)"
                ))
        )
        #expect(byType["ProvInfluence"] == (try sql("SELECT COUNT(*) FROM claim_relation")))
        #expect(byType["ProvDelegation"] == (try sql("SELECT COUNT(*) FROM speaker WHERE affiliation_id IS NOT NULL")))
        let labels = try #require(counts["labels"] as? [String])
        #expect(labels.contains(HostileStore.claimText) && labels.contains(HostileStore.speakerName))
    }

    @Test(
        "ClaimReview JSON-LD parses with rdflib into the expected triples",
        .enabled(if: OutsideClient.enabled("python3", pythonModule: "rdflib"))
    )
    func claimReviewWithRDFLib() throws {
        let temporary = try TemporaryStore()
        try HostileStore.fill(temporary.store)
        let path = try temporary.file(
            "review.jsonld",
            try ClaimReviewDocument.render(from: temporary.store, scope: .all)
        )
        let triples = try #require(
            try OutsideClient.python(
                """
                import json, sys, rdflib
                S = rdflib.Namespace('https://schema.org/')
                g = rdflib.Graph().parse(sys.argv[1], format='json-ld')
                review = next(g.subjects(rdflib.RDF.type, S.ClaimReview))
                item = g.value(review, S.itemReviewed)
                rating = g.value(review, S.reviewRating)
                print(json.dumps({
                    'reviews': len(list(g.subjects(rdflib.RDF.type, S.ClaimReview))),
                    'claimReviewed': str(g.value(review, S.claimReviewed)),
                    'reviewer': str(g.value(g.value(review, S.author), S.name)),
                    'rating': str(g.value(rating, S.alternateName)),
                    'ratingValue': int(g.value(rating, S.ratingValue).toPython()),
                    'itemType': str(g.value(item, rdflib.RDF.type)),
                    'itemAuthors': sorted(str(g.value(a, S.name)) for a in g.objects(item, S.author)),
                    'firstAppearance': str(g.value(g.value(item, S.firstAppearance), S.headline)),
                    'datePublished': str(g.value(review, S.datePublished)),
                }))
                """,
                [path]
            ) as? [String: Any]
        )
        #expect(triples["reviews"] as? Int == 1)
        #expect(triples["claimReviewed"] as? String == HostileStore.claimText)
        #expect(triples["reviewer"] as? String == "Desk “Ω”")
        #expect(triples["rating"] as? String == "False <b>")
        #expect(triples["ratingValue"] as? Int == 1)
        #expect(triples["itemType"] as? String == "https://schema.org/Claim")
        #expect(triples["itemAuthors"] as? [String] == ["TASS \\ agency", HostileStore.speakerName])
        #expect(triples["firstAppearance"] as? String == HostileStore.sourceTitle)
        #expect(triples["datePublished"] as? String == "2018-09-01")
    }

    @Test("ClaimReview imports back: claim, verdict, speakers and appearances")
    func claimReviewImport() throws {
        let source = try TemporaryStore()
        try HostileStore.fill(source.store)
        let path = try source.file("review.jsonld", try ClaimReviewDocument.render(from: source.store, scope: .all))
        let target = try TemporaryStore()
        let importer = Importer(store: target.store, recordedBy: "t")
        let summary = try importer.importFile(atPath: path)
        #expect(
            (summary.claims, summary.verdicts, summary.speakers, summary.sources, summary.attributions) == (
                1, 1, 2, 1, 2
            )
        )
        let claim = try target.store.resolveClaim(HostileStore.claimText)
        #expect(try target.store.verdicts(claimID: claim.id) == source.store.verdicts(claimID: 1))
        #expect(
            try target.store.traceClaim("#\(claim.id)").attributions.compactMap(\.speaker).sorted()
                == ["TASS \\ agency", HostileStore.speakerName].sorted()
        )
        #expect(try importer.importFile(atPath: path).existing == 4)
    }

    @Test("DOT is accepted by Graphviz, labels intact", .enabled(if: OutsideClient.enabled("dot")))
    func dotWithGraphviz() throws {
        let temporary = try TemporaryStore()
        try HostileStore.fill(temporary.store)
        let path = try temporary.file("graph.dot", try DOTGraph.render(from: temporary.store, scope: .all))
        let result = try OutsideClient.run("dot", ["-Tsvg", path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("<svg"))
        #expect(result.output.contains("TASS \\ agency"))
        #expect(result.output.contains("&lt;script&gt;alert("))
        #expect(result.output.contains("contradicts"))
    }

    @Test(
        "HTML renders in headless Chromium, showing every field as text and running no injected script",
        .enabled(if: OutsideClient.enabled("chromium"))
    )
    func htmlInChromium() throws {
        let temporary = try TemporaryStore()
        try HostileStore.fill(temporary.store)
        let html = try HTMLReport.render(from: temporary.store, scope: .contested)
        // No scripts, images or stylesheets of any origin: the page stands alone.
        #expect(
            !html.contains("<script") && !html.contains("<img") && !html.contains("<link") && !html.contains("src=\"")
        )
        let path = try temporary.file("report.html", html)
        let dom = try OutsideClient.run(
            "chromium",
            ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + path]
        )
        #expect(dom.status == 0, "\(dom.output)")
        #expect(!dom.output.contains("<script"), "an injected script became an element")
        #expect(!dom.output.contains("<img"), "an injected image became an element")
        for expected in [
            "&lt;script&gt;alert('claim')&lt;/script&gt;", "Мария Захарова", "TASS \\ agency",
            "&lt;img src=x onerror=alert(1)&gt;", "Desk “Ω”", "contested", "Counter-claims",
        ] {
            #expect(dom.output.contains(expected), "missing \(expected)")
        }
    }
}

extension FormatTests {
    @Test("a text table cuts long cells by terminal width, drops control characters and lines columns up")
    func textTable() {
        let table = TextTable(
            headers: ["name", "quote"],
            rows: [
                ["Мария Захарова", "“Мы ответим” – " + String(repeating: "中", count: 30)],
                ["NATO\u{7}", "short\nline"],
                ["plain ascii", String(repeating: "x", count: 25)],
                ["a\u{2028}b\u{9F}", "c\u{85}d\r\ne"],
                ["“Russia’s MoD” – Ελλάδα", "e\u{301}tude e\u{301}tude e\u{301}tude e\u{301}tude"],
            ]
        )
        // Both columns are over 20 wide, so fitting 42 columns (20 + 2 + 20) cuts each at 20.
        #expect(
            table.render(width: 42).split(separator: "\n", omittingEmptySubsequences: false) == [
                "NAME                  QUOTE",
                "Мария Захарова        “Мы ответим” – 中中…",
                "NATO                  short line",
                "plain ascii           xxxxxxxxxxxxxxxxxxx…",
                "a b                   c d e",
                "“Russia’s MoD” – Ελ…  e\u{301}tude e\u{301}tude e\u{301}tude e\u{301}…",
                "",
            ]
        )
    }

    @Test("each scalar a table measures by scalars is a character of its own")
    func standaloneScalars() {
        let scalars = (UInt32(0x20)...0x1_FFFF).compactMap(Unicode.Scalar.init).filter {
            TextTable.standsAlone($0) && !(0x7F...0x9F).contains($0.value)
        }
        #expect(scalars.count > 40_000)
        // Neither joins the character before it nor the one after: four scalars, four characters.
        let joining = scalars.filter { ("x" + String($0) + String($0) + "x").count != 4 }
        #expect(joining.isEmpty, "\(joining.prefix(5).map(\.value))")
        // Nor a neighbour of another kind: each beside one of every block's first scalars.
        let firsts = scalars.indices.filter { $0 == 0 || scalars[$0].value != scalars[$0 - 1].value + 1 }
            .map { scalars[$0] }
        let mixed = scalars.filter { scalar in
            firsts.contains { (String(scalar) + String($0) + String(scalar)).count != 3 }
        }
        #expect(mixed.isEmpty, "\(mixed.prefix(5).map(\.value))")
    }

    @Test(
        "the HTML report isolates stored text: Chromium reads each claim's heading with the text whole in <bdi>",
        .enabled(if: OutsideClient.enabled("chromium"))
    )
    func htmlIsolatesRightToLeftText() throws {
        let temporary = try TemporaryStore()
        // Arabic followed by a number and Latin words; and a stray override that would reverse the line.
        let texts = ["أغلق الجسر 3 أيام (BBC)", "\u{202E}Reversed until the end 42"]
        for text in texts { _ = try temporary.store.claim(text) }
        let path = try temporary.file("report.html", try HTMLReport.render(from: temporary.store, scope: .all))
        let dom = try OutsideClient.run(
            "chromium",
            ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + path]
        )
        #expect(dom.status == 0, "\(dom.output)")
        for (index, text) in texts.enumerated() {
            #expect(dom.output.contains("<h2>#\(index + 1) <bdi>\(text)</bdi></h2>"), "claim #\(index + 1)")
        }
    }
}
