import CSQLite

/// A claimtrail store: one SQLite file holding sources, speakers, claims and attributions.
///
/// Every command opens one store and does its writing inside one `write` transaction, so a
/// command either records everything it was asked to or nothing at all.
public final class ClaimStore {
    public let database: Database
    public var path: String { database.path }

    /// Creates the store file if needed and brings its schema up to date.
    public static func create(at path: String) throws -> ClaimStore {
        try ClaimStore(path: path, mode: .create)
    }

    /// Opens an existing store; a missing file is an error rather than a new empty store,
    /// so a mistyped `--db` is noticed instead of silently answering "nothing found".
    public static func open(at path: String) throws -> ClaimStore {
        try ClaimStore(path: path, mode: .existing)
    }

    private init(path: String, mode: Database.OpenMode) throws {
        do {
            database = try Database(path: path, mode: mode)
            try configure()
            try Migrator.migrate(database)
        } catch let error as SQLiteError where error.code == SQLITE_CANTOPEN && mode == .existing {
            throw ClaimTrailError.noStore(path: path)
        } catch let error as SQLiteError where error.code == SQLITE_NOTADB {
            throw ClaimTrailError.notAStore(path: path)
        }
    }

    private func configure() throws {
        // Another claimtrail process may hold the write lock; wait for it rather than fail.
        database.setBusyTimeout(milliseconds: 30_000)
        try database.executeScript("PRAGMA foreign_keys = ON")
        // 64 MiB of page cache: a large import touches many index pages in one transaction.
        try database.executeScript("PRAGMA cache_size = -65536")
        // Each insert keeps a small journal to undo itself if a trigger aborts it; in memory,
        // not in a temporary file written per row (a fifth of an import's time).
        try database.executeScript("PRAGMA temp_store = MEMORY")
        // WAL lets readers go on while one writer imports. Reading the mode also makes
        // SQLite read the header, so a file that is not a database fails here, clearly.
        _ = try database.prepare("PRAGMA journal_mode = WAL").first { $0.text(0) }
    }

    /// Runs `body` as one transaction: the unit of work of one command or one import.
    public func write<T>(_ body: () throws -> T) throws -> T {
        try database.transaction(body)
    }

    /// The schema version this store is at.
    public func schemaVersion() throws -> Int {
        try Migrator.userVersion(of: database)
    }
}
