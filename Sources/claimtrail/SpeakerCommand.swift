import ArgumentParser
import ClaimTrail

struct SpeakerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speaker",
        abstract: "Record who claims are attributed to, and correct them.",
        subcommands: [Add.self, List.self, Edit.self, Link.self, Reconcile.self, Merge.self]
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
        @Option(help: "Its Wikidata item, such as Q42; nothing is fetched.") var wikidata: String?

        func run() throws {
            let opened = try store.open()
            let id = try opened.write {
                try opened.addSpeaker(
                    SpeakerDraft(
                        name: name,
                        kind: kind,
                        role: role,
                        affiliation: affiliation,
                        aliases: aliases,
                        wikidata: wikidata
                    ),
                    checkingAliases: true
                )
            }
            try emitLine(id)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the speakers by id, with their aliases and how many attributions each has."
        )

        @OptionGroup var store: StoreOptions
        @Option(help: "Only speakers of this kind.") var kind: SpeakerKind?
        @OptionGroup var pages: PageOptions
        @Option(help: "table, csv or json.") var format: ReportFormat = .table
        @OptionGroup var table: TableOptions

        func run() throws {
            let speakers = try store.read { try $0.speakers(kind: kind, pages.page) }
            try pages.show(speakers, "speakers", format: format, width: table.width)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Correct a speaker's name, kind or role, or add and remove aliases; logged."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The speaker's id, name or alias.") var speaker: String
        @Option(help: "The corrected name.") var name: String?
        @Option(help: "The corrected kind.") var kind: SpeakerKind?
        @Option(help: "The corrected role (empty to clear it).") var role: String?
        @Option(name: .customLong("add-alias"), help: "Another name it is reported under; repeatable.")
        var addedAliases: [String] = []
        @Option(name: .customLong("remove-alias"), help: "An alias to remove; repeatable.")
        var removedAliases: [String] = []
        @Option(help: "Why, for the history.") var reason: String?

        func validate() throws {
            guard name != nil || kind != nil || role != nil || !addedAliases.isEmpty || !removedAliases.isEmpty else {
                throw ValidationError("give --name, --kind, --role, --add-alias or --remove-alias")
            }
        }

        func run() throws {
            let opened = try store.open()
            let id = try opened.write {
                let found = try opened.requireSpeaker(speaker)
                try opened.editSpeaker(
                    found.id,
                    name: name,
                    kind: kind,
                    role: role,
                    addAliases: addedAliases,
                    removeAliases: removedAliases,
                    by: store.recorder,
                    reason: reason
                )
                return found.id
            }
            try emitLine(id)
        }
    }

    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link",
            abstract: "Link a speaker to its Wikidata item (Q42); logged. Nothing is fetched.",
            discussion: "An empty item (\"\") removes the link."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The speaker's id, uid, name or alias.") var speaker: String
        @Argument(help: "The Wikidata item: Q followed by digits.") var item: String
        @Option(help: "Why, for the history.") var reason: String?

        func run() throws {
            let opened = try store.open()
            let linked = try item.isEmpty ? nil : WikidataID.parse(item)
            let id = try opened.write {
                let found = try opened.requireSpeaker(speaker)
                try opened.linkSpeaker(found.id, to: linked, by: store.recorder, reason: reason)
                return found.id
            }
            try emitLine(id)
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract:
                "Record that two speakers are one (\"Russian MoD\", \"Russian defence ministry\"): "
                + "B's attributions move to A.",
            discussion: "B's name and aliases become aliases of A; the merge is kept in the change log."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The speaker to keep (id, name or alias).") var kept: String
        @Argument(help: "The speaker to merge into it.") var merged: String
        @Option(help: "Why, for the history.") var reason: String?

        func run() throws {
            let opened = try store.open()
            let (keep, merge) = try opened.write {
                let keep = try opened.requireSpeaker(kept)
                let merge = try opened.requireLiveSpeaker(merged)
                try opened.mergeSpeaker(merge.id, into: keep.id, by: store.recorder, reason: reason)
                return (keep.id, merge.id)
            }
            try emitLine("speaker #\(merge) merged into speaker #\(keep)")
        }
    }
}
