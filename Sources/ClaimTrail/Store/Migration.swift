/// One numbered step of the schema, as written in `schema/NNN_name.sql`.
///
/// The SQL is compiled into the binary (see `EmbeddedSchema.swift`) so a store can be
/// created or upgraded anywhere; `PRAGMA user_version` records the last step applied.
public struct Migration: Sendable {
    public let version: Int
    /// The file in `schema/` this step was copied from; tests compare the two.
    public let file: String
    public let sql: String

    /// The schema version a fully migrated store has.
    public static var latestVersion: Int { all.last?.version ?? 0 }
}
