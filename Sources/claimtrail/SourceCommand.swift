import ArgumentParser
import ClaimTrail

struct SourceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "source",
        abstract: "Record the articles claims are reported in, list them, correct them, and flag retractions.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Retract.self, Correct.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a source; prints its id."
        )

        @OptionGroup var store: StoreOptions
        @Option(help: "The headline or title.") var title: String
        @Option(help: "Where it was published; unique in the store.") var url: String?
        @Option(help: "The publication, e.g. 'Reuters'.") var outlet: String?
        @Option(help: "The byline.") var author: String?
        @Option(help: "Publication date, YYYY-MM-DD.") var published: String?
        @Option(help: "A UTF-8 text file with the article body, kept with its SHA-256.") var bodyFile: String?

        func run() throws {
            let body = try bodyFile.map(TextFile.read(atPath:))
            let opened = try store.open()
            let id = try opened.write {
                try opened.addSource(
                    SourceDraft(
                        title: title,
                        url: url,
                        outlet: outlet,
                        author: author,
                        published: published,
                        body: body
                    )
                )
            }
            try emitLine(id)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the sources by id, with how many attributions and claims rest on each."
        )

        @OptionGroup var store: StoreOptions
        @OptionGroup var pages: PageOptions
        @Option(help: "table, csv or json.") var format: ReportFormat = .table
        @OptionGroup var table: TableOptions

        func run() throws {
            try pages.show(try store.read { try $0.sources(pages.page) }, "sources", format: format, width: table.width)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one source: its fields, and how many attributions and claims rest on it."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The source's id, URL or exact title.") var source: String
        @Option(help: "table, csv or json.") var format: ReportFormat = .table
        @OptionGroup var table: TableOptions

        func run() throws {
            let summary = try store.read { try $0.sourceSummary(source) }
            switch format {
            case .table:
                let rows = zip(SourceSummary.columns, summary.cells).map { [$0, $1] }
                try emit(TextTable(headers: ["field", "value"], rows: rows).render(width: table.width))
            case .csv: try emit(try format.render([summary]))
            case .json: try emit(try JSONReport.encode(summary))
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Correct a source, or date it later; the old version is kept in the change log.",
            discussion: """
                A new --published date moves the source's attributions that carry no date of their own \
                in every timeline. An empty value clears --outlet, --author, --url or --published.
                """
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The source's id, URL or exact title.") var source: String
        @Option(help: "The corrected headline or title.") var title: String?
        @Option(help: "The corrected publication, e.g. 'Reuters'.") var outlet: String?
        @Option(help: "The corrected byline.") var author: String?
        @Option(help: "The corrected URL; unique in the store.") var url: String?
        @Option(help: "The publication date, YYYY-MM-DD.") var published: String?
        @Option(help: "A UTF-8 text file with the article body, kept with its SHA-256.") var bodyFile: String?
        @Option(help: "Why, for the history.") var reason: String?

        func validate() throws {
            guard [title, outlet, author, url, published, bodyFile].contains(where: { $0 != nil }) else {
                throw ValidationError("give --title, --outlet, --author, --url, --published or --body-file")
            }
        }

        func run() throws {
            let body = try bodyFile.map(TextFile.read(atPath:))
            let opened = try store.open()
            let id = try opened.write {
                let id = try opened.resolveSource(source).id
                try opened.editSource(
                    id,
                    title: title,
                    url: url,
                    outlet: outlet,
                    author: author,
                    published: published,
                    body: body,
                    by: store.recorder,
                    reason: reason
                )
                return id
            }
            try emitLine(id)
        }
    }
}
