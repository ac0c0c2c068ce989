import CSQLite
import Foundation

/// A claimtrail store: one SQLite file holding sources, speakers, claims and attributions.
///
/// Every command opens one store and does its writing inside one `write` transaction, so a
/// command either records everything it was asked to or nothing at all.
public final class ClaimStore {
    public let database: Database
    let staging: AttributionStaging
    let checkedReferences = CheckedReferences()
    public var path: String { database.path }

    /// Creates the store file if needed and brings its schema up to date.
    public static func create(at path: String) throws -> ClaimStore {
        try ClaimStore(path: path, mode: .create)
    }

    /// Opens an existing store; a missing file is an error rather than a new empty store,
    /// so a mistyped `--db` is noticed instead of silently answering "nothing found".
    /// A store this user may not write is opened read-only: reports work, writes are refused.
    public static func open(at path: String) throws -> ClaimStore {
        let exists = FileManager.default.fileExists(atPath: path)
        return try ClaimStore(
            path: path,
            mode: exists && !FileManager.default.isWritableFile(atPath: path) ? .readOnly : .existing
        )
    }

    /// Whether this store was opened read-only, because its file cannot be written.
    public let isReadOnly: Bool

    private init(path: String, mode: Database.OpenMode) throws {
        isReadOnly = mode == .readOnly
        do {
            // Nobody can change a store we may not write, so SQLite may read it as immutable,
            // without the -shm file a WAL store otherwise needs beside it.
            database = try Database(path: path, mode: mode, uri: isReadOnly ? Self.immutableURI(path) : nil)
            staging = AttributionStaging(database: database)
            try configure()
            if isReadOnly {
                let version = try Migrator.userVersion(of: database)
                guard version == Migration.latestVersion else {
                    throw version > Migration.latestVersion
                        ? ClaimTrailError.newerStore(path: path, version: version, supported: Migration.latestVersion)
                        : ClaimTrailError.readOnlyStore(path: path)
                }
            } else {
                try Migrator.migrate(database)
            }
        } catch let error as SQLiteError where error.code == SQLITE_CANTOPEN && mode == .existing {
            throw ClaimTrailError.noStore(path: path)
        } catch let error as SQLiteError where error.code == SQLITE_NOTADB {
            throw ClaimTrailError.notAStore(path: path)
        }
    }

    private static func immutableURI(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).path
        let escaped = absolute.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "?", with: "%3f")
            .replacingOccurrences(of: "#", with: "%23")
        return "file:\(escaped)?mode=ro&immutable=1"
    }

    private func configure() throws {
        // Another claimtrail process may hold the write lock; wait for it rather than fail.
        database.setBusyTimeout(milliseconds: Int32(Self.busyTimeout * 1000))
        try database.executeScript("PRAGMA foreign_keys = ON")
        // Each insert keeps a small journal to undo itself if a trigger aborts it; in memory,
        // not in a temporary file written per row (a fifth of an import's time).
        try database.executeScript("PRAGMA temp_store = MEMORY")
        // WAL lets readers go on while one writer imports. Reading the mode also makes
        // SQLite read the header, so a file that is not a database fails here, clearly.
        _ = try database.prepare(isReadOnly ? "PRAGMA journal_mode" : "PRAGMA journal_mode = WAL").first { $0.text(0) }
    }

    /// How long a writer waits for another process's write lock, in seconds.
    public static let busyTimeout = 30

    /// Runs `body` as one transaction: the unit of work of one command or one import.
    public func write<T>(_ body: () throws -> T) throws -> T {
        guard !isReadOnly else { throw ClaimTrailError.readOnlyStore(path: path) }
        checkedReferences.removeAll()
        do {
            return try database.transaction(body)
        } catch let error as SQLiteError where error.code == SQLITE_BUSY {
            throw ClaimTrailError.busy(path: path, seconds: Self.busyTimeout)
        } catch let error as SQLiteError where error.code == SQLITE_READONLY {
            throw ClaimTrailError.readOnlyStore(path: path)
        }
    }

    /// Writes a consistent copy of the store to a new file at `path`, safe while others write.
    /// The copy appears only once complete and checked, as one file in rollback-journal mode:
    /// no `-wal` or `-shm` beside it, and readable where the folder cannot be written.
    public func backup(to path: String) throws {
        var existing = stat()
        guard path.isEmpty || lstat(path, &existing) != 0 else {
            throw ClaimTrailError.invalid("\(path) already exists; back up to a new file")
        }
        let file = try AtomicOutputFile(replacing: path, store: self.path, sidecars: ["-wal", "-shm", "-journal"])
        file.closeDescriptor()
        try database.backup(to: file.temporaryPath)
        // Each connection to the copy is gone before the rename: a connection still open would
        // leave the copy's -wal and -shm behind, under the temporary name.
        let problems = try StoreCheck(store: ClaimStore.open(at: file.temporaryPath)).problems()
        guard problems.isEmpty else { throw ClaimTrailError.invalid("the backup failed its check: \(problems[0])") }
        try Database(path: file.temporaryPath, mode: .existing).executeScript("PRAGMA journal_mode = DELETE")
        try file.commit()
    }

    /// The schema version this store is at.
    public func schemaVersion() throws -> Int {
        try Migrator.userVersion(of: database)
    }
}
