import Testing

@testable import ClaimTrail

@Suite("Records a report names, read one by one or in one pass")
struct RecordTableTests {
    @Test(
        "every id finds the record a lookup finds, or none, whether the table is scanned, cut or looked up",
        arguments: [
            (capacity: 100, scanAfterMisses: 3), (capacity: 5, scanAfterMisses: 3),
            (capacity: 100, scanAfterMisses: 1000),
        ]
    )
    func sameRecords(capacity: Int, scanAfterMisses: Int) throws {
        let store = try TemporaryStore().store
        let ids = try (0..<12).map { try store.speaker("Speaker \($0)", role: $0 % 2 == 0 ? nil : "role \($0)") }
        let table = RecordTable(
            database: store.database,
            table: "speaker",
            columns: ["role", "name"],
            capacity: capacity,
            scanAfterMisses: scanAfterMisses
        ) { row in "\(row.string(1))|\(row.text(0) ?? "none")" }
        let lookup = try store.database.prepare(
            "SELECT name || '|' || coalesce(role, 'none') FROM speaker WHERE id = ?"
        )
        let missing = (ids.max() ?? 0) + 1
        for id in ids + [missing] + ids.reversed() + [missing] + ids {
            #expect(try table.record(id) == (try lookup.first([id]) { $0.string(0) }), "speaker #\(id)")
        }
    }
}
