import ArgumentParser
import ClaimTrail

struct AttributionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attribution",
        abstract: "Correct or delete a recorded attribution; every change is logged.",
        subcommands: [Edit.self, Delete.self]
    )

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Correct the quote, cue or mode of an attribution.",
            discussion:
                "Its claim, speaker, source, stance and date are fixed: to change those, delete it and record it again."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The attribution's id.") var attribution: Int64
        @Option(help: "The corrected quote.") var quote: String?
        @Option(help: "The corrected reporting cue.") var cue: String?
        @Option(help: "The corrected mode.") var mode: Mode?
        @Option(help: "Why, for the history.") var reason: String?

        func run() throws {
            guard quote != nil || cue != nil || mode != nil else {
                throw ValidationError("give --quote, --cue or --mode")
            }
            let opened = try store.open()
            try opened.write {
                try opened.editAttribution(
                    attribution,
                    quote: quote,
                    cue: cue,
                    mode: mode,
                    by: store.recorder,
                    reason: reason
                )
            }
            try emitLine(attribution)
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete an attribution; it is kept in the change log."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The attribution's id.") var attribution: Int64
        @Option(help: "Why, for the history.") var reason: String?

        func run() throws {
            let opened = try store.open()
            try opened.write { try opened.deleteAttribution(attribution, by: store.recorder, reason: reason) }
            try emitLine(attribution)
        }
    }
}
