import ArgumentParser
import ClaimTrail
import Foundation

struct DatasetteMetadataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasette-metadata",
        abstract: "Write a metadata.json for browsing the store with Datasette.",
        discussion: """
            Descriptions of the tables and views, the column that names each row (links show claim text and \
            speaker names), facets on topic, stance, mode and speaker kind, and the speakers' full-text index. \
            Datasette names a database after its file, so the metadata is for this store's file name: \
            datasette serve store.db -m metadata.json
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Write to this file instead of stdout; it appears only once complete.") var out: String?

    func run() throws {
        // Opened so that the metadata is only written for a claimtrail store with these tables.
        _ = try store.read { _ in true }
        let path = try store.path
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let output = try out.map { try TextOutput.file(atPath: $0, protecting: path) } ?? .standardOutput()
        try output.write(try DatasetteMetadata.render(databaseName: name))
        try output.close()
        if let out { note("wrote \(out)") }
    }
}
