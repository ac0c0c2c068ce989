/// How an imported record is matched: by its uid first, then by its natural key.
///
/// A uid the store knows is that record (or, merged away, the one it joined): nothing is added. A uid
/// of another kind of record is an error, and so is a uid whose stored record differs from the
/// imported one in a way no merge explains (`checkSameRecord`). A new uid is a new record, so two
/// namesakes ("a senior official" from two articles) stay two, except where the natural key is
/// unique: a claim of the same text, a source of the same URL, the same attribution or relation is
/// the record already stored, and the new uid is remembered as another name for it.
extension Importer {
    /// The record's `uid` field, checked.
    static func uid(of record: ImportRecord, field: String = "uid") throws -> UID? {
        try record.string(field).map(UID.parse)
    }

    /// Whether the record's uid names one deleted in this store: an import, like a sync, does not
    /// bring back what was deleted here (the deletion is in the change log; `ChangeReplay`).
    func deletedHere(_ record: ImportRecord) throws -> Bool {
        try Self.uid(of: record).map { try store.wasDeleted(uid: $0) } ?? false
    }

    /// The stored record of this kind that `uid` names, or nil when the uid is new.
    /// - Returns: its id, and whether it is the record that was given the uid (not one merged into it).
    func stored(_ entity: UIDEntity, uid: UID?) throws -> (id: Int64, own: Bool)? {
        guard let uid, let found = try store.record(uid: uid) else { return nil }
        guard found.entity == entity else {
            throw ClaimTrailError.invalid(
                "uid \(uid) is \(found.entity.possessive), not \(entity.possessive)"
            )
        }
        return (found.id, !found.merged)
    }

    /// Refuses a uid that names a stored record whose identity differs from the imported one:
    /// `stored` and `imported` are that identity (a claim's folded text, a source's URL, an
    /// attribution's claim). Corrections are not imported this way; the stored record stays.
    /// With `correctable` (the change-log field of a claim's text, a speaker's name, a source's
    /// URL), the refusal waits for the file's change log: a correction made in one store and
    /// not yet in the other explains the difference (`checkCorrections`).
    func checkSameRecord(
        _ entity: UIDEntity,
        uid: UID,
        stored: String?,
        imported: String?,
        what: String,
        correctable: (id: Int64, field: String, value: String, location: String)? = nil
    ) throws {
        guard let stored, let imported, stored != imported else { return }
        if let correctable {
            cache.unexplained.append(
                (entity, uid, correctable.id, correctable.field, correctable.value, what, correctable.location)
            )
            return
        }
        throw ClaimTrailError.invalid(Self.anotherRecord(entity, uid: uid, what: what))
    }

    private static func anotherRecord(_ entity: UIDEntity, uid: UID, what: String) -> String {
        "uid \(uid) is stored as \(entity.rawValue) with another \(what); a uid names one record, never another"
    }

    /// Once the file's change-log entries are stored: each record that arrived with another
    /// identity must have been corrected to or from it in one of the two stores.
    func checkCorrections() throws {
        for item in cache.unexplained {
            let explained = try store.database.cached(
                """
                SELECT 1 FROM change_log WHERE entity = ?1 AND entity_id = ?2 AND action = 'edit'
                  AND (json_extract(after, '$.' || ?3) = ?4 OR json_extract(before, '$.' || ?3) = ?4)
                """
            ).first([item.entity.rawValue, item.id, item.field, item.value]) { _ in true }
            guard explained != nil else {
                throw ClaimTrailError.importFailed(
                    location: item.location,
                    reason: Self.anotherRecord(item.entity, uid: item.uid, what: item.what)
                )
            }
        }
        cache.unexplained.removeAll()
    }

    /// After a record was found by its natural key, remembers the imported uid as another name for it.
    func aliasUID(_ uid: UID?, of entity: UIDEntity, into id: Int64) throws {
        guard let uid, try store.uid(of: entity, id: id) != uid else { return }
        try store.rememberUID(uid, of: entity, into: id)
    }

    /// A merge record: `{"kind", "uid", "into"}` says that the uid was merged into the record `into`
    /// names, and `{"kind": "claim", "text", "into"}` that the wording was. Either then finds that
    /// record here too. A uid that names another live record here was not merged, and is refused.
    func importMerge(_ record: ImportRecord) throws {
        try record.requireOnly(["type", "kind", "uid", "text", "into"])
        let kind = try record.vocabulary("kind", default: UIDEntity.claim)
        let into = try store.id(of: kind, uid: try UID.parse(try record.requiredString("into")))
        if let uid = try Self.uid(of: record) {
            if let found = try store.record(uid: uid) {
                guard found.entity == kind, found.id == into else {
                    throw ClaimTrailError.invalid("uid \(uid) is another record in the store; it cannot be merged away")
                }
                return
            }
            try store.rememberUID(uid, of: kind, into: into)
        } else {
            guard kind == .claim, let text = try record.string("text") else {
                throw ClaimTrailError.invalid("a merge needs a “uid”, or for a claim the merged “text”")
            }
            try store.rememberMergedWording(text, into: into)
        }
    }

    /// The claim with this uid, else with this text, else a new one with both.
    func matchClaim(text: String, topic: String?, uid: UID?, at location: String) throws -> (id: Int64, created: Bool) {
        if let stored = try stored(.claim, uid: uid), let uid {
            if stored.own {
                let storedText = try store.claim(id: stored.id)?.text
                try checkSameRecord(
                    .claim,
                    uid: uid,
                    stored: storedText.map(TextKey.fold),
                    imported: TextKey.fold(text),
                    what: "text",
                    correctable: (stored.id, "text", text, location)
                )
            }
            // As when found by text: a claim recorded only for a proposal becomes a claim like any other.
            try store.confirmClaim(stored.id)
            return (stored.id, false)
        }
        let claim = try store.addClaim(text: text, topic: topic, uid: uid)
        if !claim.created { try aliasUID(uid, of: .claim, into: claim.id) }
        return claim
    }

    /// The uid in a JSON-LD `@id` of the form `urn:uuid:…` (as claimtrail's ClaimReview export writes
    /// it), or nil for any other identifier, which is the publisher's own and not a uid.
    static func uid(inURN value: Any?) -> UID? {
        guard let text = value as? String, text.hasPrefix("urn:uuid:") else { return nil }
        return UID(String(text.dropFirst("urn:uuid:".count)))
    }
}
