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
}
