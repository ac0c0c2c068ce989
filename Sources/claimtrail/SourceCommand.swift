import ArgumentParser
import ClaimTrail

struct SourceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "source",
        abstract: "Record the articles claims are reported in.",
        subcommands: [Add.self]
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
}
