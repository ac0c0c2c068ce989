import Foundation
import Testing

@testable import ClaimTrail

/// Corrections and retractions (issue 20, part 3): a source is kept and flagged, the change is
/// logged, and `impact` lists what rests on a source, an attribution or a claim.
@Suite("Retractions and impact")
struct ImpactTests {
    /// The store of `OriginsTests`, plus a denial by the Mayor in the Daily (so claim 1 is contested
    /// by one denying voice) and a verdict on claim 1.
    static func store() throws -> TemporaryStore {
        let temporary = try OriginsTests.store()
        for arguments in [
            ["attribute", "1", "--source", "4", "--speaker", "Mayor", "--new-speaker", "--stance", "denies"],
            ["verdict", "1", "--rating", "False", "--by", "Desk"],
        ] {
            let result = try Binary.run(arguments, database: temporary.path)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        return temporary
    }

    static func json(_ arguments: [String], _ temporary: TemporaryStore) throws -> [String: Any] {
        let result = try Binary.run(arguments + ["--format", "json"], database: temporary.path)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func ids(_ value: Any?) -> [Int] {
        (value as? [[String: Any]] ?? []).compactMap { $0["attribution_id"] as? Int }
    }

    @Test("impact source: its attributions, the relays downstream, the claims whose standing changes, verdicts")
    func impactOfSource() throws {
        let temporary = try Self.store()
        // Reuters (#2) holds attribution #2; AP's #3 relays it, and TASS's #6 relays AP's.
        let reuters = try Self.json(["impact", "source", "2"], temporary)
        #expect(Self.ids(reuters["attributions"]) == [2])
        #expect(Self.ids(reuters["relayed"]) == [3, 6])
        #expect((reuters["claims"] as? [Any])?.isEmpty == true)
        #expect((reuters["verdicts"] as? [[String: Any]])?.first?["rating"] as? String == "False")

        // The Daily holds the spokesman's #4 and the Mayor's denial #7: without them the claim is
        // no longer contested.
        let daily = try Self.json(["impact", "source", "4"], temporary)
        #expect(Self.ids(daily["attributions"]) == [4, 7])
        let claims = try #require(daily["claims"] as? [[String: Any]])
        #expect(claims.first?["claim_id"] as? Int == 1)
        #expect(claims.first?["changes"] as? [String] == ["no longer contested"])

        // Without the ministry's first-hand #1 (and what relays it) and the spokesman's two, nothing
        // first-hand is left but the Mayor's denial; a claim's own impact leaves it no voice at all.
        let claim = try Self.json(["impact", "claim", "1"], temporary)
        #expect(Self.ids(claim["attributions"]) == [1, 2, 3, 4, 5, 6, 7])
        let own = try #require((claim["claims"] as? [[String: Any]])?.first)
        #expect(own["changes"] as? [String] == ["no longer contested", "no first-hand source left"])

        let attribution = try Self.json(["impact", "attribution", "1"], temporary)
        #expect(Self.ids(attribution["attributions"]) == [1] && Self.ids(attribution["relayed"]) == [2, 3, 6])

        let table = try Binary.run(["impact", "source", "4"], database: temporary.path)
        #expect(table.stdout.contains("\n  #1 The bridge was destroyed: no longer contested\n"))
    }

    @Test("retract and correct keep the source, flag it in reports and log the change; unknown source is exit 1")
    func retractAndCorrect() throws {
        let temporary = try Self.store()
        let retract = ["source", "retract", "2", "--reason", "Fabricated quote", "--date", "2024-02-01"]
        #expect(try Binary.run(retract, database: temporary.path).status == 0)
        let correct = ["source", "correct", "3", "--note", "Date of the strike corrected"]
        #expect(try Binary.run(correct, database: temporary.path).status == 0)
        let stored = try temporary.store.database.prepare(
            "SELECT id, retracted_on, retraction_reason, correction_note FROM source WHERE id IN (2, 3) ORDER BY id"
        ).map { [$0.text(0), $0.text(1), $0.text(2), $0.text(3)] }
        #expect(
            stored == [["2", "2024-02-01", "Fabricated quote", nil], ["3", nil, nil, "Date of the strike corrected"]]
        )
        let log = try temporary.store.database.prepare(
            "SELECT entity_id, reason, json_extract(after, '$.retracted_on') FROM change_log WHERE entity = 'source'"
                + " ORDER BY id"
        ).map { [$0.text(0), $0.text(1), $0.text(2)] }
        #expect(log == [["2", "Fabricated quote", "2024-02-01"], ["3", "Date of the strike corrected", nil]])

        let csv = CSVParser.parseWithHeader(
            try Binary.run(["export", "--format", "csv"], database: temporary.path).stdout
        )
        #expect(csv.filter { $0["source_retracted_on"] == "2024-02-01" }.map { $0["attribution_id"] } == ["2"])
        let trace = try Binary.run(["trace", "claim", "1"], database: temporary.path)
        #expect(trace.stdout.contains("Reuters story [retracted 2024-02-01]"))
        let contested = CSVParser.parseWithHeader(
            try Binary.run(["contested", "--format", "csv"], database: temporary.path).stdout
        )
        #expect(contested.first?["retracted_sources"] == "1")
        let audit = try Binary.run(["audit", "2"], database: temporary.path)
        #expect(audit.stdout.contains("RETRACTED 2024-02-01: Fabricated quote\n"))

        let before = try temporary.snapshot()
        let unknown = try Binary.run(["source", "retract", "99", "--reason", "x"], database: temporary.path)
        #expect(unknown.status == 1 && unknown.stderr.split(separator: "\n").count == 1)
        #expect(try temporary.snapshot() == before)
    }
    @Test(
        """
        PROV-JSON: a retracted source wasInvalidatedBy its retraction, \
        a corrected attribution wasRevisionOf its wording
        """,
        .enabled(if: OutsideClient.enabled("python3", pythonModule: "prov"))
    )
    func provenanceDocument() throws {
        let temporary = try Self.store()
        for arguments in [
            ["source", "retract", "2", "--reason", "Fabricated quote", "--date", "2024-02-01"],
            ["attribution", "edit", "1", "--quote", "It is gone now", "--reason", "misquoted"],
        ] {
            let result = try Binary.run(arguments, database: temporary.path)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let export = try Binary.run(["export", "--format", "prov-json"], database: temporary.path)
        let path = try temporary.file("prov.json", export.stdout)
        let read = try #require(
            try OutsideClient.python(
                """
                import json, sys, prov
                doc = prov.read(sys.argv[1], format='json')
                def attrs(r): return {str(k): str(v) for (k, v) in r.attributes}
                kind = lambda r: type(r).__name__
                print(json.dumps({
                    'invalidated': [[attrs(r).get('prov:entity'), attrs(r).get('prov:time')[:10]]
                                    for r in doc.get_records() if kind(r) == 'ProvInvalidation'],
                    'revisions': [attrs(r).get('prov:usedEntity') for r in doc.get_records()
                                  if kind(r) == 'ProvDerivation' and attrs(r).get('prov:type') == 'prov:Revision'],
                    'activities': [str(r.identifier) for r in doc.get_records() if kind(r) == 'ProvActivity'],
                }))
                """,
                [path]
            ) as? [String: Any]
        )
        let source = try #require(try temporary.store.uid(of: .source, id: 2))
        let attribution = try #require(try temporary.store.uid(of: .attribution, id: 1))
        let logID = try temporary.store.database.prepare("SELECT max(id) FROM change_log").first { $0.int(0) } ?? -1
        #expect(read["invalidated"] as? [[String]] == [["uuid:\(source)", "2024-02-01"]])
        #expect(read["revisions"] as? [String] == ["uuid:\(attribution)/revision/\(logID)"])
        #expect(read["activities"] as? [String] == ["ct:retraction/2"])
    }

    /// The store of `store()` with Reuters (#2) retracted and the Daily (#4) corrected.
    static func retractedStore() throws -> TemporaryStore {
        let temporary = try Self.store()
        for arguments in [
            ["source", "retract", "2", "--reason", "Fabricated \"quote\" <b>", "--date", "2024-02-01"],
            ["source", "correct", "4", "--note", "Date of the strike corrected"],
        ] {
            let result = try Binary.run(arguments, database: temporary.path)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        return temporary
    }

    @Test("a retraction and a correction travel in JSON and JSON Lines: export → import → export, same bytes")
    func retractionTravels() throws {
        let temporary = try Self.retractedStore()
        for format in ["json", "jsonl"] {
            let first = try Binary.run(["export", "--format", format], database: temporary.path)
            #expect(first.status == 0, "\(first.stderr)")
            let records: [[String: Any]] =
                format == "json"
                ? try #require(
                    (try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])?["sources"]
                        as? [[String: Any]]
                )
                : try first.stdout.split(separator: "\n").compactMap {
                    try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
                }.filter { $0["type"] as? String == "source" }
            let retracted = records.filter { $0["retracted_on"] != nil }
            #expect(retracted.map { $0["retraction_reason"] as? String } == ["Fabricated \"quote\" <b>"], "\(format)")
            #expect(records.compactMap { $0["correction_note"] as? String } == ["Date of the strike corrected"])

            let other = try TemporaryStore()
            let file = try temporary.file("export.\(format)", first.stdout)
            let imported = try Binary.run(["import", file], database: other.path)
            #expect(imported.status == 0, "\(imported.stderr)")
            let stored = try other.store.database.prepare(
                "SELECT title, retracted_on, retraction_reason, correction_note FROM source"
                    + " WHERE retracted_on IS NOT NULL OR correction_note IS NOT NULL ORDER BY id"
            ).map { [$0.text(0), $0.text(1), $0.text(2), $0.text(3)] }
            #expect(stored.count == 2 && stored[0][1] == "2024-02-01" && stored[1][3] == "Date of the strike corrected")
            let second = try Binary.run(["export", "--format", format], database: other.path)
            #expect(second.stdout == first.stdout, "\(format)")
            // Imported again, nothing changes: the retraction stored is kept, and nothing is logged.
            let log = try other.count("change_log")
            #expect(try Binary.run(["import", file], database: other.path).status == 0)
            #expect(try other.count("change_log") == log)
        }
    }

    @Test("DOT draws a retracted source as a dashed red node giving its day and reason, its edges dashed")
    func retractionInDOT() throws {
        let temporary = try Self.retractedStore()
        let dot = try Binary.run(["export", "--format", "dot"], database: temporary.path).stdout
        let node = try #require(dot.split(separator: "\n").first { $0.contains("\"retracted2\" [") })
        #expect(node.contains("style=dashed, color=red"))
        #expect(node.contains("RETRACTED 2024-02-01\\nReuters story\\nFabricated \\\"quote\\\" <b>"))
        #expect(dot.contains("\"retracted2\" -> \"claim1\" [style=dashed"))
        let dashed = dot.split(separator: "\n").filter { $0.contains("(retracted source)") }
        #expect(dashed.count == 1 && dashed[0].contains("style=dashed"))
        if OutsideClient.enabled("dot") {
            let path = try temporary.file("graph.dot", dot)
            let json = try OutsideClient.run("dot", ["-Tjson", path])
            #expect(json.status == 0, "\(json.output)")
            let graph = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
            let objects = graph["objects"] as? [[String: Any]] ?? []
            let drawn = try #require(objects.first { $0["name"] as? String == "retracted2" })
            #expect(drawn["style"] as? String == "dashed" && drawn["color"] as? String == "red")
            #expect((drawn["label"] as? String)?.contains("Fabricated \"quote\" <b>") == true)
        }
    }

    @Test("ClaimReview gives a retracted or corrected article its CorrectionComments; HTML marks the source")
    func retractionInClaimReviewAndHTML() throws {
        let temporary = try Self.retractedStore()
        let review = try Binary.run(["export", "--format", "claimreview"], database: temporary.path)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(review.stdout.utf8)) as? [String: Any])
        let graph = try #require(document["@graph"] as? [[String: Any]])
        let appearances = try #require(
            (graph.first?["itemReviewed"] as? [String: Any])?["appearance"] as? [[String: Any]]
        )
        let corrections = Dictionary(
            uniqueKeysWithValues: appearances.map {
                ($0["headline"] as? String ?? "", ($0["correction"] as? [[String: Any]]) ?? [])
            }
        )
        #expect(corrections["Reuters story"]?.first?["datePublished"] as? String == "2024-02-01")
        #expect(corrections["Reuters story"]?.first?["text"] as? String == "Retracted: Fabricated \"quote\" <b>")
        #expect(corrections["Reuters story"]?.first?["@type"] as? String == "CorrectionComment")
        #expect(
            corrections.values.flatMap { $0 }.compactMap { $0["text"] as? String }.contains(
                "Date of the strike corrected"
            )
        )
        #expect(corrections.filter { !$0.value.isEmpty }.count <= 2)

        let html = try Binary.run(["export", "--format", "html"], database: temporary.path).stdout
        #expect(html.contains("Reuters story</a>") || html.contains("Reuters story"))
        #expect(html.contains("<span class=\"retracted\">retracted 2024-02-01</span>"))
    }

    @Test("retract refuses a day in the future and a second retraction, writing nothing; the first is kept")
    func retractionBadInput() throws {
        let temporary = try Self.retractedStore()
        let before = try temporary.snapshot()
        let future = try Binary.run(
            ["source", "retract", "3", "--reason", "x", "--date", "2999-01-01"],
            database: temporary.path
        )
        #expect(future.status == 1 && future.stderr.split(separator: "\n").count == 1)
        #expect(future.stderr.contains("in the future"))
        let again = try Binary.run(
            ["source", "retract", "2", "--reason", "Another reason", "--date", "2024-03-01"],
            database: temporary.path
        )
        #expect(again.status == 1 && again.stderr.split(separator: "\n").count == 1)
        #expect(again.stderr.contains("already retracted on 2024-02-01"))
        #expect(try temporary.snapshot() == before)
        let today = try Binary.run(["source", "retract", "3", "--reason", "Withdrawn"], database: temporary.path)
        #expect(today.status == 0)
    }
}
