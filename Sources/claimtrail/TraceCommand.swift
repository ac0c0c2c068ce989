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

        func run() throws {
            let trace = try store.open().traceClaim(claim)
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

        func run() throws {
            let trace = try store.open().traceSpeaker(speaker)
            switch format {
            case .table: try emit(TraceReport.table(trace))
            case .json: try emit(try JSONReport.encode(trace))
            case .csv: try emit(try format.render(trace.attributions))
            }
        }
    }
}
