import ArgumentParser
import ClaimTrail

struct ImpactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impact",
        abstract: "What rests on a source, an attribution or a claim: what its retraction or correction touches.",
        discussion: """
            Lists its attributions, every attribution relayed from them downstream, the claims whose standing \
            changes without them (no longer contested, no first-hand source left, a single voice left) and the \
            verdicts on the claims they carry.
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case source, attribution, claim
    }

    @OptionGroup var store: StoreOptions
    @Argument(help: "source, attribution or claim.") var kind: Kind
    @Argument(help: "Its id (or a source's URL or title, a claim's text).") var reference: String
    @Option(help: "table or json.") var format: ReportFormat = .table

    func validate() throws {
        if format == .csv { throw ValidationError("impact is several lists: --format table or json") }
    }

    func run() throws {
        let impact = try store.read { opened in
            let subject: Impact.Subject
            switch kind {
            case .source: subject = .source(try opened.resolveSource(reference).id)
            case .attribution: subject = .attribution(try opened.resolveAttribution(reference))
            case .claim: subject = .claim(try opened.resolveClaim(reference).id)
            }
            return try opened.impact(of: subject)
        }
        try emit(format == .json ? try JSONReport.encode(impact) : ImpactReport.text(impact))
    }
}
