import ArgumentParser
import ClaimTrail

extension SourceCommand {
    struct Retract: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retract",
            abstract: "Mark a source retracted by its publisher: it is kept, flagged in every report, and logged.",
            discussion: "`claimtrail impact source S` lists what rests on it."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The source's id, URL or exact title.") var source: String
        @Option(help: "Why it was retracted, for every report and the history.") var reason: String
        @Option(help: "When it was retracted, YYYY-MM-DD; today by default.") var date: String?

        func run() throws {
            let opened = try store.open()
            let id = try opened.write {
                let id = try opened.resolveSource(source).id
                try opened.retractSource(id, reason: reason, on: date, by: store.recorder)
                return id
            }
            try emitLine(id)
        }
    }

    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "correct",
            abstract: "Record a publisher's correction of a source: kept, flagged, and logged with its note."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The source's id, URL or exact title.") var source: String
        @Option(help: "What the publisher corrected.") var note: String

        func run() throws {
            let opened = try store.open()
            let id = try opened.write {
                let id = try opened.resolveSource(source).id
                try opened.correctSource(id, note: note, by: store.recorder)
                return id
            }
            try emitLine(id)
        }
    }
}
