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
    /// While true, corrections, deletions and merges write no change-log entry: they replay entries
    /// that arrived with an import or a sync, which are in the log already (`Importer.replayChanges`).
    var replayingChanges = false
    public var path: String { database.path }

    /// Creates the store file if needed and brings its schema up to date: what `init` does, and the
    /// only way a file becomes a store or is upgraded. A file that is something else is left alone.
    public static func create(at path: String) throws -> ClaimStore {
        switch try StoreFile.inspect(path) {
        case .missing, .empty, .store: return try ClaimStore(path: path, mode: .create)
        case .notRegularFile: throw notRegularFile(path)
        case .notSQLite: throw ClaimTrailError.notAStore(path: path)
        case .foreign:
            throw ClaimTrailError.invalid(
                "\(path) is a SQLite database but not a claimtrail store; init makes a new file a store, not this one"
            )
        }
    }

    /// Opens an existing store at the current schema version, and nothing else: a missing file is an
    /// error rather than a new empty store, so a mistyped `--db` is noticed instead of silently
    /// answering "nothing found"; a file that is not a store, or a store an older claimtrail made, is
    /// refused before SQLite writes anything to it (upgrading is `init`'s job).
    /// A store this user may not write is opened read-only: reports work, writes are refused.
    /// - Parameter readOnly: open it read-only anyway: another store a sync reads, never writes.
    public static func open(at path: String, readOnly: Bool = false) throws -> ClaimStore {
        let latest = Migration.latestVersion
        switch try StoreFile.inspect(path) {
        case .missing: throw ClaimTrailError.noStore(path: path)
        case .notRegularFile: throw notRegularFile(path)
        case .notSQLite: throw ClaimTrailError.notAStore(path: path)
        case .empty:
            throw ClaimTrailError.invalid(
                "\(path) is not a claimtrail store; run `claimtrail init --db \(path)` to create one"
            )
        case .foreign: throw ClaimTrailError.invalid("\(path) is a SQLite database but not a claimtrail store")
        case .store(let version) where version > latest:
            throw ClaimTrailError.newerStore(path: path, version: version, supported: latest)
        case .store(let version) where version < latest:
            throw ClaimTrailError.invalid(
                "\(path) has schema version \(version), older than this claimtrail's (\(latest)); "
                    + "run `claimtrail init --db \(path)` to upgrade it"
            )
        case .store:
            return try ClaimStore(path: path, mode: !readOnly && access(path, W_OK) == 0 ? .existing : .readOnly)
        }
    }

    /// Another connection to this store's file, for a process that keeps several open at once (the
    /// server's read connections). The file is not inspected again, and must not be: reading its header
    /// through a descriptor of our own and closing it drops every POSIX lock this process holds on the
    /// file (`fcntl` locks belong to the process, not to the descriptor), this connection's shared lock
    /// among them. Another process closing the store, such as `sqlite3` or Datasette, would then take
    /// itself for the last connection and delete the -wal file this process goes on writing to, and
    /// every write after that would be lost. SQLite's own opens of the file keep those locks.
    public func anotherConnection() throws -> ClaimStore {
        try ClaimStore(path: path, mode: isReadOnly ? .readOnly : .existing)
    }

    private static func notRegularFile(_ path: String) -> ClaimTrailError {
        .invalid("\(path) is not a regular file; a claimtrail store is a file of its own")
    }

    /// Whether this store was opened read-only, because its file cannot be written.
    public let isReadOnly: Bool
    /// Whether `OpenStoreFiles` lists this connection: only once it opened whole.
    private var isRegistered = false

    deinit {
        if isRegistered { OpenStoreFiles.closed(path) }
    }

    private init(path: String, mode: Database.OpenMode) throws {
        isReadOnly = mode == .readOnly
        do {
            // Read-only is a plain read-only connection, never `immutable`: the owner may be writing,
            // and a reader must see each commit whole, through the -wal and -shm files.
            database = try Database(path: path, mode: mode)
            staging = AttributionStaging(database: database)
            try configure()
            if mode == .create {
                try Migrator.migrate(database)
            } else {
                // Checked again on this connection: the file may have been replaced since it was inspected.
                let version = try Migrator.userVersion(of: database)
                guard version == Migration.latestVersion else {
                    throw version > Migration.latestVersion
                        ? ClaimTrailError.newerStore(path: path, version: version, supported: Migration.latestVersion)
                        : ClaimTrailError.invalid("\(path) changed while it was opened; try again")
                }
            }
            OpenStoreFiles.opened(path)
            isRegistered = true
        } catch let error as SQLiteError
            where mode == .readOnly && (error.code == SQLITE_CANTOPEN || error.code == SQLITE_READONLY)
        {
            // SQLite could neither use nor create the -wal and -shm files a WAL store is read through.
            throw StoreFile.unreadableAsThisUser(path)
        } catch let error as SQLiteError where error.code == SQLITE_CANTOPEN && mode == .existing {
            throw ClaimTrailError.noStore(path: path)
        } catch let error as SQLiteError where error.code == SQLITE_NOTADB {
            throw ClaimTrailError.notAStore(path: path)
        }
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
        if !isReadOnly {
            try database.keepWALFiles(true)
            // A kept -wal file is emptied when the last connection closes, rather than left at its largest.
            try database.executeScript("PRAGMA journal_size_limit = \(64 << 20)")
        }
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

    /// Runs `body` as one read transaction: the unit of work of one report. Every query in it
    /// sees the store as it was at the first one, so a report never mixes the state before and
    /// after another process's delete or merge. Inside `write` or another `read`, it joins that.
    public func read<T>(_ body: () throws -> T) throws -> T {
        do {
            return try database.readTransaction(body)
        } catch let error as SQLiteError where error.code == SQLITE_BUSY {
            throw ClaimTrailError.busy(path: path, seconds: Self.busyTimeout)
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
        // Each connection to the copy is gone before the rename, and none keeps its -wal and -shm
        // (as a store's writers do): either would leave them behind, under the temporary name.
        var problems: [String] = []
        do {
            let copy = try ClaimStore.open(at: file.temporaryPath)
            try copy.database.keepWALFiles(false)
            problems = try StoreCheck(store: copy).problems()
        }
        guard problems.isEmpty else { throw ClaimTrailError.invalid("the backup failed its check: \(problems[0])") }
        try Database(path: file.temporaryPath, mode: .existing).executeScript("PRAGMA journal_mode = DELETE")
        try file.commit()
    }

    /// The schema version this store is at.
    public func schemaVersion() throws -> Int {
        try Migrator.userVersion(of: database)
    }
}
