import Foundation
import Testing

@testable import ClaimTrail

/// The real binary, end to end: ids on stdout, notes and errors on stderr, exit codes.
@Suite("claimtrail command line")
struct CLITests {
    @Test("every command, run through the binary")
    func everyCommand() throws {
        let temporary = try TemporaryStore()
        let db = temporary.directory.appendingPathComponent("cli.db").path
        func run(_ arguments: String...) throws -> Binary.Result {
            let result = try Binary.run(arguments, database: db)
            #expect(result.status == 0, "claimtrail \(arguments.joined(separator: " ")): \(result.stderr)")
            return result
        }
        #expect(try run("init").stdout.contains("schema version \(Migration.latestVersion)"))
        let body = try temporary.file("article.txt", "“We will respond,” the ministry said.")
        #expect(
            try run(
                "source",
                "add",
                "--title",
                "Article ‘one’",
                "--url",
                "https://example.org/1",
                "--published",
                "2018-08-28",
                "--body-file",
                body
            ).stdout == "1\n"
        )
        #expect(
            try run(
                "speaker",
                "add",
                "Russian Ministry of Defence",
                "--kind",
                "government",
                "--alias",
                "Russian MoD",
                "--alias",
                "MoD"
            ).stdout == "1\n"
        )
        #expect(try run("claim", "add", "The US is planning a strike", "--topic", "syria").stdout == "1\n")
        #expect(try run("claim", "add", "No strike is planned", "--counters", "1").stdout == "2\n")

        let relay = try run("attribute", "1", "--speaker", "TASS", "--speaker-kind", "media", "--source", "1")
        #expect(relay.stdout == "1\n")
        #expect(relay.stderr.contains("created speaker #2 “TASS” (media)"))
        let quoted = try run(
            "attribute",
            "The US is planning a strike",
            "--speaker",
            "russian mod",
            "--source",
            "https://example.org/1",
            "--mode",
            "direct",
            "--quote",
            "“We will respond,”",
            "--cue",
            "said",
            "--via",
            "1",
            "--date",
            "2018-08-27"
        )
        #expect(quoted.stdout == "2\n" && quoted.stderr.isEmpty)
        let pentagon = "Пентагон"
        #expect(
            try run("attribute", "1", "--speaker", pentagon, "--new-speaker", "--source", "1", "--stance", "denies")
                .stdout == "3\n"
        )
        #expect(try run("attribute", "2", "--unattributed", "--source", "1").stdout == "4\n")
        _ = try run("claim", "add", "A third claim")
        #expect(try run("counter", "2", "3").stdout == "claim #3 contradicts claim #2\n")

        let contested = CSVParser.parseWithHeader(try run("contested", "--format", "csv").stdout)
        #expect(contested.map { $0["id"] } == ["1", "2"])
        #expect(contested.first?["asserting"] == "2" && contested.first?["disputing"] == "2")
        #expect(try run("contested").stdout.contains("The US is planning a strike"))

        let trace =
            try JSONSerialization.jsonObject(with: Data(try run("trace", "claim", "1", "--format", "json").stdout.utf8))
            as? [String: Any]
        let timeline = try #require(trace?["attributions"] as? [[String: Any]])
        #expect(timeline.map { $0["speaker"] as? String } == ["Russian Ministry of Defence", "TASS", pentagon])
        #expect(timeline.first?["via_chain"] as? [String] == ["Russian Ministry of Defence", "TASS"])
        #expect((trace?["counter_claims"] as? [[String: Any]])?.count == 1)
        #expect(try run("trace", "claim", "1").stdout.contains("Russian Ministry of Defence ← TASS"))
        // CSV streams the claim's rows, then its counter-claim's, at most --limit of each.
        let traceRows = CSVParser.parseWithHeader(try run("trace", "claim", "1", "--format", "csv").stdout)
        #expect(traceRows.map { $0["claim_id"] } == ["1", "1", "1", "2"])
        #expect(traceRows.prefix(3).map { $0["speaker"] } == timeline.map { $0["speaker"] as? String })
        let firstOfEach = try run("trace", "claim", "1", "--format", "csv", "--limit", "1")
        #expect(CSVParser.parseWithHeader(firstOfEach.stdout).map { $0["claim_id"] } == ["1", "2"])
        #expect(firstOfEach.stderr.contains("showing the first 1 of 3 attributions"))
        let speakerTrace = try run("trace", "speaker", "пентагон", "--format", "csv")
        let speakerRows = CSVParser.parseWithHeader(speakerTrace.stdout)
        #expect(speakerRows.map { $0["stance"] } == ["denies"])
        #expect(try run("trace", "speaker", "MoD").stdout.contains("“We will respond,”"))

        let out = temporary.directory.appendingPathComponent("report.csv").path
        #expect(try run("export", "--out", out).stderr.contains("wrote 4 attributions"))
        let exported = CSVParser.parseWithHeader(try String(contentsOfFile: out, encoding: .utf8))
        // Claim by claim, each in the same timeline order as `trace claim`.
        #expect(exported.map { $0["speaker"] } == timeline.map { $0["speaker"] as? String } + [""])
        #expect(exported.allSatisfy { $0["recorded_by"] == "tester" })
        #expect(CSVParser.parseWithHeader(try run("export", "--claim", "2").stdout).count == 1)

        let data = try temporary.file("more.jsonl", #"{"type": "claim", "text": "Imported claim"}"#)
        #expect(try run("import", data).stdout.contains("1 claims"))
    }

    @Test(
        "errors are one line on stderr with exit 1, and write nothing",
        arguments: [
            ["attribute", "1", "--speaker", "X", "--source", "9"],
            ["attribute", "1", "--speaker", "X", "--source", "1", "--date", "2018-02-30"],
            ["attribute", "1", "--speaker", "X", "--source", "1", "--via", "77"],
            ["claim", "add", "   "],
            ["counter", "1", "1"],
            ["trace", "claim", "42"],
            ["trace", "speaker", "Nobody"],
            ["source", "add", "--title", "T", "--published", "soon"],
            ["speaker", "add", "Y", "--affiliation", "Nobody"],
            ["import", "/nonexistent/file.json"],
            ["export", "--claim", "42"],
        ]
    )
    func userErrors(_ arguments: [String]) throws {
        let temporary = try TemporaryStore()
        _ = try temporary.store.source("S")
        _ = try temporary.store.claim("A claim")
        let before = try temporary.snapshot()
        let result = try Binary.run(arguments, database: temporary.path)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.hasPrefix("Error: ") && result.stderr.filter { $0 == "\n" }.count == 1,
            "\(result.stderr)"
        )
        #expect(try temporary.snapshot() == before)
    }

    @Test("a missing store, a file that is not a store, and a bad flag")
    func storeProblems() throws {
        let temporary = try TemporaryStore()
        let missing = temporary.directory.appendingPathComponent("nope.db").path
        let noStore = try Binary.run(["contested"], database: missing)
        #expect(noStore.status == 1 && noStore.stderr.contains("no store at \(missing)"))
        #expect(!FileManager.default.fileExists(atPath: missing))

        let text = try temporary.file("notes.txt", String(repeating: "not a database\n", count: 100))
        let notStore = try Binary.run(["contested", "--db", text])
        #expect(
            notStore.status == 1
                && notStore.stderr == "Error: \(text) is not a claimtrail store (not an SQLite database)\n"
        )
        #expect(try String(contentsOfFile: text, encoding: .utf8) == String(repeating: "not a database\n", count: 100))

        let badFlag = try Binary.run(
            ["attribute", "1", "--source", "1", "--stance", "agrees", "--unattributed"],
            database: temporary.path
        )
        #expect(badFlag.status == 64)

        let bothScopes = try Binary.run(["export", "--claim", "1", "--contested"], database: temporary.path)
        #expect(bothScopes.status == 64 && bothScopes.stdout.isEmpty)
        #expect(bothScopes.stderr.contains("--claim and --contested each choose the claims"), "\(bothScopes.stderr)")
    }
}

extension CLITests {
    @Test("help and version print on stdout and exit 0; an unwritable folder is a one-line error")
    func helpAndVersion() throws {
        let help = try Binary.run(["--help"])
        #expect(
            help.status == 0 && help.stdout.contains("SUBCOMMANDS:") && help.stdout.contains("contested"),
            "\(help.stderr)"
        )
        let traceHelp = try Binary.run(["trace", "speaker", "--help"])
        #expect(
            traceHelp.status == 0 && traceHelp.stdout.contains("USAGE: claimtrail trace speaker"),
            "\(traceHelp.stderr)"
        )
        let version = try Binary.run(["--version"])
        #expect(version.status == 0 && version.stdout.split(separator: ".").count == 3)
        let generate = try Binary.run([
            "generate", "--claims", "2", "--attributions", "3", "--out", "/proc/claimtrail/data",
        ])
        #expect(generate.status == 1 && generate.stderr.hasPrefix("Error: cannot create /proc/claimtrail/data/csv: "))
        #expect(generate.stderr.filter { $0 == "\n" }.count == 1, "\(generate.stderr)")
    }

    @Test("an empty $USER does not record attributions as entered by nobody")
    func emptyUser() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let claim = try store.claim("A claim")
        let source = try store.source("S")
        let result = try Binary.run(
            ["attribute", String(claim), "--unattributed", "--source", String(source)],
            database: temporary.path,
            user: ""
        )
        #expect(result.status == 0, "\(result.stderr)")
        let recorder = try store.database.prepare("SELECT recorded_by FROM attribution").first { $0.string(0) }
        #expect(recorder.map { !$0.isEmpty } == true, "\(String(describing: recorder))")
    }

    @Test("an export to a folder that does not exist says why, and leaves no partial file")
    func exportToMissingFolder() throws {
        let temporary = try TemporaryStore()
        let target = temporary.directory.appendingPathComponent("missing/report.csv").path
        let result = try Binary.run(["export", "--out", target], database: temporary.path)
        #expect(result.status == 1)
        #expect(result.stderr == "Error: cannot write \(target): No such file or directory\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: temporary.directory.path).allSatisfy {
                !$0.contains("partial")
            }
        )
    }
}

extension CLITests {
    @Test("the workflow and maintenance commands, run through the binary on the example")
    func workflowCommands() throws {
        let temporary = try TemporaryStore()
        func run(_ arguments: String...) throws -> String {
            let result = try Binary.run(arguments, database: temporary.path)
            #expect(result.status == 0, "claimtrail \(arguments.joined(separator: " ")): \(result.stderr)")
            return result.stdout
        }
        _ = try run("import", Repository.path("examples/syria.json"))
        let audit = CSVParser.parseWithHeader(try run("audit", "3", "--format", "csv"))
        #expect(audit.filter { $0["category"] == "anonymous" }.count == 5)
        #expect(
            CSVParser.parseWithHeader(try run("audit", "--all", "--format", "csv")).map { $0["source_id"] } == [
                "3", "2", "1",
            ]
        )
        let hits =
            try JSONSerialization.jsonObject(with: Data(try run("search", "triumvirate", "--format", "json").utf8))
            as? [[String: Any]]
        // The quote, and the article's body it is quoted from.
        #expect(hits?.map { $0["kind"] as? String } == ["quote", "source"])
        #expect(try run("claim", "similar", "1", "--format", "csv").contains("There are no legitimate indications"))
        #expect(try run("claim", "add", "US planning missile strike") == "19\n")
        #expect(try run("claim", "merge", "1", "19") == "claim #19 merged into claim #1\n")
        #expect(
            try run("speaker", "merge", "Russian government", "Russian MoD") == "speaker #4 merged into speaker #3\n"
        )
        #expect(try run("verdict", "1", "--rating", "Unsupported", "--by", "Desk").contains("rated “Unsupported”"))
        #expect(try run("export", "--format", "html").contains("Verdict by <bdi>Desk</bdi>"))
        #expect(try run("attribution", "edit", "1", "--quote", "fixed") == "1\n")
        #expect(try run("trace", "claim", "19").contains("History"))
        #expect(try run("check") == "ok\n")
        let backup = temporary.directory.appendingPathComponent("copy.db").path
        _ = try run("backup", backup)
        #expect(try ClaimStore.open(at: backup).contestedClaims().map(\.id) == [1, 9])
    }
}
