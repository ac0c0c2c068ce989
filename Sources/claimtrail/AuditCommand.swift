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
            With --draft FILE, audits a story before publication: the extractor reads the draft, nothing is \
            recorded, and each claim found is matched to the closest stored claims; a match contested in the \
            store is flagged with who disputes it, its counter-claims and verdicts (table, json or html).
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var past: PastOptions
    @Argument(help: "The source's id, URL or title.") var source: String?
    @Flag(help: "Rank every source by its share of anonymous and unattributed attributions.") var all = false
    @Option(help: "A plain-text draft to audit before publication; nothing is recorded.") var draft: String?
    @Option(help: "table, csv (one row per attribution, or per source with --all), json, or html with --draft.")
    var format: AuditFormat = .table
    @OptionGroup var table: TableOptions
    @OptionGroup var csv: CSVOptions

    enum AuditFormat: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, html
        var report: ReportFormat { ReportFormat(rawValue: rawValue) ?? .table }
    }

    func validate() throws {
        guard [source != nil, all, draft != nil].filter({ $0 }).count == 1 else {
            throw ValidationError("give a SOURCE, --all or --draft FILE")
        }
        if format == .html && draft == nil { throw ValidationError("--format html is for --draft") }
        if format == .csv && draft != nil { throw ValidationError("--draft takes --format table, json or html") }
    }

    func run() throws {
        if let draft {
            let text = try TextFile.read(atPath: draft)
            let audit = try store.read(past) { try $0.auditDraft(text) }
            switch format {
            case .json: try emit(try JSONReport.encode(audit))
            case .html: try emit(DraftAuditReport.html(audit))
            case .table, .csv: try emit(DraftAuditReport.table(audit, width: table.width))
            }
            return
        }
        let format = format.report
        guard let source else {
            let ranking = try store.read(past) { try $0.auditAll() }
            try emit(try format.render(ranking, width: table.width, cells: csv.cells))
            return
        }
        let audit = try store.read(past) { try $0.audit(source: source) }
        switch format {
        case .json: try emit(try JSONReport.encode(audit))
        case .csv: try emit(try format.render(audit.rows, cells: csv.cells))
        case .table: try emit(AuditReport.table(audit, width: table.width))
        }
    }
}
