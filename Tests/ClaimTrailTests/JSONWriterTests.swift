import Foundation
import Testing

@testable import ClaimTrail

/// `JSONReport` writes its pretty JSON itself rather than through JSONEncoder; these check that
/// the bytes are JSONEncoder's, byte for byte, for real reports and for every kind of value.
@Suite("JSON writer")
struct JSONWriterTests {
    /// What `JSONReport.encode` wrote before it wrote JSON itself.
    static func byJSONEncoder(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(try ReportTreeEncoder.tree(of: value)), as: UTF8.self) + "\n"
    }

    /// A value with every kind of JSON in it, nested, empty and not.
    struct Everything: Encodable {
        var text = "quote \" backslash \\ slash / tab \t nul \u{0} bell \u{7} bs \u{8} ff \u{C} del \u{7F}"
        var hostile = "<script>alert(1)</script> \u{202E}rtl\u{202C} é e\u{301} 👩‍👩‍👧 \u{2028}\u{2029}"
        var number: Int64 = -9_007_199_254_740_993
        var fractions: [Double] = [0.5, 1.0, -0.0, 1e-7, 123_456_789.125, 3.0e21, 0.1, 2.5e-300]
        var single: Float = 0.3
        var flags = [true, false]
        var missing: String?
        var emptyList: [Int] = []
        var emptyRecord: [String: Int] = [:]
        var nested: [[String: [Int]]] = [["b": [1, 2], "a": [], "a_b": [3], "ab": [4], "a1": [5], "a10": [6]]]
        var records: [String: String] = ["zeta": "z", "alpha": "a", "Beta": "b", "_under": "u"]
    }

    @Test("every kind of value: the bytes JSONEncoder writes")
    func everyKind() throws {
        let value = Everything()
        #expect(try JSONReport.encode(value) == Self.byJSONEncoder(value))
        #expect(try JSONReport.encode([Everything]()) == Self.byJSONEncoder([Everything]()))
        #expect(try JSONReport.encode([value, value]) == Self.byJSONEncoder([value, value]))
    }

    @Test("a provenance row's node is the tree its synthesized Encodable builds, every field set or none")
    func provenanceRowNode() throws {
        let full = ProvenanceRow(
            claimID: 7,
            claim: "Claim <7>",
            topic: "health",
            contested: true,
            counterClaimIDs: [8, 9],
            supportedByClaimIDs: [3],
            attributionID: 42,
            stance: .denies,
            speakerID: 5,
            speaker: "Ana \u{202E}",
            speakerKind: .government,
            speakerRole: "minister",
            mode: .direct,
            cue: "said",
            quote: "“fifty”",
            sourceID: 11,
            sourceTitle: "Report",
            sourceOutlet: "Outlet",
            sourceAuthor: "B. Writer",
            sourceURL: "https://example.org/a",
            published: "2024-01-02",
            saidOn: "2024-01-01",
            viaID: 41,
            viaChain: ["Ana", "Wire"],
            recordedAt: "2024-01-03T00:00:00Z",
            recordedBy: "desk",
            state: .proposed,
            status: .inProgress,
            assignee: "Bo",
            sourceRetractedOn: "2024-02-01",
            quoteCheck: .altered,
            quoteChanges: [
                WordChange(kind: .changed, from: "fifty", to: "fifteen"),
                WordChange(kind: .added, from: nil, to: "very"),
            ]
        )
        var bare = full
        (bare.topic, bare.speakerID, bare.speaker, bare.speakerKind, bare.speakerRole) = (nil, nil, nil, nil, nil)
        (bare.cue, bare.quote, bare.sourceOutlet, bare.sourceAuthor, bare.sourceURL) = (nil, nil, nil, nil, nil)
        (bare.published, bare.saidOn, bare.viaID, bare.assignee) = (nil, nil, nil, nil)
        (bare.sourceRetractedOn, bare.quoteCheck, bare.quoteChanges) = (nil, nil, [])
        (bare.counterClaimIDs, bare.supportedByClaimIDs, bare.viaChain) = ([], [], [])
        for row in [full, bare] {
            let slot = ReportNode.Slot()
            try row.encode(to: ReportTreeEncoder(slot: slot, codingPath: []))
            #expect(row.reportNode == slot.node)
            // A report's tree keeps the row as it is, and writes it as it writes the row's own tree.
            #expect(try ReportTreeEncoder.tree(of: [row]) == .array([.row(row)]))
            var (kept, built): ([UInt8], [UInt8]) = ([], [])
            ReportNode.row(row).appendPretty(to: &kept, depth: 1)
            slot.node.appendPretty(to: &built, depth: 1)
            #expect(String(decoding: kept, as: UTF8.self) == String(decoding: built, as: UTF8.self))
        }
    }

    @Test("a number JSON cannot hold is refused, as JSONEncoder refuses it")
    func notANumber() {
        #expect(throws: (any Error).self) { try JSONReport.encode([Double.nan]) }
        #expect(throws: (any Error).self) { try JSONReport.encode(["x": Double.infinity]) }
    }

    @Test("claim and speaker traces, verdicts and audits: the bytes JSONEncoder writes")
    func reports() throws {
        let temporary = try JSONShapeTests.varietyStore()
        let store = temporary.store
        try store.setVerdict(
            Verdict(rating: "False", score: 1, best: 5, worst: 1, reviewer: "Desk", explanation: "No <plan>"),
            on: 1,
            by: "test"
        )
        for claim in 1...3 {
            let trace = try store.traceClaim("#\(claim)", limit: 50, offset: 0)
            let report = try JSONReport.encode(trace)
            #expect(report == (try Self.byJSONEncoder(trace)))
            #expect(report.contains("\"attributions\" : ["))
            let verdicts = try store.verdicts(claimID: Int64(claim))
            #expect(try JSONReport.encode(verdicts) == Self.byJSONEncoder(verdicts))
        }
        for speaker in 1...3 {
            let trace = try store.traceSpeaker("#\(speaker)", limit: 200)
            #expect(try JSONReport.encode(trace) == Self.byJSONEncoder(trace))
        }
        let audit = try store.audit(source: "#1")
        #expect(try JSONReport.encode(audit) == Self.byJSONEncoder(audit))
    }

    /// A parsed document as a `JSONValue`, to render whole with JSONEncoder.
    static func value(_ parsed: Any) throws -> JSONValue {
        switch parsed {
        case let text as String: return .string(text)
        case let number as Int: return .int(Int64(number))
        case let items as [Any]: return .array(try items.map(value))
        case let fields as [String: Any]: return .object(try fields.mapValues(value))
        default: throw ClaimTrailError.invalid("no JSONValue for \(parsed)")
        }
    }

    @Test("ClaimReview, written review by review: the bytes of the document rendered whole")
    func claimReviewStreamed() throws {
        let empty = try TemporaryStore()
        let none = try ClaimReviewDocument.render(from: empty.store, scope: .all)
        #expect(none == (try Self.value(try JSONSerialization.jsonObject(with: Data(none.utf8))).rendered()))
        #expect(none.contains("\"@graph\" : [\n\n  ]"))

        let temporary = try TemporaryStore()
        let store = temporary.store
        try HostileStore.fill(store)
        let claims = try store.claimIDs(in: .all)
        for (index, claim) in claims.enumerated() {
            try store.setVerdict(
                Verdict(
                    rating: "Rating \(index) <i>",
                    score: index,
                    best: claims.count,
                    worst: 0,
                    reviewer: "Desk \(index)",
                    language: "pt-BR"
                ),
                on: claim,
                by: "test"
            )
        }
        var chunks: [String] = []
        try ClaimReviewDocument.write(from: store, scope: .all) { chunks.append($0) }
        let streamed = chunks.joined()
        #expect(chunks.count > claims.count)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(streamed.utf8)) as? [String: Any])
        let verdicts = try claims.map { try store.verdicts(claimID: $0).count }.reduce(0, +)
        #expect(verdicts > claims.count)
        #expect((parsed["@graph"] as? [Any])?.count == verdicts)
        #expect(streamed == (try Self.value(parsed).rendered()))
        #expect(streamed == (try ClaimReviewDocument.render(from: store, scope: .all)))
    }
}
