import Foundation

/// Bringing records to the state their change log says, after entries arrived from another store.
///
/// Every store that holds the same entries replays them the same way, so two stores that took in
/// each other's entries hold the same records: the latest entry of a record (by time, then uid) is
/// its state. A deletion deletes it; a correction sets the fields the entry's snapshot holds. The
/// replay itself writes no entry (`ClaimStore.replayingChanges`): it only repeats logged ones.
extension Importer {
    /// One entry of a record's history.
    private struct Entry {
        let uid: String
        let action: String
        let before: [String: Any]?
        let after: [String: Any]?
        let at: String
        let by: String
    }

    /// The snapshot field every full snapshot of a kind holds; entries without it (a relation or
    /// verdict added to a claim, schema 015) say nothing about the record's own fields.
    private static let snapshotKey: [UIDEntity: String] = [
        .claim: "text", .speaker: "name", .source: "title", .attribution: "claim_id",
    ]

    /// Replays the log of each record in `records`, in order.
    /// - Parameters:
    ///   - fileEntries: the uids of every entry in the file, new here or not.
    ///   - arrived: the uids of the entries the file brought that were not here, with where each is in
    ///     the file: a record's replay that fails (a correction to wording another claim has) is
    ///     reported at the latest of them.
    /// - Returns: a line for each record corrected differently here and in the file's store.
    func replayChanges(
        of records: [ChangedRecord],
        fileEntries: Set<String>,
        arrived: [String: String]
    ) throws -> [String] {
        store.replayingChanges = true
        defer { store.replayingChanges = false }
        var conflicts: [String] = []
        for record in records {
            guard let key = Self.snapshotKey[record.entity] else { continue }
            let entries = try history(of: record).filter { $0.action == "delete" || $0.after?[key] != nil }
            guard let latest = entries.last, try store.uid(of: record.entity, id: record.id) != nil else { continue }
            let place = entries.reversed().lazy.compactMap { arrived[$0.uid] }.first ?? "the file's change log"
            guard let after = latest.after else {
                if record.entity == .claim { conflicts += try orphans(of: record, deletedBy: latest) }
                try located(at: place) { try delete(record) }
                continue
            }
            try located(at: place) {
                try apply(after, to: record)
                if record.entity == .claim { try restoreDeskState(of: record.id, from: entries) }
            }
            let edits = entries.filter { $0.action == "edit" }
            if let ours = edits.last(where: { !fileEntries.contains($0.uid) }),
                let theirs = edits.last(where: { arrived[$0.uid] != nil }),
                let line = try conflict(record, ours, theirs, kept: latest)
            {
                conflicts.append(line)
            }
        }
        return conflicts
    }

    private func history(of record: ChangedRecord) throws -> [Entry] {
        try store.database.prepare(
            """
            SELECT uid, action, before, after, changed_at, changed_by FROM change_log
            WHERE entity = ? AND entity_id = ? ORDER BY changed_at, uid
            """
        ).map([record.entity.rawValue, record.id]) { row in
            let object = { (column: Int32) in
                row.text(column).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            }
            return Entry(
                uid: row.string(0),
                action: row.string(1),
                before: object(2),
                after: object(3),
                at: row.string(4),
                by: row.string(5)
            )
        }
    }

    private func delete(_ record: ChangedRecord) throws {
        switch record.entity {
        case .claim: try store.deleteClaim(record.id, by: recordedBy, reason: nil)
        case .attribution: try store.deleteAttribution(record.id, by: recordedBy, reason: nil)
        // Speakers and sources leave a store only by a merge, which a sync makes before it imports.
        default: break
        }
    }

    /// Lines for the attributions of a claim that another store deleted, which that store never
    /// held: recorded here meanwhile, they go with the claim, as everywhere the deletion arrives,
    /// and each is reported by uid with what it said, to be recorded again if the claim is not
    /// done with. (The deletion is kept rather than the claim restored: it is a decision about the
    /// whole claim, which one added row should not undo.)
    private func orphans(of record: ChangedRecord, deletedBy deletion: Entry) throws -> [String] {
        let known = Set(
            (deletion.before?["attributions"] as? [[String: Any]] ?? []).compactMap { $0["uid"] as? String }
        )
        let claimUID = try store.uidOfAnyRecord(.claim, id: record.id) ?? "#\(record.id)"
        return try store.database.prepare(
            """
            SELECT a.uid, coalesce(sp.name, '(unattributed)'), s.title, coalesce(a.quote, ''), a.recorded_by
            FROM attribution a JOIN source s ON s.id = a.source_id LEFT JOIN speaker sp ON sp.id = a.speaker_id
            WHERE a.claim_id = ? AND a.state = 'accepted' ORDER BY a.id
            """
        ).map([record.id]) { row in
            (
                uid: row.string(0),
                line: Self.orphanLine(
                    attribution: row.string(0),
                    claim: claimUID,
                    speaker: row.string(1),
                    source: row.string(2),
                    quote: row.string(3),
                    recordedBy: row.string(4),
                    deletedBy: "\(deletion.by), \(deletion.at)"
                )
            )
        }.filter { !known.contains($0.uid) }.map(\.line)
    }

    /// The line reporting an attribution dropped because its claim was deleted in one of the two stores.
    static func orphanLine(
        attribution: String,
        claim: String,
        speaker: String,
        source: String,
        quote: String,
        recordedBy: String,
        deletedBy: String
    ) -> String {
        "conflict: attribution \(attribution) (\(speaker) in “\(source)”"
            + (quote.isEmpty ? "" : ": “\(quote)”") + ", by \(recordedBy)) is of claim \(claim), "
            + "deleted (\(deletedBy)): the deletion is kept, the attribution is not"
    }

    /// Sets the record's correctable fields as the snapshot has them.
    private func apply(_ after: [String: Any], to record: ChangedRecord) throws {
        let text = { (key: String) in after[key] as? String ?? "" }
        switch record.entity {
        case .claim:
            try store.editClaim(
                record.id,
                text: after["text"] as? String,
                topic: text("topic"),
                by: recordedBy,
                reason: nil
            )
        case .attribution:
            try store.editAttribution(
                record.id,
                quote: text("quote"),
                cue: text("cue"),
                mode: Mode(rawValue: text("mode")),
                by: recordedBy,
                reason: nil
            )
        case .speaker:
            try store.editSpeaker(
                record.id,
                name: after["name"] as? String,
                kind: SpeakerKind(rawValue: text("kind")),
                role: text("role"),
                by: recordedBy,
                reason: nil
            )
            try store.linkSpeaker(record.id, to: try? WikidataID.parse(text("wikidata")), by: recordedBy, reason: nil)
        case .source:
            // A body is named by its hash: one that differs from the stored one came with the file.
            let body = try (after["body_sha256"] as? String).flatMap { hash in
                try store.source(id: record.id)?.bodySHA256 == hash ? nil : offeredBodies.body(sha256: hash)
            }
            try store.editSource(
                record.id,
                title: after["title"] as? String,
                url: text("url"),
                outlet: text("outlet"),
                author: text("author"),
                published: text("published"),
                body: body,
                by: recordedBy,
                reason: nil
            )
        case .relation, .verdict: break
        }
    }

    /// A claim's status and holder as its latest entry left them, each dated by the entry that set it:
    /// without this, the claim kept the status it had here while its history, which travelled, said
    /// otherwise. An entry from before the desk workflow (schema 009) has no status and changes neither.
    private func restoreDeskState(of claimID: Int64, from entries: [Entry]) throws {
        guard let latest = entries.last, let after = latest.after,
            let status = (after["status"] as? String).flatMap(VerificationStatus.init(rawValue:))
        else { return }
        let setAt = { (key: String) in
            entries.last { $0.after?[key] as? String != $0.before?[key] as? String }?.at ?? latest.at
        }
        try store.restoreDeskState(
            of: claimID,
            status: status,
            since: setAt("status"),
            assignee: after["assignee"] as? String,
            assignedAt: setAt("assignee")
        )
    }

    /// The desk's words for the statuses as the latest entry of each left them (by time, then uid, as for
    /// records), once an entry renaming one arrived. A status that no entry renamed keeps its label. They
    /// are set all at once, so that two labels trading places never meet; two statuses left with one label
    /// (each store gave it to another) are refused, as `status labels` refuses a label already in use.
    func replayStatusLabels() throws {
        let current = try store.statusLabels()
        var labels = current
        for status in VerificationStatus.allCases {
            let latest = try store.database.cached(
                """
                SELECT json_extract(after, '$.label') FROM change_log WHERE entity = 'status_label' AND entity_id = ?
                ORDER BY changed_at DESC, uid DESC LIMIT 1
                """
            ).first([status.step + 1]) { $0.text(0) }
            if let latest { labels[status] = latest }
        }
        guard labels != current else { return }
        let named = Dictionary(grouping: labels.keys, by: { labels[$0] ?? "" })
        if let (label, statuses) = named.first(where: { $0.value.count > 1 }) {
            throw ClaimTrailError.invalid(
                "“\(label)” would label both "
                    + statuses.sorted { $0.step < $1.step }.map(\.rawValue).joined(separator: " and ")
                    + ": rename one with claimtrail status labels, in either store, and sync again; nothing was written"
            )
        }
        try store.database.execute("DELETE FROM status_label")
        for (status, label) in labels {
            try store.database.execute("INSERT INTO status_label VALUES (?, ?)", [status.rawValue, label])
        }
    }

    /// The line reporting two different corrections of one record, or nil when they agree.
    private func conflict(_ record: ChangedRecord, _ ours: Entry, _ theirs: Entry, kept: Entry) throws -> String? {
        // A null (a snapshot written here) and a field left out (one that arrived) are both “none”.
        let value = { (entry: Entry, key: String) in
            entry.after?[key].flatMap { $0 is NSNull ? nil : "\($0)" } ?? ""
        }
        let ids = Set(InterchangeChanges.references.map(\.id))
        let keys = Set(ours.after?.keys.map { $0 } ?? []).union(theirs.after?.keys.map { $0 } ?? [])
        let differing = keys.subtracting(ids).sorted().filter { value(ours, $0) != value(theirs, $0) }
        guard !differing.isEmpty else { return nil }
        let uid = try store.uidOfAnyRecord(record.entity, id: record.id) ?? "#\(record.id)"
        let describe = { (entry: Entry) in
            differing.map { "\($0) “\(value(entry, $0))”" }.joined(separator: ", ") + " (\(entry.by), \(entry.at))"
        }
        let lost = kept.uid == theirs.uid ? ours : theirs
        return "conflict: \(record.entity.rawValue) \(uid) was corrected twice: kept \(describe(kept)); "
            + "\(describe(lost)) stays in the change log"
    }
}
