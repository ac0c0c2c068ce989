import Foundation
import Testing

@testable import ClaimTrail

@Suite("Large imports: indexes built after the rows, JSON Lines export, progress")
struct BulkInterchangeTests {
    @Test("an import that builds the indexes after its rows leaves what one that keeps them live leaves")
    func indexesAfterRows() throws {
        let live = try TemporaryStore()
        let rebuilt = try TemporaryStore()
        let file = try ReliabilityTests.dataset(
            in: live.directory,
            name: "data",
            claims: 300,
            attributions: 4000,
            seed: 3
        )
        for (temporary, rebuilds) in [(live, false), (rebuilt, true)] {
            // Into a store that already holds rows, so that the rebuild covers stored rows too.
            _ = try Importer(store: temporary.store, recordedBy: "t").importFile(
                atPath: Repository.path("examples/syria.json")
            )
            _ = try Importer(store: temporary.store, recordedBy: "t", batchSize: 700, rebuildsIndexes: rebuilds)
                .importFile(atPath: file)
        }
        let indexes = "SELECT name || ' ' || sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'attribution'"
        #expect(try rows(indexes, of: rebuilt) == rows(indexes, of: live))
        #expect(try rebuilt.count("sqlite_schema WHERE name = 'attribution_speaker_timeline'") == 1)
        for table in ["attribution", "claim_stats", "claim_voice", "claim_source", "speaker_stats"] {
            let columns = try rebuilt.store.database.prepare(
                "SELECT name FROM pragma_table_info(?) WHERE name NOT IN ('uid', 'recorded_at')"
            )
            .map([table]) { $0.string(0) }.joined(separator: ", ")
            let query = "SELECT json_array(\(columns)) FROM \(table)"
            #expect(try rows(query, of: rebuilt) == rows(query, of: live), "\(table)")
        }
        // The full-text index answers the same, and every index checks out against its table.
        let search = "SELECT rowid FROM attribution_fts WHERE attribution_fts MATCH 'said OR denied'"
        #expect(try rows(search, of: rebuilt) == rows(search, of: live))
        #expect(try StoreCheck(store: rebuilt.store).problems() == [])
        // Imported again the same way, every attribution is found stored through the keys in memory
        // (`AttributionKeys`), and each relay resolves to its stored row: nothing is added.
        let again = try Importer(store: rebuilt.store, recordedBy: "t", batchSize: 700, rebuildsIndexes: true)
            .importFile(atPath: file)
        #expect(again.attributions == 0 && again.claims == 0 && again.relations == 0, "\(again.counts)")
        let count = "SELECT count(*) FROM attribution"
        #expect(try rows(count, of: rebuilt) == rows(count, of: live))
        // The timeline is read through its index again.
        let plan = try rebuilt.store.database.prepare(
            "EXPLAIN QUERY PLAN SELECT id FROM attribution WHERE speaker_id = 1 ORDER BY seen_on IS NULL, seen_on, id"
        ).map { $0.string(3) }.joined(separator: "; ")
        #expect(plan.contains("attribution_speaker_timeline"), "\(plan)")
    }

    @Test("rebuilding pays once an import adds about as many attributions as the store holds")
    func rebuildThreshold() {
        #expect(DeferredIndexes.pay(fileBytes: 200_000_000, storedAttributions: 0))
        #expect(DeferredIndexes.pay(fileBytes: 400_000_000, storedAttributions: 1_000_000))
        #expect(!DeferredIndexes.pay(fileBytes: 20_000_000, storedAttributions: 1_000_000))
        #expect(!DeferredIndexes.pay(fileBytes: 100_000, storedAttributions: 0))
    }

    @Test("export --format jsonl, imported into a new store, gives the same JSON export (100k attributions)")
    func jsonLinesRoundTrip() throws {
        let original = try TemporaryStore()
        let file = try ReliabilityTests.dataset(
            in: original.directory,
            name: "data",
            claims: 10_000,
            attributions: 100_000,
            seed: 21
        )
        #expect(try Binary.run(["import", file], database: original.path).status == 0)
        // Speakers with aliases and affiliations, verdicts, a merge: what the generated data lacks.
        #expect(
            try Binary.run(["import", Repository.path("examples/syria.json")], database: original.path).status == 0
        )
        let lines = original.directory.appendingPathComponent("copy.jsonl").path
        let exported = try Binary.run(["export", "--format", "jsonl", "--out", lines], database: original.path)
        #expect(exported.status == 0, "\(exported.stderr)")
        // stderr is a pipe here, not a terminal: no progress line, only the closing note.
        #expect(!exported.stderr.contains("\r") && exported.stderr.hasPrefix("wrote "), "\(exported.stderr)")

        let copy = try TemporaryStore()
        let imported = try Binary.run(["import", lines], database: copy.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.isEmpty, "\(imported.stderr)")
        #expect(try copy.count("attribution") == original.count("attribution"))
        let json = { (path: String) throws -> String in
            let result = try Binary.run(["export", "--format", "json"], database: path)
            try #require(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        let expected = try json(original.path)
        #expect(try json(copy.path) == expected)
        #expect(expected.count > 10_000_000)
        // Every line is one JSON object with a type, in the order import needs them.
        let text = try String(contentsOfFile: lines, encoding: .utf8)
        let types = try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return try #require(object?["type"] as? String)
        }
        #expect(types.count(where: { $0 == "attribution" }) == (try original.count("attribution")))
        let order = ["source", "speaker", "claim", "attribution", "relation", "merge"]
        #expect(types.map { order.firstIndex(of: $0)! } == types.map { order.firstIndex(of: $0)! }.sorted())
    }

    @Test("audit --all counts by one aggregate what the category of each report row gives")
    func auditAllAggregate() throws {
        let temporary = try TemporaryStore()
        let file = try ReliabilityTests.dataset(
            in: temporary.directory,
            name: "d",
            claims: 200,
            attributions: 3000,
            seed: 8
        )
        _ = try Importer(store: temporary.store, recordedBy: "t").importFile(atPath: file)
        _ = try Importer(store: temporary.store, recordedBy: "t").importFile(
            atPath: Repository.path("examples/syria.json")
        )
        // Hedges in any case, in the cue or the quote, and anonymous speakers with and without them.
        let store = temporary.store
        try store.database.execute(
            """
            UPDATE attribution SET cue = CASE id % 3 WHEN 0 THEN 'REPORTEDLY' WHEN 1 THEN 'was Said To' ELSE cue END,
                                   quote = CASE WHEN id % 7 = 0 THEN 'Он allegedly сказал' ELSE quote END
            WHERE id % 5 = 0
            """
        )
        try store.database.execute("UPDATE speaker SET kind = 'anonymous' WHERE id % 4 = 0")
        var expected: [Int64: SourcingShare] = [:]
        try store.provenance.forEach(.all) { row in
            var share =
                expected[row.sourceID]
                ?? SourcingShare(
                    sourceID: row.sourceID,
                    title: row.sourceTitle,
                    attributions: 0,
                    anonymous: 0,
                    unattributed: 0
                )
            share.attributions += 1
            switch SourcingCategory(row) {
            case .anonymous: share.anonymous += 1
            case .unattributed: share.unattributed += 1
            default: break
            }
            expected[row.sourceID] = share
        }
        let shares = try store.auditAll()
        #expect(shares.count == expected.count)
        #expect(shares.reduce(0) { $0 + $1.anonymous } > 0 && shares.reduce(0) { $0 + $1.unattributed } > 0)
        for share in shares {
            let counted = try #require(expected[share.sourceID])
            #expect(
                [share.attributions, share.anonymous, share.unattributed] as [Int]
                    == [counted.attributions, counted.anonymous, counted.unattributed],
                "source \(share.sourceID)"
            )
        }
    }

    @Test("the progress line gives rows done, rate and time left")
    func progressLineFormat() {
        #expect(
            ProgressLine.line(done: 250_000, noun: "attributions", elapsed: 5, fraction: 0.25)
                == "250,000 attributions · 50,000/s · 15 s left"
        )
        #expect(ProgressLine.line(done: 999, noun: "records", elapsed: 2, fraction: nil) == "999 records · 500/s")
        #expect(ProgressLine.duration(185) == "3 min 05 s")
        #expect(ProgressLine.duration(3720) == "1 h 02 min")
        #expect(ProgressLine.grouped(1_234_567) == "1,234,567")
    }

    @Test("a progress line with nowhere to go writes nothing, and one that goes to a terminal rewrites itself")
    func progressLineWrites() throws {
        var written: [String] = []
        let shown = ProgressLine(counting: "records", write: { written.append($0) })
        shown.update(256)
        #expect(written.isEmpty, "nothing in the first second")
        Thread.sleep(forTimeInterval: 1.05)
        shown.update(512, fraction: 0.5)
        shown.finish()
        #expect(written.count == 2)
        #expect(written.first?.hasPrefix("\r512 records · ") == true && written.first?.hasSuffix("\u{1B}[K") == true)
        #expect(written.last == "\r\u{1B}[K")
    }

    /// The rows of a one-column query, sorted, as text.
    private func rows(_ query: String, of temporary: TemporaryStore) throws -> [String] {
        try temporary.store.database.prepare(query).map { $0.text(0) ?? "NULL" }.sorted()
    }
}
