import ArgumentParser
import ClaimTrail

struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "Check direct quotes against their sources' bodies, and how quotes drift along relays.",
        subcommands: [Verify.self, Drift.self]
    )

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Classify each direct quote: verbatim, altered (with a word diff), not_found or no_body.",
            discussion: """
                verbatim: found as written once quotes, dashes and spaces are folded. altered: the closest \
                passage shares at least 60% of the quote's words; the diff lists the words added, dropped or \
                changed. A body changed since its quotes were found (its SHA-256 differs) has them looked for \
                again, and those rows say relocated.
                """
        )

        @OptionGroup var store: StoreOptions
        @Option(help: "Only quotes in this source (id, uid, URL or title).") var source: String?
        @Option(help: "Only quotes of this claim (id, uid or text).") var claim: String?
        @Flag(help: "Look for every quote again, trusting no kept location.") var relocate = false
        @Option(help: "table, csv or json.") var format: ReportFormat = .table
        @OptionGroup var table: TableOptions
        @OptionGroup var csv: CSVOptions

        func run() throws {
            let opened = try store.open()
            let scope = try opened.read {
                QuoteVerification.Scope(
                    sourceID: try source.map { try opened.resolveSource($0).id },
                    claimID: try claim.map { try opened.resolveClaim($0).id }
                )
            }
            let checks = try QuoteVerification(store: opened).verify(scope, searchingAgain: relocate)
            try emit(try format.render(checks, width: table.width, cells: csv.cells))
            let counts = QuoteStatus.allCases.map { status in
                "\(checks.filter { $0.status == status }.count) \(status.rawValue)"
            }
            note("\(checks.count) direct quotes: \(counts.joined(separator: ", "))")
            let relocated = checks.filter(\.relocated).count
            if relocated > 0 { note("\(relocated) re-located: their source's body changed since they were found") }
        }
    }

    struct Drift: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "drift",
            abstract: "For each relayed quote, the words dropped, added or changed at each hop of its via chain."
        )

        @OptionGroup var store: StoreOptions
        @Option(help: "Only relays in this source (id, uid, URL or title).") var source: String?
        @Option(help: "Only relays of this claim (id, uid or text).") var claim: String?
        @Option(help: "text (one line per relay), table, csv or json.") var format: DriftFormat = .text
        @OptionGroup var table: TableOptions
        @OptionGroup var csv: CSVOptions

        enum DriftFormat: String, ExpressibleByArgument, CaseIterable {
            case text, table, csv, json
        }

        func run() throws {
            let drifts = try store.read { opened in
                try opened.quoteDrift(
                    claimID: try claim.map { try opened.resolveClaim($0).id },
                    sourceID: try source.map { try opened.resolveSource($0).id }
                )
            }
            guard let report = ReportFormat(rawValue: format.rawValue) else {
                try emit(drifts.map { TerminalText.line($0.line) + "\n" }.joined())
                return
            }
            try emit(try report.render(drifts, width: table.width, cells: csv.cells))
        }
    }
}
