import CSQLite
import Foundation

/// One connection to an SQLite file, for one thread at a time.
///
/// It owns the connection and a cache of prepared statements, and offers the three
/// things the store builds on: statements, scripts without parameters, and transactions.
public final class Database {
    let connection: OpaquePointer
    public let path: String
    private var cache: [String: Statement] = [:]

    public enum OpenMode: Sendable {
        /// Open an existing file for reading and writing; fail if it is missing.
        case existing
        /// Create the file when it does not exist yet.
        case create
        /// Open an existing file without ever writing to it.
        case readOnly
    }

    /// Opens the file at `path`, always as that file: SQLite reads an empty name as a private temporary
    /// database, `:memory:` as memory and `file:…` as a URI, so the path is handed over as a `file:` URI
    /// of its own (see `fileURI`).
    /// - Parameter immutable: read the file as one that nobody changes, with no locks and no -wal or
    ///   -shm files; wrong for a file that may change while it is read (see `StoreFile` for the one use).
    public init(path: String, mode: OpenMode = .create, immutable: Bool = false) throws(SQLiteError) {
        // A connection is used by one thread at a time, so SQLite's lock around every call
        // (serialized mode) is skipped: it cost an export a twentieth of its time.
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        switch mode {
        case .existing: flags |= SQLITE_OPEN_READWRITE
        case .create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        }
        var connection: OpaquePointer?
        let code = sqlite3_open_v2(Self.fileURI(path) + (immutable ? "?immutable=1" : ""), &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let error = SQLiteError(connection: connection, code: code, sql: nil)
            sqlite3_close_v2(connection)
            throw error
        }
        sqlite3_extended_result_codes(connection, 1)
        self.connection = connection
        self.path = path
    }

    /// `path` as an SQLite `file:` URI: absolute, with every byte other than letters, digits and
    /// `/._~-` percent-encoded, so that `?`, `#` and `%` in a name are part of the name.
    static func fileURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._~-".utf8)
        return "file://"
            + absolute.utf8.map { plain.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }
            .joined()
    }

    /// Keeps the -wal and -shm files beside the store when this connection closes, instead of
    /// deleting them with the last connection: a reader who may not create files in the store's
    /// folder can then still open it, through SQLite's read-only shared memory (see README,
    /// "Sharing a store on one machine").
    public func keepWALFiles(_ keep: Bool) throws(SQLiteError) {
        var flag: Int32 = keep ? 1 : 0
        let code = sqlite3_file_control(connection, "main", SQLITE_FCNTL_PERSIST_WAL, &flag)
        guard code == SQLITE_OK else { throw SQLiteError(connection: connection, code: code, sql: nil) }
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(connection)
    }

    /// While true, the tables reports read are TEMP views of the store's past (`PastState`), and a
    /// view takes no index hint: statements compiled meanwhile leave their `INDEXED BY` out, and are
    /// cached apart from the same SQL compiled against the tables.
    var readsViews = false

    /// Compiles `sql` into a new statement.
    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        try Statement(connection: connection, sql: readsViews ? sql.replacing(#/INDEXED BY \w+/#, with: "") : sql)
    }

    /// A prepared statement compiled once per connection and reused; for SQL that runs per row.
    public func cached(_ sql: String) throws(SQLiteError) -> Statement {
        let key = readsViews ? "past\u{0}" + sql : sql
        if let statement = cache[key] { return statement }
        let statement = try prepare(sql)
        cache[key] = statement
        return statement
    }

    /// The cached statement for `sql` unless it is part way through its rows (a query run again
    /// from within its own rows, which would reset it), else a new one: for a query that may be
    /// re-entered, compiled once per connection all the same. Compiling a claim page's queries
    /// anew took it a few percent of its time.
    public func idle(_ sql: String) throws(SQLiteError) -> Statement {
        let statement = try cached(sql)
        return sqlite3_stmt_busy(statement.handle) == 0 ? statement : try prepare(sql)
    }

    /// Runs a one-off statement with bound arguments.
    public func execute(_ sql: String, _ arguments: [any StatementArgument] = []) throws(SQLiteError) {
        try cached(sql).execute(arguments)
    }

    /// Runs a script of several statements that take no parameters, such as a migration.
    public func executeScript(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(connection, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw SQLiteError(extendedCode: sqlite3_extended_errcode(connection), message: text, sql: sql)
        }
    }

    /// The rowid of the last successful INSERT on this connection.
    public var lastInsertRowID: Int64 {
        sqlite3_last_insert_rowid(connection)
    }

    /// How many rows the last INSERT, UPDATE or DELETE on this connection changed (triggers'
    /// changes not counted): how a conditional write learns whether its condition still held.
    public var changes: Int {
        Int(sqlite3_changes(connection))
    }

    /// How long a statement waits for another process's lock before failing with SQLITE_BUSY.
    public func setBusyTimeout(milliseconds: Int32) {
        sqlite3_busy_timeout(connection, milliseconds)
    }

    public var isInTransaction: Bool {
        sqlite3_get_autocommit(connection) == 0
    }

    /// Runs `body` with this connection's triggers off, for work that does what the triggers
    /// would do in a cheaper way (see `AttributionStaging`). Other connections are not affected.
    /// Nested calls leave the triggers off until the outermost one ends: switching them costs
    /// every prepared statement a recompile.
    func withoutTriggers<T>(_ body: () throws -> T) throws -> T {
        if triggersOff { return try body() }
        try setTriggers(enabled: false)
        triggersOff = true
        defer {
            try? setTriggers(enabled: true)
            triggersOff = false
        }
        return try body()
    }

    /// Whether `withoutTriggers` has this connection's triggers off just now.
    private(set) var triggersOff = false

    private func setTriggers(enabled: Bool) throws(SQLiteError) {
        let code = csqlite_enable_triggers(connection, enabled ? 1 : 0)
        guard code == SQLITE_OK else { throw SQLiteError(connection: connection, code: code, sql: nil) }
    }

    /// Copies the whole database into a new file at `path` through SQLite's online backup API.
    /// It copies one consistent snapshot in a single step: with WAL, writers carry on meanwhile.
    public func backup(to path: String) throws(SQLiteError) {
        let target = try Database(path: path, mode: .create)
        guard let backup = sqlite3_backup_init(target.connection, "main", connection, "main") else {
            throw SQLiteError(connection: target.connection, code: sqlite3_errcode(target.connection), sql: nil)
        }
        var code: Int32
        repeat {
            code = sqlite3_backup_step(backup, -1)
            if code == SQLITE_BUSY || code == SQLITE_LOCKED { sqlite3_sleep(50) }
        } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
        let finish = sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE, finish == SQLITE_OK else {
            throw SQLiteError(connection: target.connection, code: code == SQLITE_DONE ? finish : code, sql: nil)
        }
    }

    /// Runs `body` in one read transaction, so that every query in it sees the same snapshot of
    /// the file, whatever other processes commit meanwhile.
    ///
    /// A plain (deferred) `BEGIN` takes no lock: with WAL, the snapshot is fixed by the first
    /// read and writers carry on. Inside a transaction already open, `body` simply joins it.
    public func readTransaction<T>(_ body: () throws -> T) throws -> T {
        if isInTransaction { return try body() }
        try execute("BEGIN")
        defer { if isInTransaction { try? execute("ROLLBACK") } }
        return try body()
    }

    /// Runs `body` in one transaction: all of it is committed, or none of it.
    ///
    /// `BEGIN IMMEDIATE` takes the write lock up front, so two writers queue on the busy
    /// timeout instead of deadlocking halfway through.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
    }
}
