import ArgumentParser
import ClaimTrail

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a store, or bring an existing one up to the current schema."
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        let opened = try ClaimStore.create(at: try store.path)
        try say("initialized \(opened.path) (schema version \(try opened.schemaVersion()))")
    }
}
