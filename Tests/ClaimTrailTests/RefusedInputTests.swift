import Foundation
import Testing

@testable import ClaimTrail

/// Input that looks fine to a program and wrong to a reader: text that shows nothing, dates still to
/// come, one page under two spellings of its URL, a score without its scale, a blank filter. Each is
/// refused the same way by the command line, an import and the server, with one line and nothing
/// written, since all three go through the same store functions.
@Suite("refused input: invisible text, future dates, URL case, scoreless scales, blank filters")
struct RefusedInputTests {
    /// Text of zero-width spaces, bidirectional marks, a byte-order mark and white space.
    static let invisible = ["\u{200B}", "\u{200E}", "\u{FEFF}", "\u{202E}\u{202C}", " \u{2060}\u{3164}\t"]

    /// Runs a command that must fail with one line on stderr containing `message`.
    static func refused(_ arguments: [String], _ store: TemporaryStore, _ message: String) throws {
        let result = try Binary.run(arguments, database: store.path)
        #expect(result.status == 1, "\(arguments): \(result.stdout)")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(arguments): \(result.stderr)")
    }

    /// A store holding source #1 “Wire” and claim #1 “Seen”, and its rows before anything is refused.
    static func storeWithClaim() throws -> (TemporaryStore, [String]) {
        let temporary = try TemporaryStore()
        try #require(Binary.run(["source", "add", "--title", "Wire"], database: temporary.path).status == 0)
        try #require(Binary.run(["claim", "add", "Seen"], database: temporary.path).status == 0)
        return (temporary, try temporary.snapshot())
    }

    @Test("a claim, speaker name, title, quote or alias that shows nothing is refused, and nothing is written")
    func invisibleText() throws {
        let (temporary, before) = try Self.storeWithClaim()
        for text in Self.invisible {
            try Self.refused(["claim", "add", text], temporary, "a claim's text shows nothing")
            try Self.refused(["speaker", "add", text], temporary, "a speaker's name shows nothing")
            try Self.refused(["source", "add", "--title", text], temporary, "a source's title shows nothing")
            try Self.refused(["speaker", "add", "Ana", "--alias", text], temporary, "an alias shows nothing")
            try Self.refused(
                ["attribute", "1", "--unattributed", "--source", "1", "--quote", text],
                temporary,
                "a quote shows nothing"
            )
        }
        for recorder in [""] + Self.invisible {
            try Self.refused(["--as", recorder, "claim", "add", "By nobody"], temporary, "--as ")
        }
        #expect(try temporary.snapshot() == before)
        // An import says which record, and writes nothing either.
        let lines = try temporary.file("invisible.jsonl", #"{"type": "claim", "text": "\u200b\u200f"}"# + "\n")
        try Self.refused(["import", lines], temporary, "\(lines):1: a claim's text shows nothing")
        #expect(try temporary.snapshot() == before)
        // Marks inside visible text are kept as typed.
        try #require(Binary.run(["claim", "add", "Café\u{200E} is closed"], database: temporary.path).status == 0)
        let texts = try temporary.store.database.prepare("SELECT text FROM claim ORDER BY id").map { $0.string(0) }
        #expect(texts == ["Seen", "Café\u{200E} is closed"])
    }

    @Test("a topic, role, cue, outlet, author, explanation or recorded_by that shows nothing is refused")
    func invisibleDetails() throws {
        let (temporary, _) = try Self.storeWithClaim()
        try #require(Binary.run(["speaker", "add", "Ana"], database: temporary.path).status == 0)
        try #require(
            Binary.run(["attribute", "1", "--speaker", "Ana", "--source", "1"], database: temporary.path).status == 0
        )
        let before = try temporary.snapshot()
        for text in Self.invisible {
            for (arguments, message) in [
                (["claim", "add", "Other", "--topic", text], "a topic shows nothing"),
                (["claim", "edit", "1", "--topic", text], "a topic shows nothing"),
                (["speaker", "add", "Bo", "--role", text], "a role shows nothing"),
                (["speaker", "edit", "Ana", "--role", text], "a role shows nothing"),
                (["source", "add", "--title", "Other", "--outlet", text], "an outlet shows nothing"),
                (["source", "edit", "1", "--author", text], "an author shows nothing"),
                (["attribute", "1", "--unattributed", "--source", "1", "--cue", text], "a cue shows nothing"),
                (["attribution", "edit", "1", "--cue", text], "a cue shows nothing"),
                (
                    ["verdict", "1", "--rating", "False", "--by", "Desk", "--explanation", text],
                    "an explanation shows nothing"
                ),
            ] {
                try Self.refused(arguments, temporary, message)
            }
        }
        let escaped = "\\u200b\\u2060"
        for (record, message) in [
            (#"{"type": "claim", "text": "Other", "topic": "\#(escaped)"}"#, "a topic shows nothing"),
            (#"{"type": "speaker", "name": "Bo", "role": "\#(escaped)"}"#, "a role shows nothing"),
            (#"{"type": "source", "title": "Other", "author": "\#(escaped)"}"#, "an author shows nothing"),
            (
                #"{"type": "attribution", "claim": "Seen", "source": "Wire", "recorded_by": "\#(escaped)"}"#,
                "“recorded_by” shows nothing"
            ),
            (
                #"{"type": "attribution", "claim": "Seen", "source": "Wire", "recorded_by": " "}"#,
                "field “recorded_by” is blank"
            ),
        ] {
            let lines = try temporary.file("details.jsonl", record + "\n")
            try Self.refused(["import", lines], temporary, "\(lines):1: \(message)")
        }
        #expect(try temporary.snapshot() == before)
        // Over HTTP, the same store function refuses it.
        let desk = try DeskFixture()
        let server = try RunningServer(database: desk.path)
        let headers = desk.bearer("ed").merging(["Content-Type": "application/json"]) { $1 }
        let claim = try server.send(
            "POST",
            "/api/claims",
            headers: headers,
            body: #"{"text": "Other", "topic": "\u200b"}"#
        )
        #expect(claim.status == 400 && claim.body.contains("a topic shows nothing"), "\(claim.body)")
        #expect(server.stop() == 0)
        #expect(try desk.count("SELECT COUNT(*) FROM claim") == 1)
    }

    @Test("the server refuses a claim or quote that shows nothing, as the command line does")
    func invisibleTextOverHTTP() throws {
        let desk = try DeskFixture()
        let server = try RunningServer(database: desk.path)
        let headers = desk.bearer("ed").merging(["Content-Type": "application/json"]) { $1 }
        let claim = try server.send("POST", "/api/claims", headers: headers, body: #"{"text": "\u200b\ufeff"}"#)
        #expect(claim.status == 400, "\(claim.body)")
        #expect(claim.body.contains("a claim's text shows nothing"), "\(claim.body)")
        let attribution = try server.send(
            "POST",
            "/api/claims/1/attributions",
            headers: headers,
            body: #"{"source": "1", "quote": "\u200e"}"#
        )
        #expect(attribution.status == 400, "\(attribution.body)")
        #expect(attribution.body.contains("a quote shows nothing"), "\(attribution.body)")
        #expect(server.stop() == 0)
        #expect(try desk.count("SELECT COUNT(*) FROM claim") == 1)
        #expect(try desk.count("SELECT COUNT(*) FROM attribution") == 0)
    }

    @Test("a date still to come is refused for a publication, a statement and a verdict; a clock a little fast is not")
    func futureDates() throws {
        let (temporary, before) = try Self.storeWithClaim()
        try Self.refused(
            ["source", "add", "--title", "Later", "--published", "2099-01-01"],
            temporary,
            "published date 2099-01-01 is in the future"
        )
        try Self.refused(["source", "edit", "1", "--published", "2099-01-01"], temporary, "is in the future")
        try Self.refused(
            ["attribute", "1", "--unattributed", "--source", "1", "--date", "9999-12-31"],
            temporary,
            "date 9999-12-31 is in the future"
        )
        try Self.refused(
            ["verdict", "1", "--rating", "False", "--by", "Desk", "--date", "2099-01-01"],
            temporary,
            "verdict date 2099-01-01 is in the future"
        )
        let lines = try temporary.file(
            "future.jsonl",
            #"{"type": "attribution", "claim": "Seen", "source": "Wire", "date": "2099-01-01T00:00:00Z"}"# + "\n"
        )
        try Self.refused(["import", lines], temporary, "\(lines):1: date 2099-01-01T00:00:00Z is in the future")
        #expect(try temporary.snapshot() == before)

        let noon = try #require(ISO8601DateFormatter().date(from: "2026-01-01T12:00:00Z"))
        // A time a few minutes ahead is a fast clock; a date alone may be a day begun east of UTC.
        for accepted in ["2026-01-01T12:04:00Z", "2026-01-01T13:03:00+01:00", "2026-01-02", "1999-12-31"] {
            #expect(throws: Never.self) { try ISODate.validatePast(accepted, field: "date", now: noon) }
        }
        for refused in ["2026-01-01T12:06:00Z", "2026-01-03", "2026-01-02T03:00:00Z"] {
            #expect(throws: ClaimTrailError.self) { try ISODate.validatePast(refused, field: "date", now: noon) }
        }
    }

    @Test("a URL differing only in the case of its scheme or host is the same source; its path keeps its case")
    func urlCase() throws {
        let temporary = try TemporaryStore()
        let added = try Binary.run(
            ["source", "add", "--title", "Y", "--url", "HTTPS://User@EX.Org:8080/B1?Q=A#F"],
            database: temporary.path
        )
        try #require(added.status == 0, "\(added.stderr)")
        let before = try temporary.snapshot()
        try Self.refused(
            ["source", "add", "--title", "Y2", "--url", "https://User@ex.org:8080/B1?Q=A#F"],
            temporary,
            "is already recorded as #1"
        )
        #expect(try temporary.snapshot() == before)
        // A path in another case is another page.
        let other = try Binary.run(
            ["source", "add", "--title", "Y3", "--url", "https://ex.org:8080/b1"],
            database: temporary.path
        )
        #expect(other.status == 0, "\(other.stderr)")
        // An import finds the stored source under either spelling, and refers to it by URL.
        let lines = try temporary.file(
            "sources.jsonl",
            #"{"type": "source", "title": "Y", "url": "https://user@ex.org:8080/B1?Q=A#F"}"# + "\n"
                + #"{"type": "source", "title": "Y", "url": "hTTps://User@EX.ORG:8080/B1?Q=A#F"}"# + "\n"
                + #"{"type": "claim", "text": "Seen"}"# + "\n"
                + #"{"type": "attribution", "claim": "Seen", "source": "HTTPS://user@EX.ORG:8080/B1?Q=A#F"}"# + "\n"
        )
        let imported = try Binary.run(["import", lines], database: temporary.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        let urls = try temporary.store.database.prepare("SELECT url FROM source ORDER BY id").map { $0.string(0) }
        #expect(
            urls == [
                "https://User@ex.org:8080/B1?Q=A#F", "https://ex.org:8080/b1", "https://user@ex.org:8080/B1?Q=A#F",
            ]
        )
        let sources = try temporary.store.database.prepare("SELECT source_id FROM attribution").map { $0.int64(0) }
        #expect(sources == [3])
        #expect(SourceURL.normalized("Not a URL: HTTP://x") == "Not a URL: HTTP://x")
        #expect(SourceURL.normalized("urn:ISBN:0451450523") == "urn:ISBN:0451450523")
    }

    @Test("a verdict's score needs its scale; a ClaimReview without one takes schema.org's 1 to 5")
    func scoreWithoutScale() throws {
        let temporary = try TemporaryStore()
        try #require(Binary.run(["claim", "add", "Seen"], database: temporary.path).status == 0)
        let before = try temporary.snapshot()
        for scale in [[], ["--best", "5"], ["--worst", "1"]] {
            try Self.refused(
                ["verdict", "1", "--rating", "False", "--by", "Desk", "--score", "3"] + scale,
                temporary,
                "a verdict's score 3 needs its scale"
            )
        }
        let native = try temporary.file(
            "verdict.jsonl",
            #"{"type": "claim", "text": "Seen", "verdicts": [{"rating": "False", "reviewer": "Desk", "score": 3}]}"#
                + "\n"
        )
        try Self.refused(["import", native], temporary, "a verdict's score 3 needs its scale")
        #expect(try temporary.snapshot() == before)
        let review = try temporary.file(
            "review.json",
            #"{"@type": "ClaimReview", "claimReviewed": "Seen", "author": "Desk", "reviewRating": {"ratingValue": 2}}"#
        )
        let imported = try Binary.run(["import", review], database: temporary.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        let scale = try temporary.store.database.prepare("SELECT rating, score, best, worst FROM verdict").map {
            [$0.string(0), $0.string(1), $0.string(2), $0.string(3)]
        }
        #expect(scale == [["2", "2", "5", "1"]])
    }

    @Test("a blank topic or assignee filter is refused, not taken for no filter")
    func blankFilters() throws {
        let temporary = try TemporaryStore()
        try #require(Binary.run(["claim", "add", "Seen", "--topic", "ferries"], database: temporary.path).status == 0)
        for arguments in [
            ["queue", "--topic", ""], ["queue", "--topic", "\u{200B}"], ["queue", "--assignee", " "],
            ["contested", "--topic", " "], ["claim", "list", "--topic", ""],
        ] {
            try Self.refused(arguments, temporary, "to filter by ")
        }
        let listed = try Binary.run(["queue", "--topic", "FERRIES", "--format", "csv"], database: temporary.path)
        #expect(listed.status == 0)
        #expect(CSVParser.parse(listed.stdout).dropFirst().map { $0[1] } == ["Seen"])
    }

    @Test("a search rank just below zero shows as 0.00, not -0.00")
    func searchRankSign() throws {
        let hit = SearchHit(kind: .claim, id: 1, claimID: 1, match: "x", rank: -0.000_001)
        #expect(hit.cells.last == "0.00")
        #expect(SearchHit(kind: .claim, id: 1, claimID: 1, match: "x", rank: -1.234).cells.last == "-1.23")
    }
}
