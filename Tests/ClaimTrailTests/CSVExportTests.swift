import Foundation
import Testing

@testable import ClaimTrail

@Suite("CSV provenance report")
struct CSVExportTests {
    static let hostile = [
        "He said, “we will respond,” and left",
        "line one\nline two\r\nline three",
        "quote \"inside\" quotes",
        "<script>alert('x')</script>",
        "Robert'); DROP TABLE claim;--",
        "Сергей Лавров – 外交部 – وزارة الخارجية 👍",
        "trailing comma,",
        "",
    ]

    @Test("hostile text survives export and an independent CSV parse, field by field")
    func roundTrip() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let source = try store.addSource(
            SourceDraft(
                title: "Title, with “comma”",
                url: "https://example.org/a?b=1,2",
                outlet: "Outlet\nNewline",
                author: "Écrivain",
                published: "2018-08-28"
            )
        )
        var expected: [(claim: Int64, quote: String, speaker: String)] = []
        for (index, text) in Self.hostile.enumerated() {
            let claim = try store.claim("Claim \(index): \(text)", topic: "topic, \(index)")
            let speaker = try store.speaker("Speaker \(index) \(text)", kind: .anonymous, role: "role \"\(index)\"")
            try store.attribute(claim, speaker, in: source, .denies, quote: text.isEmpty ? nil : text)
            expected.append((claim, text, "Speaker \(index) \(text)".trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        let path = temporary.directory.appendingPathComponent("out.csv").path
        let output = try TextOutput.file(atPath: path)
        let written = try ProvenanceReport.writeCSV(from: store, scope: .all, to: output)
        try output.close()
        #expect(written == Self.hostile.count)

        let text = try String(contentsOfFile: path, encoding: .utf8)
        let records = CSVParser.parse(text)
        #expect(records.first == ProvenanceRow.columns)
        #expect(records.dropFirst().allSatisfy { $0.count == ProvenanceRow.columns.count })
        let rows = CSVParser.parseWithHeader(text)
        #expect(rows.count == Self.hostile.count)
        for (row, want) in zip(rows, expected) {
            #expect(row["claim_id"] == String(want.claim))
            #expect(row["quote"] == want.quote)
            #expect(row["speaker"] == want.speaker)
            #expect(row["stance"] == "denies")
            #expect(row["speaker_kind"] == "anonymous")
            #expect(row["source_title"] == "Title, with “comma”")
            #expect(row["source_outlet"] == "Outlet\nNewline")
            #expect(row["source_url"] == "https://example.org/a?b=1,2")
            #expect(row["published"] == "2018-08-28")
            #expect(row["recorded_by"] == "tester")
            #expect(row["contested"] == "false")  // denied, but never asserted nor countered
        }
        #expect(text.hasSuffix("\r\n"))
    }

    @Test("rows carry counter-claim ids and via chains; --claim limits the report to one claim")
    func columnsAndScope() throws {
        let store = try TemporaryStore().store
        let source = try store.source("S")
        let claim = try store.claim("A")
        let c1 = try store.claim("not A")
        let c2 = try store.claim("A is false")
        _ = try store.addRelation(from: c2, to: claim, kind: .contradicts)
        _ = try store.addRelation(from: c1, to: claim, kind: .contradicts)
        let outlet = try store.speaker("Outlet", kind: .media)
        let ministry = try store.speaker("Ministry", kind: .government)
        let relay = try store.attribute(claim, outlet, in: source)
        try store.attribute(claim, ministry, in: source, via: relay)
        try store.attribute(c1, nil, in: source)

        let rows = CSVParser.parseWithHeader(try ReportFormat.csv.render(try store.provenance.rows(.claim(claim))))
        #expect(rows.map { $0["claim_id"] } == [String(claim), String(claim)])
        #expect(rows.map { $0["counter_claim_ids"] } == ["\(c1);\(c2)", "\(c1);\(c2)"])
        #expect(rows.map { $0["via_chain"] } == ["", "Ministry ← Outlet"])
        let all = try store.provenance.rows(.all)
        #expect(all.count == 3)
        #expect(all.last?.speaker == nil && all.last?.contested == false)
    }

    @Test(
        "the report's CSV is the bytes of its rows' cells: hostile text, formulas, relays, quote checks",
        arguments: [CSV.Cells.neutralised, .raw]
    )
    func bytesOfTheRowsCells(cells: CSV.Cells) throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let texts = Self.hostile + CSVFormulaTests.formulas + ["0", "e\u{301}", "\u{301}mark", "\u{202E}bidi", "a\0b"]
        let withBody = try store.addSource(
            SourceDraft(
                title: "Body, \"quoted\"",
                url: "=url",
                outlet: "@outlet",
                author: "-author",
                published: "2020-01-02",
                body: "Intro. " + texts.joined(separator: " ") + " end."
            )
        )
        let plain = try store.source("+plain")
        try store.retractSource(plain, reason: "=reason", on: "2021-01-01", by: "tester")
        for (index, text) in texts.enumerated() {
            let claim = try store.claim(text + " \(index)", topic: text.isEmpty ? nil : text)
            let speaker = try store.speaker(text + " speaker \(index)", role: text.isEmpty ? nil : text)
            // Relays of the claim's first attribution, one or two deep, by named and unnamed speakers.
            var relayed: Int64?
            for depth in 0...(index % 3) {
                relayed = try store.addAttribution(
                    AttributionDraft(
                        claimID: claim,
                        speakerID: (index + depth) % 3 == 0 ? nil : speaker,
                        sourceID: (index + depth) % 2 == 0 ? withBody : plain,
                        stance: index % 2 == 0 ? .asserts : .denies,
                        mode: index % 4 == 1 ? .indirect : .direct,
                        quote: text.isEmpty ? nil : text,
                        cue: text.isEmpty ? nil : text,
                        date: index % 4 == 0 ? nil : "2020-01-0\(index % 9 + 1)",
                        viaID: relayed
                    ),
                    recordedBy: "tester"
                ).id
            }
            if index > 0 {
                _ = try store.addRelation(from: claim, to: claim - 1, kind: index % 2 == 0 ? .contradicts : .supports)
            }
            if index % 3 == 1 { try store.assign(claim, to: "=\(text)", by: "tester") }
        }
        // Ill-formed UTF-8, as another tool might store it: a String repairs it, so the CSV must too.
        try store.database.execute(
            """
            UPDATE attribution SET quote = CAST(X'61FF62C0AFE08080EDA080F490808063' AS TEXT),
                                   cue = CAST(X'E282' AS TEXT)
            WHERE id = 2
            """
        )
        let path = temporary.directory.appendingPathComponent("out.csv").path
        let output = try TextOutput.file(atPath: path)
        let written = try ProvenanceReport.writeCSV(from: store, scope: .all, cells: cells, to: output)
        try output.close()

        let rows = try store.provenance.rows(.all)
        #expect(written == rows.count && rows.count > texts.count)
        #expect(rows.contains { !$0.viaChain.isEmpty } && rows.contains { $0.quoteCheck != nil })
        #expect(rows.contains { $0.quote?.contains("\u{FFFD}") == true })
        let expected = ([ProvenanceRow.columns] + rows.map(\.cells)).map { CSV.line($0, cells: cells) }.joined()
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes == Array(expected.utf8))
    }

    @Test("well-formed UTF-8 is told from ill-formed as String(validating:) tells it")
    func wellFormedUTF8() {
        let interesting: [UInt8] = [
            0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
            0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
        ]
        var sequences: [[UInt8]] = [[]]
        for length in 1...4 {
            sequences += (0..<Int(pow(Double(interesting.count), Double(length)))).map { number in
                var number = number
                return (0..<length).map { _ in
                    defer { number /= interesting.count }
                    return interesting[number % interesting.count]
                }
            }
        }
        for bytes in sequences {
            let expected = String(validating: bytes, as: UTF8.self) != nil
            bytes.withUnsafeBufferPointer { #expect($0.isWellFormedUTF8 == expected, "\(bytes)") }
        }
    }

    @Test("a number's field is its decimal digits, as String writes them")
    func numberFields() {
        for number: Int64 in [0, 7, -7, 10, -10, 1_234_567_890, .max, .min, .max - 1, .min + 1] {
            var bytes: [UInt8] = []
            CSV.append(field: number, to: &bytes)
            #expect(bytes == Array(String(number).utf8))
        }
    }
}
