import ArgumentParser
import ClaimTrail

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the store to a new file, consistently, while other processes keep writing.",
        discussion: "Uses SQLite's online backup API; the copy is checked before it appears at PATH."
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "The new file.") var path: String

    func run() throws {
        try store.open().backup(to: path)
        try say("backed up \(try store.path) to \(path)")
    }
}
