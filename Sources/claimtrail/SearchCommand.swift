import ArgumentParser
import ClaimTrail

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search over claims, quotes, speakers and source titles, best match first.",
        discussion: "Every word must appear, in any case, accents ignored. Matches are shown between « and »."
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "The words to find.") var query: [String]
    @Option(help: "At most this many results; 0 for all.") var limit: Count = 20
    @Flag(help: "Use SQLite FTS5 query syntax (OR, NEAR, prefix*) as typed.") var raw = false
    @Option(help: "table, csv or json.") var format: ReportFormat = .table
    @OptionGroup var table: TableOptions
    @OptionGroup var csv: CSVOptions

    func run() throws {
        let hits = try store.read { try $0.search(query.joined(separator: " "), limit: limit.rowLimit, raw: raw) }
        if hits.isEmpty && format == .table {
            note("no matches")
            return
        }
        try emit(try format.render(hits, width: table.width, cells: csv.cells))
    }
}
