import Foundation

/// Change-log entries arriving with an import or a sync (`InterchangeChanges` wrote them).
///
/// An entry is stored under its own uid, so one that is already here is skipped, with the uids it
/// names turned into this store's ids: a record this store never held takes an id never given
/// (`reserveID`), and its uid is kept in `retired_uid`. Then each record an arriving entry is about
/// is brought to its latest state in the log (`replay`): deleted, or corrected as the latest
/// correction left it. The later correction wins by time; when both stores corrected a record
/// differently, that is reported, and the one that lost stays in the change log.
extension Importer {
    /// A record that arriving entries are about.
    struct ChangedRecord: Hashable {
        let entity: UIDEntity
        let id: Int64
    }

    static let changeFields: Set<String> = [
        "type", "uid", "changed_at", "changed_by", "entity", "entity_uid", "entity_id", "action", "claim_uid",
        "before", "after", "reason",
    ]

    /// What became of an arriving entry.
    enum ChangeArrival {
        case alreadyStored
        /// Stored now; `about` is the record it concerns (a status label is none).
        case stored(about: ChangedRecord?)
    }

    /// Stores one entry, unless already stored.
    func importChange(_ record: ImportRecord) throws -> ChangeArrival {
        try record.requireOnly(Self.changeFields)
        let uid = try UID.parse(try record.requiredString("uid"))
        let entity = try record.requiredString("entity")
        guard ["claim", "speaker", "attribution", "source", "status_label"].contains(entity) else {
            throw ClaimTrailError.invalid("unknown “entity” “\(entity)” of a change")
        }
        let action = try record.requiredString("action")
        guard action == "edit" || action == "delete" else {
            throw ClaimTrailError.invalid("a change's “action” is “edit” or “delete”, not “\(action)”")
        }
        guard
            try store.database.cached("SELECT 1 FROM change_log WHERE uid = ?").first([uid.text], { _ in true })
                == nil
        else { return .alreadyStored }
        let kind = UIDEntity(rawValue: entity)
        let changedAt = try pastTime(try record.requiredString("changed_at"), field: "changed_at")
        let entityID: Int64
        if let kind {
            if action == "delete", kind == .speaker || kind == .source,
                let named = try Self.uid(of: record, field: "entity_uid"),
                let found = try store.record(uid: named), !found.merged
            {
                // Its deletion would leave the record here with the log saying it is gone (`check`
                // fails), and its attributions pointing at it.
                throw ClaimTrailError.invalid(
                    "\(entity) \(named) is in this store, and a \(entity) leaves a store only by a merge into "
                        + "another, which the file does not make"
                )
            }
            // A record deleted before its store gave uids (schema 013) has none: it was never elsewhere.
            entityID =
                try Self.uid(of: record, field: "entity_uid").map { try localID(kind, uid: $0) }
                ?? store.reserveID(in: kind.table)
        } else {
            guard let id = try record.int("entity_id") else {
                throw ClaimTrailError.invalid("field “entity_id” is required for a change of \(entity)")
            }
            entityID = Int64(id)
        }
        guard let before = try record.object("before") else {
            throw ClaimTrailError.invalid("field “before” is required and must be an object")
        }
        let after = try record.object("after")
        guard (after == nil) == (action == "delete") else {
            throw ClaimTrailError.invalid("an edit has an “after”, and a deletion none")
        }
        try located(before) { try checkSnapshot(before, of: entity, isEdit: false) }
        if let after { try located(after) { try checkSnapshot(after, of: entity, isEdit: true) } }
        try store.database.execute(
            """
            INSERT INTO change_log
                (uid, changed_at, changed_by, entity, entity_id, action, claim_id, before, after, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                uid.text, changedAt,
                try record.requiredString("changed_by"), entity, entityID, action,
                try Self.uid(of: record, field: "claim_uid").map { try localID(.claim, uid: $0) },
                try snapshot(before, of: kind), try after.map { try snapshot($0, of: kind) },
                try record.string("reason"),
            ]
        )
        return .stored(about: kind.map { ChangedRecord(entity: $0, id: entityID) })
    }

    /// A time the record says something was recorded or changed at, as stored; one in the future
    /// (beyond `ISODate.clockLeeway`) is refused, as no command could have written it.
    func pastTime(_ text: String, field: String) throws -> String {
        let time = try ISODate.validate(text, field: field)
        guard !ISODate.isLater(time, than: latestTime) else {
            throw ClaimTrailError.invalid("\(field) \(time) is in the future (now is \(ISODate.stamp(Date())))")
        }
        return time
    }

    /// A snapshot with its uids turned back into this store's ids, as compact JSON.
    private func snapshot(_ record: ImportRecord, of kind: UIDEntity?) throws -> String {
        var fields = record.fields
        for reference in InterchangeChanges.references {
            guard let value = fields.removeValue(forKey: reference.uid) else { continue }
            guard let text = value as? String, let entity = reference.entity ?? kind else {
                throw ClaimTrailError.invalid("field “\(reference.uid)” must be a uid")
            }
            fields[reference.id] = try localID(entity, uid: try UID.parse(text))
        }
        let data = try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// This store's id of the record `uid` names: live, or gone (deleted, merged away), or never here.
    func localID(_ entity: UIDEntity, uid: UID) throws -> Int64 {
        if let found = try store.record(uid: uid), !found.merged {
            guard found.entity == entity else {
                throw ClaimTrailError.invalid("uid \(uid) is \(found.entity.possessive), not \(entity.possessive)")
            }
            return found.id
        }
        if let retired = try store.retiredRecord(uid: uid) {
            guard retired.entity == entity else {
                throw ClaimTrailError.invalid("uid \(uid) is \(retired.entity.possessive), not \(entity.possessive)")
            }
            return retired.id
        }
        let id = try store.reserveID(in: entity.table)
        try store.database.execute(
            "INSERT INTO retired_uid (uid, entity, id) VALUES (?, ?, ?)",
            [uid.text, entity.rawValue, id]
        )
        return id
    }
}

extension ClaimStore {
    /// The record a uid named before its row was deleted or merged away.
    func retiredRecord(uid: UID) throws -> (entity: UIDEntity, id: Int64)? {
        try database.cached("SELECT entity, id FROM retired_uid WHERE uid = ?").first([uid.text]) { row in
            UIDEntity(rawValue: row.string(0)).map { ($0, row.int64(1)) }
        } ?? nil
    }

    /// Whether `uid` was deleted here: its row is gone, and no merge took it in.
    func wasDeleted(uid: UID) throws -> Bool {
        try retiredRecord(uid: uid) != nil && record(uid: uid) == nil
    }
}
