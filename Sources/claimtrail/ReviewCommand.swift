import ArgumentParser
import ClaimTrail

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review the extractor's proposals: list them, accept them (with corrections) or reject them.",
        discussion: """
            `extract FILE --source S --propose` records proposals, which count for nothing until accepted. \
            Each decision is logged with who made it and when; a proposal decided by someone else meanwhile \
            is refused with who decided it.
            """,
        subcommands: [List.self, Accept.self, Reject.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Proposals waiting for review, least confident first.",
            discussion: """
                The table shows what a reviewer decides on; a speaker marked (new) is not in the store yet and \
                is created on accept. CSV and JSON add the claim, the content's offsets in the source text, \
                the rules' version and who proposed it when.
                """
        )

        @OptionGroup var store: StoreOptions
        @Option(help: "Only proposals in this source (id, URL or title).") var source: String?
        @Option(help: "table, csv or json.") var format: ReportFormat = .table
        @OptionGroup var table: TableOptions
        @OptionGroup var csv: CSVOptions

        func run() throws {
            let proposals = try store.read { opened in
                try opened.pendingProposals(sourceID: try source.map { try opened.resolveSource($0).id })
            }
            try emit(
                format == .table
                    ? ProposalReport.table(proposals, width: table.width)
                    : try format.render(proposals, cells: csv.cells)
            )
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept",
            abstract: "Accept proposals, correcting speaker, claim or stance in the same step; prints their ids.",
            discussion: """
                The attribution keeps its id, and the change log keeps what the extractor proposed. Without \
                --speaker, the speaker the extractor named is used (created if new, a description as anonymous, a \
                named person as a person, else of the kind --speaker-kind gives). An id given twice is accepted once. \
                All the ids are accepted together, or none.
                """
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The proposals' attribution ids.") var ids: [Int64]
        @Option(help: "The right speaker: a stored speaker's id, name or alias.") var speaker: String?
        @Flag(help: "Create --speaker if no stored speaker has that name.") var newSpeaker = false
        @Option(help: "The stored claim (id or text) this is an attribution of.") var claim: String?
        @Option(help: "asserts, denies or questions.") var stance: Stance?
        @Option(help: "Record the claim in these words instead of the quoted content.") var contentAsClaim: String?
        @Option(help: "Kind of a speaker this creates, or of a stored one of kind unknown.")
        var speakerKind: SpeakerKind?

        func validate() throws {
            if ids.isEmpty { throw ValidationError("give at least one proposal id") }
            if claim != nil && contentAsClaim != nil {
                throw ValidationError("give --claim or --content-as-claim, not both")
            }
            if newSpeaker && speaker == nil { throw ValidationError("--new-speaker needs --speaker") }
        }

        func run() throws {
            let opened = try store.open()
            let review = ProposalReview(store: opened, reviewer: store.recorder)
            let correction = ProposalReview.Correction(
                speaker: speaker,
                newSpeaker: newSpeaker,
                claim: claim,
                contentAsClaim: contentAsClaim,
                stance: stance,
                speakerKind: speakerKind
            )
            try opened.write { try review.accept(ids, correction: correction) }
            for id in ProposalReview.once(ids) { try emitLine(id) }
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reject",
            abstract: "Reject proposals; they stay in the log and are not proposed again for the same text."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The proposals' attribution ids.") var ids: [Int64]
        @Option(help: "Why, for the log.") var reason: String

        func validate() throws {
            if ids.isEmpty { throw ValidationError("give at least one proposal id") }
        }

        func run() throws {
            let opened = try store.open()
            let review = ProposalReview(store: opened, reviewer: store.recorder)
            try opened.write { try review.reject(ids, reason: reason) }
            for id in ProposalReview.once(ids) { try emitLine(id) }
        }
    }
}
