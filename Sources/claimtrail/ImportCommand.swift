import ArgumentParser
import ClaimTrail

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import sources, speakers, claims and attributions from JSON or JSON Lines.",
        discussion: """
            The whole file is one transaction: on any error nothing is written. Records already in \
            the store are found by natural key (URL or title, name or alias, claim text), so importing \
            a file twice adds nothing the second time.
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "A .json document or a .jsonl file (one record per line).")
    var file: String

    @Option(help: "Read the file as a JSON 'document' or as JSON 'lines', whatever its name.")
    var layout: String?

    @Option(
        name: .customLong("allow-body-from"),
        help: "Also let body_file read from this folder (repeatable); by default only from the import file's folder."
    )
    var bodyFolders: [String] = []

    @OptionGroup var progress: ProgressOptions

    func run() throws {
        if let layout, !["document", "lines"].contains(layout) {
            throw ValidationError("--layout must be 'document' or 'lines'")
        }
        let summary = try Importer(store: try store.open(), recordedBy: store.recorder)
            .importFile(
                atPath: file,
                layout: layout,
                bodyFolders: bodyFolders,
                progress: progress.line(counting: "records")
            )
        try say("imported \(file): \(summary.counts)")
        for conflict in summary.conflicts { try say(conflict) }
        for kept in summary.keptLinks { note(kept.line) }
    }
}
