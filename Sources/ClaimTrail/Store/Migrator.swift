/// Brings a store up to `Migration.latestVersion`.
enum Migrator {
    /// Applies every pending migration in one transaction, so a store is never left half-upgraded.
    /// A store written by a newer claimtrail is refused rather than misread.
    ///
    /// Foreign keys are off meanwhile, as SQLite's procedure for rebuilding a table asks (schema 008
    /// rebuilds the tables others point at; the pragma has no effect inside a transaction, so it is
    /// set around it), and `PRAGMA foreign_key_check` must find nothing before the upgrade commits.
    static func migrate(_ database: Database) throws {
        let current = try userVersion(of: database)
        let latest = Migration.latestVersion
        guard current <= latest else {
            throw ClaimTrailError.newerStore(path: database.path, version: current, supported: latest)
        }
        let pending = Migration.all.filter { $0.version > current }
        guard !pending.isEmpty else { return }
        try database.executeScript("PRAGMA foreign_keys = OFF")
        defer { try? database.executeScript("PRAGMA foreign_keys = ON") }
        try database.transaction {
            for migration in pending {
                try database.executeScript(migration.sql)
                try swiftSteps[migration.version]?(database)
                // PRAGMA takes no bound parameters; the version is an integer we own.
                try database.executeScript("PRAGMA user_version = \(migration.version)")
            }
            if let broken = try database.prepare("PRAGMA foreign_key_check").first([], { $0.string(0) }) {
                throw ClaimTrailError.invalid(
                    "cannot upgrade \(database.path): a row of \(broken) points at a missing row; nothing was changed"
                )
            }
        }
    }

    /// The work of a version that SQL cannot do, run right after its schema file, which says so.
    private static let swiftSteps: [Int: @Sendable (Database) throws -> Void] = [25: FoldedKeys.refold]

    static func userVersion(of database: Database) throws -> Int {
        try database.prepare("PRAGMA user_version").first { $0.int(0) } ?? 0
    }
}
