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
        let problems = try store.read { try StoreCheck(store: $0).problems() }
        guard problems.isEmpty else {
            try emit(problems.map { TerminalText.line($0) + "\n" }.joined())
            throw ExitCode.failure
        }
        try emitLine("ok")
    }
}
