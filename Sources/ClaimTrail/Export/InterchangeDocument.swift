/// The claimtrail JSON interchange document: the provenance of some claims, nested
/// (claims hold their attributions and verdicts), referring to sources, speakers and other
/// claims by natural keys. Every record carries its `uid`, and an attribution names its speaker
/// and source by uid as well (`speaker_uid`, `source_uid`), so that namesakes stay apart.
///
/// The whole store's export also carries the merge records and the change log (`InterchangeChanges`).
/// It is exactly what `import` reads, so export → import → export gives the same bytes:
/// a fact-checking desk can hand its work to another without losing a quote, a relay or a correction.
public enum InterchangeDocument: StoreDocument {
    /// Writes the document as it is read, so that memory stays flat however large the store:
    /// the whole store is read by cursors, and a claim's attributions are held only while it is written.
    public static func write(from store: ClaimStore, scope: ClaimScope, to output: TextOutput) throws {
        try write(from: store, scope: scope, to: output.write)
    }

    static func write(
        from store: ClaimStore,
        scope: ClaimScope,
        to emit: @escaping (String) throws -> Void
    )
        throws
    {
        try store.read {
            let whole = if case .all = scope { true } else { false }
            // A part of the store names only the sources and speakers its claims and relations use.
            var used = (sources: Set<Int64>(), speakers: Set<Int64>())
            var writer = PrettyJSONStream(emit)
            try writer.open()
            if whole {
                try writer.openArray("changes", omittedWhenEmpty: true)
                try InterchangeChanges.forEach(in: store) { try writer.element($0) }
                try writer.close()
            }
            try writer.openArray("claims")
            let members = try whole ? nil : store.claimIDs(in: scope)
            try forEachClaim(in: members, of: store) { claim in
                // In the order recorded: a relay always comes before what was relayed through it.
                let rows = try store.provenance.rows(.claim(claim.id)).sorted { $0.attributionID < $1.attributionID }
                if !whole {
                    used.sources.formUnion(rows.map(\.sourceID))
                    used.speakers.formUnion(rows.compactMap(\.speakerID))
                }
                try writer.element(try self.claim(claim, rows: rows, from: store))
            }
            try writer.close()
            if whole {
                try writer.openArray("merges", omittedWhenEmpty: true)
                for merge in try merges(in: store) { try writer.element(merge) }
                try writer.close()
            }
            try writer.openArray("relations", omittedWhenEmpty: true)
            try forEachRelation(among: members.map(Set.init), of: store) { relation, sourceID in
                if let sourceID, !whole { used.sources.insert(sourceID) }
                try writer.element(relation)
            }
            try writer.close()
            try writer.openArray("sources")
            try forEachID(whole ? nil : used.sources, in: "source", of: store) { id in
                guard let source = try store.source(id: id) else { return }
                try writer.element(try self.source(source, from: store))
            }
            try writer.close()
            try writer.openArray("speakers")
            let speakers = whole ? nil : try withAffiliations(used.speakers, in: store)
            try forEachID(speakers, in: "speaker", of: store) { id in
                guard let speaker = try store.speaker(id: id) else { return }
                try writer.element(try self.speaker(speaker, from: store))
            }
            try writer.close()
            try writer.close()
        }
    }

    /// Calls `body` with each claim of `ids` (nil: every reported claim, by a cursor), ascending.
    private static func forEachClaim(in ids: [Int64]?, of store: ClaimStore, _ body: (Claim) throws -> Void) throws {
        guard let ids else {
            // A claim that exists only as a proposal's content is not reported until accepted.
            return try store.database.prepare("SELECT id, text, topic FROM claim WHERE proposed = 0 ORDER BY id")
                .forEach([]) { row in try body(Claim(id: row.int64(0), text: row.string(1), topic: row.text(2))) }
        }
        for id in ids { if let claim = try store.claim(id: id) { try body(claim) } }
    }

    /// Calls `body` with each id of `ids` ascending, or with every row of `table` by a cursor when nil.
    private static func forEachID(
        _ ids: Set<Int64>?,
        in table: String,
        of store: ClaimStore,
        _ body: (Int64) throws -> Void
    ) throws {
        guard let ids else {
            return try store.database.prepare("SELECT id FROM \(table) ORDER BY id").forEach([]) {
                try body($0.int64(0))
            }
        }
        for id in ids.sorted() { try body(id) }
    }

    private static func uid(_ entity: UIDEntity, _ id: Int64?, in store: ClaimStore) throws -> JSONValue? {
        .text(try id.flatMap { try store.uid(of: entity, id: $0)?.text })
    }

    private static func claim(_ claim: Claim, rows: [ProvenanceRow], from store: ClaimStore) throws -> JSONValue {
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.attributionID, $0) })
        return .fields([
            "uid": try uid(.claim, claim.id, in: store),
            "text": .text(claim.text),
            "topic": .text(claim.topic),
            "verdicts": try verdicts(store.verdicts(claimID: claim.id), uids: store.verdictUIDs(claimID: claim.id)),
            "attributions": rows.isEmpty
                ? nil
                : .array(
                    try rows.map { row in
                        try attribution(row, via: row.viaID.flatMap { byID[$0] }) { try uid($0, $1, in: store) }
                    }
                ),
        ])
    }

    /// Calls `body` with each relation between two claims of `members` (nil: between reported claims),
    /// in the order recorded, and the source it was found in.
    private static func forEachRelation(
        among members: Set<Int64>?,
        of store: ClaimStore,
        _ body: (JSONValue, Int64?) throws -> Void
    ) throws {
        try store.database.prepare(
            """
            SELECT r.uid, f.id, f.text, f.proposed, t.id, t.text, t.proposed, r.kind, s.id, coalesce(s.url, s.title),
                   s.uid
            FROM claim_relation r
            JOIN claim f ON f.id = r.from_claim_id
            JOIN claim t ON t.id = r.to_claim_id
            LEFT JOIN source s ON s.id = r.source_id
            ORDER BY r.id
            """
        ).forEach([]) { row in
            let included =
                if let members {
                    members.contains(row.int64(1)) && members.contains(row.int64(4))
                } else {
                    row.int64(3) == 0 && row.int64(6) == 0
                }
            guard included else { return }
            try body(
                .fields([
                    "uid": .text(row.text(0)),
                    "from": .string(row.string(2)), "to": .string(row.string(5)), "kind": .text(row.text(7)),
                    "source": .text(row.text(9)), "source_uid": .text(row.text(10)),
                ]),
                row.optionalInt64(8)
            )
        }
    }

    private static func source(_ source: Source, from store: ClaimStore) throws -> JSONValue {
        try store.publisherNotice(ofSource: source.id).added(to: Self.record(of: source, from: store))
    }

    /// A source's own fields, without what its publisher said of it since.
    private static func record(of source: Source, from store: ClaimStore) throws -> JSONValue {
        .fields([
            "uid": try uid(.source, source.id, in: store),
            "title": .text(source.title), "url": .text(source.url), "outlet": .text(source.outlet),
            "author": .text(source.author), "published": .text(source.published),
            "body": .text(try store.sourceBody(id: source.id)),
        ])
    }

    private static func speaker(_ speaker: Speaker, from store: ClaimStore) throws -> JSONValue {
        .fields([
            "uid": try uid(.speaker, speaker.id, in: store),
            "name": .text(speaker.name), "kind": .text(speaker.kind.rawValue), "role": .text(speaker.role),
            "affiliation": .text(try speaker.affiliationID.flatMap { try store.speaker(id: $0)?.name }),
            "affiliation_uid": try uid(.speaker, speaker.affiliationID, in: store),
            "aliases": speaker.aliases.isEmpty ? nil : .array(speaker.aliases.map(JSONValue.string)),
            "wikidata": .text(speaker.wikidata),
        ])
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
        _ uid: (UIDEntity, Int64?) throws -> JSONValue?
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
    private static func withAffiliations(_ ids: Set<Int64>, in store: ClaimStore) throws -> Set<Int64> {
        var found = Set<Int64>()
        var pending = Array(ids)
        while let id = pending.popLast() {
            guard !found.contains(id), let speaker = try store.speaker(id: id) else { continue }
            found.insert(id)
            if let affiliation = speaker.affiliationID { pending.append(affiliation) }
        }
        return found
    }
}
