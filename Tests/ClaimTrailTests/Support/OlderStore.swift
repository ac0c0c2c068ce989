@testable import ClaimTrail

/// A store file as an older claimtrail left it, for the migration tests.
enum OlderStore {
    /// Creates a store at `path` with the migrations up to `version` only, in WAL mode as claimtrail
    /// keeps it, holding a copy of `tables` from `current` (the columns each table had at `version`).
    static func make(
        at path: String,
        version: Int,
        copying tables: [String] = [],
        from current: ClaimStore? = nil
    )
        throws
    {
        let old = try Database(path: path)
        for migration in Migration.all where migration.version <= version { try old.executeScript(migration.sql) }
        try old.executeScript("PRAGMA user_version = \(version); PRAGMA journal_mode = WAL")
        guard let current else { return }
        try old.execute("ATTACH DATABASE ? AS current", [current.path])
        for table in tables {
            let columns = try old.prepare("SELECT name FROM pragma_table_info(?)").map([table]) { $0.string(0) }
                .joined(separator: ", ")
            try old.executeScript("INSERT INTO main.\(table) SELECT \(columns) FROM current.\(table) ORDER BY 1")
        }
    }
}
