import ArgumentParser
import ClaimTrail

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Propose attributions (speaker, cue, content) from a plain-text article.",
        discussion: """
            Offline and rule-based. Without --apply it only prints the proposals; with --apply it records \
            them against --source, each content as a claim, each speaker found or created. With --gold it \
            prints precision and recall against annotated relations instead.
            """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "A UTF-8 plain-text article, or - to read it from standard input.") var file: String
    @Option(help: "The source (id, URL or title) the article is, for --apply.") var source: String?
    @Option(help: "table, csv or json.") var format: ReportFormat = .table
    @OptionGroup var table: TableOptions
    @OptionGroup var csv: CSVOptions
    @Flag(help: "Record the proposals in the store.") var apply = false
    @Option(help: "A gold file of annotated relations: print precision and recall.") var gold: String?

    func validate() throws {
        if apply && source == nil { throw ValidationError("--apply needs --source") }
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
        if apply, let source {
            let opened = try store.open()
            let summary = try opened.write {
                try ExtractionRecorder(store: opened, recordedBy: store.recorder).record(
                    proposals,
                    source: try opened.resolveSource(source).id
                )
            }
            note(
                "recorded \(summary.attributions) attributions (\(summary.claims) new claims, \(summary.speakers) new speakers)"
            )
        }
        try emit(try format.render(proposals, width: table.width, cells: csv.cells))
    }
}
