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
        @Argument(help: "The attribution's id or uid.") var attribution: String
        @Option(help: "The corrected quote.") var quote: String?
        @Option(help: "The corrected reporting cue.") var cue: String?
        @Option(help: "The corrected mode.") var mode: Mode?
        @Option(help: "Why, for the history.") var reason: String?

        func run() throws {
            guard quote != nil || cue != nil || mode != nil else {
                throw ValidationError("give --quote, --cue or --mode")
            }
            let opened = try store.open()
            let id = try opened.write {
                let id = try opened.resolveAttribution(attribution)
                try opened.editAttribution(
                    id,
                    quote: quote,
                    cue: cue,
                    mode: mode,
                    by: store.recorder,
                    reason: reason
                )
                return id
            }
            try emitLine(id)
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete an attribution; it is kept in the change log.",
            discussion: """
                A proposal waiting for review is rejected instead, with --reason, so that the next \
                `extract --propose` does not propose it again.
                """
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The attribution's id or uid.") var attribution: String
        @Option(help: "Why, for the history.") var reason: String?

        func run() throws {
            let opened = try store.open()
            let id = try opened.write {
                let id = try opened.resolveAttribution(attribution)
                try opened.deleteOrRejectAttribution(id, by: store.recorder, reason: reason)
                return id
            }
            try emitLine(id)
        }
    }
}
