import ArgumentParser
import ClaimTrail

struct ContestedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contested",
        abstract: "List contested claims, most disputed first.",
        discussion: """
            A claim is contested when a counter-claim contradicts it, or when it is both asserted and \
            denied. Ranked by disputing voices, then counter-claims, then asserting voices, then sources.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var past: PastOptions
    @Option(help: "Only claims with this topic.") var topic: String?
    @Option(help: "Only claims with this status (its name or the desk's label).") var status: String?
    @Option(help: "Only claims this person holds (any case).") var assignee: String?
    @Option(help: "At most this many claims; 0 for all.") var limit: Count = 50
    @Option(help: "table, csv or json.") var format: ReportFormat = .table
    @OptionGroup var table: TableOptions
    @OptionGroup var csv: CSVOptions

    func run() throws {
        let claims = try store.read(past) { store in
            try store.contestedClaims(
                topic: topic,
                status: try status.map(store.resolveStatus),
                assignee: assignee,
                limit: limit.rowLimit
            )
        }
        if claims.isEmpty && format == .table {
            note("no contested claims")
            return
        }
        try emit(try format.render(claims, width: table.width, cells: csv.cells))
    }
}
