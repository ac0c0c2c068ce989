import Foundation
import Testing

@testable import ClaimTrail

/// Search follows the desk's workflow (schema 009, kept by the indexes of 012): a proposal waiting
/// for review is found neither by `claimtrail search` nor through the indexes Datasette's `?_search=`
/// reads, until it is accepted; a rejected one never is.
@Suite("Proposals and the full-text indexes")
struct ProposalSearchTests {
    /// The kinds and ids `claimtrail search` finds, read through the binary.
    private static func searched(_ words: String, in temporary: TemporaryStore) throws -> [String] {
        let result = try Binary.run(["search", words, "--format", "json"], database: temporary.path)
        try #require(result.status == 0, "\(result.stderr)")
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        return hits.map { "\($0["kind"] as? String ?? "?") \($0["id"] as? Int ?? -1)" }.sorted()
    }

    /// The rows of `table` that Datasette's `?_search=` returns: its query, word for word.
    private static func datasetteSearch(_ table: String, _ words: String, in store: ClaimStore) throws -> [Int64] {
        try store.database.prepare(
            """
            SELECT rowid FROM \(table) WHERE rowid IN (SELECT rowid FROM \(table)_fts WHERE \(table)_fts MATCH ?)
            ORDER BY 1
            """
        ).map([words]) { $0.int64(0) }
    }

    @Test("a proposal's quote and its claim are searchable once accepted, a rejected one never; check agrees")
    func proposalsEnterSearchOnAccept() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let source = try store.source("Harbour report")
        let proposed = try store.write {
            try ExtractionRecorder(store: store, recordedBy: "tester").propose(
                [
                    .quote("Dredgers widened the channel", by: "Port Authority"),
                    .quote("Tugboats refused the tender", by: "Port Authority"),
                ],
                source: source
            )
        }.proposed
        try #require(proposed.count == 2)
        let claims = try store.database.prepare("SELECT claim_id FROM attribution ORDER BY id").map { $0.int64(0) }

        for words in ["dredgers", "tugboats"] {
            #expect(try Self.searched(words, in: temporary) == [])
            #expect(try Self.datasetteSearch("claim", words, in: store) == [])
            #expect(try Self.datasetteSearch("attribution", words, in: store) == [])
        }
        #expect(try StoreCheck(store: store).problems() == [])

        try store.write {
            let review = ProposalReview(store: store, reviewer: "editor")
            try review.accept(proposed[0], correction: .init(speaker: "Port Authority", newSpeaker: true))
            try review.reject(proposed[1], reason: "not a claim")
        }
        // Stemmed: "dredger" finds "Dredgers".
        #expect(try Self.searched("dredger", in: temporary) == ["claim \(claims[0])", "quote \(proposed[0])"])
        #expect(try Self.datasetteSearch("claim", "dredger", in: store) == [claims[0]])
        #expect(try Self.datasetteSearch("attribution", "dredger", in: store) == [proposed[0]])
        #expect(try Self.searched("tugboats", in: temporary) == [])
        #expect(try Self.datasetteSearch("attribution", "tugboats", in: store) == [])
        #expect(try StoreCheck(store: store).problems() == [])

        // check compares each index with the rows it should hold: a rejected quote slipped in is found.
        try store.database.execute(
            "INSERT INTO attribution_fts (rowid, quote, cue) SELECT id, quote, cue FROM attribution WHERE id = ?",
            [proposed[1]]
        )
        let problems = try StoreCheck(store: store).problems()
        #expect(problems.contains("full-text index attribution_fts: row #\(proposed[1]) should not be there"))
        #expect(problems.allSatisfy { $0.hasPrefix("full-text index attribution_fts") })
    }

    @Test("after migrating, nothing in the schema refers to the search_index of schema 005")
    func noTriggerWritesTheOldIndex() throws {
        let temporary = try TemporaryStore()
        let path = temporary.directory.appendingPathComponent("v11.db").path
        try OlderStore.make(at: path, version: 11)
        let upgraded = try ClaimStore.create(at: path)
        for store in [upgraded, temporary.store] {
            #expect(try store.schemaVersion() == Migration.latestVersion)
            let referring = try store.database.prepare(
                "SELECT name FROM sqlite_master WHERE name LIKE '%search_index%' OR sql LIKE '%search_index%'"
            ).map { $0.string(0) }
            #expect(referring == [])
            // Every trigger still runs: an alias added and removed leaves the speaker index sound.
            try store.write {
                let speaker = try store.speaker("Port Authority")
                try store.database.execute(
                    "INSERT INTO speaker_alias (speaker_id, alias, alias_key) VALUES (?, 'PA', 'pa')",
                    [speaker]
                )
                try store.database.execute("DELETE FROM speaker_alias WHERE speaker_id = ?", [speaker])
            }
            #expect(try StoreCheck(store: store).problems() == [])
        }
    }
}
