/// W3C PROV-JSON (https://www.w3.org/Submission/prov-json/) for the provenance of claims.
///
/// Every record is named by its uid, `uuid:…` with the prefix `uuid` standing for `urn:uuid:`, so a
/// document names the same records as the JSON export and as another store's PROV-JSON. The mapping:
/// - sources and claims are entities; speakers are agents;
/// - each attribution is an entity: the statement as reported, a
///   `specializationOf` its claim, `wasAttributedTo` its speaker;
/// - the source `wasQuotedFrom` a direct quote and `wasDerivedFrom` any other attribution;
/// - a relay `hadPrimarySource` the statement it relayed (PROV-JSON writes this as a
///   `wasDerivedFrom` typed `prov:PrimarySource`);
/// - an affiliation is `actedOnBehalfOf`; a counter-claim `wasInfluencedBy` the claim it
///   disputes, typed `ct:contradicts` (or `ct:supports`);
/// - a retracted source `wasInvalidatedBy` its retraction, an activity carrying the reason;
/// - an attribution corrected since it was recorded `wasRevisionOf` each earlier wording the
///   change log keeps (a `wasDerivedFrom` typed `prov:Revision`), named `…/revision/<log id>`.
public enum ProvDocument: StoreDocument {
    /// Writes the document as it reads the store, claim by claim, in one snapshot: entities go
    /// straight out, while agents and each kind of relation wait in a `SpillFile` for their place
    /// after them. Memory holds the names of sources and speakers (few), never the attributions.
    ///
    /// Relations are numbered `_:r1`, `_:r2`… in the order they are met, as when the document
    /// was built whole; members appear in the order written rather than sorted by key.
    public static func write(
        from store: ClaimStore,
        scope: ClaimScope,
        to emit: @escaping (String) throws -> Void
    )
        throws
    {
        try store.read {
            var json = PrettyJSONStream(emit)
            try json.open()
            try json.member(
                "prefix",
                .object([
                    "ct": .string("urn:claimtrail:"), "schema": .string("https://schema.org/"),
                    "uuid": .string("urn:uuid:"),
                ])
            )
            try json.open("entity")
            var builder = try Builder(store: store) { try json.member($0, $1) }
            let ids = try store.claimIDs(in: scope)
            let provenance = store.provenance
            for id in ids {
                guard let claim = try store.claim(id: id) else { continue }
                try builder.entity(
                    try builder.name(.claim, claim.id),
                    [
                        "prov:type": .string("ct:Claim"), "prov:label": .string(claim.text),
                        "ct:topic": .text(claim.topic),
                    ]
                )
                try provenance.forEach(.claim(claim.id)) { try builder.add($0) }
            }
            for relation in try store.relations(among: ids) {
                try builder.relation(
                    "wasInfluencedBy",
                    [
                        "prov:influencee": .string(try builder.name(.claim, relation.from)),
                        "prov:influencer": .string(try builder.name(.claim, relation.to)),
                        "prov:type": .string("ct:\(relation.kind.rawValue)"),
                        "ct:source": try relation.sourceID.map { .string(try builder.name(.source, $0)) },
                    ]
                )
            }
            try json.close()
            try json.raw("agent", builder.agents.copy)
            for (kind, part) in builder.relations.sorted(by: { $0.key < $1.key }) { try json.raw(kind, part.copy) }
            // Retractions are the only activities (few): a store without one keeps its document as it was.
            if !builder.activities.isEmpty { try json.member("activity", .object(builder.activities)) }
            try json.close()
        }
    }

    /// Writes the document's records, each once, keeping what comes after the entities aside.
    private struct Builder {
        let store: ClaimStore
        /// Writes one entity of the open `entity` object.
        let entityOut: (String, JSONValue) throws -> Void
        var agents: SpilledObject
        var relations: [String: SpilledObject] = [:]
        /// The retractions met so far, by name.
        var activities: [String: JSONValue] = [:]
        private var relationCount = 0
        /// Qualified names already looked up; a source or speaker in this map was written.
        private var names: [UIDEntity: [Int64: String]] = [:]
        /// The current claim's name: its rows come together.
        private var claimName: (id: Int64, name: String)?

        init(store: ClaimStore, entity: @escaping (String, JSONValue) throws -> Void) throws {
            self.store = store
            self.entityOut = entity
            agents = try SpilledObject()
        }

        /// `uuid:<uid>`: the record's uid as a qualified name; `ct:claim/12` for a row without one.
        func name(_ entity: UIDEntity, _ id: Int64) throws -> String {
            if let known = names[entity]?[id] { return known }
            return try store.uid(of: entity, id: id).map { "uuid:\($0)" } ?? "ct:\(entity.rawValue)/\(id)"
        }

        private mutating func claim(_ id: Int64) throws -> String {
            if let claimName, claimName.id == id { return claimName.name }
            let name = try name(.claim, id)
            claimName = (id, name)
            return name
        }

        mutating func entity(_ id: String, _ attributes: KeyValuePairs<String, JSONValue?>) throws {
            try entityOut(id, .fields(attributes))
        }

        mutating func relation(_ kind: String, _ attributes: KeyValuePairs<String, JSONValue?>) throws {
            relationCount += 1
            if relations[kind] == nil { relations[kind] = try SpilledObject() }
            try relations[kind]!.member("_:r\(relationCount)", .fields(attributes))
        }

        mutating func add(_ row: ProvenanceRow) throws {
            let statement = try name(.attribution, row.attributionID)
            let source = try name(.source, row.sourceID)
            if names[.source]?[row.sourceID] == nil {
                names[.source, default: [:]][row.sourceID] = source
                try retraction(of: row.sourceID, named: source)
                try entity(
                    source,
                    [
                        "prov:type": .string("schema:NewsArticle"), "prov:label": .string(row.sourceTitle),
                        "schema:url": .text(row.sourceURL), "schema:publisher": .text(row.sourceOutlet),
                        "schema:author": .text(row.sourceAuthor), "schema:datePublished": .text(row.published),
                    ]
                )
            }
            try entity(
                statement,
                [
                    "prov:type": .string("ct:Attribution"), "prov:value": .text(row.quote),
                    "ct:stance": .string(row.stance.rawValue), "ct:mode": .string(row.mode.rawValue),
                    "ct:cue": .text(row.cue),
                    "ct:saidOn": .text(row.saidOn), "ct:recordedAt": .string(row.recordedAt),
                    "ct:recordedBy": .string(row.recordedBy),
                ]
            )
            try relation(
                "specializationOf",
                [
                    "prov:specificEntity": .string(statement),
                    "prov:generalEntity": .string(try claim(row.claimID)),
                ]
            )
            try relation(
                "wasDerivedFrom",
                [
                    "prov:generatedEntity": .string(source), "prov:usedEntity": .string(statement),
                    "prov:type": row.mode == .direct ? .string("prov:Quotation") : nil,
                ]
            )
            if let speakerID = row.speakerID {
                let agent = try agent(speakerID)
                try relation("wasAttributedTo", ["prov:entity": .string(statement), "prov:agent": .string(agent)])
            }
            try revisions(of: row.attributionID, named: statement)
            if let via = row.viaID {
                try relation(
                    "wasDerivedFrom",
                    [
                        "prov:generatedEntity": .string(try name(.attribution, via)),
                        "prov:usedEntity": .string(statement),
                        "prov:type": .string("prov:PrimarySource"),
                    ]
                )
            }
        }

        /// A retracted source's invalidation by an activity of its own, carrying the reason.
        private mutating func retraction(of id: Int64, named source: String) throws {
            guard
                let (day, reason) = try store.database.cached(
                    "SELECT retracted_on, retraction_reason FROM source WHERE id = ? AND retracted_on IS NOT NULL"
                ).first([id], { ($0.string(0), $0.text(1)) })
            else { return }
            let activity = "ct:retraction/\(id)"
            activities[activity] = .fields(["prov:type": .string("ct:Retraction"), "prov:label": .text(reason)])
            try relation(
                "wasInvalidatedBy",
                [
                    "prov:entity": .string(source), "prov:activity": .string(activity),
                    // PROV times are xsd:dateTime; a retraction recorded by day starts at midnight UTC.
                    "prov:time": .string(day.count == 10 ? day + "T00:00:00Z" : day),
                ]
            )
        }

        /// Each earlier wording of a corrected attribution, from the change log, and its revision.
        private mutating func revisions(of id: Int64, named statement: String) throws {
            let earlier = try store.database.cached(
                """
                SELECT id, json_extract(before, '$.quote'), changed_at FROM change_log
                WHERE entity = 'attribution' AND entity_id = ? AND action = 'edit' ORDER BY id
                """
            ).map([id]) { ($0.int64(0), $0.text(1), $0.string(2)) }
            for (logID, quote, changedAt) in earlier {
                let version = "\(statement)/revision/\(logID)"
                try entity(version, ["prov:type": .string("ct:Attribution"), "prov:value": .text(quote)])
                try relation(
                    "wasDerivedFrom",
                    [
                        "prov:generatedEntity": .string(statement), "prov:usedEntity": .string(version),
                        "prov:type": .string("prov:Revision"), "ct:changedAt": .string(changedAt),
                    ]
                )
            }
        }

        /// Adds a speaker and, transitively, whom they act for; returns the speaker's name.
        @discardableResult
        mutating func agent(_ id: Int64) throws -> String {
            if let known = names[.speaker]?[id] { return known }
            let key = try name(.speaker, id)
            names[.speaker, default: [:]][id] = key
            guard let speaker = try store.speaker(id: id) else { return key }
            let type: String =
                switch speaker.kind {
                case .person: "prov:Person"
                case .organization, .government, .media: "prov:Organization"
                case .anonymous, .unknown: "prov:Agent"
                }
            try agents.member(
                key,
                .fields([
                    "prov:type": .string(type), "prov:label": .string(speaker.name),
                    "ct:kind": .string(speaker.kind.rawValue),
                    "ct:role": .text(speaker.role),
                    "ct:wikidata": speaker.wikidata.flatMap { WikidataID($0) }.map { item in
                        .object(["$": .string(item.entityURL), "type": .string("xsd:anyURI")])
                    },
                ])
            )
            if let affiliation = speaker.affiliationID {
                let responsible = try agent(affiliation)
                try relation(
                    "actedOnBehalfOf",
                    ["prov:delegate": .string(key), "prov:responsible": .string(responsible)]
                )
            }
            return key
        }
    }
}

/// One object of a pretty-printed document, two levels deep, written to a `SpillFile` member by
/// member until its turn comes.
private struct SpilledObject {
    private let file: SpillFile
    private var count = 0

    init() throws { file = try SpillFile() }

    mutating func member(_ key: String, _ value: JSONValue) throws {
        var json: [UInt8] = []
        json.append(ascii: count == 0 ? "{\n    " : ",\n    ")
        PrettyJSON.appendKey(key, to: &json)
        value.appendPretty(to: &json, depth: 2)
        count += 1
        try file.write(bytes: json)
    }

    /// The object, closed as JSONEncoder closes one (an empty one with a blank line).
    func copy(to emit: (String) throws -> Void) throws {
        guard count > 0 else { return try emit("{\n\n  }") }
        try file.copy(to: emit)
        try emit("\n  }")
    }
}
