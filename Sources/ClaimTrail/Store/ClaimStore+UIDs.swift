/// Finding records by uid. Every command that takes an id also takes a uid, through the resolve
/// functions; the uid of a merged claim or speaker finds the one it joined (`merged_uid`).
extension ClaimStore {
    /// The live record a uid names, or nil when no record has it. `merged` says that the uid was
    /// another record's, merged into this one (or imported as a duplicate of it).
    /// Attributions still waiting to be written (`AttributionStaging`) are found too.
    public func record(uid: UID) throws -> (entity: UIDEntity, id: Int64, merged: Bool)? {
        if let id = staging.waiting(uid: uid) { return (.attribution, id, false) }
        for entity in UIDEntity.allCases {
            if let id = try database.cached("SELECT id FROM \(entity.table) WHERE uid = ?").first(
                [uid.text],
                { $0.int64(0) }
            ) {
                return (entity, id, false)
            }
        }
        return try database.cached("SELECT entity, into_id FROM merged_uid WHERE uid = ?").first([uid.text]) { row in
            UIDEntity(rawValue: row.string(0)).map { ($0, row.int64(1), true) }
        } ?? nil
    }

    /// The id of the `entity` that `uid` names; an error when it names another kind of record or none.
    public func id(of entity: UIDEntity, uid: UID) throws -> Int64 {
        guard let found = try record(uid: uid) else {
            throw ClaimTrailError.notFound("no \(entity.rawValue) with uid \(uid)")
        }
        guard found.entity == entity else {
            throw ClaimTrailError.invalid("uid \(uid) is \(found.entity.possessive), not \(entity.possessive)")
        }
        return found.id
    }

    /// The uid of a live record.
    public func uid(of entity: UIDEntity, id: Int64) throws -> UID? {
        if entity == .attribution, let waiting = staging.waiting(id: id) { return waiting.uid }
        return try database.cached("SELECT uid FROM \(entity.table) WHERE id = ?").first([id]) { row in
            row.text(0).flatMap(UID.init)
        } ?? nil
    }

    /// Records that `uid` now means record `id`: the uid of a record merged into it (`merged`, whose
    /// own merged uids follow it), or of a record that arrived in an import as one already stored.
    func rememberUID(_ uid: UID, of entity: UIDEntity, into id: Int64, merged: Int64? = nil) throws {
        if let merged {
            try database.execute(
                "UPDATE merged_uid SET into_id = ? WHERE entity = ? AND into_id = ?",
                [id, entity.rawValue, merged]
            )
        }
        try database.execute(
            "INSERT INTO merged_uid (uid, entity, into_id) VALUES (?1, ?2, ?3)"
                + " ON CONFLICT (uid) DO UPDATE SET into_id = ?3",
            [uid.text, entity.rawValue, id]
        )
    }

    /// The claim an attribution reports, to check that an imported uid names the same attribution.
    func attributionClaimID(id: Int64) throws -> Int64? {
        if let waiting = staging.waiting(id: id) { return waiting.claimID }
        return try database.cached("SELECT claim_id FROM attribution WHERE id = ?").first([id]) { $0.int64(0) }
    }

    /// The claim a verdict rates, to check that an imported uid names the same verdict.
    func verdictClaimID(id: Int64) throws -> Int64? {
        try database.cached("SELECT claim_id FROM verdict WHERE id = ?").first([id]) { $0.int64(0) }
    }
}
