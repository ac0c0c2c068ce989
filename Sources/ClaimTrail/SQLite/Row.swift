import CSQLite

/// The current row of a statement being stepped.
///
/// A row is a view, not a copy: it is only valid inside the closure that received it,
/// which lets large exports stream without materialising anything.
public struct Row {
    let statement: OpaquePointer

    public func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(statement, column) == SQLITE_NULL
    }

    public func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(statement, column)
    }

    public func int(_ column: Int32) -> Int {
        Int(sqlite3_column_int64(statement, column))
    }

    public func double(_ column: Int32) -> Double {
        sqlite3_column_double(statement, column)
    }

    public func optionalInt64(_ column: Int32) -> Int64? {
        isNull(column) ? nil : int64(column)
    }

    public func bool(_ column: Int32) -> Bool {
        sqlite3_column_int64(statement, column) != 0
    }

    /// The column as text, or nil for NULL. Reads by byte length, so embedded NULs survive.
    public func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, column) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// Calls `body` with the column's text as SQLite holds it, UTF-8 bytes by their length (none
    /// for NULL), without building a string: for writers of millions of cells.
    public func withUTF8<Result>(
        _ column: Int32,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        let bytes = sqlite3_column_text(statement, column)
        let count = bytes == nil ? 0 : Int(sqlite3_column_bytes(statement, column))
        return try body(UnsafeBufferPointer(start: bytes, count: count))
    }

    /// The column as text, with NULL read as the empty string.
    public func string(_ column: Int32) -> String {
        text(column) ?? ""
    }
}
