import Foundation

/// How an attribution is sourced, as an editor sorts them when auditing a story.
public enum SourcingCategory: String, Codable, CaseIterable, Sendable {
    case namedPerson = "named_person"
    /// A named organisation, government or outlet.
    case namedOrganization = "named_organization"
    /// A described but unnamed speaker: "a senior defense official".
    case anonymous
    /// No speaker at all, or hedged: "reportedly", "is said to".
    case unattributed
    /// A named speaker whose kind was never recorded.
    case unclassified

    /// Words that put a claim on nobody in particular. The view `attribution_sourcing` (schema
    /// 022), which `audit --all` counts by, lists the same words; a test holds the two together.
    static let hedges = [
        "reportedly", "is said to", "are said to", "was said to", "were said to", "allegedly",
        "purportedly", "reports suggest", "it is claimed", "rumoured", "rumored",
    ]

    public init(_ row: ProvenanceRow) {
        self.init(
            speakerKind: row.speakerKind,
            attributed: row.speakerID != nil,
            wording: (row.cue ?? "") + " " + (row.quote ?? "")
        )
    }

    /// - Parameters:
    ///   - speakerKind: the speaker's kind, nil when never recorded.
    ///   - attributed: whether there is a speaker at all.
    ///   - wording: the cue and quote, searched for hedges.
    public init(speakerKind: SpeakerKind?, attributed: Bool, wording: String) {
        let wording = wording.lowercased()
        if !attributed || Self.hedges.contains(where: { wording.contains($0) }) {
            self = .unattributed
            return
        }
        switch speakerKind {
        case .person: self = .namedPerson
        case .organization, .government, .media: self = .namedOrganization
        case .anonymous: self = .anonymous
        case .unknown, nil: self = .unclassified
        }
    }
}

public struct SourceAudit: Codable, Equatable, Sendable {
    public var source: Source
    public var attributions: Int
    /// Attributions per category; every category is present, zero included.
    public var byCategory: [String: Int]
    /// Claims that rest on a single voice in this article.
    public var singleVoiceClaims: [Claim]
    /// Claims of this article that are contested in the store.
    public var contestedClaims: [Claim]
    public var relayed: [Relay]
    /// Each attribution with its category and flags: the CSV form.
    public var rows: [AuditRow]
    /// When and why the publisher retracted the source (`source retract`); nil while it stands.
    public var retractedOn: String?
    public var retractionReason: String?

    /// An attribution that reached the article through others.
    public struct Relay: Codable, Equatable, Sendable {
        public var attributionID: Int64
        public var claimID: Int64
        /// The same shape as a provenance row's: [ministry, TASS, Reuters].
        public var viaChain: [String]
        /// Other sources where the original speaker is recorded first-hand on the same claim.
        public var primarySourceIDs: [Int64]
        public var primarySourceInStore: Bool { !primarySourceIDs.isEmpty }
    }
}

/// One attribution of an audited article.
public struct AuditRow: Codable, Equatable, Sendable, Tabular {
    public var attributionID: Int64
    public var claimID: Int64
    public var claim: String
    public var speakerID: Int64?
    /// nil for an unattributed statement, as in the traces; the table and CSV show `(unattributed)`.
    public var speaker: String?
    public var category: SourcingCategory
    public var singleVoice: Bool
    public var contested: Bool
    public var viaChain: [String]
    public var primarySourceInStore: Bool?

    public static let columns = [
        "attribution_id", "claim_id", "claim", "speaker_id", "speaker", "category", "single_voice", "contested",
        "via_chain", "primary_source_in_store",
    ]
    public var cells: [String] {
        [
            String(attributionID), String(claimID), claim, speakerID.map(String.init) ?? "",
            speaker ?? ProvenanceRow.unattributed, category.rawValue, String(singleVoice),
            String(contested),
            viaChain.joined(separator: " ← "), primarySourceInStore.map(String.init) ?? "",
        ]
    }
}

/// One source's share of claims that rest on anonymous or unattributed voices.
public struct SourcingShare: Codable, Equatable, Sendable, Tabular {
    public var sourceID: Int64
    public var title: String
    public var attributions: Int
    public var anonymous: Int
    public var unattributed: Int
    /// (anonymous + unattributed) / attributions, set once the source is counted.
    public var share: Double = 0

    public static let columns = ["source_id", "title", "attributions", "anonymous", "unattributed", "share"]
    public var cells: [String] {
        [
            String(sourceID), title, String(attributions), String(anonymous), String(unattributed),
            String(format: "%.2f", share),
        ]
    }
}

extension ClaimStore {
    public func audit(source reference: String) throws -> SourceAudit {
        try read { try audit(try resolveSource(reference)) }
    }

    private func audit(_ source: Source) throws -> SourceAudit {
        let rows = try provenance.rows(.source(source.id))
        var voices: [Int64: Set<Int64>] = [:]
        for row in rows { voices[row.claimID, default: []].insert(row.speakerID ?? -row.sourceID) }
        let claims = Dictionary(rows.map { ($0.claimID, Claim(id: $0.claimID, text: $0.claim, topic: $0.topic)) }) {
            first,
            _ in first
        }
        var categories = Dictionary(uniqueKeysWithValues: SourcingCategory.allCases.map { ($0.rawValue, 0) })
        var relays: [SourceAudit.Relay] = []
        var auditRows: [AuditRow] = []
        for row in rows {
            let category = SourcingCategory(row)
            categories[category.rawValue, default: 0] += 1
            var primaryInStore: Bool?
            if row.viaID != nil {
                let primaries = try firstHandSources(claimID: row.claimID, speakerID: row.speakerID, besides: source.id)
                relays.append(
                    .init(
                        attributionID: row.attributionID,
                        claimID: row.claimID,
                        viaChain: row.viaChain,
                        primarySourceIDs: primaries
                    )
                )
                primaryInStore = !primaries.isEmpty
            }
            auditRows.append(
                AuditRow(
                    attributionID: row.attributionID,
                    claimID: row.claimID,
                    claim: row.claim,
                    speakerID: row.speakerID,
                    speaker: row.speaker,
                    category: category,
                    singleVoice: voices[row.claimID]?.count == 1,
                    contested: row.contested,
                    viaChain: row.viaChain,
                    primarySourceInStore: primaryInStore
                )
            )
        }
        let sorted = claims.values.sorted { $0.id < $1.id }
        let retraction = try database.cached("SELECT retracted_on, retraction_reason FROM source WHERE id = ?")
            .first([source.id]) { ($0.text(0), $0.text(1)) }
        return SourceAudit(
            source: source,
            attributions: rows.count,
            byCategory: categories,
            singleVoiceClaims: sorted.filter { voices[$0.id]?.count == 1 },
            contestedClaims: sorted.filter { id in rows.contains { $0.claimID == id.id && $0.contested } },
            relayed: relays,
            rows: auditRows,
            retractedOn: retraction?.0,
            retractionReason: retraction?.1
        )
    }

    /// Sources ranked by their share of anonymous and unattributed attributions, highest first.
    ///
    /// Read from the per-source counts that triggers keep (`source_sourcing`, schema 022), by the
    /// rule of `SourcingCategory`: one row per source, where an aggregate over every attribution's
    /// cue and quote took 17 s at 1M attributions.
    public func auditAll() throws -> [SourcingShare] {
        let shares = try read {
            try database.prepare(
                """
                SELECT s.id, s.title, tally.attributions, tally.anonymous, tally.unattributed
                FROM source_sourcing AS tally JOIN source s ON s.id = tally.source_id
                """
            ).map { row in
                var share = SourcingShare(
                    sourceID: row.int64(0),
                    title: row.string(1),
                    attributions: row.int(2),
                    anonymous: row.int(3),
                    unattributed: row.int(4)
                )
                share.share = Double(share.anonymous + share.unattributed) / Double(share.attributions)
                return share
            }
        }
        return shares.sorted {
            ($0.share, $0.attributions, -$0.sourceID) > ($1.share, $1.attributions, -$1.sourceID)
        }
    }

    /// Sources other than `besides` where the speaker is recorded on the claim first-hand (not relayed).
    private func firstHandSources(claimID: Int64, speakerID: Int64?, besides: Int64) throws -> [Int64] {
        guard let speakerID else { return [] }
        return try database.cached(
            """
            SELECT DISTINCT source_id FROM attribution
            WHERE claim_id = ? AND speaker_id = ? AND source_id <> ? AND via_id IS NULL AND state = 'accepted'
                ORDER BY 1
            """
        ).map([claimID, speakerID, besides]) { $0.int64(0) }
    }
}
