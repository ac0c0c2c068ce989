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
    @Option(help: "At most this many claims; 0 for all.") var limit = 50
    @Option(help: "table, csv or json.") var format: ReportFormat = .table

    func validate() throws {
        if mine && assignee != nil { throw ValidationError("give --mine or --assignee, not both") }
        if limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        let opened = try store.open()
        let filter = QueueFilter(
            assignee: mine ? store.recorder : assignee,
            status: try status.map(opened.resolveStatus),
            topic: topic,
            limit: limit > 0 ? limit : nil
        )
        try emit(try format.render(try opened.queue(filter)))
    }
}
