extension ClaimStore {
    /// Runs `body` as one read transaction: every query in it sees the store as it was at the first
    /// one, even while other connections write. A page is built from several queries, and must
    /// not mix two states of the store.
    public func read<T>(_ body: () throws -> T) throws -> T {
        try database.execute("BEGIN DEFERRED")
        defer { if database.isInTransaction { try? database.execute("COMMIT") } }
        return try body()
    }
}
