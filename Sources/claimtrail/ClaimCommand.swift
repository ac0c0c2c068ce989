import ArgumentParser
import ClaimTrail

struct ClaimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim",
        abstract: "Record claims found in the news, and correct them.",
        subcommands: [
            Add.self, List.self, Edit.self, Delete.self, Merge.self, Similar.self, Status.self, Assign.self,
            Unassign.self, Note.self,
        ]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a claim; prints its id.",
            discussion:
                "A claim whose text is already stored (ignoring case, quote style and spacing) is not added again: "
                + "its id is printed."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The claim, as a plain proposition.") var text: String
        @Option(help: "A topic to group claims by, e.g. 'syria'.") var topic: String?
        @Option(help: "The id of a claim this one contradicts.") var counters: RecordID?

        func run() throws {
            let opened = try store.open()
            let claim = try opened.write {
                let claim = try opened.addClaim(text: text, topic: topic)
                if let counters { _ = try opened.addRelation(from: claim.id, to: counters.value, kind: .contradicts) }
                return claim
            }
            if !claim.created { note("claim already recorded as #\(claim.id)") }
            try emitLine(claim.id)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the claims by id, with their counters and whether each is contested."
        )

        @OptionGroup var store: StoreOptions
        @Option(help: "Only claims with this topic (any case).") var topic: String?
        @OptionGroup var pages: PageOptions
        @Option(help: "table, csv or json.") var format: ReportFormat = .table
        @OptionGroup var table: TableOptions

        func run() throws {
            let claims = try store.read { try $0.claims(topic: topic, pages.page) }
            try pages.show(claims, "claims", format: format, width: table.width)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Correct a claim's wording or topic; the old version stays in its history."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The claim's id or text.") var claim: String
        @Option(help: "The corrected wording.") var text: String?
        @Option(help: "The corrected topic (empty to clear it).") var topic: String?
        @Option(help: "Why, for the history.") var reason: String?

        func run() throws {
            guard text != nil || topic != nil else { throw ValidationError("give --text or --topic") }
            let opened = try store.open()
            let id = try opened.write {
                let id = try opened.resolveClaim(claim).id
                try opened.editClaim(id, text: text, topic: topic, by: store.recorder, reason: reason)
                return id
            }
            try emitLine(id)
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete a claim with its attributions, relations and verdicts; each is kept in the change log."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The claim's id or text.") var claim: String
        @Option(help: "Why, for the history.") var reason: String?

        func run() throws {
            let opened = try store.open()
            let id = try opened.write {
                let id = try opened.resolveClaim(claim, followingMerges: false).id
                try opened.deleteClaim(id, by: store.recorder, reason: reason)
                return id
            }
            try emitLine(id)
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Record that two phrasings are one claim: B's attributions, relations and verdicts move to A.",
            discussion: """
                B's id and wording keep resolving to A; the merge is kept in the change log. B must be a live claim: \
                an id, wording or uid already merged away is refused, since it would merge away the claim it joined.
                """
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The claim to keep (id or text).") var kept: String
        @Argument(help: "The claim to merge into it (id or text), not one already merged away.") var merged: String
        @Option(help: "Why, for the history.") var reason: String?

        func run() throws {
            let opened = try store.open()
            let (keep, merge) = try opened.write {
                let keep = try opened.resolveClaim(kept).id
                let merge = try opened.resolveClaim(merged, followingMerges: false).id
                try opened.mergeClaim(merge, into: keep, by: store.recorder, reason: reason)
                return (keep, merge)
            }
            try emitLine("claim #\(merge) merged into claim #\(keep)")
        }
    }

    struct Similar: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "similar",
            abstract: "Suggest claims that may be other phrasings of this one."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The claim's id or text.") var claim: String
        @Option(help: "At most this many suggestions; 0 for all.") var limit: Count = 10
        @Option(help: "table, csv or json.") var format: ReportFormat = .table
        @OptionGroup var table: TableOptions
        @OptionGroup var csv: CSVOptions

        func run() throws {
            let similar = try store.read { opened in
                try opened.similarClaims(to: try opened.resolveClaim(claim).id, limit: limit.rowLimit)
            }
            try emit(try format.render(similar, width: table.width, cells: csv.cells))
        }
    }
}
