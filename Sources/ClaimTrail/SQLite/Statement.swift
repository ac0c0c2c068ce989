import CSQLite

/// A prepared statement: compiled once, then bound and stepped as often as needed.
///
/// Reusing one statement for many rows is what keeps bulk imports fast.
public final class Statement {
    let handle: OpaquePointer
    let connection: OpaquePointer
    public let sql: String

    init(connection: OpaquePointer, sql: String) throws(SQLiteError) {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw SQLiteError(connection: connection, code: code, sql: sql)
        }
        self.handle = handle
        self.connection = connection
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Resets the statement and binds `arguments` to its parameters, in order.
    public func bind(_ arguments: [any StatementArgument]) throws(SQLiteError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard arguments.count == expected else {
            throw SQLiteError(
                extendedCode: SQLITE_RANGE,
                message: "expected \(expected) arguments, got \(arguments.count)",
                sql: sql
            )
        }
        for (offset, argument) in arguments.enumerated() {
            let code = argument.bind(to: handle, at: Int32(offset + 1))
            guard code == SQLITE_OK else { throw failure(code) }
        }
    }

    /// Runs a statement that returns no rows (INSERT, UPDATE, DELETE, DDL).
    public func execute(_ arguments: [any StatementArgument] = []) throws(SQLiteError) {
        try bind(arguments)
        while try step() {}
    }

    /// Calls `body` for each result row, in order, without collecting them.
    public func forEach(
        _ arguments: [any StatementArgument] = [],
        _ body: (Row) throws -> Void
    ) throws {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        while try step() {
            try body(Row(statement: handle))
        }
    }

    /// Maps every result row to a value.
    public func map<T>(_ arguments: [any StatementArgument] = [], _ transform: (Row) throws -> T) throws -> [T] {
        var values: [T] = []
        try forEach(arguments) { values.append(try transform($0)) }
        return values
    }

    /// The first result row mapped to a value, or nil when there is none.
    public func first<T>(_ arguments: [any StatementArgument] = [], _ transform: (Row) throws -> T) throws -> T? {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        return try step() ? transform(Row(statement: handle)) : nil
    }

    /// Advances to the next row; false once the statement is done.
    func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let error = failure(code)
            sqlite3_reset(handle)
            throw error
        }
    }

    private func failure(_ code: Int32) -> SQLiteError {
        SQLiteError(connection: connection, code: code, sql: sql)
    }
}
