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
public enum ProvDocument {
    public static func render(from store: ClaimStore, scope: ClaimScope) throws -> String {
        try store.read { try render(claims: try store.claims(in: scope), from: store) }
    }

    private static func render(claims: [Claim], from store: ClaimStore) throws -> String {
        var builder = Builder()
        for claim in claims {
            builder.entity(
                try Builder.name(.claim, claim.id, store: store),
                [
                    "prov:type": .string("ct:Claim"), "prov:label": .string(claim.text), "ct:topic": .text(claim.topic),
                ]
            )
            for row in try store.provenance.rows(.claim(claim.id)) {
                try builder.add(row, store: store)
            }
        }
        for relation in try store.relations(among: claims.map(\.id)) {
            builder.relation(
                "wasInfluencedBy",
                [
                    "prov:influencee": .string(try Builder.name(.claim, relation.from, store: store)),
                    "prov:influencer": .string(try Builder.name(.claim, relation.to, store: store)),
                    "prov:type": .string("ct:\(relation.kind.rawValue)"),
                    "ct:source": try relation.sourceID.map { .string(try Builder.name(.source, $0, store: store)) },
                ]
            )
        }
        return try JSONValue.object(
            [
                "prefix": .object([
                    "ct": .string("urn:claimtrail:"), "schema": .string("https://schema.org/"),
                    "uuid": .string("urn:uuid:"),
                ]),
                "entity": .object(builder.entities), "agent": .object(builder.agents),
            ].merging(builder.relations.mapValues(JSONValue.object)) { first, _ in first }
                // Retractions are the only activities: a store without one keeps its document as it was.
                .merging(builder.activities.isEmpty ? [:] : ["activity": .object(builder.activities)]) { first, _ in
                    first
                }
        ).rendered()
    }

    /// Collects the document's records, each added once.
    private struct Builder {
        var entities: [String: JSONValue] = [:]
        var agents: [String: JSONValue] = [:]
        var activities: [String: JSONValue] = [:]
        var relations: [String: [String: JSONValue]] = [:]

        /// `uuid:<uid>`: the record's uid as a qualified name; `ct:claim/12` for a row without one.
        static func name(_ entity: UIDEntity, _ id: Int64, store: ClaimStore) throws -> String {
            try store.uid(of: entity, id: id).map { "uuid:\($0)" } ?? "ct:\(entity.rawValue)/\(id)"
        }

        mutating func entity(_ id: String, _ attributes: KeyValuePairs<String, JSONValue?>) {
            if entities[id] == nil { entities[id] = .fields(attributes) }
        }

        mutating func relation(_ kind: String, _ attributes: KeyValuePairs<String, JSONValue?>) {
            let count = relations.values.reduce(0) { $0 + $1.count }
            relations[kind, default: [:]]["_:r\(count + 1)"] = .fields(attributes)
        }

        mutating func add(_ row: ProvenanceRow, store: ClaimStore) throws {
            let statement = try Self.name(.attribution, row.attributionID, store: store)
            let source = try Self.name(.source, row.sourceID, store: store)
            if entities[source] == nil { try retraction(of: row.sourceID, named: source, store: store) }
            entity(
                source,
                [
                    "prov:type": .string("schema:NewsArticle"), "prov:label": .string(row.sourceTitle),
                    "schema:url": .text(row.sourceURL), "schema:publisher": .text(row.sourceOutlet),
                    "schema:author": .text(row.sourceAuthor), "schema:datePublished": .text(row.published),
                ]
            )
            entity(
                statement,
                [
                    "prov:type": .string("ct:Attribution"), "prov:value": .text(row.quote),
                    "ct:stance": .string(row.stance.rawValue), "ct:mode": .string(row.mode.rawValue),
                    "ct:cue": .text(row.cue),
                    "ct:saidOn": .text(row.saidOn), "ct:recordedAt": .string(row.recordedAt),
                    "ct:recordedBy": .string(row.recordedBy),
                ]
            )
            relation(
                "specializationOf",
                [
                    "prov:specificEntity": .string(statement),
                    "prov:generalEntity": .string(try Self.name(.claim, row.claimID, store: store)),
                ]
            )
            relation(
                "wasDerivedFrom",
                [
                    "prov:generatedEntity": .string(source), "prov:usedEntity": .string(statement),
                    "prov:type": row.mode == .direct ? .string("prov:Quotation") : nil,
                ]
            )
            if let speakerID = row.speakerID {
                try agent(speakerID, store: store)
                relation(
                    "wasAttributedTo",
                    [
                        "prov:entity": .string(statement),
                        "prov:agent": .string(try Self.name(.speaker, speakerID, store: store)),
                    ]
                )
            }
            try revisions(of: row.attributionID, named: statement, store: store)
            if let via = row.viaID {
                relation(
                    "wasDerivedFrom",
                    [
                        "prov:generatedEntity": .string(try Self.name(.attribution, via, store: store)),
                        "prov:usedEntity": .string(statement),
                        "prov:type": .string("prov:PrimarySource"),
                    ]
                )
            }
        }

        /// A retracted source's invalidation by an activity of its own, carrying the reason.
        mutating func retraction(of id: Int64, named source: String, store: ClaimStore) throws {
            guard
                let (day, reason) = try store.database.cached(
                    "SELECT retracted_on, retraction_reason FROM source WHERE id = ? AND retracted_on IS NOT NULL"
                ).first([id], { ($0.string(0), $0.text(1)) })
            else { return }
            let activity = "ct:retraction/\(id)"
            activities[activity] = .fields(["prov:type": .string("ct:Retraction"), "prov:label": .text(reason)])
            relation(
                "wasInvalidatedBy",
                [
                    "prov:entity": .string(source), "prov:activity": .string(activity),
                    // PROV times are xsd:dateTime; a retraction recorded by day starts at midnight UTC.
                    "prov:time": .string(day.count == 10 ? day + "T00:00:00Z" : day),
                ]
            )
        }

        /// Each earlier wording of a corrected attribution, from the change log, and its revision.
        mutating func revisions(of id: Int64, named statement: String, store: ClaimStore) throws {
            let earlier = try store.database.cached(
                """
                SELECT id, json_extract(before, '$.quote'), changed_at FROM change_log
                WHERE entity = 'attribution' AND entity_id = ? AND action = 'edit' ORDER BY id
                """
            ).map([id]) { ($0.int64(0), $0.text(1), $0.string(2)) }
            for (logID, quote, changedAt) in earlier {
                let version = "\(statement)/revision/\(logID)"
                entity(version, ["prov:type": .string("ct:Attribution"), "prov:value": .text(quote)])
                relation(
                    "wasDerivedFrom",
                    [
                        "prov:generatedEntity": .string(statement), "prov:usedEntity": .string(version),
                        "prov:type": .string("prov:Revision"), "ct:changedAt": .string(changedAt),
                    ]
                )
            }
        }

        /// Adds a speaker and, transitively, whom they act for.
        mutating func agent(_ id: Int64, store: ClaimStore) throws {
            let key = try Self.name(.speaker, id, store: store)
            guard agents[key] == nil, let speaker = try store.speaker(id: id) else { return }
            let type: String =
                switch speaker.kind {
                case .person: "prov:Person"
                case .organization, .government, .media: "prov:Organization"
                case .anonymous, .unknown: "prov:Agent"
                }
            agents[key] = .fields([
                "prov:type": .string(type), "prov:label": .string(speaker.name),
                "ct:kind": .string(speaker.kind.rawValue),
                "ct:role": .text(speaker.role),
                "ct:wikidata": speaker.wikidata.flatMap { WikidataID($0) }.map { item in
                    .object(["$": .string(item.entityURL), "type": .string("xsd:anyURI")])
                },
            ])
            if let affiliation = speaker.affiliationID {
                try agent(affiliation, store: store)
                relation(
                    "actedOnBehalfOf",
                    [
                        "prov:delegate": .string(key),
                        "prov:responsible": .string(try Self.name(.speaker, affiliation, store: store)),
                    ]
                )
            }
        }
    }
}
