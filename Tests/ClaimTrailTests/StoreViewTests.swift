import Foundation
import Testing

@testable import ClaimTrail

/// The SQL views of schema 012, for whoever reads the store with SQL or Datasette: each says what
/// a claimtrail report says.
@Suite("SQL views")
struct StoreViewTests {
    /// A store with relays, counter-claims, unattributed and undated rows, and a merged speaker.
    private static func store() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        let file = try ReliabilityTests.dataset(
            in: temporary.directory,
            name: "data",
            claims: 120,
            attributions: 1500,
            seed: 3
        )
        _ = try Importer(store: temporary.store, recordedBy: "t").importFile(atPath: file)
        _ = try Importer(store: temporary.store, recordedBy: "t").importFile(
            atPath: Repository.path("examples/syria.json")
        )
        try proposeAndReject(in: temporary.store)
        return temporary
    }

    /// Proposals that the views must leave out, as the reports do: on the most contested claim by a
    /// stored speaker in an undated source (which would move its counts and undated rows), one of a
    /// claim known only from it, and a rejected one.
    private static func proposeAndReject(in store: ClaimStore) throws {
        let database = store.database
        let speaker = try #require(
            try database.prepare("SELECT name FROM speaker ORDER BY id LIMIT 1").first { $0.string(0) }
        )
        let claim = try #require(
            try database.prepare("SELECT claim FROM contested_claims LIMIT 1").first { $0.string(0) }
        )
        let source = try store.source("Undated wire copy")
        let proposed = try store.write {
            try ExtractionRecorder(store: store, recordedBy: "extractor").propose(
                [claim, "Only a proposal says this", "Rejected words"].map { .quote($0, by: speaker) },
                source: source
            )
        }.proposed
        try #require(proposed.count == 3)
        try store.write { try ProposalReview(store: store, reviewer: "editor").reject(proposed[2], reason: "no") }
    }

    /// Every row of a view, each cell as CSV writes it: NULL as an empty cell.
    private static func rows(_ sql: String, columns: Int32, of store: ClaimStore) throws -> [[String]] {
        try store.database.prepare(sql).map { row in (0..<columns).map { row.text($0) ?? "" } }
    }

    @Test("provenance_report has the columns and rows of export --format csv, in its order")
    func provenanceReportIsTheCSV() throws {
        let temporary = try Self.store()
        let export = try Binary.run(["export", "--format", "csv"], database: temporary.path)
        #expect(export.status == 0)
        let csv = CSVParser.parse(export.stdout)
        let columns = try temporary.store.database.prepare("SELECT name FROM pragma_table_info('provenance_report')")
            .map { $0.string(0) }
        #expect(columns == csv.first)
        let view = try Self.rows(
            "SELECT * FROM provenance_report",
            columns: Int32(ProvenanceRow.columns.count),
            of: temporary.store
        )
        #expect(view.count == csv.count - 1 && view.count > 1500)
        #expect(view == Array(csv.dropFirst()))
        #expect(view.contains { $0[17].contains(" ← ") } && view.contains { !$0[4].isEmpty })
    }

    @Test("contested_claims lists what contested lists, in its order; speaker_record counts each speaker's rows")
    func contestedAndSpeakerRecord() throws {
        let temporary = try Self.store()
        let store = temporary.store
        let contested = try Self.rows(
            "SELECT claim_id, disputing, undated_attributions FROM contested_claims",
            columns: 3,
            of: store
        )
        let listed = try store.contestedClaims(limit: nil)
        #expect(!listed.isEmpty)
        #expect(contested == listed.map { [String($0.id), String($0.disputing), String($0.undatedAttributions)] })

        let record = try Self.rows(
            "SELECT speaker_id, speaker, attributions, asserts + denies + questions FROM speaker_record",
            columns: 4,
            of: store
        )
        let recount = try Self.rows(
            """
            SELECT sp.id, sp.name, count(a.id), count(a.id)
            FROM speaker sp LEFT JOIN attribution a ON a.speaker_id = sp.id AND a.state = 'accepted'
            GROUP BY sp.id ORDER BY sp.id
            """,
            columns: 4,
            of: store
        )
        #expect(record == recount && record.count > 5)
    }
}
