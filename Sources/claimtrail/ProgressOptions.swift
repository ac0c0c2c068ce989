import ArgumentParser
import ClaimTrail
import Foundation

/// `--quiet`, and the progress line of a long import, export or check: shown only when stderr is
/// a terminal, so that a log or a pipe never receives its carriage returns.
struct ProgressOptions: ParsableArguments {
    @Flag(help: "Show no progress line, even on a terminal.") var quiet = false

    func line(counting noun: String) -> ProgressLine {
        let shown = !quiet && isatty(STDERR_FILENO) == 1
        return ProgressLine(
            counting: noun,
            write: shown ? { try? FileHandle.standardError.write(contentsOf: Data($0.utf8)) } : nil
        )
    }
}
