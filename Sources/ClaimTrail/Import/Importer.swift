import Foundation

/// Imports a JSON or JSON Lines file into a store, in one transaction.
///
/// Records refer to each other by natural keys: sources by URL or title, speakers by name or
/// alias, claims by text, and, where the file gives them, by uid (`UIDMatching`). A record that is
/// already stored is found, not added again, so importing the same file twice changes nothing. References point
/// backwards: a record may
/// name only what the store or earlier records hold.
public struct Importer {
    public let store: ClaimStore
    /// Who the new attributions are recorded as having been entered by.
    public let recordedBy: String
    /// How many new attributions are moved into the store at a time (see `AttributionStaging`).
    public let batchSize: Int
    /// Large enough that the per-statement cost vanishes, small enough that the waiting rows
    /// take a few megabytes.
    public static let defaultBatchSize = 50_000
    /// Whether the secondary indexes are built after the rows (`DeferredIndexes`); nil decides by
    /// the file's size next to the store's.
    public let rebuildsIndexes: Bool?
    let cache = ReferenceCache()
    /// Bodies of sources stored here with another body, for the replay of body corrections.
    let offeredBodies = OfferedBodies()
    /// Aliases the file gives speakers, checked at its end for names of speakers it does not declare.
    let aliases = ImportedAliases()
    /// The latest time a record may say it was recorded or changed at (`pastTime`): now, plus
    /// `ISODate.clockLeeway`. Taken once, as every attribution's time is checked against it.
    let latestTime = ISODate.stamp(Date().addingTimeInterval(ISODate.clockLeeway))

    public init(
        store: ClaimStore,
        recordedBy: String,
        batchSize: Int = Importer.defaultBatchSize,
        rebuildsIndexes: Bool? = nil
    ) {
        self.store = store
        self.recordedBy = recordedBy
        self.batchSize = batchSize
        self.rebuildsIndexes = rebuildsIndexes
    }

    /// What an import added; anything found already stored is counted under `existing`.
    public struct Summary: Codable, Equatable, Sendable {
        public var sources = 0, speakers = 0, claims = 0, attributions = 0, relations = 0, verdicts = 0, existing = 0
        /// Change-log entries taken in (`ChangeImport`).
        public var changes = 0
        /// Records corrected differently in this store and in the file's, one line each (`ChangeReplay`).
        public var conflicts: [String] = []
        /// Stored speakers the file gave a Wikidata item: linked, when they had none.
        public var linkedSpeakers = 0
        /// Stored speakers the file gave another Wikidata item than theirs, which they keep.
        public var keptLinks: [KeptLink] = []

        /// What was added, for people: “2 sources, … 1 verdicts; 3 already stored”.
        public var counts: String {
            "\(sources) sources, \(speakers) speakers, \(claims) claims, \(attributions) attributions, "
                + "\(relations) claim relations, \(verdicts) verdicts"
                + (changes > 0 ? ", \(changes) change-log entries" : "") + "; \(existing) already stored"
                + (linkedSpeakers > 0 ? "; \(linkedSpeakers) stored speakers linked to Wikidata" : "")
                + (keptLinks.isEmpty ? "" : "; \(keptLinks.count) stored speakers kept their own Wikidata item")
        }
    }

    /// A stored speaker's Wikidata item, kept over the other one an import file gave it.
    public struct KeptLink: Codable, Equatable, Sendable {
        public var speakerID: Int64
        public var speaker: String
        public var kept: String
        public var offered: String

        /// One line for people: the speaker, the item kept, the file's, and how to change it.
        public var line: String {
            "speaker #\(speakerID) “\(speaker)” keeps its Wikidata item \(kept); the file gives \(offered) "
                + "(`speaker link` changes it)"
        }
    }

    /// Imports `path`. On any error nothing is written and the error names the file and record.
    /// - Parameters:
    ///   - bodyFolders: folders besides the import file's own that `body_file` may read from.
    ///   - progress: shows the records read so far.
    public func importFile(
        atPath path: String,
        layout: String? = nil,
        bodyFolders: [String] = [],
        progress: ProgressLine? = nil
    ) throws -> Summary {
        let file = try ImportFile(path: path, layout: layout.flatMap(ImportFile.Layout.init(rawValue:)))
        defer { progress?.finish() }
        return try store.write {
            try importRecords(of: file, bodyFolders: bodyFolders, progress: progress)
        }
    }

    /// Imports `file` within the caller's write transaction (`importFile`, a sync).
    func importRecords(of file: ImportFile, bodyFolders: [String] = [], progress: ProgressLine? = nil) throws -> Summary
    {
        let bodies = try BodyFileAccess(importFile: file.path, allowedFolders: bodyFolders)
        var summary = Summary()
        cache.removeAll()
        cache.unexplained.removeAll()
        aliases.removeAll()
        if let reviews = file.claimReviews {
            for (index, review) in reviews.enumerated() {
                let record = ImportRecord(fields: review, location: "\(file.path): ClaimReview[\(index)]")
                try located(record) { try importClaimReview(record, into: &summary) }
            }
            try checkCorrections()
            return summary
        }
        // Entries are taken in once every record is written and the triggers are on again: an
        // entry may name a record of the file, and replaying it deletes and corrects through them.
        var changes: [ImportRecord] = []
        try store.addingAttributions(inBatchesOf: batchSize, rebuildingIndexes: try rebuildsIndexes(for: file.path)) {
            var records = 0
            try file.forEachRecord(progress: { progress?.update(records, fraction: $0) }) { record in
                if record.fields["type"] as? String == "change" {
                    changes.append(record)
                } else {
                    try located(record) { try apply(record, bodies: bodies, to: &summary) }
                }
                records += 1
            }
        }
        var fileEntries = Set<String>()
        var arrived: [String: String] = [:]
        var touched: [ChangedRecord] = []
        var relabelled = false
        for record in changes {
            try located(record) {
                let uid = try UID.parse(try record.requiredString("uid")).text
                fileEntries.insert(uid)
                guard case .stored(let about) = try importChange(record) else {
                    summary.existing += 1
                    return
                }
                arrived[uid] = record.location
                summary.changes += 1
                if let about, !touched.contains(about) { touched.append(about) }
                relabelled = relabelled || about == nil
            }
        }
        try checkCorrections()
        summary.conflicts += try replayChanges(of: touched, fileEntries: fileEntries, arrived: arrived)
        // A sync's change log may relink a speaker to the file's item: only those still apart were kept.
        summary.keptLinks = try summary.keptLinks.compactMap { link in
            guard let now = try store.speaker(id: link.speakerID)?.wikidata, now != link.offered else { return nil }
            return KeptLink(speakerID: link.speakerID, speaker: link.speaker, kept: now, offered: link.offered)
        }
        if relabelled { try replayStatusLabels() }
        try aliases.check(in: store)
        return summary
    }

    private func rebuildsIndexes(for path: String) throws -> Bool {
        if let rebuildsIndexes { return rebuildsIndexes }
        var file = stat()
        let fileBytes = stat(path, &file) == 0 ? Int64(file.st_size) : 0
        let stored = try store.database.cached("SELECT coalesce(max(id), 0) FROM attribution").first { $0.int64(0) }
        return DeferredIndexes.pay(fileBytes: fileBytes, storedAttributions: stored ?? 0)
    }

    private func apply(_ record: ImportRecord, bodies: BodyFileAccess, to summary: inout Summary) throws {
        switch try record.requiredString("type") {
        case "source": try importSource(record, bodies: bodies, into: &summary)
        case "speaker": try importSpeaker(record, into: &summary)
        case "claim": try importClaim(record, into: &summary)
        case "attribution": try importAttribution(record, into: &summary)
        case "relation": try importRelation(record, into: &summary)
        case "merge": try importMerge(record)
        case let other:
            throw ClaimTrailError.invalid(
                "unknown record type “\(other)” "
                    + "(expected source, speaker, claim, attribution, relation, merge or change)"
            )
        }
    }

    private func importSource(_ record: ImportRecord, bodies: BodyFileAccess, into summary: inout Summary) throws {
        try record.requireOnly(Fields.source)
        var body = try record.string("body", limit: ImportRecord.bodyLimit)
        if let bodyFile = try record.string("body_file") {
            guard body == nil else { throw ClaimTrailError.invalid("give “body” or “body_file”, not both") }
            body = try bodies.read(bodyFile)
        }
        let draft = SourceDraft(
            title: try record.requiredString("title"),
            url: try record.string("url").map(SourceURL.normalized),
            outlet: try record.string("outlet"),
            author: try record.string("author"),
            published: try record.string("published"),
            body: body
        )
        let notice = PublisherNotice(
            retractedOn: try record.string("retracted_on").map(PublisherNotice.retractionDay),
            retractionReason: try record.string("retraction_reason"),
            correctionNote: try record.string("correction_note")
        )
        let uid = try Self.uid(of: record)
        let (id, isNew) = try storeSource(draft, uid: uid, from: record, into: &summary)
        try store.receive(notice, ofSource: id, isNew: isNew, by: recordedBy)
    }

    /// Finds the imported source in the store (by uid, else as `findSource` matches it) or adds it.
    private func storeSource(
        _ draft: SourceDraft,
        uid: UID?,
        from record: ImportRecord,
        into summary: inout Summary
    ) throws -> (id: Int64, isNew: Bool) {
        if let stored = try stored(.source, uid: uid), let uid {
            if stored.own {
                try checkSameRecord(
                    .source,
                    uid: uid,
                    stored: try store.source(id: stored.id)?.url,
                    imported: draft.url,
                    what: "URL",
                    correctable: draft.url.map { (stored.id, "url", $0, record.location) }
                )
            }
            if let body = draft.body, try store.source(id: stored.id)?.bodySHA256 != SHA256.hex(body) {
                offeredBodies.offer(body)
            }
            summary.existing += 1
            return (stored.id, false)
        } else if let existing = try store.findSource(matching: draft), uid == nil || draft.url != nil {
            try aliasUID(uid, of: .source, into: existing)
            summary.existing += 1
            return (existing, false)
        } else {
            summary.sources += 1
            return (try store.addSource(draft, uid: uid), true)
        }
    }

    private func importSpeaker(_ record: ImportRecord, into summary: inout Summary) throws {
        try record.requireOnly(Fields.speaker)
        let affiliation = try Self.uid(of: record, field: "affiliation_uid").map {
            "#\(try store.id(of: .speaker, uid: $0))"
        }
        let draft = SpeakerDraft(
            name: try record.requiredString("name"),
            kind: try record.vocabulary("kind", default: SpeakerKind.unknown),
            role: try record.string("role"),
            affiliation: try affiliation ?? record.string("affiliation"),
            aliases: try record.strings("aliases"),
            wikidata: try record.string("wikidata").map { try WikidataID.parse($0).text }
        )
        let uid = try Self.uid(of: record)
        let location = record.location
        if let stored = try stored(.speaker, uid: uid), let uid {
            let speaker = try store.speaker(id: stored.id)
            let names = ([speaker?.name] + (speaker?.aliases ?? [])).compactMap { $0.map(TextKey.fold) }
            aliases.offer(draft.aliases, to: stored.id, known: names, at: location)
            if stored.own, !names.contains(TextKey.fold(draft.name)) {
                try checkSameRecord(
                    .speaker,
                    uid: uid,
                    stored: speaker?.name,
                    imported: draft.name,
                    what: "name",
                    correctable: (stored.id, "name", draft.name, record.location)
                )
            }
            try store.addAliases(draft.aliases, to: stored.id)
            if let speaker { try offer(draft.wikidata, to: speaker, into: &summary) }
            summary.existing += 1
        } else if let existing = uid == nil ? try store.resolveSpeaker(draft.name) : nil {
            aliases.offer(draft.aliases, to: existing.id, known: [existing.name] + existing.aliases, at: location)
            try store.addAliases(draft.aliases, to: existing.id)
            try offer(draft.wikidata, to: existing, into: &summary)
            summary.existing += 1
        } else {
            aliases.offer(draft.aliases, to: try store.addSpeaker(draft, uid: uid), known: [draft.name], at: location)
            summary.speakers += 1
        }
    }

    /// The Wikidata item a file gives a speaker already stored. A speaker without one is linked to
    /// it, logged as `speaker link` logs it; one linked to another item keeps its own, since the
    /// desk chose it, and the summary says so rather than the file's item being dropped unseen.
    private func offer(_ item: String?, to speaker: Speaker, into summary: inout Summary) throws {
        guard let item, item != speaker.wikidata else { return }
        guard let stored = speaker.wikidata else {
            try store.linkSpeaker(speaker.id, to: try WikidataID.parse(item), by: recordedBy, reason: "import")
            summary.linkedSpeakers += 1
            return
        }
        guard !summary.keptLinks.contains(where: { $0.speakerID == speaker.id }) else { return }
        summary.keptLinks.append(KeptLink(speakerID: speaker.id, speaker: speaker.name, kept: stored, offered: item))
    }

    private func importClaim(_ record: ImportRecord, into summary: inout Summary) throws {
        try record.requireOnly(Fields.claim)
        let text = try record.requiredString("text")
        if let uid = try Self.uid(of: record), try store.wasDeleted(uid: uid) {
            cache.rememberDeletedClaim(text, uid: uid.text)
            summary.existing += 1
            return
        }
        let claim = try matchClaim(
            text: text,
            topic: try record.string("topic"),
            uid: try Self.uid(of: record),
            at: record.location
        )
        if claim.created { summary.claims += 1 } else { summary.existing += 1 }
        // Attributions name their claim by this same text: they need not fold and look it up
        // again. (Text that reads as an id, "#12", names claim 12 instead.)
        if Reference.id(in: text) == nil { cache.remember(.claim, text, as: claim.id) }
        for (key, kind) in [("counters", RelationKind.contradicts), ("supports", .supports)] {
            for link in try record.records(key) {
                try located(link) {
                    try link.requireOnly(Fields.link)
                    try addRelation(
                        from: claim.id,
                        to: try link.requiredString("claim"),
                        kind: kind,
                        source: try link.string("source"),
                        into: &summary
                    )
                }
            }
        }
        for verdict in try record.objects("verdicts") {
            try located(verdict) {
                try verdict.requireOnly(Fields.verdict)
                let value = Verdict(
                    rating: try verdict.requiredString("rating"),
                    score: try verdict.int("score"),
                    best: try verdict.int("best"),
                    worst: try verdict.int("worst"),
                    reviewer: try verdict.requiredString("reviewer"),
                    date: try verdict.string("date"),
                    url: try verdict.string("url"),
                    explanation: try verdict.string("explanation"),
                    language: try verdict.string("language"),
                    appearanceURL: try verdict.string("appearance_url")
                )
                let uid = try Self.uid(of: verdict)
                if let uid, let stored = try stored(.verdict, uid: uid), stored.own {
                    let storedClaim = try store.verdictClaimID(id: stored.id).map(String.init)
                    try checkSameRecord(
                        .verdict,
                        uid: uid,
                        stored: storedClaim,
                        imported: String(claim.id),
                        what: "claim"
                    )
                }
                let unchanged = try store.verdicts(claimID: claim.id).contains(value)
                if unchanged {
                    summary.existing += 1
                } else {
                    try store.setVerdict(value, on: claim.id, uid: uid, by: recordedBy)
                    summary.verdicts += 1
                }
            }
        }
        for attribution in try record.objects("attributions") {
            try located(attribution) { try importAttribution(attribution.with("claim", text), into: &summary) }
        }
    }

    private func importRelation(_ record: ImportRecord, into summary: inout Summary) throws {
        try record.requireOnly(Fields.relation)
        let uid = try Self.uid(of: record)
        if try deletedHere(record) {
            summary.existing += 1
            return
        }
        if try stored(.relation, uid: uid) != nil {
            summary.existing += 1
            return
        }
        let from = try store.resolveClaim(try record.requiredString("from")).id
        try addRelation(
            from: from,
            to: try record.requiredString("to"),
            kind: try record.vocabulary("kind", default: RelationKind.contradicts),
            source: try record.string("source_uid") ?? record.string("source"),
            uid: uid,
            into: &summary
        )
    }

    private func addRelation(
        from: Int64,
        to target: String,
        kind: RelationKind,
        source: String?,
        uid: UID? = nil,
        into summary: inout Summary
    ) throws {
        let to = try store.resolveClaim(target).id
        let sourceID = try source.map { try store.resolveSource($0).id }
        let relation = try store.addRelation(from: from, to: to, kind: kind, sourceID: sourceID, uid: uid)
        if relation.created { summary.relations += 1 } else { try aliasUID(uid, of: .relation, into: relation.id) }
        if !relation.created { summary.existing += 1 }
    }

    /// Runs `body`, placing any error at `record`.
    func located(_ record: ImportRecord, _ body: () throws -> Void) throws {
        try located(at: record.location, body)
    }

    /// Runs `body`, placing any error at `location` ("file.jsonl:12").
    func located(at location: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ClaimTrailError {
            if case .importFailed = error { throw error }
            throw ClaimTrailError.importFailed(location: location, reason: error.description)
        } catch let error as SQLiteError {
            throw ClaimTrailError.importFailed(location: location, reason: error.description)
        }
    }

    private func importAttribution(_ record: ImportRecord, into summary: inout Summary) throws {
        try record.requireOnly(Fields.attribution)
        let claimText = try record.requiredString("claim")
        if try deletedHere(record) {
            summary.existing += 1
            return
        }
        if let claimUID = cache.deletedClaim(claimText) {
            try reportOrphan(record, of: claimUID, into: &summary)
            return
        }
        let sourceReference = try record.string("source_uid") ?? record.requiredString("source")
        let claim = try cache.resolve(.claim, claimText) { try store.resolveClaim(claimText).id }
        let uid = try Self.uid(of: record)
        if let stored = try stored(.attribution, uid: uid), let uid {
            if stored.own {
                let storedClaim = try store.attributionClaimID(id: stored.id).map(String.init)
                try checkSameRecord(.attribution, uid: uid, stored: storedClaim, imported: String(claim), what: "claim")
            }
            summary.existing += 1
            return
        }
        let source = try cache.resolve(.source, sourceReference) { try store.resolveSource(sourceReference).id }
        let speaker = try (record.string("speaker_uid") ?? record.string("speaker")).map(resolveKnownSpeaker)
        let via = try record.object("via").map { try resolveVia($0, claimID: claim, defaultSource: source) }
        let draft = AttributionDraft(
            claimID: claim,
            speakerID: speaker,
            sourceID: source,
            stance: try record.vocabulary("stance", default: Stance.asserts),
            mode: try record.vocabulary("mode", default: Mode.indirect),
            quote: try record.string("quote"),
            cue: try record.string("cue"),
            date: try record.string("date"),
            viaID: via
        )
        let recordedAt = try record.string("recorded_at").map { try pastTime($0, field: "recorded_at") }
        let result = try store.addAttribution(
            draft,
            recordedBy: try recorder(of: record),
            recordedAt: recordedAt,
            uid: uid
        )
        if result.created { summary.attributions += 1 } else { summary.existing += 1 }
        if !result.created { try aliasUID(uid, of: .attribution, into: result.id) }
    }

    /// Who entered the attribution: its `recorded_by`, refused when blank or invisible as `--as` is,
    /// else whom the import records as. A name is kept as the file spells it, so that a store's export
    /// imports back to the same bytes.
    private func recorder(of record: ImportRecord) throws -> String {
        guard let named = try record.string("recorded_by") else { return recordedBy }
        _ = try Reference.required(
            named,
            "“recorded_by”",
            missing: "field “recorded_by” is blank; leave it out to record the attribution as the importer's"
        )
        return named
    }

    /// Unlike `claimtrail attribute`, an import never invents speakers: a name it cannot find
    /// is most likely a typo in a file written by hand.
    private func resolveKnownSpeaker(_ name: String) throws -> Int64 {
        try cache.resolve(.speaker, name) {
            guard let speaker = try store.resolveSpeaker(name) else {
                throw ClaimTrailError.notFound("unknown speaker “\(name)”; declare it in a speaker record first")
            }
            return speaker.id
        }
    }

    /// `"via": {"speaker": "TASS", "source": "…", "quote": "…"}` is the attribution of the same
    /// claim by that speaker (none: unattributed) in that source (by default the same source),
    /// with that quote when one is given.
    private func resolveVia(_ via: ImportRecord, claimID: Int64, defaultSource: Int64) throws -> Int64 {
        try via.requireOnly(Fields.via)
        if let uid = try Self.uid(of: via) { return try store.id(of: .attribution, uid: uid) }
        let name = try via.string("speaker")
        let speaker = try name.map(resolveKnownSpeaker)
        let source =
            try via.string("source").map { reference in
                try cache.resolve(.source, reference) { try store.resolveSource(reference).id }
            } ?? defaultSource
        let quote = try via.string("quote")
        let matches = try store.attributionIDs(claimID: claimID, speakerID: speaker, sourceID: source, quote: quote)
        let who = name.map { "by “\($0)”" } ?? "unattributed"
        guard matches.count == 1 else {
            throw matches.isEmpty
                ? ClaimTrailError.notFound(
                    "no earlier attribution of this claim \(who) in source #\(source) to relay through"
                )
                : ClaimTrailError.ambiguous(
                    "several attributions of this claim \(who) in source #\(source): "
                        + matches.map { "#\($0)" }.joined(separator: ", ") + "; add its “quote” to “via”"
                )
        }
        return matches[0]
    }

    /// An attribution of a claim deleted here, which this store never held (else it would have gone
    /// with its claim, and its uid be retired): it is not imported, as the deletion is kept, but
    /// reported by uid, as the other store's replay of the deletion reports it (`ChangeReplay`).
    private func reportOrphan(_ record: ImportRecord, of claimUID: String, into summary: inout Summary) throws {
        guard let uid = try Self.uid(of: record), try store.record(uid: uid) == nil else {
            summary.existing += 1
            return
        }
        let deletion = try store.database.cached(
            """
            SELECT changed_by || ', ' || changed_at FROM change_log
            WHERE entity = 'claim' AND action = 'delete' AND entity_id = (SELECT id FROM retired_uid WHERE uid = ?)
            ORDER BY changed_at DESC, uid DESC LIMIT 1
            """
        ).first([claimUID]) { $0.string(0) }
        summary.conflicts.append(
            Self.orphanLine(
                attribution: uid.text,
                claim: claimUID,
                speaker: try record.string("speaker") ?? "(unattributed)",
                source: try record.string("source") ?? "",
                quote: try record.string("quote") ?? "",
                recordedBy: try record.string("recorded_by") ?? recordedBy,
                deletedBy: deletion ?? "here"
            )
        )
    }

    /// The fields each kind of record may have; anything else is refused as a likely typo.
    private enum Fields {
        static let source: Set<String> = [
            "type", "uid", "title", "url", "outlet", "author", "published", "body", "body_file", "retracted_on",
            "retraction_reason", "correction_note",
        ]
        static let speaker: Set<String> = [
            "type", "uid", "name", "kind", "role", "affiliation", "affiliation_uid", "aliases", "wikidata",
        ]
        static let claim: Set<String> = [
            "type", "uid", "text", "topic", "counters", "supports", "verdicts", "attributions",
        ]
        static let attribution: Set<String> = [
            "type", "uid", "claim", "speaker", "speaker_uid", "source", "source_uid", "stance", "mode", "quote", "cue",
            "date", "via", "recorded_at", "recorded_by",
        ]
        static let link: Set<String> = ["claim", "source"]
        static let verdict: Set<String> = [
            "uid", "rating", "score", "best", "worst", "reviewer", "date", "url", "explanation", "language",
            "appearance_url",
        ]
        static let relation: Set<String> = ["type", "uid", "from", "to", "kind", "source", "source_uid"]
        static let via: Set<String> = ["uid", "speaker", "source", "quote"]
    }
}
