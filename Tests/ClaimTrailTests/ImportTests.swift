import Foundation
import Testing

@testable import ClaimTrail

@Suite("Import")
struct ImportTests {
    static let document = """
        {
          "sources": [{"title": "Article “one”", "url": "https://example.org/1", "published": "2018-08-28", \
        "body": "Body – text"}],
          "speakers": [
            {"name": "Russian Ministry of Defence", "kind": "government", "aliases": ["Russian MoD"]},
            {"name": "TASS", "kind": "media"},
            {"name": "Мария Захарова", "kind": "person", "role": "spokeswoman", "affiliation": "russian mod"}
          ],
          "claims": [
            {"text": "The US is planning a strike", "topic": "syria"},
            {"text": "No strike is planned", "counters": ["The US is planning a strike"]}
          ],
          "attributions": [
            {"claim": "The US is planning a strike", "speaker": "TASS", "source": "https://example.org/1", \
        "cue": "reported"},
            {"claim": "the us is planning a strike", "speaker": "Russian MoD", "source": "Article “one”",
             "stance": "asserts", "mode": "direct", "quote": "“A strike is coming,”", "cue": "said", \
        "date": "2018-08-27",
             "via": {"speaker": "TASS"}},
            {"claim": "No strike is planned", "speaker": "мария захарова", "source": "#1", "stance": "denies"}
          ]
        }
        """

    @Test("a JSON document imports every entity, resolved by natural keys")
    func importsDocument() throws {
        let temporary = try TemporaryStore()
        let summary = try Importer(store: temporary.store, recordedBy: "importer")
            .importFile(atPath: try temporary.file("data.json", Self.document))
        #expect(
            summary == Importer.Summary(sources: 1, speakers: 3, claims: 2, attributions: 3, relations: 1, existing: 0)
        )
        let rows = try temporary.store.provenance.rows(.all)
        // Claim by claim, each in timeline order: the ministry spoke a day before TASS relayed it.
        #expect(rows.map(\.speaker) == ["Russian Ministry of Defence", "TASS", "Мария Захарова"])
        #expect(rows[0].viaChain == ["Russian Ministry of Defence", "TASS"])
        #expect(rows[0].quote == "“A strike is coming,”" && rows[0].saidOn == "2018-08-27" && rows[0].mode == .direct)
        #expect(rows[2].stance == .denies && rows[2].recordedBy == "importer")
        #expect(try temporary.store.speaker(id: 3)?.affiliationID == 1)
        #expect(try temporary.store.source(id: 1)?.bodySHA256 == SHA256.hex("Body – text"))
        #expect(try temporary.store.contestedClaims().map(\.claim) == ["The US is planning a strike"])
    }

    @Test("importing the same file again adds nothing")
    func idempotent() throws {
        let temporary = try TemporaryStore()
        let importer = Importer(store: temporary.store, recordedBy: "importer")
        let path = try temporary.file("data.json", Self.document)
        _ = try importer.importFile(atPath: path)
        let before = try temporary.snapshot()
        let again = try importer.importFile(atPath: path)
        #expect(again.sources + again.speakers + again.claims + again.attributions + again.relations == 0)
        #expect(again.existing == 10)
        #expect(try temporary.snapshot() == before)
    }

    @Test(
        "attributions moved into the store in batches of any size give the same rows and counters",
        arguments: [1, 97]
    )
    func batches(size: Int) throws {
        let whole = try TemporaryStore()
        let batched = try TemporaryStore()
        // Generated data has relays (via) and counter-claims; given twice, each record repeats
        // one that is still waiting to be moved, or one already moved.
        let generated = try ReliabilityTests.dataset(
            in: whole.directory,
            name: "data",
            claims: 300,
            attributions: 3000,
            seed: 11
        )
        let once = try String(contentsOfFile: generated, encoding: .utf8)
        let file = try whole.file("twice.jsonl", once + once)
        _ = try Importer(store: whole.store, recordedBy: "t").importFile(atPath: file)
        let summary = try Importer(store: batched.store, recordedBy: "t", batchSize: size).importFile(atPath: file)
        #expect(summary.attributions == (try whole.count("attribution")))
        #expect(try batched.count("attribution WHERE via_id IS NOT NULL") > 0)
        // Each store gives its own uids: every column but those.
        let attribution =
            "attribution (id, claim_id, speaker_id, source_id, stance, mode, quote, cue, said_on, via_id, recorded_by)"
        for table in [attribution, "claim_stats", "claim_voice", "claim_source"] + Self.searchTerms {
            #expect(try Self.rows(table, of: batched.store) == Self.rows(table, of: whole.store), "\(table)")
        }
        #expect(try StoreCheck(store: batched.store).problems() == [])
        let again = try Importer(store: batched.store, recordedBy: "t", batchSize: size).importFile(atPath: file)
        #expect(again.attributions == 0 && again.existing > 0)
    }

    @Test("a batch leaves the counters, tallies and search index that the per-row triggers leave")
    func batchMatchesTriggers() throws {
        let imported = try TemporaryStore()
        let copied = try TemporaryStore()
        // Two datasets over the same claims and speakers, in small batches: later batches meet
        // voices and sources already tallied, and relays and counter-claims are in both.
        for seed in [5, 6] as [UInt64] {
            let file = try ReliabilityTests.dataset(
                in: imported.directory,
                name: "data\(seed)",
                claims: 200,
                attributions: 2500,
                seed: seed
            )
            _ = try Importer(store: imported.store, recordedBy: "t", batchSize: 300).importFile(atPath: file)
        }
        // Then records that meet what is stored: new aliases for a known speaker, a counter-claim
        // relation between two claims that already have attributions, a new speaker with aliases.
        func value(_ sql: String) throws -> String { try imported.store.database.prepare(sql).first { $0.string(0) }! }
        let records: [[String: Any]] = [
            [
                "type": "speaker", "name": try value("SELECT name FROM speaker WHERE id = 2"),
                "aliases": ["the spokesperson", "Сергей"],
            ],
            ["type": "speaker", "name": "Мария Захарова", "kind": "person", "aliases": ["Zakharova", "М. Захарова"]],
            [
                "type": "relation", "from": try value("SELECT text FROM claim WHERE id = 5"),
                "to": try value("SELECT text FROM claim WHERE id = 9"),
            ],
            [
                "type": "claim", "text": "A new claim – with “quotes”",
                "counters": [try value("SELECT text FROM claim WHERE id = 3")],
            ],
            [
                "type": "attribution", "claim": "A new claim – with “quotes”", "speaker": "Zakharova",
                "source": try value("SELECT url FROM source WHERE id = 1"), "quote": "Мы ответим",
            ],
        ]
        let lines = try records.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        let meeting = try Importer(store: imported.store, recordedBy: "t", batchSize: 300)
            .importFile(atPath: try imported.file("meeting.jsonl", lines.joined(separator: "\n")))
        #expect(meeting.speakers == 1 && meeting.relations == 2 && meeting.attributions == 1)
        // The same rows inserted by plain SQL, one INSERT … SELECT per table, so every trigger fires.
        let database = copied.store.database
        try database.execute("ATTACH DATABASE ? AS imported", [imported.store.database.path])
        try database.transaction {
            for table in ["source", "speaker", "speaker_alias", "claim", "claim_relation", "attribution"] {
                try database.execute("INSERT INTO main.\(table) SELECT * FROM imported.\(table)")
            }
        }
        #expect(try copied.count("attribution") == (try imported.count("attribution")))
        #expect(try imported.count("claim_stats WHERE disputing > 0 AND counter_claims > 0") > 0)
        for table in ["claim_stats", "claim_voice", "claim_source", "speaker_stats"] + Self.searchTerms {
            #expect(try Self.rows(table, of: imported.store) == Self.rows(table, of: copied.store), "\(table)")
            #expect(try imported.count(table.split(separator: " ")[0] + "") > 0, "\(table)")
        }
        #expect(try StoreCheck(store: imported.store).problems() == [])
    }

    /// What each full-text index holds, term by term: every (term, row, column, position), read
    /// through an fts5vocab table, so that two indexes built in different steps compare equal
    /// when they index the same words at the same places.
    private static let searchTerms = StoreCheck.searchIndexes.map { "temp.\($0)_terms (term, doc, col, offset)" }

    /// Every row of `table`, or of the columns named as `table (a, b)`.
    private static func rows(_ table: String, of store: ClaimStore) throws -> [String] {
        for index in StoreCheck.searchIndexes {
            try store.database.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.\(index)_terms USING fts5vocab(main, \(index), instance)"
            )
        }
        let parts = table.split(separator: " ", maxSplits: 1)
        let columns = parts.count > 1 ? String(parts[1].dropFirst().dropLast()) : "*"
        return try store.database.prepare("SELECT \(columns) FROM \(parts[0])").map { row in
            (0..<16).map { row.text($0) ?? "∅" }.joined(separator: "|")
        }.sorted()
    }

    @Test("JSON Lines import, with errors located by line")
    func jsonLines() throws {
        let temporary = try TemporaryStore()
        let importer = Importer(store: temporary.store, recordedBy: "importer")
        let lines = """
            {"type": "source", "title": "S"}
            {"type": "speaker", "name": "Oana Lungescu", "kind": "person", "role": "NATO spokesperson"}

            {"type": "claim", "text": "NATO is not present in Syria."}
            {"type": "attribution", "claim": "NATO is not present in Syria", "speaker": "Oana Lungescu", \
            "source": "S", "mode": "direct"}
            """
        let summary = try importer.importFile(atPath: try temporary.file("data.jsonl", lines))
        #expect(summary.attributions == 1 && summary.claims == 1)

        let broken = lines + "\n{\"type\": \"attribution\", \"claim\": \"NATO is"
        let error = #expect(throws: ClaimTrailError.self) {
            _ = try importer.importFile(atPath: try temporary.file("broken.jsonl", broken))
        }
        #expect(
            error?.description.hasPrefix(
                temporary.directory.appendingPathComponent("broken.jsonl").path + ":6: malformed JSON"
            ) == true
        )
    }

    @Test(
        "a failed import leaves the store exactly as it was",
        arguments: [
            (
                "unknown speaker",
                #"{"type": "attribution", "claim": "New claim", "speaker": "Nobody", "source": "S"}"#,
                "unknown speaker “Nobody”"
            ),
            (
                "unknown stance",
                #"{"type": "attribution", "claim": "New claim", "speaker": "Known", "source": "S", "#
                    + #""stance": "agrees"}"#,
                "unknown stance “agrees”"
            ),
            (
                "bad date",
                #"{"type": "attribution", "claim": "New claim", "speaker": "Known", "source": "S", "#
                    + #""date": "28/08/2018"}"#,
                "bad date “28/08/2018”"
            ),
            ("empty claim", #"{"type": "claim", "text": "  "}"#, "field “text” is required"),
            ("unknown field", #"{"type": "claim", "text": "x", "topci": "y"}"#, "unknown field “topci”"),
            (
                "unknown source",
                #"{"type": "attribution", "claim": "New claim", "speaker": "Known", "source": "Missing"}"#,
                "no source with URL or title “Missing”"
            ),
            (
                "unknown claim relation", #"{"type": "claim", "text": "y", "counters": ["nothing"]}"#,
                "no claim “nothing”"
            ),
        ]
    )
    func failedImportChangesNothing(_ name: String, _ badLine: String, _ message: String) throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        _ = try store.source("S")
        _ = try store.speaker("Known")
        try store.attribute(try store.claim("Old claim"), nil, in: 1)
        let before = try temporary.snapshot()

        let file = """
            {"type": "claim", "text": "New claim"}
            {"type": "speaker", "name": "New speaker"}
            \(badLine)
            """
        let path = try temporary.file("bad.jsonl", file)
        let error = #expect(throws: ClaimTrailError.self) {
            _ = try Importer(store: store, recordedBy: "t").importFile(atPath: path)
        }
        #expect(error?.description.hasPrefix("\(path):3") == true, "\(name): \(error?.description ?? "")")
        #expect(error?.description.contains(message) == true, "\(name): \(error?.description ?? "")")
        #expect(try temporary.snapshot() == before)
        #expect(!store.database.isInTransaction)
    }

    @Test("files that cannot be imported are refused before anything is read into the store")
    func unreadableFiles() throws {
        let temporary = try TemporaryStore()
        let importer = Importer(store: temporary.store, recordedBy: "t")
        let missing = temporary.directory.appendingPathComponent("missing.json").path
        #expect(throws: ClaimTrailError.notFound("\(missing): no such file")) {
            _ = try importer.importFile(atPath: missing)
        }
        #expect(throws: ClaimTrailError.invalid("\(temporary.directory.path): is a directory, not a file")) {
            _ = try importer.importFile(atPath: temporary.directory.path)
        }
        let invalid = temporary.directory.appendingPathComponent("latin1.jsonl")
        try Data("{\"type\": \"claim\", \"text\": \"ok\"}\n{\"type\": \"claim\", \"text\": \"caf\u{E9}\"}\n".utf8)
            .write(to: invalid)
        var bytes = try Data(contentsOf: invalid)
        bytes.replaceSubrange(bytes.count - 5..<bytes.count - 3, with: [0xE9])  // é as Latin-1
        try bytes.write(to: invalid)
        #expect(throws: ClaimTrailError.importFailed(location: "\(invalid.path):2", reason: "not valid UTF-8")) {
            _ = try importer.importFile(atPath: invalid.path)
        }
        let huge = "{\"type\": \"claim\", \"text\": \"" + String(repeating: "x", count: 10 << 20) + "\"}"
        let error = #expect(throws: ClaimTrailError.self) {
            _ = try importer.importFile(atPath: try temporary.file("huge.jsonl", huge))
        }
        #expect(error?.description.contains("the limit is") == true)
        #expect(try temporary.count("claim") == 0)
    }

    @Test(
        "an import runs with a 64 MiB page cache; the store is back to SQLite's default after it, even after a failure"
    )
    func importCache() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let cacheSize = { try store.database.prepare("PRAGMA cache_size").first { $0.int(0) } ?? 0 }
        let before = try cacheSize()
        #expect(before == -2000)
        #expect(try store.write { try store.addingAttributions(inBatchesOf: 10) { try cacheSize() } } == -65536)
        #expect(try cacheSize() == before)
        let bad = try temporary.file("bad.jsonl", #"{"type": "claim", "text": "A"}"# + "\n{\"type\": \"nonsense\"}\n")
        #expect(throws: ClaimTrailError.self) { try Importer(store: store, recordedBy: "t").importFile(atPath: bad) }
        #expect(try cacheSize() == before)
    }
}
