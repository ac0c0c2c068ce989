/// W3C PROV-JSON (https://www.w3.org/Submission/prov-json/) for the provenance of claims.
///
/// The mapping:
/// - sources (`ct:source/N`) and claims (`ct:claim/N`) are entities; speakers (`ct:speaker/N`) are agents;
/// - each attribution is an entity `ct:attribution/N`: the statement as reported, a
///   `specializationOf` its claim, `wasAttributedTo` its speaker;
/// - the source `wasQuotedFrom` a direct quote and `wasDerivedFrom` any other attribution;
/// - a relay `hadPrimarySource` the statement it relayed (PROV-JSON writes this as a
///   `wasDerivedFrom` typed `prov:PrimarySource`);
/// - an affiliation is `actedOnBehalfOf`; a counter-claim `wasInfluencedBy` the claim it
///   disputes, typed `ct:contradicts` (or `ct:supports`).
public enum ProvDocument {
    public static func render(from store: ClaimStore, scope: ClaimScope) throws -> String {
        try store.read { try render(claims: try store.claims(in: scope), from: store) }
    }

    private static func render(claims: [Claim], from store: ClaimStore) throws -> String {
        var builder = Builder()
        for claim in claims {
            builder.entity(
                "ct:claim/\(claim.id)",
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
                    "prov:influencee": .string("ct:claim/\(relation.from)"),
                    "prov:influencer": .string("ct:claim/\(relation.to)"),
                    "prov:type": .string("ct:\(relation.kind.rawValue)"),
                    "ct:source": relation.sourceID.map { .string("ct:source/\($0)") },
                ]
            )
        }
        return try JSONValue.object(
            [
                "prefix": .object(["ct": .string("urn:claimtrail:"), "schema": .string("https://schema.org/")]),
                "entity": .object(builder.entities), "agent": .object(builder.agents),
            ].merging(builder.relations.mapValues(JSONValue.object)) { first, _ in first }
        ).rendered()
    }

    /// Collects the document's records, each added once.
    private struct Builder {
        var entities: [String: JSONValue] = [:]
        var agents: [String: JSONValue] = [:]
        var relations: [String: [String: JSONValue]] = [:]

        mutating func entity(_ id: String, _ attributes: KeyValuePairs<String, JSONValue?>) {
            if entities[id] == nil { entities[id] = .fields(attributes) }
        }

        mutating func relation(_ kind: String, _ attributes: KeyValuePairs<String, JSONValue?>) {
            let count = relations.values.reduce(0) { $0 + $1.count }
            relations[kind, default: [:]]["_:r\(count + 1)"] = .fields(attributes)
        }

        mutating func add(_ row: ProvenanceRow, store: ClaimStore) throws {
            let statement = "ct:attribution/\(row.attributionID)"
            let source = "ct:source/\(row.sourceID)"
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
                ["prov:specificEntity": .string(statement), "prov:generalEntity": .string("ct:claim/\(row.claimID)")]
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
                    ["prov:entity": .string(statement), "prov:agent": .string("ct:speaker/\(speakerID)")]
                )
            }
            if let via = row.viaID {
                relation(
                    "wasDerivedFrom",
                    [
                        "prov:generatedEntity": .string("ct:attribution/\(via)"), "prov:usedEntity": .string(statement),
                        "prov:type": .string("prov:PrimarySource"),
                    ]
                )
            }
        }

        /// Adds a speaker and, transitively, whom they act for.
        mutating func agent(_ id: Int64, store: ClaimStore) throws {
            let key = "ct:speaker/\(id)"
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
            ])
            if let affiliation = speaker.affiliationID {
                try agent(affiliation, store: store)
                relation(
                    "actedOnBehalfOf",
                    ["prov:delegate": .string(key), "prov:responsible": .string("ct:speaker/\(affiliation)")]
                )
            }
        }
    }
}
