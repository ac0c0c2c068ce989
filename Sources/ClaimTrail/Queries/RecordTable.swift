/// The records of one table that a report names, by id, read as they are first named.
///
/// Once `scanAfterMisses` of them have been read one at a time, the report is taken to name many
/// (a busy claim's rows name most sources), and the whole table is read in one pass when it fits
/// in `capacity`: a scan costs a fraction of a lookup per record (the busiest claim's trace at 1M
/// spent a sixth of its time looking up 40k of the 50k sources one by one). A table too large
/// to hold is looked up record by record, and the records kept are dropped when they reach
/// `capacity`, so that memory stays bounded.
final class RecordTable<Record> {
    private let database: Database
    private let lookup: String
    private let scan: String
    private let table: String
    /// Where the scan puts the id: after the record's columns.
    private let idColumn: Int32
    private let read: (Row) -> Record
    private var records: [Int64: Record] = [:]
    private var misses = 0
    /// Whether `records` holds the whole table, so that an id it lacks has no record.
    private var complete = false

    private let capacity: Int
    private let scanAfterMisses: Int

    /// - Parameter read: the record from a row whose first columns are `columns`, in order.
    init(
        database: Database,
        table: String,
        columns: [String],
        capacity: Int = 1 << 16,
        scanAfterMisses: Int = 1 << 10,
        read: @escaping (Row) -> Record
    ) {
        self.database = database
        self.capacity = capacity
        self.scanAfterMisses = scanAfterMisses
        self.table = table
        self.read = read
        let list = columns.joined(separator: ", ")
        lookup = "SELECT \(list) FROM \(table) WHERE id = ?"
        // The id comes last, so that `read` finds its columns where the lookup puts them.
        scan = "SELECT \(list), id FROM \(table)"
        idColumn = Int32(columns.count)
    }

    /// The record with this id, or nil when there is none.
    func record(_ id: Int64) throws -> Record? {
        if let known = records[id] { return known }
        guard !complete else { return nil }
        misses += 1
        if misses == scanAfterMisses, try readAll() { return records[id] }
        let found = try database.cached(lookup).first([id], read)
        if records.count >= capacity { records.removeAll(keepingCapacity: true) }
        records[id] = found
        return found
    }

    /// Reads the whole table into `records`, when it has no more than `capacity` records.
    private func readAll() throws -> Bool {
        let count = try database.cached("SELECT count(*) FROM \(table)").first([]) { Int($0.int64(0)) } ?? 0
        guard count <= capacity else { return false }
        // Sized once: growing to the busiest traces' 50k sources rehashed the table a dozen times.
        records.removeAll()
        records.reserveCapacity(count)
        try database.prepare(scan).forEach([]) { row in records[row.int64(idColumn)] = read(row) }
        complete = true
        return true
    }
}
