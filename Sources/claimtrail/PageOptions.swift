import ArgumentParser
import ClaimTrail

/// The page a list command shows (`source list`, `claim list`, `speaker list`), and how it says
/// that a list was cut.
struct PageOptions: ParsableArguments {
    @Option(help: "At most this many rows; 0 for all.") var limit: Count = 100
    @Option(help: "Skip this many rows first.") var offset: Count = 0

    var page: Page { Page(limit: limit.rowLimit, offset: offset.value) }

    /// Prints a listing, and on stderr which rows it shows when it is not all of them.
    func show<Row: Tabular & Encodable>(
        _ listing: Listing<Row>,
        _ noun: String,
        format: ReportFormat,
        width: Int?
    ) throws {
        if listing.rows.isEmpty && format == .table {
            note(offset.value > 0 && listing.total > 0 ? "no \(noun) after the first \(offset.value)" : "no \(noun)")
            return
        }
        if listing.rows.count < listing.total {
            note(
                "showing \(noun) \(offset.value + 1)–\(offset.value + listing.rows.count) of \(listing.total); "
                    + "--limit 0 shows all, --offset N skips N"
            )
        }
        try emit(try format.render(listing.rows, width: width))
    }
}
