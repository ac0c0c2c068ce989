/// The editor's weekly sheet: one CSV row per claim (`export --format csv --per claim`), with its
/// status, who holds it, its verdicts, how many voices assert and dispute it, how many sources
/// carry it and how many independent origins they come down to (with the first-hand denials,
/// last), and when it was first and last seen. The counts are the trigger-kept counters, so
/// the sheet reads one row per claim however many attributions there are.
public enum ClaimSheet {
    public static let columns = [
        "claim_id", "claim", "topic", "status", "assignee", "assigned_at", "verdicts", "contested", "asserting_voices",
        "disputing_voices", "counter_claims", "sources", "first_seen", "last_seen", "independent_origins",
        "first_hand_denials",
    ]

    /// Writes the sheet for the claims `ids`, in that order.
    /// - Parameter cells: formula-like cells neutralised (the default) or kept raw (`--raw-cells`).
    /// - Returns: how many claims were written.
    @discardableResult
    public static func writeCSV(
        from store: ClaimStore,
        claims ids: [Int64],
        cells: CSV.Cells = .neutralised,
        to output: TextOutput
    ) throws -> Int {
        try output.writeCSV(columns, cells: cells)
        let statement = try store.database.prepare(
            """
            SELECT c.id, c.text, c.topic, c.status, c.assignee, c.assigned_at,
                   (SELECT group_concat(rating || ' (' || reviewer || ')', '; ')
                    FROM (SELECT rating, reviewer FROM verdict WHERE claim_id = c.id ORDER BY id)),
                   \(ContestRule.isContested("c.id")), s.asserting, s.disputing, s.counter_claims, s.sources,
                   s.first_seen, s.last_seen,
                   \(ClaimOrigins.count(of: "c.id")), \(ClaimOrigins.denials(of: "c.id"))
            FROM claim c JOIN claim_stats s ON s.claim_id = c.id WHERE c.id = ?
            """
        )
        for id in ids {
            try statement.forEach([id]) { row in
                try output.writeCSV(
                    (0..<columns.count).map { column in
                        column == 7 ? (row.bool(7) ? "true" : "false") : row.text(Int32(column)) ?? ""
                    },
                    cells: cells
                )
            }
        }
        return ids.count
    }
}
