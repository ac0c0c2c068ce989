/// The claimtrail JSON interchange document: the provenance of some claims, nested
/// (claims hold their attributions and verdicts), referring to sources, speakers and other
/// claims by natural keys. Every record carries its `uid`, and an attribution names its speaker
/// and source by uid as well (`speaker_uid`, `source_uid`), so that namesakes stay apart.
///
/// It is exactly what `import` reads, so export → import → export gives the same bytes:
/// a fact-checking desk can hand its work to another without losing a quote or a relay.
public enum InterchangeDocument {
    public static func render(from store: ClaimStore, scope: ClaimScope) throws -> String {
        try store.read { try render(claims: try store.claims(in: scope), scope: scope, from: store) }
    }

    private static func render(claims found: [Claim], scope: ClaimScope, from store: ClaimStore) throws -> String {
        var claims: [JSONValue] = []
        var sourceIDs = Set<Int64>()
        var speakerIDs = Set<Int64>()
        let claimTexts = Dictionary(uniqueKeysWithValues: found.map { ($0.id, $0.text) })
        let uid = { (entity: UIDEntity, id: Int64?) throws -> JSONValue? in
            .text(try id.flatMap { try store.uid(of: entity, id: $0)?.text })
        }
        for claim in found {
            let id = claim.id
            // In the order recorded: a relay always comes before what was relayed through it.
            let rows = try store.provenance.rows(.claim(id)).sorted { $0.attributionID < $1.attributionID }
            let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.attributionID, $0) })
            sourceIDs.formUnion(rows.map(\.sourceID))
            speakerIDs.formUnion(rows.compactMap(\.speakerID))
            claims.append(
                .fields([
                    "uid": try uid(.claim, id),
                    "text": .text(claim.text),
                    "topic": .text(claim.topic),
                    "verdicts": try verdicts(store.verdicts(claimID: id), uids: store.verdictUIDs(claimID: id)),
                    "attributions": rows.isEmpty
                        ? nil
                        : .array(
                            try rows.map { row in
                                try attribution(row, via: row.viaID.flatMap { byID[$0] }, uid: uid)
                            }
                        ),
                ])
            )
        }
        let relations = try store.relations(among: found.map(\.id))
        sourceIDs.formUnion(relations.compactMap(\.sourceID))
        if case .all = scope {
            sourceIDs.formUnion(try store.database.cached("SELECT id FROM source").map { $0.int64(0) })
            speakerIDs.formUnion(try store.database.cached("SELECT id FROM speaker").map { $0.int64(0) })
        }
        let merges: [JSONValue] = if case .all = scope { try Self.merges(in: store) } else { [] }
        let sources = try sourceIDs.sorted().compactMap { try store.source(id: $0) }
        let sourceRefs = Dictionary(uniqueKeysWithValues: sources.map { ($0.id, $0.url ?? $0.title) })
        let speakers = try withAffiliations(speakerIDs, in: store)

        let document = JSONValue.fields([
            "sources": .array(
                try sources.map { source in
                    .fields([
                        "uid": try uid(.source, source.id),
                        "title": .text(source.title), "url": .text(source.url), "outlet": .text(source.outlet),
                        "author": .text(source.author), "published": .text(source.published),
                        "body": .text(try store.sourceBody(id: source.id)),
                    ])
                }
            ),
            "speakers": .array(
                try speakers.map { speaker in
                    .fields([
                        "uid": try uid(.speaker, speaker.id),
                        "name": .text(speaker.name), "kind": .text(speaker.kind.rawValue), "role": .text(speaker.role),
                        "affiliation": .text(
                            speaker.affiliationID.flatMap { id in speakers.first { $0.id == id }?.name }
                        ),
                        "affiliation_uid": try uid(.speaker, speaker.affiliationID),
                        "aliases": speaker.aliases.isEmpty ? nil : .array(speaker.aliases.map(JSONValue.string)),
                        "wikidata": .text(speaker.wikidata),
                    ])
                }
            ),
            "claims": .array(claims),
            "relations": relations.isEmpty
                ? nil
                : .array(
                    try relations.compactMap { relation in
                        guard let from = claimTexts[relation.from], let to = claimTexts[relation.to] else { return nil }
                        return .fields([
                            "uid": .text(relation.uid),
                            "from": .string(from), "to": .string(to), "kind": .text(relation.kind.rawValue),
                            "source": .text(relation.sourceID.flatMap { sourceRefs[$0] }),
                            "source_uid": try uid(.source, relation.sourceID),
                        ])
                    }
                ),
            "merges": merges.isEmpty ? nil : .array(merges),
        ])
        return try document.rendered()
    }

    /// The whole store's merge records, so that merged uids and wordings find the kept record in the
    /// store that imports them too: uids by uid, then claim wordings by the kept claim and wording.
    static func merges(in store: ClaimStore) throws -> [JSONValue] {
        var merges: [JSONValue] = []
        for entity in UIDEntity.allCases {
            merges += try store.database.prepare(
                """
                SELECT m.uid, t.uid FROM merged_uid m JOIN \(entity.table) t ON t.id = m.into_id
                WHERE m.entity = ? ORDER BY m.uid
                """
            ).map([entity.rawValue]) { row in
                .fields(["kind": .string(entity.rawValue), "uid": .string(row.string(0)), "into": .text(row.text(1))])
            }
        }
        merges += try store.database.prepare(
            "SELECT m.text, c.uid FROM claim_merge m JOIN claim c ON c.id = m.into_id ORDER BY c.uid, m.normalized"
        ).map { row in .fields(["kind": .string("claim"), "text": .string(row.string(0)), "into": .text(row.text(1))]) }
        return merges
    }

    private static func attribution(
        _ row: ProvenanceRow,
        via: ProvenanceRow?,
        uid: (UIDEntity, Int64?) throws -> JSONValue?
    ) throws -> JSONValue {
        .fields([
            "uid": try uid(.attribution, row.attributionID),
            "speaker": .text(row.speaker), "speaker_uid": try uid(.speaker, row.speakerID),
            "source": .text(row.sourceURL ?? row.sourceTitle), "source_uid": try uid(.source, row.sourceID),
            "stance": .text(row.stance.rawValue), "mode": .text(row.mode.rawValue), "quote": .text(row.quote),
            "cue": .text(row.cue), "date": .text(row.saidOn),
            "via": try via.map { via in
                .fields([
                    "uid": try uid(.attribution, via.attributionID),
                    "speaker": .text(via.speaker), "source": .text(via.sourceURL ?? via.sourceTitle),
                    "quote": .text(via.quote),
                ])
            },
            "recorded_at": .text(row.recordedAt), "recorded_by": .text(row.recordedBy),
        ])
    }

    static func verdicts(_ verdicts: [Verdict], uids: [String]) -> JSONValue? {
        verdicts.isEmpty
            ? nil
            : .array(
                zip(verdicts, uids).map { verdict, uid in
                    .fields([
                        "uid": .string(uid),
                        "rating": .text(verdict.rating), "score": .number(verdict.score),
                        "best": .number(verdict.best), "worst": .number(verdict.worst),
                        "reviewer": .text(verdict.reviewer), "date": .text(verdict.date), "url": .text(verdict.url),
                        "explanation": .text(verdict.explanation), "language": .text(verdict.language),
                        "appearance_url": .text(verdict.appearanceURL),
                    ])
                }
            )
    }

    /// The speakers and, transitively, those they are affiliated with, oldest first: an
    /// affiliation is always recorded before its members, so references point backwards.
    private static func withAffiliations(_ ids: Set<Int64>, in store: ClaimStore) throws -> [Speaker] {
        var found: [Int64: Speaker] = [:]
        var pending = Array(ids)
        while let id = pending.popLast() {
            guard found[id] == nil, let speaker = try store.speaker(id: id) else { continue }
            found[id] = speaker
            if let affiliation = speaker.affiliationID { pending.append(affiliation) }
        }
        return found.values.sorted { $0.id < $1.id }
    }
}
