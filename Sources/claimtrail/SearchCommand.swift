import ArgumentParser
import ClaimTrail

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search over claims, quotes, speakers and sources (titles and bodies), best match first.",
        discussion: """
            Every word must appear, in any case, accents ignored, English endings stemmed (magnetometer finds \
            magnetometers). In a table, matches are shown between « and »; CSV and JSON give the text as stored.
            A common word's hits are ranked among the newest 1000 matches of each kind (claims, quotes, \
            speakers, sources), and a note says so; --limit 0 ranks every match.
            With --raw, the query is FTS5's syntax: AND, OR, NOT, NEAR(a b), "a phrase", harb* (a prefix), and \
            column:words, which searches only the kinds with that column (claims: text; quotes: quote, cue; \
            speakers: name, aliases; sources: title, body); one query names the columns of one kind.
            """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "The words to find.") var query: [String]
    @Option(help: "At most this many results; 0 for all.") var limit: Count = 20
    @Option(help: "Skip this many of the best results first, for the next page.") var offset: Count = 0
    @Flag(help: "Use SQLite FTS5 query syntax (OR, NEAR, prefix*, column:words) as typed.") var raw = false
    @Option(help: "table, csv or json.") var format: ReportFormat = .table
    @OptionGroup var table: TableOptions
    @OptionGroup var csv: CSVOptions

    func run() throws {
        let markers: SearchMarkers = format == .table ? .guillemets : .none
        let words = query.joined(separator: " ")
        let (hits, capped) = try store.read {
            (
                try $0.search(words, limit: limit.rowLimit, offset: offset.value, raw: raw, markers: markers),
                try $0.searchCapNote(words, limit: limit.rowLimit, offset: offset.value, raw: raw)
            )
        }
        if hits.isEmpty && format == .table {
            note(offset.value > 0 ? "no matches after the first \(offset.value)" : "no matches")
            return
        }
        try emit(try format.render(hits, width: table.width, cells: csv.cells))
        if let capped { note(capped + ", --limit 0 ranks all") }
    }
}
