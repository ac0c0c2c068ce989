import CSQLite

/// The one error the SQLite layer throws.
///
/// It keeps the result code so callers can react to a specific failure
/// (a busy store, a constraint, a file that is not a database), and the SQL
/// so that a failure deep in a command can still be traced to its statement.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// The extended result code, e.g. `SQLITE_CONSTRAINT_UNIQUE`.
    public let extendedCode: Int32
    public let message: String
    public let sql: String?

    /// The primary result code (`SQLITE_CONSTRAINT`, `SQLITE_BUSY`, …).
    public var code: Int32 { extendedCode & 0xFF }

    public init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// Reads the pending error of a connection.
    init(connection: OpaquePointer?, code: Int32, sql: String?) {
        let message =
            connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        self.init(extendedCode: extended, message: message, sql: sql)
    }

    /// One line, fit for a command-line error: the message and the code, the SQL on one line.
    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql {
            let flat = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            text += " — in: \(flat.count > 160 ? flat.prefix(160) + "…" : flat)"
        }
        return text
    }
}
