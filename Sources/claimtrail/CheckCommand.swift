import ArgumentParser
import ClaimTrail

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify the store: SQLite integrity, foreign keys, and claimtrail's own invariants.",
        discussion: "Exit 0 when clean; otherwise prints one problem per line and exits 1."
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        let problems = try StoreCheck(store: try store.open()).problems()
        guard problems.isEmpty else {
            for problem in problems { say(problem) }
            throw ExitCode.failure
        }
        print("ok")
    }
}
