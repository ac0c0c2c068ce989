/// One page of a list command's rows: at most `limit` (nil for all), after skipping `offset`.
public struct Page: Sendable {
    public var limit: Int?
    public var offset: Int

    public init(limit: Int? = nil, offset: Int = 0) {
        self.limit = limit
        self.offset = offset
    }

    /// The page as SQL's LIMIT and OFFSET values (-1: no limit).
    var bounds: [any StatementArgument] { [limit ?? -1, offset] }
}

/// A page of rows, with how many there are in all, so that a cut list can say so.
public struct Listing<Row: Sendable>: Sendable {
    public var rows: [Row]
    public var total: Int
}
