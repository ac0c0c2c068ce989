import ArgumentParser
import ClaimTrail

struct SpeakerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speaker",
        abstract: "Record who claims are attributed to, and correct them.",
        subcommands: [Add.self, Edit.self, Merge.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a speaker; prints its id."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The name, or for an anonymous speaker the description ('a senior defense official').")
        var name: String
        @Option(help: "One of: \(SpeakerKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var kind: SpeakerKind = .unknown
        @Option(help: "Title or role, e.g. 'NATO spokesperson'.") var role: String?
        @Option(help: "The speaker (name or id) this one speaks for.") var affiliation: String?
        @Option(name: .customLong("alias"), help: "Another name it is reported under; repeatable.")
        var aliases: [String] = []

        func run() throws {
            let opened = try store.open()
            let id = try opened.write {
                try opened.addSpeaker(
                    SpeakerDraft(
                        name: name,
                        kind: kind,
                        role: role,
                        affiliation: affiliation,
                        aliases: aliases
                    )
                )
            }
            try emitLine(id)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Correct a speaker's name, kind or role; logged."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The speaker's id, name or alias.") var speaker: String
        @Option(help: "The corrected name.") var name: String?
        @Option(help: "The corrected kind.") var kind: SpeakerKind?
        @Option(help: "The corrected role (empty to clear it).") var role: String?
        @Option(help: "Why, for the history.") var reason: String?

        func run() throws {
            guard name != nil || kind != nil || role != nil else {
                throw ValidationError("give --name, --kind or --role")
            }
            let opened = try store.open()
            let id = try opened.write {
                guard let found = try opened.resolveSpeaker(speaker) else {
                    throw ClaimTrailError.notFound("no speaker “\(speaker)”")
                }
                try opened.editSpeaker(found.id, name: name, kind: kind, role: role, by: store.recorder, reason: reason)
                return found.id
            }
            try emitLine(id)
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract:
                "Record that two speakers are one (\"Russian MoD\", \"Russian defence ministry\"): B's attributions move to A.",
            discussion: "B's name and aliases become aliases of A; the merge is kept in the change log."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The speaker to keep (id, name or alias).") var kept: String
        @Argument(help: "The speaker to merge into it.") var merged: String
        @Option(help: "Why, for the history.") var reason: String?

        func run() throws {
            let opened = try store.open()
            let (keep, merge) = try opened.write {
                guard let keep = try opened.resolveSpeaker(kept) else {
                    throw ClaimTrailError.notFound("no speaker “\(kept)”")
                }
                guard let merge = try opened.resolveSpeaker(merged) else {
                    throw ClaimTrailError.notFound("no speaker “\(merged)”")
                }
                try opened.mergeSpeaker(merge.id, into: keep.id, by: store.recorder, reason: reason)
                return (keep.id, merge.id)
            }
            try emitLine("speaker #\(merge) merged into speaker #\(keep)")
        }
    }
}
