import ArgumentParser
import ClaimTrail

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify the store: SQLite integrity, foreign keys, and claimtrail's own invariants.",
        discussion: """
            Exit 0 when clean; otherwise prints one problem per line and exits 1. Speakers linked to the same \
            Wikidata item are offered for merging on stderr, one note line each, without failing the check; so is \
            each circular citation (a relay chain that comes back to a source it passed through).
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var progress: ProgressOptions

    func run() throws {
        let line = progress.line(counting: "steps")
        let (problems, twins, circles) = try store.read {
            try (StoreCheck(store: $0).problems(progress: line.step), $0.wikidataTwins(), $0.circularCitations())
        }
        line.finish()
        for twin in twins { note(twin.note) }
        for circle in circles { note(circle.line) }
        guard problems.isEmpty else {
            try emit(problems.map { TerminalText.line($0) + "\n" }.joined())
            throw ExitCode.failure
        }
        try emitLine("ok")
    }
}
