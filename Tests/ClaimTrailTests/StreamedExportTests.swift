import Foundation
import Testing

@testable import ClaimTrail

/// The JSON export is written as it is read (issue 21), and gives the bytes it gave when it was
/// built whole: Interchange/before-streaming.json was exported by the earlier, unstreamed code from
/// a generated dataset with relays, relations, a verdict and a merge.
@Suite struct StreamedExportTests {
    static let gold = Repository.path("Tests/ClaimTrailTests/Interchange/before-streaming.json")

    @Test func streamedExportGivesTheBytesOfTheUnstreamedOne() throws {
        let temporary = try TemporaryStore()
        let imported = try Binary.run(["import", Self.gold], database: temporary.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        let out = temporary.directory.appendingPathComponent("streamed.json").path
        let exported = try Binary.run(["export", "--format", "json", "--out", out], database: temporary.path)
        #expect(exported.status == 0, "\(exported.stderr)")
        let streamed = try Data(contentsOf: URL(fileURLWithPath: out))
        let before = try Data(contentsOf: URL(fileURLWithPath: Self.gold))
        #expect(streamed == before)
        // Parsed, too: the same claims, with their attributions, in the same order.
        let parse = { (data: Data) in try JSONSerialization.jsonObject(with: data) as? [String: Any] }
        let claims = { (data: Data) in
            try (parse(data)?["claims"] as? [[String: Any]])?.map { claim in
                "\(claim["uid"] ?? "") \((claim["attributions"] as? [Any])?.count ?? 0)"
            }
        }
        #expect(try claims(streamed) == claims(before))
        #expect(try claims(streamed)?.count == 57)
        #expect(try (parse(streamed)?["merges"] as? [Any])?.isEmpty == false)
    }

    @Test func emptyStoreGivesEmptySectionsAsJSONEncoderWroteThem() throws {
        let temporary = try TemporaryStore()
        let text = try InterchangeDocument.render(from: temporary.store, scope: .all)
        #expect(text == "{\n  \"claims\" : [\n\n  ],\n  \"sources\" : [\n\n  ],\n  \"speakers\" : [\n\n  ]\n}\n")
    }

    /// The streamed layout against JSONEncoder's own (`rendered()`), on what differs most easily:
    /// controls with short escapes (backspace, form feed) and long ones, quotes, slashes, non-ASCII
    /// keys and text, and empty records nested in records.
    @Test func streamedRecordsAreLaidOutAsJSONEncoderLaysThemOut() throws {
        let record = JSONValue.fields([
            "text": .string("a\u{8}b\u{C}c\u{1}d\u{7F}e \"q\" \\ / “Мария” 🗞\u{2028}"),
            "é": .int(-3), "B": .array([]), "_": .fields([:]),
            "nested": .array([.fields(["x": .array([.int(1), .string("\t")])]), .array([])]),
        ])
        var streamed = ""
        var stream = PrettyJSONStream { streamed += $0 }
        try stream.open()
        try stream.openArray("records")
        try stream.element(record)
        try stream.close()
        try stream.close()
        #expect(streamed == (try JSONValue.object(["records": .array([record])]).rendered()))
    }
}
