import ArgumentParser
import ClaimTrail
import Foundation

/// The options every command shares: which store, and who is recording.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store file. (default: $CLAIMTRAIL_DB, else ./claimtrail.db)")
    var db: String?

    @Option(name: .customLong("as"), help: "Who is recording, kept with each attribution. (default: $USER)")
    var recordedBy: String?

    var path: String { Self.path(db) }

    /// The store `--db` names, else $CLAIMTRAIL_DB, else ./claimtrail.db.
    static func path(_ db: String?) -> String {
        db ?? ProcessInfo.processInfo.environment["CLAIMTRAIL_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "claimtrail.db"
    }

    var recorder: String {
        let environment = ProcessInfo.processInfo.environment
        let login = [environment["USER"], environment["LOGNAME"]].compactMap { $0 }.first { !$0.isEmpty }
        return recordedBy ?? login ?? getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? "unknown"
    }

    func open() throws -> ClaimStore {
        try ClaimStore.open(at: path)
    }
}

/// Tells the user something on stderr, leaving stdout to the result (an id, a report).
func note(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Prints a report to stdout without adding a line break of its own.
func emit(_ text: String) throws {
    let output = TextOutput.standardOutput()
    try output.write(text)
    try output.close()
}

extension SpeakerKind: ExpressibleByArgument {}
extension Stance: ExpressibleByArgument {}
extension Mode: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
