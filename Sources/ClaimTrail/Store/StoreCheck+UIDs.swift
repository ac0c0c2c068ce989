extension StoreCheck {
    /// Rows without a well-formed uid (another tool inserted them with triggers off, or wrote one
    /// by hand), and uids recorded as merged away that a live record still carries.
    static func uidProblems(in database: Database) throws -> [String] {
        var problems: [String] = []
        for entity in UIDEntity.allCases {
            problems += try database.prepare(
                """
                SELECT id FROM \(entity.table)
                WHERE uid IS NULL OR length(uid) <> 36 OR substr(uid, 15, 1) <> '7'
                   OR substr(uid, 20, 1) NOT IN ('8', '9', 'a', 'b')
                   OR replace(uid, '-', '') GLOB '*[^0-9a-f]*' OR length(replace(uid, '-', '')) <> 32
                ORDER BY id
                """
            ).map { "\(entity.rawValue) #\($0.int64(0)) has no well-formed uid" }
            problems += try database.prepare(
                "SELECT m.uid FROM merged_uid m JOIN \(entity.table) t ON t.uid = m.uid ORDER BY 1"
            ).map { "uid \($0.string(0)) is live, but merged_uid records it as merged away" }
        }
        return problems
    }
}
