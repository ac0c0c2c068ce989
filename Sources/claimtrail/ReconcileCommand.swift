import ArgumentParser
import ClaimTrail

extension SpeakerCommand {
    /// `speaker reconcile`: propose Wikidata links from a file, list them, accept or reject them.
    struct Reconcile: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reconcile",
            abstract: "Propose Wikidata links from a file of names and items; review, accept or reject them.",
            discussion: """
                FILE is CSV with the header name,qid or name,qid,description, or JSON Lines (.jsonl) of \
                {"name", "qid", "description"}. Names are matched against speakers' names and aliases; each \
                match is proposed, not applied. --list shows the open proposals; --accept ID… links them; \
                --reject ID… declines them for good. Nothing is fetched over the network.
                """
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The reconciliation file.") var file: String?
        @Flag(help: "List the proposals waiting for a decision.") var list = false
        @Option(parsing: .upToNextOption, help: "Accept these proposals (ids).") var accept: [Int64] = []
        @Option(parsing: .upToNextOption, help: "Reject these proposals (ids).") var reject: [Int64] = []
        @Option(help: "table, csv or json.") var format: ReportFormat = .table
        @OptionGroup var table: TableOptions
        @OptionGroup var csv: CSVOptions

        func validate() throws {
            let actions = [file != nil, list, !accept.isEmpty, !reject.isEmpty].filter { $0 }.count
            guard actions == 1 else {
                throw ValidationError("give one of FILE, --list, --accept ID… or --reject ID…")
            }
        }

        func run() throws {
            if list {
                let proposals = try store.open().openLinkProposals()
                if proposals.isEmpty && format == .table { return note("no link proposals") }
                return try emit(format.render(proposals, width: table.width, cells: csv.cells))
            }
            let opened = try store.open()
            if let file {
                let entries = try ReconciliationFile.read(atPath: file)
                let proposals = try opened.write { try opened.proposeLinks(entries, by: store.recorder) }
                note("\(proposals.count) link(s) proposed; accept with `claimtrail speaker reconcile --accept ID…`")
                if !proposals.isEmpty { try emit(format.render(proposals, width: table.width, cells: csv.cells)) }
            } else if !accept.isEmpty {
                try opened.write { try opened.acceptLinkProposals(accept, by: store.recorder) }
                try emitLine("accepted \(accept.map { "#\($0)" }.joined(separator: ", "))")
            } else {
                try opened.write { try opened.rejectLinkProposals(reject, by: store.recorder) }
                try emitLine("rejected \(reject.map { "#\($0)" }.joined(separator: ", "))")
            }
        }
    }
}
