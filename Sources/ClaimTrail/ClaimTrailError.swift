/// Errors a user can act on. Each reads as one line, because the CLI prints it as is.
public enum ClaimTrailError: Error, CustomStringConvertible, Equatable {
    /// Input that breaks a rule of the model: an empty claim, an unknown stance, a bad date.
    case invalid(String)
    /// A reference to a claim, speaker, source or attribution that is not in the store.
    case notFound(String)
    /// A name that fits several speakers or sources; the message lists them.
    case ambiguous(String)
    case noStore(path: String)
    case notAStore(path: String)
    case newerStore(path: String, version: Int, supported: Int)
    /// The store's file cannot be written by this user: reports only.
    case readOnlyStore(path: String)
    /// Another process held the write lock for longer than claimtrail waits.
    case busy(path: String, seconds: Int)
    /// A problem in an import file, with where it is ("file.jsonl:12").
    case importFailed(location: String, reason: String)

    public var description: String {
        switch self {
        case .invalid(let message), .notFound(let message), .ambiguous(let message):
            message
        case .noStore(let path):
            "no store at \(path); run `claimtrail init` first, or pass --db"
        case .notAStore(let path):
            "\(path) is not a claimtrail store (not an SQLite database)"
        case .newerStore(let path, let version, let supported):
            "\(path) has schema version \(version), newer than this claimtrail supports (\(supported)); "
                + "upgrade claimtrail"
        case .readOnlyStore(let path):
            "\(path) is read-only for this user: it can be read and exported, not changed (or upgraded); "
                + "nothing was written"
        case .busy(let path, let seconds):
            "\(path) is busy: another process has held its write lock for over \(seconds) s; "
                + "nothing was written, try again"
        case .importFailed(let location, let reason):
            "\(location): \(reason)"
        }
    }
}
