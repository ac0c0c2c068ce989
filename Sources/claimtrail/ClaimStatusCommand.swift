import ArgumentParser
import ClaimTrail

extension ClaimCommand {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Move a claim through verification; prints the claim's id.",
            discussion: """
                unchecked → in_progress → needs_second_look → checked → published, one step at a time, forward \
                or back. checked needs a verdict; published needs checked. A desk's own labels (`status labels`) \
                are accepted too. The change is logged with who and when, and --note as its reason.
                """
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The claim's id or text.") var claim: String
        @Argument(help: "The new status.") var status: String
        @Option(help: "Why, kept in the change log.") var note: String?

        func run() throws {
            let opened = try store.open()
            let id = try opened.write {
                let id = try opened.resolveClaim(claim).id
                try opened.setStatus(try opened.resolveStatus(status), of: id, by: store.recorder, note: note)
                return id
            }
            try emitLine(id)
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assign",
            abstract: "Give a claim to someone to check; prints the claim's id."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The claim's id or text.") var claim: String
        @Option(help: "Who holds it now.") var to: String

        func run() throws {
            try reassign(claim, to: to, store: store)
        }
    }

    struct Unassign: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unassign",
            abstract: "Leave a claim to nobody; prints the claim's id."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The claim's id or text.") var claim: String

        func run() throws {
            try reassign(claim, to: nil, store: store)
        }
    }

    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "note",
            abstract: "Add a dated, signed note to a claim's thread; prints the note's id.",
            discussion: "Notes are shown by `trace claim` and in the HTML report."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The claim's id or text.") var claim: String
        @Argument(help: "The note.") var text: String

        func run() throws {
            let opened = try store.open()
            try emitLine(
                try opened.write { try opened.addNote(text, to: try opened.resolveClaim(claim).id, by: store.recorder) }
            )
        }
    }
}

/// Gives a claim to `assignee`, or to nobody, and prints its id.
private func reassign(_ claim: String, to assignee: String?, store: StoreOptions) throws {
    let opened = try store.open()
    let id = try opened.write {
        let id = try opened.resolveClaim(claim).id
        try opened.assign(id, to: assignee, by: store.recorder)
        return id
    }
    try emitLine(id)
}
