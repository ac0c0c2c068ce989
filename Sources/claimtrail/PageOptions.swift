import ArgumentParser
import ClaimTrail

/// The page a list command shows (`source list`, `claim list`, `speaker list`), and how it says
/// that a list was cut.
struct PageOptions: ParsableArguments {
    @Option(help: "At most this many rows; 0 for all.") var limit = 100
    @Option(help: "Skip this many rows first.") var offset = 0

    func validate() throws {
        guard limit >= 0, offset >= 0 else { throw ValidationError("--limit and --offset take 0 or more") }
    }

    var page: Page { Page(limit: limit > 0 ? limit : nil, offset: offset) }

    /// Prints a listing, and on stderr which rows it shows when it is not all of them.
    func show<Row: Tabular & Encodable>(
        _ listing: Listing<Row>,
        _ noun: String,
        format: ReportFormat,
        width: Int?
    ) throws {
        if listing.rows.isEmpty && format == .table {
            note(offset > 0 && listing.total > 0 ? "no \(noun) after the first \(offset)" : "no \(noun)")
            return
        }
        if listing.rows.count < listing.total {
            note(
                "showing \(noun) \(offset + 1)–\(offset + listing.rows.count) of \(listing.total); "
                    + "--limit 0 shows all, --offset N skips N"
            )
        }
        try emit(try format.render(listing.rows, width: width))
    }
}
