import Foundation
import Testing

@testable import ClaimTrail

/// What a new user hit doing a real job, run through the binary: listing and correcting what was
/// recorded, typos in speaker names, store options before the command, reports that miss undated
/// sources or round badly, tables cut at a fixed width.
@Suite("everyday use, through the binary")
struct EverydayUseTests {
    /// Runs the binary on `temporary`'s store, expecting success.
    private static func run(
        _ temporary: TemporaryStore,
        _ arguments: String...,
        stdin: String? = nil
    ) throws
        -> Binary.Result
    {
        let result = try Binary.run(arguments, database: temporary.path, stdin: stdin)
        #expect(result.status == 0, "claimtrail \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    @Test("one attribution is counted in the singular by audit, a draft's audit and both traces")
    func singularCounts() throws {
        let temporary = try TemporaryStore()
        _ = try Self.run(temporary, "source", "add", "--title", "Bridge story")
        _ = try Self.run(temporary, "claim", "add", "The bridge will close")
        _ = try Self.run(
            temporary,
            "attribute",
            "1",
            "--speaker",
            "Jane Okafor",
            "--speaker-kind",
            "person",
            "--source",
            "1"
        )
        #expect(try Self.run(temporary, "audit", "1").stdout.contains("\n1 attribution\n"))
        let draft = try temporary.file("draft.txt", "The bridge will close in January, Mayor Jane Okafor said.\n")
        #expect(try Self.run(temporary, "audit", "--draft", draft).stdout.hasPrefix("Draft: 1 attribution\n"))
        for trace in [["trace", "claim", "1"], ["trace", "speaker", "1"]] {
            let text = try Binary.run(trace, database: temporary.path).stdout
            #expect(text.contains("Undated: 1 of the attributions shown has no date;"), "\(trace): \(text)")
        }
    }

    @Test("source list, show and edit: a missing date is added later, moves the timeline, and is logged")
    func sources() throws {
        let temporary = try JSONShapeTests.varietyStore()
        let listed = CSVParser.parseWithHeader(try Self.run(temporary, "source", "list", "--format", "csv").stdout)
        #expect(listed.map { $0["title"] } == ["Dated article", "Undated article"])
        #expect(listed.map { $0["published"] } == ["2018-08-28", ""])
        #expect(listed.map { $0["attributions"] } == ["2", "3"])
        #expect(try Self.run(temporary, "source", "show", "Undated article").stdout.contains("Undated article"))

        let edited = try Self.run(
            temporary,
            "source",
            "edit",
            "2",
            "--published",
            "2018-09-02",
            "--outlet",
            "Daily",
            "--reason",
            "archive"
        )
        #expect(edited.stdout == "2\n")
        let reopened = try ClaimStore.open(at: temporary.path)
        #expect(try reopened.source(id: 2)?.published == "2018-09-02")
        #expect(try reopened.source(id: 2)?.outlet == "Daily")
        // The undated denial now sits on the new day: the claim's last seen moves, and it leaves "undated".
        let claim = CSVParser.parseWithHeader(try Self.run(temporary, "claim", "list", "--format", "csv").stdout)
        #expect(claim.first?["last_seen"] == "2018-09-02")
        let log = try reopened.database.prepare(
            """
            SELECT entity, entity_id, json_extract(before, '$.published'), json_extract(after, '$.published'), reason
            FROM change_log WHERE entity = 'source'
            """
        ).map { row in (0..<5).map { row.text(Int32($0)) ?? "∅" } }
        #expect(log == [["source", "2", "∅", "2018-09-02", "archive"]])

        let bad = try Binary.run(["source", "edit", "2", "--published", "2018-02-30"], database: temporary.path)
        #expect(bad.status == 1 && bad.stderr.contains("2018-02-30"))
        let clash = try Binary.run(["source", "edit", "2", "--url", "https://example.org/a"], database: temporary.path)
        #expect(clash.status == 1 && clash.stderr.contains("already recorded as #1"))
    }

    @Test("claim list pages by --limit and --offset, and says when it is cut; speaker list filters by kind")
    func lists() throws {
        let temporary = try JSONShapeTests.varietyStore()
        let page = try Self.run(temporary, "claim", "list", "--limit", "1", "--offset", "1", "--format", "csv")
        #expect(CSVParser.parseWithHeader(page.stdout).map { $0["id"] } == ["2"])
        #expect(page.stderr.contains("showing claims 2–2 of 3"))
        let topic = try Self.run(temporary, "claim", "list", "--topic", "STRIKES", "--format", "csv")
        #expect(CSVParser.parseWithHeader(topic.stdout).map { $0["contested"] } == ["true"])
        let people = CSVParser.parseWithHeader(
            try Self.run(temporary, "speaker", "list", "--kind", "person", "--format", "csv").stdout
        )
        #expect(people.map { $0["name"] } == ["Oana Lungescu"])
        #expect(people.first?["aliases"] == "OL" && people.first?["affiliation"] == "NATO")
        let negative = try Binary.run(["claim", "list", "--offset", "-1"], database: temporary.path)
        #expect(negative.status == 64)
    }

    @Test("speaker edit adds and removes aliases, repeatably; lookups and search follow; the log keeps both")
    func aliases() throws {
        let temporary = try JSONShapeTests.varietyStore()
        let edit = try Self.run(
            temporary,
            "speaker",
            "edit",
            "Oana Lungescu",
            "--add-alias",
            "Lungescu",
            "--add-alias",
            "О. Лунгеску",
            "--remove-alias",
            "ol"
        )
        #expect(edit.stdout == "2\n")
        #expect(try Self.run(temporary, "trace", "speaker", "о. лунгеску").stdout.contains("Oana Lungescu"))
        #expect(try Binary.run(["trace", "speaker", "OL"], database: temporary.path).status == 1)
        let search = try Self.run(temporary, "search", "Лунгеску", "--format", "csv")
        let hits = CSVParser.parseWithHeader(search.stdout)
        #expect(hits.map { $0["kind"] } == ["speaker"])
        #expect(CSVParser.parseWithHeader(try Self.run(temporary, "search", "OL", "--format", "csv").stdout).isEmpty)
        let reopened = try ClaimStore.open(at: temporary.path)
        let log = try reopened.database.prepare(
            """
            SELECT json_extract(before, '$.aliases'), json_extract(after, '$.aliases')
            FROM change_log WHERE entity = 'speaker'
            """
        ).map { [$0.string(0), $0.string(1)] }
        #expect(log == [[#"["OL"]"#, #"["Lungescu","О. Лунгеску"]"#]])
        let missing = try Binary.run(["speaker", "edit", "2", "--remove-alias", "nobody"], database: temporary.path)
        #expect(missing.status == 1 && missing.stderr.contains("“nobody” is not an alias of speaker #2"))
    }

    @Test("a speaker name that matches nobody is an error naming the closest; --new-speaker creates it")
    func speakerTypo() throws {
        let temporary = try TemporaryStore()
        _ = try temporary.store.speaker("Sean Spicer", role: "press secretary")
        _ = try temporary.store.speaker("Sean Hannity")
        _ = try temporary.store.claim("The crowd was the largest ever")
        _ = try temporary.store.source("Briefing")
        let before = try temporary.snapshot()
        let typo = try Binary.run(
            ["attribute", "1", "--speaker", "Sean Spicr", "--source", "1"],
            database: temporary.path
        )
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("no speaker “Sean Spicr”; did you mean Sean Spicer (press secretary)?"))
        #expect(typo.stderr.split(separator: "\n").count == 1 && typo.stdout.isEmpty)
        // A word of the name finds it too, by the search index.
        let word = try Binary.run(["attribute", "1", "--speaker", "spicer", "--source", "1"], database: temporary.path)
        #expect(word.stderr.contains("did you mean Sean Spicer (press secretary)?"))
        #expect(try TemporaryStore.snapshot(of: ClaimStore.open(at: temporary.path)) == before)

        let created = try Self.run(
            temporary,
            "attribute",
            "1",
            "--speaker",
            "Sean Spicr",
            "--new-speaker",
            "--source",
            "1"
        )
        #expect(created.stderr.contains("created speaker #3 “Sean Spicr” (unknown)"))
        let kind = try Self.run(
            temporary,
            "attribute",
            "1",
            "--speaker",
            "Melissa",
            "--speaker-kind",
            "person",
            "--source",
            "1"
        )
        #expect(kind.stderr.contains("created speaker #4 “Melissa” (person)"))
    }

    @Test("trace claim with words that are no claim's text lists the closest claims, with ids")
    func closestClaims() throws {
        let temporary = try TemporaryStore()
        for text in ["This was the largest audience ever", "The audience was small", "Unrelated claim"] {
            _ = try temporary.store.claim(text)
        }
        let result = try Binary.run(["trace", "claim", "largest audience"], database: temporary.path)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "no claim “largest audience”; closest: #1 “This was the largest audience ever”; "
                    + "#2 “The audience was small”"
            )
        )
        #expect(!result.stderr.contains("Unrelated"))
    }

    @Test("--db and --as before the command; extract reads stdin and writes CSV")
    func commandLine() throws {
        let temporary = try JSONShapeTests.varietyStore()
        let environmentless = try Binary.run(["--db", temporary.path, "contested", "--format", "csv"])
        #expect(environmentless.status == 0, "\(environmentless.stderr)")
        #expect(CSVParser.parseWithHeader(environmentless.stdout).map { $0["id"] } == ["1"])
        let added = try Binary.run(["--as", "desk", "--db=\(temporary.path)", "claim", "add", "New one"])
        #expect(added.stdout == "4\n", "\(added.stderr)")
        #expect(try Binary.run(["--db", temporary.path, "trace", "claim", "4"]).status == 0)
        #expect(try Binary.run(["--db", temporary.path, "--help"]).status == 0)

        let text = "“We will respond to any strike,” the ministry said.\n"
        let fromStdin = try Self.run(temporary, "extract", "-", "--format", "csv", stdin: text)
        let rows = CSVParser.parseWithHeader(fromStdin.stdout)
        #expect(rows.map { $0["speaker"] } == ["the ministry"])
        #expect(rows.first?["content"]?.contains("We will respond to any strike") == true)
    }

    @Test("the HTML report leaves out the store's path; undated sources are shown as undated and counted")
    func reports() throws {
        let temporary = try JSONShapeTests.varietyStore()
        let html = try Self.run(temporary, "export", "--format", "html").stdout
        #expect(!html.contains(temporary.path) && !html.contains(temporary.directory.lastPathComponent))
        #expect(html.contains("<td>undated</td>"))
        let trace = try Self.run(temporary, "trace", "claim", "1").stdout
        #expect(trace.contains("Spread: 2018-08-28 1 source, undated 1 source"))
        let counter = try Self.run(temporary, "trace", "claim", "2").stdout
        #expect(counter.contains("First appearance: undated (1 source, none dated)"))
        let contested = CSVParser.parseWithHeader(try Self.run(temporary, "contested", "--format", "csv").stdout)
        #expect(contested.first?["undated_attributions"] == "1")
    }

    @Test("audit shares are rounded to sum to 100 %, by largest remainder")
    func auditShares() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let source = try store.source("Thirds")
        let speakers = try [
            store.speaker("Named", kind: .person), store.speaker("an official", kind: .anonymous),
            store.speaker("Ministry", kind: .government),
        ]
        for (index, speaker) in speakers.enumerated() {
            try store.attribute(try store.claim("Claim \(index)"), speaker, in: source)
        }
        let table = try Self.run(temporary, "audit", "1").stdout
        let shares = table.split(separator: "\n").compactMap { line -> Int? in
            guard let last = line.split(separator: " ").last, last.hasSuffix("%") else { return nil }
            return Int(last.dropLast())
        }
        #expect(shares.count == 5 && shares.reduce(0, +) == 100, "\(table)")
        #expect(Percentages.largestRemainder([1, 1, 1]) == [34, 33, 33])
        #expect(Percentages.largestRemainder([1, 2, 4]) == [14, 29, 57])
        #expect(Percentages.largestRemainder([0, 0]) == [0, 0])
        #expect(Percentages.largestRemainder([1, 5, 1, 1, 1, 1]).reduce(0, +) == 100)
    }

    @Test("tables fit the terminal's width, are whole in a pipe or with --wide, and show attribution ids")
    func tableWidth() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let quote = "A long quote " + String(repeating: "that keeps going ", count: 6) + "to the end"
        let attribution = try store.attribute(
            try store.claim("A claim"),
            try store.speaker("Speaker"),
            in: try store.source("A source title"),
            quote: quote
        )
        let piped = try Self.run(temporary, "trace", "claim", "1").stdout
        #expect(piped.contains(quote))
        #expect(piped.contains("ID") && piped.split(separator: "\n").contains { $0.hasPrefix("\(attribution) ") })
        // `script` runs the binary on a pseudo-terminal of no size, so $COLUMNS gives the width.
        let terminal = try Self.throughTerminal(temporary, columns: 90, "trace", "claim", "1")
        let lines = terminal.split(whereSeparator: \.isNewline).filter { $0.contains("Speaker") }
        #expect(
            !lines.isEmpty && lines.allSatisfy { $0.unicodeScalars.count <= 90 && $0.contains("…") },
            "\(terminal)"
        )
        let wide = try Self.throughTerminal(temporary, columns: 90, "trace", "claim", "1", "--wide")
        #expect(wide.contains(quote))
    }

    /// Runs the binary under `script`, on a terminal, with $COLUMNS set.
    private static func throughTerminal(
        _ temporary: TemporaryStore,
        columns: Int,
        _ arguments: String...
    ) throws
        -> String
    {
        let command = ([Binary.url.path, "--db", temporary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let result = try Binary.run(
            ["-qec", "COLUMNS=\(columns) \(command)", "/dev/null"],
            executable: URL(fileURLWithPath: "/usr/bin/script")
        )
        return result.stdout.replacingOccurrences(of: "\r", with: "")
    }

    @Test("a table fits its columns: one limit, narrow columns whole, no column under its floor")
    func fitting() {
        #expect(TextTable.fit([10, 50, 30], headers: [2, 5, 5], into: 100) == [10, 50, 30])
        #expect(TextTable.fit([10, 50, 30], headers: [2, 5, 5], into: 60) == [10, 23, 23])
        #expect(TextTable.fit([10, 50, 30], headers: [2, 5, 5], into: 10) == [8, 8, 8])
    }

    @Test("the CSV report ends with attribution, speaker and source ids, the date said and the supports")
    func csvColumns() throws {
        let temporary = try JSONShapeTests.varietyStore()
        let records = CSVParser.parse(try Self.run(temporary, "export", "--format", "csv").stdout)
        let header = try #require(records.first)
        // The first twenty columns stay where spreadsheets expect them.
        #expect(
            Array(header.prefix(20)) == [
                "claim_id", "claim", "topic", "contested", "counter_claim_ids", "stance", "speaker", "speaker_kind",
                "speaker_role", "mode", "cue", "quote", "source_title", "source_outlet", "source_author", "source_url",
                "published", "via_chain", "recorded_at", "recorded_by",
            ]
        )
        // Then issue 15's five, after them issue 16's claim status and assignee, then issue 20's retraction
        // day and quote check.
        #expect(
            Array(header.dropFirst(20)) == [
                "attribution_id", "speaker_id", "source_id", "said_on", "supported_by_claim_ids", "status", "assignee",
                "source_retracted_on", "quote_check",
            ]
        )
        let rows = CSVParser.parseWithHeader(try Self.run(temporary, "export", "--format", "csv").stdout)
        let stored = try temporary.store.database.prepare(
            "SELECT id, coalesce(speaker_id, ''), source_id, coalesce(said_on, '') FROM attribution ORDER BY id"
        ).map { row in (0..<4).map { row.text(Int32($0)) ?? "" } }
        let exported = rows.map { row in
            ["attribution_id", "speaker_id", "source_id", "said_on"].map { row[$0] ?? "?" }
        }
        #expect(exported.sorted { Int($0[0]) ?? 0 < Int($1[0]) ?? 0 } == stored)
        // Said the day before its source was published: both dates, each in its own column.
        let first = try #require(rows.first { $0["attribution_id"] == "1" })
        #expect(first["said_on"] == "2018-08-27" && first["published"] == "2018-08-28")
        #expect(rows.filter { $0["claim_id"] == "1" }.allSatisfy { $0["supported_by_claim_ids"] == "3" })
        #expect(rows.first { $0["speaker"] == "" }?["speaker_id"] == "")
    }
}
