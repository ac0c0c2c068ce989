import ArgumentParser
import ClaimTrail
import Foundation

/// The options every command shares: which store, and who is recording.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store file. (default: $CLAIMTRAIL_DB, else ./claimtrail.db)")
    var db: String?

    @Option(name: .customLong("as"), help: "Who is recording, kept with each attribution. (default: $USER)")
    var recordedBy: String?

    var path: String { get throws { try Self.path(db) } }

    /// Refuses a blank or invisible `--as` (a zero-width space, a bidirectional override) with one
    /// line, as the store refuses such a name: every attribution and change-log entry would
    /// otherwise be recorded as by nobody, or by someone who shows as another.
    func validate() throws {
        if let recordedBy { _ = try Reference.required(recordedBy, "--as", missing: "--as needs a name") }
    }

    /// The store `--db` names, else $CLAIMTRAIL_DB, else ./claimtrail.db.
    ///
    /// The variable is read as bytes and refused, like an argument, when it is not valid UTF-8:
    /// Foundation would replace the bad bytes and open another file. Set but empty, it is refused
    /// too, rather than quietly falling back to ./claimtrail.db, which a script did not mean.
    static func path(_ db: String?) throws -> String {
        if let db { return db }
        guard let raw = getenv("CLAIMTRAIL_DB") else { return "claimtrail.db" }
        guard let path = String(validatingCString: raw) else {
            throw ClaimTrailError.invalid("$CLAIMTRAIL_DB is not valid UTF-8; give the store with --db")
        }
        guard !path.isEmpty else {
            throw ClaimTrailError.invalid("$CLAIMTRAIL_DB is set but empty; unset it or give a store path")
        }
        return path
    }

    var recorder: String {
        let environment = ProcessInfo.processInfo.environment
        let login = [environment["USER"], environment["LOGNAME"]].compactMap { $0 }.first { !$0.isEmpty }
        return recordedBy ?? login ?? getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? "unknown"
    }

    func open() throws -> ClaimStore {
        try ClaimStore.open(at: try path)
    }

    /// Opens the store and runs a report in one read transaction, from its first query to its
    /// last output line: what it shows is one snapshot, even while others delete or merge.
    func read<T>(_ body: (ClaimStore) throws -> T) throws -> T {
        let store = try open()
        return try store.read { try body(store) }
    }
}

/// Tells the user something on stderr, leaving stdout to the result (an id, a report). The
/// line is cleaned for the terminal, since it may quote stored or typed text. A note that cannot
/// be written is dropped: it is not the result, and `FileHandle.write(_:)` would trap on the failure.
func note(_ message: String) {
    try? FileHandle.standardError.write(contentsOf: Data((TerminalText.line(message) + "\n").utf8))
}

/// Prints a line for a person to read on stdout (what a command did), cleaned for the terminal,
/// since it may quote stored or typed text; see `emit` for a write that fails.
func say(_ message: String) throws {
    try emitLine(TerminalText.line(message))
}

/// Prints a result to stdout without adding a line break of its own. Every command's stdout
/// goes through here, not through `print`, which loses a failed write and exits 0: a result that
/// could not be written fails the command (exit 1, one line on stderr).
func emit(_ text: String) throws {
    let output = TextOutput.standardOutput()
    try output.write(text)
    try output.close()
}

/// Prints one line of result, such as a new id, to stdout; see `emit`.
func emitLine(_ line: some CustomStringConvertible) throws {
    try emit("\(line)\n")
}

extension SpeakerKind: ExpressibleByArgument {}
extension Stance: ExpressibleByArgument {}
extension Mode: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
