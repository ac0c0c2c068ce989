import ArgumentParser
import ClaimTrail

struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace", abstract: "Show the provenance of a claim, or everything a speaker said.",
        subcommands: [ClaimTrace.self, SpeakerTrace.self])

    struct ClaimTrace: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "claim",
            abstract: "Who said a claim, where and when, through whom, and who disputes it.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The claim's id or text.") var claim: String
        @Option(help: "table, csv (one row per attribution, counter-claims included) or json.")
        var format: ReportFormat = .table
        @Option(help: "At most this many attributions per claim, the earliest; 0 for all.") var limit = 200

        func run() throws {
            let trace = try store.open().traceClaim(claim, limit: limit > 0 ? limit : nil)
            noteIfCut(shown: trace.timeline.count, of: trace.totalAttributions)
            switch format {
            case .table: try emit(TraceReport.table(trace))
            case .json: try emit(try JSONReport.encode(trace))
            case .csv: try emit(try format.render(trace.timeline + trace.counterClaims.flatMap(\.attributions)))
            }
        }
    }

    struct SpeakerTrace: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "speaker", abstract: "Every claim a speaker is recorded as making or disputing.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The speaker's id, name or alias.") var speaker: String
        @Option(help: "table, csv or json.") var format: ReportFormat = .table
        @Option(help: "At most this many attributions, the earliest; 0 for all.") var limit = 200

        func run() throws {
            let trace = try store.open().traceSpeaker(speaker, limit: limit > 0 ? limit : nil)
            noteIfCut(shown: trace.attributions.count, of: trace.totalAttributions)
            switch format {
            case .table: try emit(TraceReport.table(trace))
            case .json: try emit(try JSONReport.encode(trace))
            case .csv: try emit(try format.render(trace.attributions))
            }
        }
    }
}

/// Says on stderr that a trace shows only its first page, so nobody mistakes it for the whole story.
private func noteIfCut(shown: Int, of total: Int) {
    if shown < total { note("showing the first \(shown) of \(total) attributions; --limit 0 shows all") }
}
