/// Brings a store up to `Migration.latestVersion`.
enum Migrator {
    /// Applies every pending migration in one transaction, so a store is never left half-upgraded.
    /// A store written by a newer claimtrail is refused rather than misread.
    static func migrate(_ database: Database) throws {
        let current = try userVersion(of: database)
        let latest = Migration.latestVersion
        guard current <= latest else {
            throw ClaimTrailError.newerStore(path: database.path, version: current, supported: latest)
        }
        let pending = Migration.all.filter { $0.version > current }
        guard !pending.isEmpty else { return }
        try database.transaction {
            for migration in pending {
                try database.executeScript(migration.sql)
                // PRAGMA takes no bound parameters; the version is an integer we own.
                try database.executeScript("PRAGMA user_version = \(migration.version)")
            }
        }
    }

    static func userVersion(of database: Database) throws -> Int {
        try database.prepare("PRAGMA user_version").first { $0.int(0) } ?? 0
    }
}
