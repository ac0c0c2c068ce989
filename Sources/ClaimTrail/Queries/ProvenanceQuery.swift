/// Reads provenance rows, streaming them one at a time so memory stays flat however large the store.
public struct ProvenanceQuery {
    /// Which attributions to read.
    public enum Scope: Sendable {
        case all
        case claim(Int64)
        case speaker(Int64)
        /// Several claims, in the order given.
        case claims([Int64])
    }

    let store: ClaimStore

    private static let columns = """
        SELECT c.id, c.text, c.topic, \(ContestRule.isContested("c.id")), \(ContestRule.counterClaimIDs("c.id")),
               a.id, a.stance, a.speaker_id, sp.name, sp.kind, sp.role, a.mode, a.cue, a.quote,
               s.id, s.title, s.outlet, s.author, s.url, s.published, a.said_on, a.via_id,
               a.recorded_at, a.recorded_by
        FROM attribution a
        JOIN claim c ON c.id = a.claim_id
        JOIN source s ON s.id = a.source_id
        LEFT JOIN speaker sp ON sp.id = a.speaker_id
        """

    /// Calls `body` with each row of `scope`, ordered by claim, then by when it was recorded.
    public func forEach(_ scope: Scope, _ body: (ProvenanceRow) throws -> Void) throws {
        let filter: String, arguments: [any StatementArgument]
        switch scope {
        case .all: (filter, arguments) = ("", [])
        case .claim(let id): (filter, arguments) = ("WHERE a.claim_id = ?", [id])
        case .speaker(let id): (filter, arguments) = ("WHERE a.speaker_id = ?", [id])
        case .claims(let ids):
            for id in ids { try forEach(.claim(id), body) }
            return
        }
        // A statement of its own, not the shared cache: the via-chain lookups run while it steps.
        let statement = try store.database.prepare("\(Self.columns) \(filter) ORDER BY a.claim_id, a.id")
        let chains = ViaChainResolver(database: store.database)
        try statement.forEach(arguments) { row in
            let viaID = row.optionalInt64(21)
            let speaker = row.text(8)
            try body(ProvenanceRow(
                claimID: row.int64(0), claim: row.string(1), topic: row.text(2), contested: row.bool(3),
                counterClaimIDs: row.string(4).split(separator: ";").compactMap { Int64($0) },
                attributionID: row.int64(5), stance: Stance(rawValue: row.string(6)) ?? .asserts,
                speakerID: row.optionalInt64(7), speaker: speaker,
                speakerKind: row.text(9).flatMap(SpeakerKind.init(rawValue:)), speakerRole: row.text(10),
                mode: Mode(rawValue: row.string(11)) ?? .indirect, cue: row.text(12), quote: row.text(13),
                sourceID: row.int64(14), sourceTitle: row.string(15), sourceOutlet: row.text(16),
                sourceAuthor: row.text(17), sourceURL: row.text(18), published: row.text(19), saidOn: row.text(20),
                viaID: viaID,
                viaChain: try viaID.map { [speaker ?? ProvenanceRow.unattributed] + (try chains.chain(from: $0)) } ?? [],
                recordedAt: row.string(22), recordedBy: row.string(23)))
        }
    }

    /// All rows of `scope`, for reports small enough to hold (one claim, one speaker).
    public func rows(_ scope: Scope) throws -> [ProvenanceRow] {
        var rows: [ProvenanceRow] = []
        try forEach(scope) { rows.append($0) }
        return rows
    }
}

extension ClaimStore {
    public var provenance: ProvenanceQuery { ProvenanceQuery(store: self) }
}
