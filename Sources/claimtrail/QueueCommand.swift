import ArgumentParser
import ClaimTrail

struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Open work: claims not yet published, most disputed and oldest first, with who holds them.",
        discussion: "Claims that are only proposals waiting for review are not listed; see `review list`."
    )

    @OptionGroup var store: StoreOptions
    @Flag(help: "Only the claims held by the recorder (--as, else $USER).") var mine = false
    @Option(help: "Only the claims held by this person.") var assignee: String?
    @Option(help: "Only claims with this status.") var status: String?
    @Option(help: "Only claims on this topic.") var topic: String?
    @Option(help: "At most this many claims; 0 for all.") var limit: Count = 50
    @Option(help: "table, csv or json.") var format: ReportFormat = .table
    @OptionGroup var table: TableOptions
    @OptionGroup var csv: CSVOptions

    func validate() throws {
        if mine && assignee != nil { throw ValidationError("give --mine or --assignee, not both") }
    }

    func run() throws {
        let queue = try store.read { opened in
            try opened.queue(
                QueueFilter(
                    assignee: mine ? store.recorder : assignee,
                    status: try status.map(opened.resolveStatus),
                    topic: topic,
                    limit: limit.rowLimit
                )
            )
        }
        try emit(try format.render(queue, width: table.width, cells: csv.cells))
    }
}
