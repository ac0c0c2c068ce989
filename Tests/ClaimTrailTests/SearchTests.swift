import Foundation
import Testing

@testable import ClaimTrail

/// Full-text search as people expect it (schema 012): stemmed English, article bodies, output
/// fit for each format, paging; and indexes attached to their tables, as Datasette reads them.
@Suite("Full-text search")
struct SearchTests {
    private static func run(_ temporary: TemporaryStore, _ arguments: String...) throws -> String {
        let result = try Binary.run(arguments, database: temporary.path)
        #expect(result.status == 0, "claimtrail \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    /// The ids of the rows of `table` that Datasette's `?_search=` returns: its own query, which
    /// joins the table's rows to the index that names it as content.
    private static func datasetteSearch(_ table: String, _ words: String, in store: ClaimStore) throws -> [Int64] {
        let index = try #require(
            try store.database.prepare(
                """
                SELECT name FROM sqlite_master
                WHERE rootpage = 0 AND sql LIKE '%VIRTUAL TABLE%USING FTS%content="' || ? || '"%'
                """
            ).first([table]) { $0.string(0) }
        )
        return try store.database.prepare(
            "SELECT id FROM \(table) WHERE rowid IN (SELECT rowid FROM \(index) WHERE \(index) MATCH ?) ORDER BY id"
        ).map([words]) { $0.int64(0) }
    }

    @Test("English endings are stemmed and article bodies are searched")
    func stemmingAndBodies() throws {
        let temporary = try TemporaryStore()
        let body = try temporary.file("body.txt", "The probe carried two magnetometers and a spectrometer.\n")
        #expect(try Self.run(temporary, "source", "add", "--title", "Probe launched", "--body-file", body) == "1\n")
        #expect(try Self.run(temporary, "claim", "add", "The magnetometer failed in orbit") == "1\n")
        let hits = CSVParser.parseWithHeader(try Self.run(temporary, "search", "magnetometer", "--format", "csv"))
        #expect(Set(hits.map { "\($0["kind"] ?? "") \($0["id"] ?? "")" }) == ["claim 1", "source 1"])
        #expect(
            hits.first { $0["kind"] == "source" }?["match"]
                == "The probe carried two magnetometers and a spectrometer.\n"
        )
        #expect(try temporary.store.search("spectrometers").map(\.kind) == [.source])
    }

    @Test("CSV and JSON give the text as stored; a table marks the matches; --offset pages")
    func formatsAndPaging() throws {
        let temporary = try TemporaryStore()
        _ = try Self.run(temporary, "import", Repository.path("examples/syria.json"))
        let csv = CSVParser.parseWithHeader(
            try Self.run(temporary, "search", "missile", "--format", "csv", "--limit", "0")
        )
        #expect(csv.count > 4)
        #expect(csv.allSatisfy { !($0["match"] ?? "«").contains("«") && !($0["match"] ?? "»").contains("»") })
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try Self.run(temporary, "search", "missile", "--format", "json", "--limit", "0").utf8)
            ) as? [[String: Any]]
        )
        #expect(json.map { $0["match"] as? String } == csv.map { $0["match"] })
        #expect(try Self.run(temporary, "search", "missile", "--limit", "0").contains("«missile»"))

        let key = { (row: [String: String]) in "\(row["kind"] ?? "") \(row["id"] ?? "")" }
        let secondPage = CSVParser.parseWithHeader(
            try Self.run(temporary, "search", "missile", "--format", "csv", "--limit", "2", "--offset", "2")
        )
        #expect(secondPage.map(key) == csv[2..<4].map(key))
        let past = try Binary.run(["search", "missile", "--offset", "1000"], database: temporary.path)
        #expect(past.status == 0 && past.stdout.isEmpty && past.stderr.contains("no matches after the first 1000"))
        let negative = try Binary.run(["search", "missile", "--offset", "-1"], database: temporary.path)
        #expect(negative.status == 64 && negative.stdout.isEmpty)
    }

    @Test("each table's index is the one Datasette finds, and follows every write")
    func indexesFollowWrites() throws {
        let temporary = try TemporaryStore()
        _ = try Self.run(temporary, "import", Repository.path("examples/syria.json"))
        let store = temporary.store
        let expected = try store.database.prepare("SELECT id FROM claim WHERE text LIKE '%missile%' ORDER BY id")
            .map { $0.int64(0) }
        #expect(!expected.isEmpty)
        #expect(try Self.datasetteSearch("claim", "missile", in: store) == expected)
        #expect(try Self.datasetteSearch("source", "flotilla", in: store) == [1])
        #expect(try Self.datasetteSearch("attribution", "triumvirate", in: store).count == 1)

        _ = try Self.run(temporary, "speaker", "edit", "NATO", "--add-alias", "Zeebrugge desk", "--name", "NATO press")
        #expect(try store.search("zeebrugge").map { "\($0.kind) \($0.id)" } == ["speaker 1"])
        _ = try Self.run(temporary, "speaker", "edit", "1", "--remove-alias", "Zeebrugge desk")
        #expect(
            try store.search("zeebrugge").isEmpty
                && store.search("press").filter { $0.kind == .speaker }.map(\.id) == [1]
        )
        _ = try Self.run(temporary, "speaker", "merge", "Russian government", "Russian MoD")
        #expect(try store.search("kremlin").filter { $0.kind == .speaker }.map(\.id) == [3])
        _ = try Self.run(temporary, "source", "edit", "2", "--title", "Xylophones over Homs")
        #expect(try Self.datasetteSearch("source", "xylophone", in: store) == [2])
        // Plain SQL, as a desk's script would write: the triggers keep the indexes too.
        try store.database.execute("DELETE FROM speaker_alias WHERE speaker_id = 3 AND alias = 'Moscow'")
        try store.database.execute(
            "DELETE FROM speaker WHERE id = 9 AND id NOT IN (SELECT speaker_id FROM attribution)"
        )
        #expect(try StoreCheck(store: store).problems() == [])
    }

    @Test("a common word is ranked among the newest matches of each kind, and says so; --limit 0 ranks all")
    func commonWordRanksTheNewest() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        // The oldest claim is the best claim (shortest text); the newest three are longer. The
        // source's title weighs five times a claim.
        let claims = try [
            "Convoy", "A convoy crossed the border at dawn today", "The convoy was seen near the port",
            "Witnesses said the convoy carried food and fuel",
        ].map { try store.claim($0) }
        let source = try store.source("Convoy")
        let best = { (hits: [SearchHit]) in hits.map { "\($0.kind) \($0.id)" } }

        #expect(
            try best(store.search("convoy", limit: 2, candidates: 3)) == ["source \(source)", "claim \(claims[2])"]
        )
        #expect(try store.searchUnranked("convoy", limit: 2, candidates: 3) == [.claim])
        #expect(
            try best(store.search("convoy", limit: 2, candidates: 4)) == ["source \(source)", "claim \(claims[0])"]
        )
        #expect(try store.searchUnranked("convoy", limit: 2, candidates: 4).isEmpty)
        #expect(try store.search("convoy", limit: nil, candidates: 1).count == 5)
        #expect(try store.searchUnranked("convoy", limit: nil, candidates: 1).isEmpty)
        // A page past the candidates ranks as many as it reaches.
        #expect(try best(store.search("convoy", limit: 2, offset: 1, candidates: 1)).count == 2)
        #expect(try store.searchUnranked("convoy", limit: 2, offset: 2, candidates: 1) == [])
        #expect(try store.searchUnranked("convoy", limit: 1, offset: 2, candidates: 1) == [.claim])

        let run = try Binary.run(["search", "convoy", "--format", "csv"], database: temporary.path)
        #expect(run.status == 0 && CSVParser.parseWithHeader(run.stdout).count == 5 && run.stderr.isEmpty)
    }

    @Test("check reports an index that differs from its table")
    func checkFindsDamagedIndex() throws {
        let temporary = try TemporaryStore()
        _ = try Self.run(temporary, "import", Repository.path("examples/syria.json"))
        try temporary.store.database.execute("INSERT INTO claim_fts (rowid, text) VALUES (1, 'unrelated words')")
        let check = try Binary.run(["check"], database: temporary.path)
        #expect(check.status == 1 && check.stdout.contains("full-text index claim_fts differs from its table"))
    }
}
