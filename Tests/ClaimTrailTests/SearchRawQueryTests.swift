import Foundation
import Testing

@testable import ClaimTrail

/// `search --raw`: a column filter searches the kinds that have the column (each kind has its own),
/// and a query FTS5 cannot read is refused in claimtrail's words, not SQLite's.
@Suite("search --raw")
struct SearchRawQueryTests {
    /// The word "missile" in a claim, a quote, a speaker's name and a source's title.
    private static func store() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        for arguments in [
            ["source", "add", "--title", "Missile report"],
            ["claim", "add", "The missile hit the depot"],
            [
                "attribute", "1", "--source", "1", "--speaker", "Missile agency", "--new-speaker", "--quote",
                "A missile",
            ],
        ] {
            let result = try Binary.run(arguments, database: temporary.path)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        return temporary
    }

    private static func kinds(_ temporary: TemporaryStore, _ query: String) throws -> [String] {
        let result = try Binary.run(["search", "--raw", query, "--format", "csv"], database: temporary.path)
        #expect(result.status == 0, "\(query): \(result.stderr)")
        return CSVParser.parseWithHeader(result.stdout).map { "\($0["kind"] ?? "") \($0["id"] ?? "")" }.sorted()
    }

    @Test("a column filter searches only the kinds with that column")
    func columnFilters() throws {
        let temporary = try Self.store()
        #expect(try Self.kinds(temporary, "missile") == ["claim 1", "quote 1", "source 1", "speaker 1"])
        #expect(try Self.kinds(temporary, "text:missile") == ["claim 1"])
        #expect(try Self.kinds(temporary, "quote:missile") == ["quote 1"])
        #expect(try Self.kinds(temporary, "name:missile") == ["speaker 1"])
        #expect(try Self.kinds(temporary, "{quote cue}:missile") == ["quote 1"])
        #expect(try Self.kinds(temporary, "title:missile OR title:report") == ["source 1"])
        #expect(try Self.kinds(temporary, "missil*") == ["claim 1", "quote 1", "source 1", "speaker 1"])
    }

    @Test("a query FTS5 cannot read is one line in claimtrail's words; the help lists the columns")
    func refusals() throws {
        let temporary = try Self.store()
        let column = try Binary.run(["search", "--raw", "headline:missile"], database: temporary.path)
        #expect(column.status == 1 && column.stdout.isEmpty)
        #expect(
            column.stderr
                == "Error: no kind of record has the column “headline” to search in (claims: text; quotes: quote, "
                + "cue; speakers: name, aliases; sources: title, body)\n",
            "\(column.stderr)"
        )
        // FTS5 refuses a query naming columns of two kinds in every index: said so, not "no such column".
        let mixed = try Binary.run(["search", "--raw", "title:missile OR text:depot"], database: temporary.path)
        #expect(mixed.status == 1)
        #expect(mixed.stderr.hasPrefix("Error: the query names columns of different kinds"), "\(mixed.stderr)")
        for (query, words) in [
            ("*", "a * must end a word"), ("missile AND", "it ends where more was expected"),
            ("missile ) depot", "it cannot be read at"), ("\"missile depot", "a double quote is not closed"),
        ] {
            let result = try Binary.run(["search", "--raw", query], database: temporary.path)
            #expect(result.status == 1, "\(query)")
            #expect(result.stderr.hasPrefix("Error: the search query is not FTS5 syntax: \(words)"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(!result.stderr.contains("fts5") && !result.stderr.contains("special query"), "\(result.stderr)")
        }
        let help = try Binary.run(["search", "--help"], database: temporary.path).stdout
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("claims: text; quotes: quote, cue; speakers: name, aliases; sources: title, body"))
    }
}
