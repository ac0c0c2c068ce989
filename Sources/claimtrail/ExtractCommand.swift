import ArgumentParser
import ClaimTrail

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Propose attributions (speaker, cue, content) from a plain-text article.",
        discussion: """
            Offline and rule-based. Without --propose or --apply it only prints the proposals. With --propose \
            it records them against --source as proposals, which count for nothing until accepted with \
            `review accept` (see `review list`); a text already proposed for that source is not proposed \
            again, accepted or rejected. --apply proposes and accepts them all at once, each content as a \
            claim, each speaker found or created. With --gold it prints precision and recall against \
            annotated relations instead.
            """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "A UTF-8 plain-text article, or - to read it from standard input.") var file: String
    @Option(help: "The source (id, URL or title) the article is, for --propose or --apply.") var source: String?
    @Option(help: "table, csv or json.") var format: ReportFormat = .table
    @OptionGroup var table: TableOptions
    @OptionGroup var csv: CSVOptions
    @Flag(help: "Record the proposals in the store, for review.") var propose = false
    @Flag(help: "Record the proposals and accept them all.") var apply = false
    @Option(help: "A gold file of annotated relations: print precision and recall.") var gold: String?

    func validate() throws {
        if propose && apply { throw ValidationError("give --propose or --apply, not both") }
        if (propose || apply) && source == nil {
            throw ValidationError("--\(apply ? "apply" : "propose") needs --source")
        }
    }

    func run() throws {
        let text = file == "-" ? try TextFile.readStandardInput() : try TextFile.read(atPath: file)
        let proposals = AttributionExtractor().extract(from: text)
        if let gold {
            let evaluation = ExtractionEvaluation.evaluate(
                predicted: proposals,
                gold: try ExtractionEvaluation.gold(atPath: gold)
            )
            switch format {
            case .table: try emit(ExtractionReport.table(evaluation, width: table.width))
            case .csv: try emit(ExtractionReport.csv(evaluation))
            case .json: try emit(try JSONReport.encode(evaluation))
            }
            return
        }
        if propose || apply, let source {
            let opened = try store.open()
            let summary = try opened.write {
                let summary = try ExtractionRecorder(store: opened, recordedBy: store.recorder).propose(
                    proposals,
                    source: try opened.resolveSource(source).id
                )
                if apply {
                    let review = ProposalReview(store: opened, reviewer: store.recorder)
                    for id in summary.proposed { try review.accept(id) }
                }
                return summary
            }
            let skipped =
                summary.alreadyKnown > 0 ? ", \(summary.alreadyKnown) proposed or recorded before and skipped" : ""
            note(
                "\(apply ? "recorded" : "proposed") \(summary.proposed.count) attributions"
                    + " (\(summary.newClaims) new claims\(skipped))"
                    + (apply ? "" : "; see `claimtrail review list`")
            )
        }
        try emit(try format.render(proposals, width: table.width, cells: csv.cells))
    }
}
