import ArgumentParser
import ClaimTrail

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the provenance report: one CSV row per attribution (RFC 4180, UTF-8, header row).")

    enum Format: String, ExpressibleByArgument { case csv }

    @OptionGroup var store: StoreOptions
    @Option(help: "csv.") var format: Format = .csv
    @Option(help: "Only this claim (id or text).") var claim: String?
    @Option(help: "Write to this file instead of stdout; it appears only once complete.") var out: String?

    func run() throws {
        let opened = try store.open()
        let scope: ProvenanceQuery.Scope = try claim.map { .claim(try opened.resolveClaim($0).id) } ?? .all
        let output = try out.map(TextOutput.file(atPath:)) ?? .standardOutput()
        let rows = try ProvenanceReport.writeCSV(from: opened, scope: scope, to: output)
        try output.close()
        if let out { note("wrote \(rows) attributions to \(out)") }
    }
}
