import ArgumentParser
import ClaimTrail

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a provenance report or an interchange file.",
        discussion: """
            csv          one row per attribution (RFC 4180, UTF-8, header row), streamed
            json         claimtrail's interchange document; `import` reads it back losslessly
            jsonl        the same records as JSON Lines, one per line, streamed (whole store only)
            prov-json    W3C PROV-JSON: sources and claims as entities, speakers as agents
            claimreview  schema.org ClaimReview JSON-LD for claims that carry a verdict
            html         one self-contained page (default: the contested claims)
            dot          the attribution graph for Graphviz (`dot -Tsvg`)
            With --claim, csv covers that claim alone; the other formats add the claims it is
            linked to (counter-claims, supports), so that the links travel with it.
            csv --per claim writes one row per claim instead: status, assignee, verdicts, voices,
            sources, first and last seen (the editor's weekly sheet).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json, jsonl
        case provJSON = "prov-json"
        case claimreview, html, dot
    }

    @OptionGroup var store: StoreOptions
    @OptionGroup var past: PastOptions
    @Option(help: "csv, json, jsonl, prov-json, claimreview, html or dot.") var format: Format = .csv
    @Option(help: "Only this claim (id or text) and the claims linked to it.") var claim: String?
    @Flag(help: "Only contested claims (the default for html).") var contested = false
    @Option(help: "Write to this file instead of stdout; it appears only once complete.") var out: String?
    @OptionGroup var csv: CSVOptions
    @Option(help: "csv rows: attribution (the default) or claim.") var per: Row = .attribution
    @OptionGroup var progress: ProgressOptions

    enum Row: String, ExpressibleByArgument, CaseIterable {
        case attribution, claim
    }

    func validate() throws {
        if per == .claim && format != .csv { throw ValidationError("--per claim is for --format csv") }
        if claim != nil && contested {
            throw ValidationError("--claim and --contested each choose the claims; give one of them")
        }
        if format == .jsonl && (claim != nil || contested) {
            throw ValidationError("--format jsonl writes the whole store; leave out --claim and --contested")
        }
    }

    func run() throws {
        let rows = try store.read(past) { opened in
            let output = try out.map { try TextOutput.file(atPath: $0, protecting: opened.path) } ?? .standardOutput()
            let rows = try write(from: opened, to: output)
            try output.close()
            return rows
        }
        // Said only once the file is complete and in place.
        if let out, let rows { note("wrote \(rows.count) \(rows.noun) to \(out)") }
    }

    /// Writes the report in `format`; for CSV, returns how many rows it holds, and of what.
    private func write(from opened: ClaimStore, to output: TextOutput) throws -> (count: Int, noun: String)? {
        let claimID = try claim.map { try opened.resolveClaim($0).id }
        let scope: ClaimScope = claimID.map { .claim($0) } ?? (contested || format == .html ? .contested : .all)
        switch format {
        case .csv where per == .claim:
            let ids = try claimID.map { [$0] } ?? opened.claimIDs(in: scope)
            return (try ClaimSheet.writeCSV(from: opened, claims: ids, cells: csv.cells, to: output), "claims")
        case .csv:
            let scope = try rowScope(claimID, store: opened)
            return (
                try ProvenanceReport.writeCSV(from: opened, scope: scope, cells: csv.cells, to: output), "attributions"
            )
        case .json: try InterchangeDocument.write(from: opened, scope: scope, to: output)
        case .jsonl:
            let lines = try InterchangeLines.write(
                from: opened,
                to: output,
                progress: progress.line(counting: "attributions")
            )
            return (lines, "records")
        case .provJSON: try ProvDocument.write(from: opened, scope: scope, to: output.write)
        case .claimreview: try ClaimReviewDocument.write(from: opened, scope: scope, to: output.write)
        case .html: try HTMLReport.write(from: opened, scope: scope, to: output.write)
        case .dot: try DOTGraph.write(from: opened, scope: scope, to: output.write)
        }
        return nil
    }

    /// CSV rows: one claim's, the contested claims', or all.
    private func rowScope(_ claimID: Int64?, store: ClaimStore) throws -> ProvenanceQuery.Scope {
        if let claimID { return .claim(claimID) }
        return contested ? .claims(try store.claimIDs(in: .contested)) : .all
    }
}
