/// The claimtrail JSON interchange document: the provenance of some claims, nested
/// (claims hold their attributions and verdicts), referring to sources, speakers and other
/// claims by natural keys.
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
        for claim in found {
            let id = claim.id
            // In the order recorded: a relay always comes before what was relayed through it.
            let rows = try store.provenance.rows(.claim(id)).sorted { $0.attributionID < $1.attributionID }
            let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.attributionID, $0) })
            sourceIDs.formUnion(rows.map(\.sourceID))
            speakerIDs.formUnion(rows.compactMap(\.speakerID))
            claims.append(
                .fields([
                    "text": .text(claim.text),
                    "topic": .text(claim.topic),
                    "verdicts": try verdicts(store.verdicts(claimID: id)),
                    "attributions": rows.isEmpty
                        ? nil : .array(rows.map { attribution($0, via: $0.viaID.flatMap { byID[$0] }) }),
                ])
            )
        }
        let relations = try store.relations(among: found.map(\.id))
        sourceIDs.formUnion(relations.compactMap(\.sourceID))
        if case .all = scope {
            sourceIDs.formUnion(try store.database.cached("SELECT id FROM source").map { $0.int64(0) })
            speakerIDs.formUnion(try store.database.cached("SELECT id FROM speaker").map { $0.int64(0) })
        }
        let sources = try sourceIDs.sorted().compactMap { try store.source(id: $0) }
        let sourceRefs = Dictionary(uniqueKeysWithValues: sources.map { ($0.id, $0.url ?? $0.title) })
        let speakers = try withAffiliations(speakerIDs, in: store)

        let document = JSONValue.fields([
            "sources": .array(
                try sources.map { source in
                    .fields([
                        "title": .text(source.title), "url": .text(source.url), "outlet": .text(source.outlet),
                        "author": .text(source.author), "published": .text(source.published),
                        "body": .text(try store.sourceBody(id: source.id)),
                    ])
                }
            ),
            "speakers": .array(
                speakers.map { speaker in
                    .fields([
                        "name": .text(speaker.name), "kind": .text(speaker.kind.rawValue), "role": .text(speaker.role),
                        "affiliation": .text(
                            speaker.affiliationID.flatMap { id in speakers.first { $0.id == id }?.name }
                        ),
                        "aliases": speaker.aliases.isEmpty ? nil : .array(speaker.aliases.map(JSONValue.string)),
                    ])
                }
            ),
            "claims": .array(claims),
            "relations": relations.isEmpty
                ? nil
                : .array(
                    relations.compactMap { relation in
                        guard let from = claimTexts[relation.from], let to = claimTexts[relation.to] else { return nil }
                        return .fields([
                            "from": .string(from), "to": .string(to), "kind": .text(relation.kind.rawValue),
                            "source": .text(relation.sourceID.flatMap { sourceRefs[$0] }),
                        ])
                    }
                ),
        ])
        return try document.rendered()
    }

    private static func attribution(_ row: ProvenanceRow, via: ProvenanceRow?) -> JSONValue {
        .fields([
            "speaker": .text(row.speaker), "source": .text(row.sourceURL ?? row.sourceTitle),
            "stance": .text(row.stance.rawValue), "mode": .text(row.mode.rawValue), "quote": .text(row.quote),
            "cue": .text(row.cue), "date": .text(row.saidOn),
            "via": via.map { via in
                .fields([
                    "speaker": .text(via.speaker), "source": .text(via.sourceURL ?? via.sourceTitle),
                    "quote": .text(via.quote),
                ])
            },
            "recorded_at": .text(row.recordedAt), "recorded_by": .text(row.recordedBy),
        ])
    }

    private static func verdicts(_ verdicts: [Verdict]) -> JSONValue? {
        verdicts.isEmpty
            ? nil
            : .array(
                verdicts.map { verdict in
                    .fields([
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
