import ArgumentParser

@main
struct Claimtrail: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimtrail",
        abstract: "Track who said what: claims, their attributions, their sources and their counter-claims.",
        discussion: """
            Every command takes --db PATH (default: $CLAIMTRAIL_DB, else ./claimtrail.db).
            Exit codes: 0 success, 1 error (one line on stderr, nothing written), 64 bad command line.
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, ImportCommand.self, SourceCommand.self, SpeakerCommand.self, ClaimCommand.self,
            AttributeCommand.self, CounterCommand.self, ContestedCommand.self, TraceCommand.self, ExportCommand.self,
        ]
    )
}
