import ArgumentParser
import ClaimTrail

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Bring in another store's records, merges, deletions and corrections (matched by uid).",
        discussion: """
            OTHER.db is only read. Run it both ways (A ← B, then B ← A) and both stores export the same JSON.
            Two different corrections of one record are reported by uid; the later wins, by time, and the
            other stays in the change log. One transaction: on any error nothing is written.
            """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "The other store.") var other: String

    func run() throws {
        let summary = try StoreSync.pull(from: other, into: try store.open(), by: store.recorder)
        try say("synced from \(other): \(summary.counts)")
        for conflict in summary.conflicts { try say(conflict) }
    }
}
