import Foundation

/// What the snapshots of an arriving change-log entry may hold. The log is what `--as-of`, `trace`
/// and a replay read a record's past and present from, so an entry must hold only what this store's
/// own entries hold, each value checked as the command that makes the edit checks it: an unknown
/// stance or status, a retraction dated in the future, a quote over the import's limit or a field
/// no snapshot has is refused, with the entry's place in the file, before anything is written.
/// A date said, published or reviewed is history here, checked only as a date: the entry records
/// what a store held, perhaps a later date than now from before such dates were refused
/// (`ISODate.validateArriving`).
extension Importer {
    /// The fields of an edit's `after`, by the entity it is about: what `ClaimStore.logged` snapshots
    /// (with ids turned into uids, `InterchangeChanges.references`), and for a claim also what
    /// `logAddition` writes for a relation or verdict added to it; for a status label, its two fields.
    static let snapshotFields: [String: Set<String>] = [
        "claim": Set(
            ["text", "topic", "status", "assignee", "claim_uid", "source_uid", "uid"]
                + ["verdict", "score", "best", "worst", "reviewer", "reviewed_on", "url"]
                + RelationKind.allCases.map(\.rawValue)
        ),
        "speaker": ["name", "kind", "role", "affiliation_uid", "wikidata", "aliases"],
        "source": [
            "title", "url", "outlet", "author", "published", "body_sha256", "retracted_on", "retraction_reason",
            "correction_note",
        ],
        "attribution": [
            "claim_uid", "speaker_uid", "source_uid", "via_uid", "stance", "mode", "quote", "cue", "said_on",
            "recorded_at", "recorded_by", "state",
        ],
        "status_label": ["status", "label"],
    ]

    /// Checks a snapshot of `entity`. Every text is held to the import's limit on a field, and the
    /// fields a command checks are checked as it does; an edit's `after` may hold only
    /// `snapshotFields`. (A deletion's `before` also carries the rows that went with the record.)
    func checkSnapshot(_ snapshot: ImportRecord, of entity: String, isEdit: Bool) throws {
        if isEdit, let fields = Self.snapshotFields[entity] { try snapshot.requireOnly(fields) }
        for (key, value) in snapshot.fields.sorted(by: { $0.key < $1.key }) where value is String {
            _ = try snapshot.string(key)
        }
        switch entity {
        case "claim", "status_label":
            let _: VerificationStatus? = try snapshot.string("status").map { try parseVocabulary($0, field: "status") }
            _ = try snapshot.string("reviewed_on").map { try ISODate.validate($0, field: "reviewed_on") }
        case "speaker":
            _ = try snapshot.vocabulary("kind", default: SpeakerKind.unknown)
            _ = try snapshot.string("wikidata").map(WikidataID.parse)
            _ = try snapshot.strings("aliases")
        case "source":
            _ = try snapshot.string("published").map { try ISODate.validate($0, field: "published date") }
            _ = try snapshot.string("retracted_on").map(PublisherNotice.retractionDay)
        case "attribution":
            _ = try snapshot.vocabulary("stance", default: Stance.asserts)
            _ = try snapshot.vocabulary("mode", default: Mode.indirect)
            _ = try snapshot.vocabulary("state", default: AttributionState.accepted)
            _ = try snapshot.string("said_on").map { try ISODate.validate($0, field: "said_on") }
            _ = try snapshot.string("recorded_at").map { try pastTime($0, field: "recorded_at") }
        default: break
        }
    }
}
