import Foundation

/// The change log as interchange records, keyed by uids: an entry names its record, its claim and
/// every record its row snapshots point at (`claim_id`, `via_id`, `merged_into`…) by uid, so that it
/// means the same in every store. It is what lets a correction or a deletion travel with an export
/// and a sync, and keeps the one that lost a conflict on record.
public enum InterchangeChanges {
    /// The snapshot fields that hold a store-local id, the kind of record they name (nil: the
    /// entry's own kind, for `merged_into`), and the field that carries its uid in an export.
    static let references: [(id: String, entity: UIDEntity?, uid: String)] = [
        ("claim_id", .claim, "claim_uid"), ("speaker_id", .speaker, "speaker_uid"),
        ("source_id", .source, "source_uid"), ("via_id", .attribution, "via_uid"),
        ("affiliation_id", .speaker, "affiliation_uid"), ("merged_into", nil, "merged_into_uid"),
    ]

    /// Calls `body` with every entry, by time then uid: the same order in every store that holds them.
    static func forEach(in store: ClaimStore, _ body: (JSONValue) throws -> Void) throws {
        try store.database.prepare(
            """
            SELECT uid, changed_at, changed_by, entity, entity_id, action, claim_id, before, after, reason
            FROM change_log ORDER BY changed_at, uid
            """
        ).forEach([]) { row in
            let entity = row.string(3)
            let kind = UIDEntity(rawValue: entity)
            let uid = { (kind: UIDEntity, id: Int64) in try store.uidOfAnyRecord(kind, id: id) }
            try body(
                .fields([
                    "uid": .string(row.string(0)), "changed_at": .string(row.string(1)),
                    "changed_by": .string(row.string(2)), "entity": .string(entity),
                    "entity_uid": try kind.flatMap { try uid($0, row.int64(4)) }.map(JSONValue.string),
                    // A status label is no record: its entry names the status by its place in the order.
                    "entity_id": kind == nil ? .int(row.int64(4)) : nil,
                    "action": .string(row.string(5)),
                    "claim_uid": try row.optionalInt64(6).flatMap { try uid(.claim, $0) }.map(JSONValue.string),
                    "before": try snapshot(row.string(7), of: kind, uid: uid),
                    "after": try row.text(8).map { try snapshot($0, of: kind, uid: uid) },
                    "reason": .text(row.text(9)),
                ])
            )
        }
    }

    /// A row snapshot with its local ids replaced by uids; nulls are left out, as everywhere in an export.
    /// Of the rows a claim's deletion took with it (`RestorableRows`), only their uids travel: by them
    /// another store tells which of its rows the deletion knew of (`ChangeReplay`); their local ids
    /// would mean other rows there.
    private static func snapshot(
        _ json: String,
        of kind: UIDEntity?,
        uid: (UIDEntity, Int64) throws -> String?
    ) throws -> JSONValue {
        let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:]
        var fields: [String: JSONValue] = [:]
        for (key, value) in object {
            if let reference = references.first(where: { $0.id == key }) {
                guard let id = (value as? NSNumber)?.int64Value, let entity = reference.entity ?? kind else { continue }
                if let found = try uid(entity, id) { fields[reference.uid] = .string(found) }
            } else if let converted = Self.value(value) {
                fields[key] = converted
            }
        }
        return .object(fields)
    }

    private static func value(_ value: Any) -> JSONValue? {
        switch value {
        case let text as String: .string(text)
        case let number as NSNumber: .int(number.int64Value)
        case let list as [Any]: .array(list.compactMap(Self.value))
        case let row as [String: Any]: (row["uid"] as? String).map { .fields(["uid": .string($0)]) }
        default: nil
        }
    }
}

extension ClaimStore {
    /// The uid of a record live or gone (deleted, merged away: `retired_uid`, schema 019).
    func uidOfAnyRecord(_ entity: UIDEntity, id: Int64) throws -> String? {
        if let live = try uid(of: entity, id: id) { return live.text }
        return try database.cached("SELECT uid FROM retired_uid WHERE entity = ? AND id = ?").first([
            entity.rawValue, id,
        ]) { $0.string(0) }
    }
}
