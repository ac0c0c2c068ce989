/// The `LIMIT` a query binds for "at most `limit` rows, or all when nil".
///
/// SQLite reads a negative LIMIT as "no limit", so a negative count, which only a caller's
/// mistake can give, becomes no rows rather than every row.
enum RowLimit {
    static func sql(_ limit: Int?) -> Int {
        limit.map { max($0, 0) } ?? -1
    }
}
