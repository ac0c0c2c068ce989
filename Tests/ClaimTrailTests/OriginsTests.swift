import Foundation
import Testing

@testable import ClaimTrail

/// Independent origins (issue 20, part 1): relays fold into the first-hand statement their `via`
/// chain reaches back to; same speaker, day and quote in two sources is flagged; a chain that comes
/// back to a source it left is circular citation.
@Suite("Independent origins")
struct OriginsTests {
    /// Five sources; the ministry's statement in TASS (#1), relayed by Reuters (#2), relayed in turn by
    /// AP (#3); a spokesman's same words on the same day in the Daily (#4) and a blog (#5), no via;
    /// and TASS citing AP's relay (#6), which closes TASS ← AP ← Reuters ← TASS.
    static func store() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        var commands: [[String]] = [
            ["claim", "add", "The bridge was destroyed"]
        ]
        for (outlet, day) in [
            ("TASS", "2024-01-02"), ("Reuters", "2024-01-02"), ("AP", "2024-01-03"), ("Daily", "2024-01-05"),
            ("Blog", "2024-01-05"),
        ] {
            commands.append(["source", "add", "--title", "\(outlet) story", "--outlet", outlet, "--published", day])
        }
        let ministry = ["--speaker", "Ministry", "--new-speaker", "--mode", "direct", "--quote", "It is gone"]
        let spokesman = [
            "--speaker", "Spokesman", "--new-speaker", "--quote", "Nothing is left", "--date", "2024-01-05",
        ]
        commands += [
            ["attribute", "1", "--source", "1"] + ministry,
            ["attribute", "1", "--source", "2", "--speaker", "Ministry", "--via", "1"],
            ["attribute", "1", "--source", "3", "--speaker", "Ministry", "--via", "2"],
            ["attribute", "1", "--source", "4"] + spokesman,
            [
                "attribute", "1", "--source", "5", "--speaker", "Spokesman", "--quote", "Nothing is left", "--date",
                "2024-01-05",
            ],
            ["attribute", "1", "--source", "1", "--speaker", "Ministry", "--via", "3"],
        ]
        for arguments in commands {
            let result = try Binary.run(arguments, database: temporary.path)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        return temporary
    }

    @Test("origins folds a relay of a relay into its origin and prints the tree")
    func originsTree() throws {
        let temporary = try Self.store()
        let json = try Binary.run(["origins", "1", "--format", "json"], database: temporary.path)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["sources"] as? Int == 5)
        #expect(object["independent_origins"] as? Int == 3)
        let origins = try #require(object["origins"] as? [[String: Any]])
        #expect(origins.map { $0["attribution_id"] as? Int } == [1, 4, 5])
        // #1 ← #2 ← #3 ← #6: each relay hangs from the one it was relayed through.
        var chain: [Int] = []
        var node: [String: Any]? = origins.first
        while let current = node {
            chain.append(current["attribution_id"] as? Int ?? -1)
            node = (current["relays"] as? [[String: Any]])?.first
        }
        #expect(chain == [1, 2, 3, 6])
        #expect(object["likely_one_origin"] as? [[Int]] == [[4, 5]])
        let circles = try #require(object["circular_citations"] as? [[String: Any]])
        #expect(circles.count == 1)
        #expect(circles.first?["attribution_id"] as? Int == 6)
        #expect(circles.first?["sources"] as? [String] == ["TASS", "AP", "Reuters", "TASS"])
        #expect(json.stderr.contains("circular citation in claim #1: TASS ← AP ← Reuters ← TASS (attribution #6)"))

        let table = try Binary.run(["origins", "1"], database: temporary.path)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("Sources: 5, independent origins: 3, first-hand denials: 0"))
        #expect(lines.contains("#1 2024-01-02 Ministry in TASS: “It is gone”"))
        #expect(lines.contains("└─ #2 2024-01-02 Ministry in Reuters"))
        #expect(lines.contains("   └─ #3 2024-01-03 Ministry in AP"))
        #expect(lines.contains("  #4, #5"))
    }

    @Test("check notes circular citation without failing; trace, contested and the sheets show both counts")
    func countsEverywhere() throws {
        let temporary = try Self.store()
        let check = try Binary.run(["check"], database: temporary.path)
        #expect(check.status == 0 && check.stdout == "ok\n")
        #expect(check.stderr.contains("circular citation in claim #1: TASS ← AP ← Reuters ← TASS (attribution #6)"))

        let trace = try Binary.run(["trace", "claim", "1"], database: temporary.path)
        #expect(trace.stdout.contains("\nSources: 5, independent origins: 3, first-hand denials: 0\n"))
        let traceJSON = try Binary.run(["trace", "claim", "1", "--format", "json"], database: temporary.path)
        let traced = try JSONSerialization.jsonObject(with: Data(traceJSON.stdout.utf8)) as? [String: Any]
        #expect(traced?["sources"] as? Int == 5 && traced?["independent_origins"] as? Int == 3)

        // A first-hand denial makes the claim contested; it is no origin of the claim, but is counted
        // beside the origins, in a column that comes last, after the old ones.
        let deny = ["attribute", "1", "--source", "4", "--speaker", "Mayor", "--new-speaker", "--stance", "denies"]
        #expect(try Binary.run(deny, database: temporary.path).status == 0)
        let contested = CSVParser.parse(
            try Binary.run(["contested", "--format", "csv"], database: temporary.path).stdout
        )
        #expect(
            contested.first?.suffix(4)
                == ["undated_attributions", "independent_origins", "retracted_sources", "first_hand_denials"]
        )
        #expect(contested.dropFirst().first.map { [$0[6], $0[10], $0[12]] } == ["5", "3", "1"])

        let sheet = CSVParser.parseWithHeader(
            try Binary.run(["export", "--format", "csv", "--per", "claim"], database: temporary.path).stdout
        )
        #expect(sheet.first?["sources"] == "5" && sheet.first?["independent_origins"] == "3")
        #expect(sheet.first?["first_hand_denials"] == "1")
        let html = try Binary.run(["export", "--format", "html"], database: temporary.path)
        #expect(html.stdout.contains("<p class=\"meta\">Sources: 5, independent origins: 3, first-hand denials: 1</p>"))
    }

    @Test("an unknown claim is one line and exit 1; csv is refused")
    func badInput() throws {
        let temporary = try Self.store()
        let unknown = try Binary.run(["origins", "99"], database: temporary.path)
        #expect(unknown.status == 1 && unknown.stdout.isEmpty)
        #expect(unknown.stderr.split(separator: "\n").count == 1)
        #expect(try Binary.run(["origins", "1", "--format", "csv"], database: temporary.path).status != 0)
    }
}
