import Foundation
import Testing

@testable import ClaimTrail

/// What an import file from outside may hold: numbers too big for a field, keys given twice,
/// oversized ClaimReview fields, and paths that are not files at all. Each is one line of error,
/// through the real binary, and the store is left as it was.
@Suite("Import input from outside")
struct ImportInputTests {
    @Test(
        "a ClaimReview rating that is not a whole number that fits is an error naming the field",
        arguments: [
            "1e300", #""inf""#, "1.5e19", "-1e300", #""NaN""#, "99999999999999999999", #""-Infinity""#, "2.5",
            // Not numbers, or strings that only look like one: never read as a guess (tester, issue 15).
            "true", "false", #""0x10""#, #""3\u0000""#, "[3,4]", "[]", #"" 3""#, #""3 ""#, #""３""#, #""٣""#, #""""#,
            #""False""#, #""4.9999999999999999999""#, #""3.0""#,
        ]
    )
    func ratingThatDoesNotFit(_ value: String) throws {
        let temporary = try TemporaryStore()
        let before = try temporary.snapshot()
        let file = try temporary.file(
            "review.json",
            #"{"@type": "ClaimReview", "claimReviewed": "A claim", "author": "Desk", "#
                + #""reviewRating": {"ratingValue": \#(value)}}"#
        )
        let result = try Binary.run(["import", file], database: temporary.path)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: \(file): ClaimReview[0]: field “ratingValue” is "), "\(result.stderr)")
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        #expect(try temporary.snapshot() == before)
    }

    @Test("a whole rating, however written, is kept")
    func wholeRatings() throws {
        let temporary = try TemporaryStore()
        let reviews = [("3", "3"), (#""4""#, "4"), ("5.0", "5"), ("6e0", "6"), ("-1", "-1")].enumerated().map {
            index,
            value in
            #"{"@type": "ClaimReview", "claimReviewed": "Claim \#(index)", "author": "Desk", "#
                + #""reviewRating": {"ratingValue": \#(value.0), "bestRating": 10, "worstRating": -5, "#
                + #""alternateName": "Rated"}}"#
        }
        let file = try temporary.file("reviews.json", "[" + reviews.joined(separator: ",") + "]")
        let result = try Binary.run(["import", file], database: temporary.path)
        #expect(result.status == 0, "\(result.stderr)")
        let scores = try temporary.store.database.prepare("SELECT score FROM verdict ORDER BY claim_id").map {
            $0.text(0)
        }
        #expect(scores == ["3", "4", "5", "6", "-1"])
    }

    @Test("a verdict score in claimtrail's own format that does not fit is refused, naming the record")
    func scoreThatDoesNotFit() throws {
        let temporary = try TemporaryStore()
        let file = try temporary.file(
            "verdicts.jsonl",
            #"{"type": "claim", "text": "A claim", "#
                + #""verdicts": [{"rating": "False", "reviewer": "Desk", "score": 1.5e19}]}"#
        )
        let result = try Binary.run(["import", file], database: temporary.path)
        #expect(result.status == 1 && result.stderr.contains("\(file):1"), "\(result.stderr)")
        #expect(result.stderr.contains("“score”"))
        #expect(try temporary.count("claim") == 0)
    }

    @Test("a UTF-8 byte order mark at the start of a JSON or JSON Lines file is skipped")
    func byteOrderMark() throws {
        let temporary = try TemporaryStore()
        let document = try temporary.file("bom.json", "\u{FEFF}" + #"{"claims": [{"text": "From a document"}]}"#)
        let lines = try temporary.file("bom.jsonl", "\u{FEFF}" + #"{"type": "claim", "text": "From lines"}"# + "\n")
        for file in [document, lines] {
            let result = try Binary.run(["import", file], database: temporary.path)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let texts = try temporary.store.database.prepare("SELECT text FROM claim ORDER BY id").map { $0.string(0) }
        #expect(texts == ["From a document", "From lines"])
        // Only at the start: anywhere else it is not JSON.
        let inside = try temporary.file("inside.jsonl", #"{"type": "claim", "text": "Fine"}"# + "\n\u{FEFF}{}\n")
        let refused = try Binary.run(["import", inside], database: temporary.path)
        #expect(refused.status == 1 && refused.stderr.hasPrefix("Error: \(inside):2: malformed JSON"))
    }

    @Test("a claim, title or name beginning with NUL is refused with one line, not SQLite's check")
    func leadingNUL() throws {
        let temporary = try TemporaryStore()
        // An argument cannot hold a NUL, so it comes in through an import file's JSON escape.
        let cases = [
            (#"{"type": "claim", "text": "\u0000A claim"}"#, "a claim's text"),
            (#"{"type": "source", "title": " \u0000Title"}"#, "a source's title"),
            (#"{"type": "speaker", "name": "\u0000Name"}"#, "a speaker's name"),
        ]
        for (line, field) in cases {
            let file = try temporary.file("nul.jsonl", line + "\n")
            let result = try Binary.run(["import", file], database: temporary.path)
            #expect(result.status == 1, "\(line)")
            #expect(result.stderr == "Error: \(file):1: \(field) begins with a NUL character (U+0000); remove it\n")
        }
        #expect(try temporary.count("claim") + temporary.count("source") + temporary.count("speaker") == 0)
        // A NUL further in is kept, byte for byte.
        let inside = try temporary.file("inside.jsonl", #"{"type": "claim", "text": "A\u0000B"}"# + "\n")
        #expect(try Binary.run(["import", inside], database: temporary.path).status == 0)
        #expect(try temporary.store.database.prepare("SELECT text FROM claim").map { $0.string(0) } == ["A\u{0}B"])
    }

    @Test("a key given twice is refused with the file, the line and the key")
    func duplicateKey() throws {
        let temporary = try TemporaryStore()
        let document = try temporary.file(
            "twice.json",
            "{\"claims\": [\n  {\"text\": \"First wording\",\n   \"text\": \"Second wording\"}\n]}"
        )
        let lines = try temporary.file(
            "twice.jsonl",
            #"{"type": "claim", "text": "Fine"}"# + "\n"
                + #"{"type": "claim", "topic": "a", "topic": "b", "text": "x"}"#
        )
        for (file, line) in [(document, 3), (lines, 2)] {
            let result = try Binary.run(["import", file], database: temporary.path)
            #expect(result.status == 1)
            #expect(
                result.stderr.hasPrefix("Error: \(file):\(line): malformed JSON: duplicate key “"),
                "\(result.stderr)"
            )
        }
        #expect(try temporary.count("claim") == 0)
    }

    @Test("ClaimReview fields obey the 1 MiB limit of every imported field, at any depth")
    func claimReviewFieldLimit() throws {
        let temporary = try TemporaryStore()
        let long = String(repeating: "é", count: ImportRecord.fieldLimit / 2 + 1)
        let cases = [
            ("claimReviewed", #""claimReviewed": "\#(long)", "author": "Desk""#),
            (
                "itemReviewed.author.name",
                #""claimReviewed": "C", "author": "Desk", "itemReviewed": {"author": {"name": "\#(long)"}}"#
            ),
        ]
        for (field, body) in cases {
            let file = try temporary.file(
                "big.json",
                #"{"@type": "ClaimReview", \#(body), "reviewRating": {"alternateName": "False"}}"#
            )
            let result = try Binary.run(["import", file], database: temporary.path)
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("Error: \(file): ClaimReview[0]: field “\(field)” is "), "\(result.stderr)")
        }
        #expect(try temporary.count("claim") == 0)
    }

    @Test("an import or article that is not a regular file is refused before it is read")
    func notRegularFiles() throws {
        let temporary = try TemporaryStore()
        let fifo = temporary.directory.appendingPathComponent("pipe.jsonl").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for path in ["/dev/zero", fifo] {
            for arguments in [["import", path], ["import", path, "--layout", "document"], ["extract", path]] {
                let result = try Binary.run(arguments, database: temporary.path)
                #expect(
                    result.status == 1
                        && result.stderr == "Error: \(path): not a regular file (a device, FIFO or socket)\n",
                    "\(arguments): \(result.stderr)"
                )
            }
        }
        let directory = try Binary.run(["extract", temporary.directory.path], database: temporary.path)
        #expect(directory.stderr == "Error: \(temporary.directory.path): is a directory, not a file\n")
    }
}
