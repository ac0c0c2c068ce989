import ArgumentParser
import ClaimTrail

struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Show the provenance of a claim, or everything a speaker said.",
        subcommands: [ClaimTrace.self, SpeakerTrace.self]
    )

    struct ClaimTrace: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "claim",
            abstract: "Who said a claim, where and when, through whom, and who disputes it."
        )

        @OptionGroup var store: StoreOptions
        @OptionGroup var past: PastOptions
        @Argument(help: "The claim's id or text.") var claim: String
        @Option(help: "table, csv (one row per attribution, counter-claims included) or json.")
        var format: ReportFormat = .table
        @OptionGroup var table: TableOptions
        @OptionGroup var csv: CSVOptions
        @Option(help: "At most this many attributions per claim, the earliest; 0 for all.") var limit: Count = 200
        @Flag(help: "Also show proposals waiting for review, marked as proposed (table and json).")
        var includeProposed = false

        func validate() throws {
            if includeProposed && format == .csv { throw ValidationError("--include-proposed is for table and json") }
        }

        func run() throws {
            try store.read(past) { opened in
                guard format != .csv else {
                    return try streamCSV(
                        try opened.claimTraceRows(claim),
                        from: opened,
                        limit: limit.rowLimit,
                        cells: csv.cells
                    )
                }
                let output = TextOutput.standardOutput()
                if format == .table {
                    try TraceReport.writeTable(
                        claim: claim,
                        from: opened,
                        limit: limit.rowLimit,
                        includeProposed: includeProposed,
                        width: table.width,
                        announce: noteIfCut,
                        to: output
                    )
                } else {
                    try TraceReport.writeJSON(
                        claim: claim,
                        from: opened,
                        limit: limit.rowLimit,
                        includeProposed: includeProposed,
                        announce: noteIfCut,
                        to: output
                    )
                }
                try output.close()
            }
        }
    }

    struct SpeakerTrace: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "speaker",
            abstract: "Every claim a speaker is recorded as making or disputing."
        )

        @OptionGroup var store: StoreOptions
        @OptionGroup var past: PastOptions
        @Argument(help: "The speaker's id, name or alias.") var speaker: String
        @Option(help: "table, csv or json.") var format: ReportFormat = .table
        @OptionGroup var table: TableOptions
        @OptionGroup var csv: CSVOptions
        @Option(help: "At most this many attributions, the earliest; 0 for all.") var limit: Count = 200

        func run() throws {
            try store.read(past) { opened in
                guard format != .csv else {
                    return try streamCSV(
                        try opened.speakerTraceRows(speaker),
                        from: opened,
                        limit: limit.rowLimit,
                        cells: csv.cells
                    )
                }
                let output = TextOutput.standardOutput()
                if format == .table {
                    try TraceReport.writeTable(
                        speaker: speaker,
                        from: opened,
                        limit: limit.rowLimit,
                        width: table.width,
                        announce: noteIfCut,
                        to: output
                    )
                } else {
                    try TraceReport.writeJSON(
                        speaker: speaker,
                        from: opened,
                        limit: limit.rowLimit,
                        announce: noteIfCut,
                        to: output
                    )
                }
                try output.close()
            }
        }
    }
}

/// Writes a trace as CSV row by row: with --limit 0 the busiest claim's whole timeline is a
/// million rows at 10M attributions, too many to build in memory first (the table and JSON
/// forms stream too, through `TraceReport`).
private func streamCSV(
    _ rows: (scope: ProvenanceQuery.Scope, total: Int),
    from store: ClaimStore,
    limit: Int?,
    cells: CSV.Cells
) throws {
    noteIfCut(shown: limit.map { min($0, rows.total) } ?? rows.total, of: rows.total)
    let output = TextOutput.standardOutput()
    try ProvenanceReport.writeCSV(from: store, scope: rows.scope, limit: limit, cells: cells, to: output)
    try output.close()
}

/// Says on stderr that a trace shows only its first page, so nobody mistakes it for the whole story.
private func noteIfCut(shown: Int, of total: Int) {
    if shown < total { note("showing the first \(shown) of \(total) attributions; --limit 0 shows all") }
}
