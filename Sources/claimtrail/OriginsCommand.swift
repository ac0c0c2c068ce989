import ArgumentParser
import ClaimTrail

struct OriginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "origins",
        abstract: "A claim's independent first-hand statements, each with the relays made from it, as a tree.",
        discussion: """
            An origin is an attribution relayed through no other (no --via); every relay hangs from the origin \
            its via chain reaches back to, so a relay of a relay counts once. Origins with the same speaker, day \
            and quote in different sources are flagged as likely one origin, not merged. A relay chain that \
            comes back to a source it passed through is reported as circular citation.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var past: PastOptions
    @Argument(help: "The claim's id, uid or text.") var claim: String
    @Option(help: "table (a tree) or json.") var format: ReportFormat = .table
    @Option(help: "At most this many origins, the earliest, each with all its relays; 0 for all.")
    var limit: Count = 50

    func validate() throws {
        if format == .csv { throw ValidationError("origins is a tree: --format table or json") }
    }

    func run() throws {
        let origins = try store.read(past) { try $0.origins(of: claim, limit: limit.rowLimit) }
        if origins.origins.count < origins.independentOrigins {
            note(
                "showing the first \(origins.origins.count) of \(origins.independentOrigins) origins; "
                    + "--limit 0 shows all"
            )
        }
        for circle in origins.circularCitations { note(circle.line) }
        try emit(format == .json ? try JSONReport.encode(origins) : OriginsReport.text(origins))
    }
}
