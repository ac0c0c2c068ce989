import CSQLite

/// A Swift value that can be bound to a `?` parameter of a prepared statement.
///
/// Values are always bound, never spliced into SQL text, so no user input can change a query.
public protocol StatementArgument {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32
}

/// Tells SQLite to copy bound bytes, since Swift may move or free them after the call.
let transientDestructor = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

extension String: StatementArgument {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        // Bind the exact UTF-8 bytes with their length: text holding NUL characters stays whole.
        var text = self
        return text.withUTF8 { bytes in
            let empty: StaticString = ""
            let start = bytes.baseAddress.map(UnsafeRawPointer.init) ?? UnsafeRawPointer(empty.utf8Start)
            // The 64-bit length: a text over 2 GiB is SQLite's SQLITE_TOOBIG error, not a trap in Int32(_:).
            return sqlite3_bind_text64(
                statement,
                index,
                start.assumingMemoryBound(to: CChar.self),
                UInt64(bytes.count),
                transientDestructor,
                UInt8(SQLITE_UTF8)
            )
        }
    }
}

extension Int64: StatementArgument {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, self)
    }
}

extension Int: StatementArgument {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, Int64(self))
    }
}

extension Double: StatementArgument {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_double(statement, index, self)
    }
}

extension Bool: StatementArgument {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, self ? 1 : 0)
    }
}

extension Optional: StatementArgument where Wrapped: StatementArgument {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch self {
        case .some(let value): value.bind(to: statement, at: index)
        case .none: sqlite3_bind_null(statement, index)
        }
    }
}
