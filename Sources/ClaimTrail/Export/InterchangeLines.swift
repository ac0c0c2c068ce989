/// The whole store as JSON Lines, one import record per line: the streaming twin of
/// `InterchangeDocument`, written as it is read, so that memory stays flat however large the store.
///
/// Records come in the order `import` needs them, every reference pointing backwards: sources,
/// speakers (an affiliation before its members), claims with their verdicts, attributions in the
/// order recorded (a relay before what was relayed through it), relations, merges, then the change log. An
/// attribution is its own line rather than nested in its claim, so that no claim's attributions
/// are ever held together. Importing the file into a new store gives the same JSON export.
public enum InterchangeLines {
    /// Writes every record, showing the attributions written so far on `progress`; returns how
    /// many lines were written.
    public static func write(from store: ClaimStore, to output: TextOutput, progress: ProgressLine? = nil) throws -> Int
    {
        defer { progress?.finish() }
        return try store.read {
            // The kept counters give the total without a scan of the table.
            let total =
                try store.database.prepare("SELECT coalesce(sum(attributions), 0) FROM claim_stats")
                .first { $0.int64(0) } ?? 0
            var lines = 0
            let emit = { (record: JSONValue) throws in
                try output.write(record.line + "\n")
                lines += 1
            }
            try writeSources(from: store, emit)
            try writeSpeakers(from: store, emit)
            try writeClaims(from: store, emit)
            var attributions = 0
            try writeAttributions(from: store) { record in
                try emit(record)
                attributions += 1
                progress?.update(attributions, fraction: Double(attributions) / Double(max(total, 1)))
            }
            try writeRelations(from: store, emit)
            for case .object(var merge) in try InterchangeDocument.merges(in: store) {
                merge["type"] = .string("merge")
                try emit(.object(merge))
            }
            try InterchangeChanges.forEach(in: store) { change in
                guard case .object(var record) = change else { return }
                record["type"] = .string("change")
                try emit(.object(record))
            }
            return lines
        }
    }

    /// What a record names a claim by: its text, or its uid where the text would read as an id
    /// or a uid (“#12”) and so name another claim.
    private static func claimReference(text: String, uid: String) -> String {
        Reference.id(in: text) == nil && UID(text.trimmed()) == nil ? text : uid
    }

    private static func writeSources(from store: ClaimStore, _ emit: (JSONValue) throws -> Void) throws {
        try store.database.prepare(
            """
            SELECT uid, title, url, outlet, author, published, body, retracted_on, retraction_reason, correction_note
            FROM source ORDER BY id
            """
        )
        .forEach([]) { row in
            let notice = PublisherNotice(
                retractedOn: row.text(7),
                retractionReason: row.text(8),
                correctionNote: row.text(9)
            )
            try emit(
                notice.added(
                    to: .fields([
                        "type": .string("source"), "uid": .text(row.text(0)), "title": .string(row.string(1)),
                        "url": .text(row.text(2)), "outlet": .text(row.text(3)), "author": .text(row.text(4)),
                        "published": .text(row.text(5)), "body": .text(row.text(6)),
                    ])
                )
            )
        }
    }

    private static func writeSpeakers(from store: ClaimStore, _ emit: (JSONValue) throws -> Void) throws {
        try store.database.prepare("SELECT id FROM speaker ORDER BY id").forEach([]) { row in
            guard let speaker = try store.speaker(id: row.int64(0)) else { return }
            let affiliation = try speaker.affiliationID.flatMap { try store.speaker(id: $0) }
            try emit(
                .fields([
                    "type": .string("speaker"), "uid": .text(try store.uid(of: .speaker, id: speaker.id)?.text),
                    "name": .string(speaker.name), "kind": .string(speaker.kind.rawValue), "role": .text(speaker.role),
                    "affiliation": .text(affiliation?.name),
                    "affiliation_uid": .text(try affiliation.flatMap { try store.uid(of: .speaker, id: $0.id)?.text }),
                    "aliases": speaker.aliases.isEmpty ? nil : .array(speaker.aliases.map(JSONValue.string)),
                    "wikidata": .text(speaker.wikidata),
                ])
            )
        }
    }

    private static func writeClaims(from store: ClaimStore, _ emit: (JSONValue) throws -> Void) throws {
        try store.database.prepare("SELECT id, uid, text, topic FROM claim WHERE proposed = 0 ORDER BY id").forEach([])
        {
            row in
            let id = row.int64(0)
            try emit(
                .fields([
                    "type": .string("claim"), "uid": .text(row.text(1)), "text": .string(row.string(2)),
                    "topic": .text(row.text(3)),
                    "verdicts": InterchangeDocument.verdicts(
                        try store.verdicts(claimID: id),
                        uids: try store.verdictUIDs(claimID: id)
                    ),
                ])
            )
        }
    }

    /// Accepted attributions of reported claims, in id order: a rowid scan, with no sort to hold.
    private static func writeAttributions(from store: ClaimStore, _ emit: (JSONValue) throws -> Void) throws {
        try store.database.prepare(
            """
            SELECT c.text, c.uid, a.uid, sp.name, sp.uid, coalesce(s.url, s.title), s.uid, a.stance, a.mode, a.quote,
                   a.cue, a.said_on, v.uid, vsp.name, coalesce(vs.url, vs.title), v.quote, a.recorded_at, a.recorded_by
            FROM attribution a
            JOIN claim c ON c.id = a.claim_id
            JOIN source s ON s.id = a.source_id
            LEFT JOIN speaker sp ON sp.id = a.speaker_id
            LEFT JOIN attribution v ON v.id = a.via_id
            LEFT JOIN speaker vsp ON vsp.id = v.speaker_id
            LEFT JOIN source vs ON vs.id = v.source_id
            WHERE a.state = 'accepted' AND c.proposed = 0
            ORDER BY a.id
            """
        ).forEach([]) { row in
            let via: JSONValue? =
                row.text(12) == nil
                ? nil
                : .fields([
                    "uid": .text(row.text(12)), "speaker": .text(row.text(13)), "source": .text(row.text(14)),
                    "quote": .text(row.text(15)),
                ])
            try emit(
                .fields([
                    "type": .string("attribution"),
                    "claim": .string(claimReference(text: row.string(0), uid: row.string(1))),
                    "uid": .text(row.text(2)), "speaker": .text(row.text(3)), "speaker_uid": .text(row.text(4)),
                    "source": .text(row.text(5)), "source_uid": .text(row.text(6)), "stance": .text(row.text(7)),
                    "mode": .text(row.text(8)), "quote": .text(row.text(9)), "cue": .text(row.text(10)),
                    "date": .text(row.text(11)), "via": via, "recorded_at": .text(row.text(16)),
                    "recorded_by": .text(row.text(17)),
                ])
            )
        }
    }

    private static func writeRelations(from store: ClaimStore, _ emit: (JSONValue) throws -> Void) throws {
        try store.database.prepare(
            """
            SELECT r.uid, f.text, f.uid, t.text, t.uid, r.kind, coalesce(s.url, s.title), s.uid
            FROM claim_relation r
            JOIN claim f ON f.id = r.from_claim_id AND f.proposed = 0
            JOIN claim t ON t.id = r.to_claim_id AND t.proposed = 0
            LEFT JOIN source s ON s.id = r.source_id
            ORDER BY r.id
            """
        ).forEach([]) { row in
            try emit(
                .fields([
                    "type": .string("relation"), "uid": .text(row.text(0)),
                    "from": .string(claimReference(text: row.string(1), uid: row.string(2))),
                    "to": .string(claimReference(text: row.string(3), uid: row.string(4))),
                    "kind": .text(row.text(5)), "source": .text(row.text(6)), "source_uid": .text(row.text(7)),
                ])
            )
        }
    }
}
