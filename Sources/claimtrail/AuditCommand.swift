import ArgumentParser
import ClaimTrail

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show how an article is sourced, or rank all sources by anonymous and unattributed claims.",
        discussion: """
            For one source: attributions by kind of speaker (named person, named organisation or government, \
            anonymous, unattributed or hedged with "reportedly"), claims resting on one voice, claims contested \
            elsewhere, and relayed attributions with whether their primary source is in the store.
            """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "The source's id, URL or title.") var source: String?
    @Flag(help: "Rank every source by its share of anonymous and unattributed attributions.") var all = false
    @Option(help: "table, csv (one row per attribution, or per source with --all) or json.") var format: ReportFormat =
        .table
    @OptionGroup var table: TableOptions
    @OptionGroup var csv: CSVOptions

    func validate() throws {
        guard (source == nil) == all else { throw ValidationError("give a SOURCE, or --all") }
    }

    func run() throws {
        guard let source else {
            try emit(try format.render(try store.read { try $0.auditAll() }, width: table.width, cells: csv.cells))
            return
        }
        let audit = try store.read { try $0.audit(source: source) }
        switch format {
        case .json: try emit(try JSONReport.encode(audit))
        case .csv: try emit(try format.render(audit.rows, cells: csv.cells))
        case .table: try emit(AuditReport.table(audit, width: table.width))
        }
    }
}
