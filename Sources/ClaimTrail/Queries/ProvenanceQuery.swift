/// Reads provenance rows, streaming them one at a time so memory stays flat however large the store.
public struct ProvenanceQuery {
    /// Which attributions to read.
    public enum Scope: Sendable {
        case all
        case claim(Int64)
        case speaker(Int64)
        case source(Int64)
        /// Several claims, in the order given.
        case claims([Int64])
    }

    let store: ClaimStore
    /// Whether proposals waiting for review are read too (`trace claim --include-proposed`).
    /// Rejected ones never are.
    var includesProposed = false
    /// Whether an altered quote's word changes are read (its passage of the body is compared
    /// again); the CSV, which shows only `quote_check`, does without.
    var readsQuoteChanges = true
    /// Speakers and sources already read: they are few next to attributions, so a report reads
    /// each once rather than joining it to every row.
    private let records: RecordCache
    private let quoteChecks: ReportedQuoteChecks

    init(store: ClaimStore, includesProposed: Bool = false) {
        self.store = store
        self.includesProposed = includesProposed
        records = RecordCache(database: store.database)
        quoteChecks = ReportedQuoteChecks(database: store.database)
    }

    /// The attribution's own columns; claim, speaker and source come from lookups kept per claim
    /// and in `records`. A proposal whose speaker is not linked yet shows the name the extractor
    /// found. Where its quote was found comes along (`quote_location`, one row or none).
    private static let columns = select(joiningRecords: false)

    /// `columns` with the speaker's and the source's columns joined after them
    /// (`ProvenanceRecord.Column.joinedRecords`), for a read of a page of rows (`joinedRows`).
    private static let joinedColumns = select(joiningRecords: true)

    private static func select(joiningRecords: Bool) -> String {
        let records =
            RecordCache.speakerColumns.map { ", sp.\($0)" }.joined()
            + RecordCache.sourceColumns.map { ", s.\($0)" }.joined()
        return """
            SELECT a.claim_id, a.id, a.stance, a.speaker_id,
                   CASE WHEN a.speaker_id IS NULL AND a.state = 'proposed'
                        THEN (SELECT speaker FROM attribution_proposal WHERE attribution_id = a.id) END,
                   a.mode, a.cue, a.quote, a.source_id, a.said_on, a.via_id, a.recorded_at, a.recorded_by, a.state,
                   q.status, q.quote_start, q.quote_end, q.body_sha256\(joiningRecords ? records : "")
            FROM attribution a LEFT JOIN quote_location q ON q.attribution_id = a.id
            """
                + (joiningRecords
                    ? " LEFT JOIN speaker sp ON sp.id = a.speaker_id LEFT JOIN source s ON s.id = a.source_id" : "")
    }

    /// Up to how many rows (those an offset skips included) a read joins each row's speaker and
    /// source to it rather than looking them up: a claim page's fifty rows name about fifty
    /// sources, and looking each up on its own was two fifths of reading the page. A longer
    /// read (an export, a whole trace) finds most of them again in `records`, where a join would
    /// look each up again for every row.
    private static let joinedRows = 1 << 10

    /// Calls `body` with each row of `scope`: for a claim or a speaker in timeline order (dated
    /// first, by day, then as recorded); for the whole store claim by claim, each in timeline
    /// order; for a source by claim, then as recorded. `limit` stops after that many rows, and
    /// for several claims after that many of each; `offset` skips that many first (of each).
    ///
    /// Whole-store and per-claim orders are read straight from the timeline index: a sort would
    /// hold the busiest claim's rows in memory, and those grow with the store.
    public func forEach(
        _ scope: Scope,
        limit: Int? = nil,
        offset: Int = 0,
        _ body: (ProvenanceRow) throws -> Void
    ) throws {
        try forEachRecord(scope, limit: limit, offset: offset) { try body(try $0.row()) }
    }

    /// Calls `body` with each attribution of `scope`, in `forEach`'s order, before it is made a
    /// `ProvenanceRow`: the CSV report writes the record's columns from their bytes instead.
    func forEachRecord(
        _ scope: Scope,
        limit: Int? = nil,
        offset: Int = 0,
        _ body: (ProvenanceRecord) throws -> Void
    ) throws {
        let filter: String
        let arguments: [any StatementArgument]
        let timeline = "a.seen_on IS NULL, a.seen_on, a.id"
        // Only accepted attributions are reported: proposals wait for review (see AttributionState).
        let accepted = includesProposed ? "a.state IN ('accepted', 'proposed')" : "a.state = 'accepted'"
        switch scope {
        case .all: (filter, arguments) = ("WHERE \(accepted) ORDER BY a.claim_id, \(timeline)", [])
        case .claim(let id): (filter, arguments) = ("WHERE a.claim_id = ? AND \(accepted) ORDER BY \(timeline)", [id])
        case .speaker(let id):
            (filter, arguments) = ("WHERE a.speaker_id = ? AND \(accepted) ORDER BY \(timeline)", [id])
        case .source(let id):
            (filter, arguments) = ("WHERE a.source_id = ? AND \(accepted) ORDER BY a.claim_id, a.id", [id])
        case .claims(let ids):
            for id in ids { try forEachRecord(.claim(id), limit: limit, offset: offset, body) }
            return
        }
        let joined = limit.map { $0 > 0 && offset + $0 <= Self.joinedRows } ?? false
        // Idle, not simply cached: a row's reader may run this query again while it steps.
        let statement = try store.database.idle(
            "\(joined ? Self.joinedColumns : Self.columns) \(filter) LIMIT ? OFFSET ?"
        )
        let chains = ViaChainResolver(database: store.database)
        // What is true of a claim is looked up once while it stays in this bounded map: the rows
        // of a claim or of the store come grouped by claim, and a speaker's or a source's, in time
        // order, come back to their busy claims again and again (the busiest speaker's 145k rows
        // at 1M name 31k claims).
        var standings: [Int64: ClaimStanding] = [:]
        try statement.forEach(arguments + [RowLimit.sql(limit), Int64(offset)]) { row in
            let claimID = row.int64(ProvenanceRecord.Column.claimID.rawValue)
            let standing: ClaimStanding
            if let known = standings[claimID] {
                standing = known
            } else {
                standing = try claimStanding(claimID)
                if standings.count >= Self.standingsKept { standings.removeAll(keepingCapacity: true) }
                standings[claimID] = standing
            }
            try body(
                ProvenanceRecord(
                    columns: row,
                    claimID: claimID,
                    standing: standing,
                    speaker: try joined
                        ? RecordCache.SpeakerFields.joined(to: row)
                        : row.optionalInt64(ProvenanceRecord.Column.speakerID.rawValue).flatMap(records.speaker),
                    source: try joined
                        ? RecordCache.SourceFields(joinedTo: row)
                        : records.source(row.int64(ProvenanceRecord.Column.sourceID.rawValue)),
                    chains: chains,
                    quoteChecks: quoteChecks,
                    readsQuoteChanges: readsQuoteChanges
                )
            )
        }
    }

    /// How many claims' standings one read keeps at most (a few MiB).
    private static let standingsKept = 1 << 14

    /// What is true of a claim for each of its rows: its wording, whether it is contested, which
    /// claims counter and support it, and where it stands in verification.
    ///
    /// A class, as `RecordCache`'s records are: every row carries its claim's, and a struct of
    /// five references was retained and released field by field for each.
    final class ClaimStanding {
        let text: String
        let topic: String?
        let contested: Bool
        let counterClaimIDs: [Int64]
        let supportedByClaimIDs: [Int64]
        let status: VerificationStatus
        let assignee: String?

        /// The standing `standingSQL` reads; with no row (a damaged store that lacks the claim),
        /// an empty one.
        init(row: Row?) {
            let ids = { (list: String?) in (list ?? "").split(separator: ";").compactMap { Int64($0) } }
            text = row?.string(5) ?? ""
            topic = row?.text(6)
            contested = row?.bool(0) ?? false
            counterClaimIDs = ids(row?.text(1))
            supportedByClaimIDs = ids(row?.text(2))
            status = row?.text(3).flatMap(VerificationStatus.init(rawValue:)) ?? .unchecked
            assignee = row?.text(4)
        }

        /// The id lists as the CSV's cells show them.
        var counterClaimList: String { counterClaimIDs.isEmpty ? "" : Self.list(counterClaimIDs) }
        var supportedByList: String { supportedByClaimIDs.isEmpty ? "" : Self.list(supportedByClaimIDs) }

        private static func list(_ ids: [Int64]) -> String { ids.map(String.init).joined(separator: ";") }
    }

    /// Built once, not once per claim: an export looks up every claim's standing.
    private static let standingSQL = """
        SELECT \(ContestRule.isContested("?1")), \(ContestRule.claimIDs(.contradicts, to: "?1")),
               \(ContestRule.claimIDs(.supports, to: "?1")), status, assignee, text, topic
        FROM claim WHERE id = ?1
        """

    /// Every attribution has its claim (a foreign key), so within one read the claim is found.
    private func claimStanding(_ id: Int64) throws -> ClaimStanding {
        try store.database.cached(Self.standingSQL).first([id]) { ClaimStanding(row: $0) } ?? ClaimStanding(row: nil)
    }

    /// The speakers and sources a report has read, by id. Bounded, so that a store with very many
    /// sources reads some twice rather than holding them all.
    ///
    /// Each record is an object: every row of a report takes its speaker and its source from here,
    /// and a struct of seven strings was copied, retained and released string by string, per row
    /// (a tenth of an export's time); the table's values are then single pointers, too.
    final class RecordCache {
        final class SpeakerFields: Sendable {
            let name: String
            let kind: SpeakerKind?
            let role: String?

            /// The speaker from `speakerColumns`, in order from `column`.
            init(row: Row, from column: Int32) {
                name = row.string(column)
                kind = row.text(column + 1).flatMap(SpeakerKind.init(rawValue:))
                role = row.text(column + 2)
            }

            /// The speaker joined to an attribution row; nil when it names none.
            static func joined(to row: Row) -> SpeakerFields? {
                let column = ProvenanceRecord.Column.joinedRecords.rawValue
                return row.isNull(column) ? nil : SpeakerFields(row: row, from: column)
            }
        }

        final class SourceFields: Sendable {
            let title: String
            let outlet: String?
            let author: String?
            let url: String?
            let published: String?
            let retractedOn: String?
            let bodySHA256: String?

            init(title: String) {
                self.title = title
                (outlet, author, url, published, retractedOn, bodySHA256) = (nil, nil, nil, nil, nil, nil)
            }

            /// The source from `sourceColumns`, in order from `column`.
            init(row: Row, from column: Int32) {
                title = row.string(column)
                outlet = row.text(column + 1)
                author = row.text(column + 2)
                url = row.text(column + 3)
                published = row.text(column + 4)
                retractedOn = row.text(column + 5)
                bodySHA256 = row.text(column + 6)
            }

            /// The source joined to an attribution row (all its columns null, as `title: ""`,
            /// where a damaged store has none).
            convenience init(joinedTo row: Row) {
                self.init(row: row, from: ProvenanceRecord.Column.joinedRecords.rawValue + Int32(speakerColumns.count))
            }
        }

        /// The columns each is read from, in the order `init(row:from:)` reads them.
        static let speakerColumns = ["name", "kind", "role"]
        static let sourceColumns = ["title", "outlet", "author", "url", "published", "retracted_on", "body_sha256"]

        private let speakers: RecordTable<SpeakerFields>
        private let sources: RecordTable<SourceFields>

        init(database: Database) {
            speakers = RecordTable(database: database, table: "speaker", columns: Self.speakerColumns) {
                SpeakerFields(row: $0, from: 0)
            }
            sources = RecordTable(database: database, table: "source", columns: Self.sourceColumns) {
                SourceFields(row: $0, from: 0)
            }
        }

        func speaker(_ id: Int64) throws -> SpeakerFields? { try speakers.record(id) }

        func source(_ id: Int64) throws -> SourceFields { try sources.record(id) ?? Self.noSource }

        /// A damaged store's attribution whose source is gone shows an empty title.
        private static let noSource = SourceFields(title: "")
    }

    /// The rows of `scope`, for reports small enough to hold (one claim, one speaker), at most
    /// `limit`, after the first `offset`.
    public func rows(_ scope: Scope, limit: Int? = nil, offset: Int = 0) throws -> [ProvenanceRow] {
        var rows: [ProvenanceRow] = []
        try forEach(scope, limit: limit, offset: offset) { rows.append($0) }
        return rows
    }
}

extension ClaimStore {
    public var provenance: ProvenanceQuery { ProvenanceQuery(store: self) }
}
