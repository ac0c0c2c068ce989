import Foundation
import Testing

@testable import ClaimTrail

/// Every `--limit` and count option is checked in one place: a negative or absurd number is a
/// bad command line (exit 64), and `--limit 0` means "all" wherever a list is limited.
@Suite("Count and limit options")
struct CountOptionTests {
    static let commands: [[String]] = [
        ["claim", "similar", "1"], ["contested"], ["trace", "claim", "1"], ["trace", "speaker", "1"],
        ["search", "strike"], ["queue"],
    ]

    @Test("a negative or absurd limit or count is refused as a bad command line, never a trap")
    func refusesBadCounts() throws {
        let temporary = try Self.strikeStore()
        let bad = ["-1", "-9223372036854775808", "9223372036854775807", "100000001", "1e3", "ten"]
        var runs = Self.commands.flatMap { command in bad.map { command + ["--limit=\($0)"] } }
        runs += ["--claims", "--attributions", "--speakers", "--sources"].flatMap { option in
            ["-1", "100000001"].map { ["generate", "--out", temporary.directory.path + "/g", "\(option)=\($0)"] }
        }
        for arguments in runs {
            let result = try Binary.run(arguments, database: temporary.path)
            #expect(result.status == 64, "\(arguments): \(result.status) \(result.stderr)")
            let parts = try #require(arguments.last).split(separator: "=").map(String.init)
            let (option, number) = (parts[0], parts[1])
            let said =
                number.hasPrefix("-")
                ? "Error: \(option) cannot be negative (\(number))\n" : "Error: The value '\(number)' is invalid"
            #expect(result.stderr.hasPrefix(said), "\(arguments): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: temporary.directory.path + "/g"))
    }

    @Test("a negative count or id after its option is refused in words, not as a missing value")
    func negativeNumbers() throws {
        let temporary = try Self.strikeStore()
        let before = try temporary.snapshot()
        for (arguments, option) in [
            (["contested", "--limit", "-1"], "--limit"), (["claim", "list", "--offset", "-1"], "--offset"),
            (["attribute", "1", "--unattributed", "--source", "1", "--via", "-1"], "--via"),
            (["claim", "add", "Other", "--counters", "-3"], "--counters"),
            (["user", "token", "ed", "--revoke", "-2"], "--revoke"),
        ] {
            let result = try Binary.run(arguments, database: temporary.path)
            let number = try #require(arguments.last)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(result.stderr == "Error: \(option) cannot be negative (\(number))\n", "\(arguments)")
        }
        #expect(try temporary.snapshot() == before)
        // A scale may run below zero, and text may start with a minus sign.
        let verdict = try Binary.run(
            ["verdict", "1", "--rating", "Poor", "--by", "Desk", "--score", "-1", "--best", "5", "--worst", "-5"],
            database: temporary.path
        )
        #expect(verdict.status == 0, "\(verdict.stderr)")
        let topic = try Binary.run(["claim", "add", "Other", "--topic", "-5"], database: temporary.path)
        #expect(topic.status == 0, "\(topic.stderr)")
        let stored = try temporary.store.database.prepare(
            "SELECT (SELECT score || ' ' || worst FROM verdict), (SELECT topic FROM claim WHERE text = 'Other')"
        ).first { [$0.string(0), $0.string(1)] }
        #expect(stored == ["-1 -5", "-5"])
    }

    @Test("--limit N gives N, and --limit 0 gives all, for every limited list")
    func limits() throws {
        let temporary = try Self.strikeStore()
        for command in Self.commands {
            let limited = try Binary.run(command + ["--limit", "3", "--format", "json"], database: temporary.path)
            let all = try Binary.run(command + ["--limit", "0", "--format", "json"], database: temporary.path)
            #expect(limited.status == 0 && all.status == 0, "\(command): \(limited.stderr) \(all.stderr)")
            let (some, every) = (try Self.listed(limited.stdout), try Self.listed(all.stdout))
            #expect(some == 3, "\(command)")
            #expect(every > 3 && every >= some, "\(command): \(every)")
        }
    }

    /// Twelve claims contradicting claim 1, all about a strike, each with attributions from one
    /// speaker in a source of its own: every limited list has more than three entries.
    private static func strikeStore() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        let store = temporary.store
        try store.write {
            let speaker = try store.addSpeaker(SpeakerDraft(name: "Strike spokesperson"))
            let first = try store.addClaim(text: "The strike hit the depot").id
            for number in 1...12 {
                let source = try store.addSource(SourceDraft(title: "Strike report \(number)"))
                let claim = try store.addClaim(text: "The strike hit depot number \(number)").id
                _ = try store.addRelation(from: claim, to: first, kind: .contradicts)
                for (claimID, stance) in [(first, Stance.asserts), (claim, .asserts), (claim, .denies)] {
                    _ = try store.addAttribution(
                        AttributionDraft(claimID: claimID, speakerID: speaker, sourceID: source, stance: stance),
                        recordedBy: "test"
                    )
                }
            }
        }
        return temporary
    }

    /// How many items a command's JSON lists: the array itself, or a trace's list of attributions.
    private static func listed(_ json: String) throws -> Int {
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8))
        if let list = value as? [Any] { return list.count }
        let trace = value as? [String: Any] ?? [:]
        return ((trace["timeline"] ?? trace["attributions"]) as? [Any])?.count ?? -1
    }

    @Test("the library never traps on a negative limit either: it lists nothing")
    func libraryNegativeLimits() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let claim = try store.write {
            _ = try store.addClaim(text: "The convoy crossed the border")
            return try store.addClaim(text: "The convoy crossed the river").id
        }
        #expect(try store.similarClaims(to: claim, limit: -1).isEmpty)
        #expect(try store.similarClaims(to: claim, limit: nil).count == 1)
        #expect(try store.search("convoy", limit: -1).isEmpty)
        #expect(try store.contestedClaims(limit: -1).isEmpty)
        #expect(try store.queue(QueueFilter(limit: -1)).isEmpty)
        #expect(try store.queue(QueueFilter()).count == 2)
    }
}
