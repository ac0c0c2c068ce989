import Foundation
import Testing

@testable import ClaimTrail

/// Change-log entries arriving with an import are checked as the commands that make such edits
/// check them: a bad one is one line naming the file and line, exit 1, and nothing written.
@Suite struct ChangeImportValidationTests {
    /// One way to spoil an export: which line to change (by its type, and for a change its entity),
    /// how, and what the refusal says.
    struct Spoiling: CustomTestStringConvertible, Sendable {
        let name: String
        let entity: String
        let message: String
        let change: @Sendable (inout [String: Any]) -> Void
        var testDescription: String { name }
    }

    static let spoilings: [Spoiling] = [
        Spoiling(name: "unknown stance", entity: "attribution", message: "unknown stance “shouts”") {
            $0["after"] = Self.with($0["after"], "stance", "shouts")
        },
        Spoiling(name: "unknown status", entity: "claim", message: "unknown status “finished”") {
            $0["after"] = Self.with($0["after"], "status", "finished")
        },
        Spoiling(name: "bad retraction date", entity: "source", message: "bad retraction date “2026-02-30”") {
            $0["after"] = Self.with($0["after"], "retracted_on", "2026-02-30")
        },
        Spoiling(name: "retraction in the future", entity: "source", message: "is in the future") {
            $0["after"] = Self.with($0["after"], "retracted_on", "2999-01-01")
        },
        Spoiling(name: "2 MiB quote", entity: "attribution", message: "the limit is \(1 << 20) bytes") {
            $0["after"] = Self.with($0["after"], "quote", String(repeating: "x", count: 2 << 20))
        },
        Spoiling(name: "unknown key in after", entity: "attribution", message: "unknown field “colour”") {
            $0["after"] = Self.with($0["after"], "colour", "red")
        },
        Spoiling(
            name: "changed_at in 9999",
            entity: "claim",
            message: "changed_at 9999-01-01T00:00:00Z is in the future"
        ) {
            $0["changed_at"] = "9999-01-01T00:00:00Z"
        },
        Spoiling(name: "changed_at tomorrow", entity: "claim", message: "is in the future") {
            $0["changed_at"] = ISODate.stamp(Date().addingTimeInterval(86_400))
        },
        Spoiling(name: "changed_at unparseable", entity: "claim", message: "bad changed_at “last week”") {
            $0["changed_at"] = "last week"
        },
        Spoiling(name: "deletion of a speaker still here", entity: "speaker", message: "leaves a store only by a merge")
        {
            $0["action"] = "delete"
            $0["after"] = nil
        },
        Spoiling(
            name: "source retracted in the future",
            entity: "",
            message: "retraction date 2999-01-01 is in the future"
        ) {
            $0["retracted_on"] = "2999-01-01"
        },
    ]

    private static func with(_ snapshot: Any?, _ key: String, _ value: Any) -> [String: Any] {
        var fields = snapshot as? [String: Any] ?? [:]
        fields[key] = value
        return fields
    }

    /// A store with an edit of each kind of record: a quote corrected, a source retracted, a claim's
    /// status moved and a speaker's role corrected; its JSON Lines export, one object per line.
    private static func exportedLines() throws -> [[String: Any]] {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let source = try store.source("Report")
        let claim = try store.claim("The port is closed")
        let speaker = try store.speaker("Ministry", kind: .government)
        let quoted = try store.attribute(claim, speaker, in: source, quote: "the port is clsoed")
        try store.write {
            try store.editAttribution(quoted, quote: "the port is closed", cue: nil, mode: nil, by: "ed", reason: nil)
            try store.retractSource(source, reason: "withdrawn", on: "2024-01-02", by: "ed")
            try store.editSpeaker(speaker, name: nil, kind: nil, role: "ministry", by: "ed", reason: nil)
        }
        #expect(try Binary.run(["claim", "status", "\(claim)", "in_progress"], database: temporary.path).status == 0)
        return try lines(of: temporary)
    }

    private static func lines(of temporary: TemporaryStore) throws -> [[String: Any]] {
        let exported = try Binary.run(["export", "--format", "jsonl"], database: temporary.path)
        #expect(exported.status == 0, "\(exported.stderr)")
        return try exported.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test(arguments: spoilings)
    func spoiledEntryIsRefusedWithItsLine(spoiling: Spoiling) throws {
        var lines = try Self.exportedLines()
        // The export's own lines, unspoiled, import cleanly.
        let clean = try TemporaryStore()
        let whole = try clean.file("whole.jsonl", try Self.text(lines))
        #expect(try Binary.run(["import", whole], database: clean.path).status == 0)
        #expect(try StoreCheck(store: clean.store).problems().isEmpty)

        let index = try #require(
            lines.firstIndex { line in
                spoiling.entity.isEmpty
                    ? line["type"] as? String == "source"
                    : line["type"] as? String == "change" && line["entity"] as? String == spoiling.entity
            }
        )
        spoiling.change(&lines[index])
        let target = try TemporaryStore()
        let before = try target.snapshot()
        let file = try target.file("spoiled.jsonl", try Self.text(lines))
        let result = try Binary.run(["import", file], database: target.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file):\(index + 1): "), "\(result.stderr)")
        #expect(result.stderr.contains(spoiling.message), "\(result.stderr)")
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        #expect(try target.snapshot() == before)
        #expect(try target.count("change_log") == 0)
    }

    @Test("a correction this store cannot make (wording another claim has) is refused at its line")
    func unreplayableCorrectionNamesItsLine() throws {
        let source = try TemporaryStore()
        let port = try source.store.claim("The port is closed")
        _ = try source.store.claim("The bridge is open")
        try source.store.write { try source.store.editClaim(port, text: nil, topic: "ports", by: "ed", reason: nil) }
        var lines = try Self.lines(of: source)
        let index = try #require(lines.firstIndex { $0["type"] as? String == "change" })
        lines[index]["after"] = Self.with(lines[index]["after"], "text", "The bridge is open")
        let target = try TemporaryStore()
        let before = try target.snapshot()
        let file = try target.file("spoiled.jsonl", try Self.text(lines))
        let result = try Binary.run(["import", file], database: target.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file):\(index + 1): claim #"), "\(result.stderr)")
        #expect(result.stderr.contains("already reads “The bridge is open”"), "\(result.stderr)")
        #expect(try target.snapshot() == before)
    }

    private static func text(_ lines: [[String: Any]]) throws -> String {
        try lines.map {
            String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self)
        }.joined(separator: "\n") + "\n"
    }
}
