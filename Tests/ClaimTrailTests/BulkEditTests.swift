import Foundation
import Testing

@testable import ClaimTrail

/// Merges and claim deletions move or remove attributions set-wise with the triggers off (issue 21).
/// Each test makes the edit on one store and records the state it should leave directly, row by
/// row with the triggers on, in another: the counters, voices, sources, search and timelines of
/// the two must be the same, and the edit must be one change-log entry holding what it took away.
@Suite("Merges and deletions on busy records")
struct BulkEditTests {
    /// Where claim Y's attributions and relations go, and who Cy's attributions are recorded as.
    struct Plan {
        /// The claim Y's attributions are recorded on; nil: they are not recorded at all.
        var claimY: Int64? = Ids.y
        var cy = Ids.cy
    }

    /// The ids the records get, the same in every store built by `record`.
    enum Ids {
        static let (x, y, w, v) = (Int64(1), Int64(2), Int64(3), Int64(4))
        static let (ana, bo, cy, dee) = (Int64(1), Int64(2), Int64(3), Int64(4))
    }

    /// Records four claims (Y contradicts W, V contradicts Y, X contradicts V), four speakers and
    /// three sources, then attributions with every stance, a relay, dated and undated sources.
    /// Y's attributions come last, so that leaving them out keeps every other id.
    static func record(_ store: ClaimStore, _ plan: Plan) throws {
        try store.write {
            for text in ["Alpha claim", "Beta claim", "Gamma claim", "Delta claim"] { _ = try store.claim(text) }
            // Cy is anonymous: a merge into Ana moves Cy's rows out of their sources' anonymous counts.
            for name in ["Ana", "Bo", "Cy", "Dee"] {
                _ = try store.speaker(name, kind: name == "Cy" ? .anonymous : .person)
            }
            let january = try store.source("January", published: "2020-01-01")
            let february = try store.source("February", published: "2020-02-01")
            let undated = try store.source("Undated")
            let y = plan.claimY
            let relations: [(Int64?, Int64?)] = [(y, Ids.w), (Ids.v, y), (Ids.x, Ids.v)]
            for case let (from?, to?) in relations where from != to {
                _ = try store.addRelation(from: from, to: to, kind: .contradicts)
            }
            try store.attribute(Ids.x, Ids.ana, in: january, .asserts)
            try store.attribute(Ids.x, Ids.bo, in: february, .denies, quote: "kvass brewing")
            try store.attribute(Ids.w, Ids.bo, in: january, .asserts)
            try store.attribute(Ids.v, Ids.dee, in: february, .asserts)
            try store.attribute(Ids.v, plan.cy, in: undated, .denies)
            guard let y else { return }
            try store.attribute(y, Ids.ana, in: february, .asserts)
            let relay = try store.attribute(y, plan.cy, in: undated, .asserts, date: "2019-12-24")
            try store.attribute(y, Ids.dee, in: january, .questions, quote: "zymurgy")
            try store.attribute(y, Ids.bo, in: february, .asserts, via: relay)
            try store.attribute(y, nil, in: undated, .denies)
        }
    }

    /// Every counter the triggers keep (per-source sourcing counts included), and each attribution's place in the
    /// timelines, as JSON rows;
    /// but those of claim `claim` (merged or deleted).
    static func counters(_ store: ClaimStore, without claim: Int64) throws -> [String] {
        let queries = [
            """
            SELECT json_array('stats', claim_id, attributions, asserts, denies, asserting, disputing, counter_claims,
                              sources, first_seen, last_seen) FROM claim_stats WHERE claim_id <> ?1 ORDER BY claim_id
            """,
            """
            SELECT json_array('voice', claim_id, side, voice, n) FROM claim_voice WHERE claim_id <> ?1
            ORDER BY claim_id, side, voice
            """,
            """
            SELECT json_array('source', claim_id, source_id, n) FROM claim_source WHERE claim_id <> ?1
            ORDER BY claim_id, source_id
            """,
            """
            SELECT json_array('speaker', speaker_id, attributions) FROM speaker_stats WHERE ?1 IS NOT NULL
            ORDER BY speaker_id
            """,
            """
            SELECT json_array('sourcing', source_id, attributions, anonymous, unattributed) FROM source_sourcing
            WHERE ?1 IS NOT NULL ORDER BY source_id
            """,
            """
            SELECT json_array('attribution', id, claim_id, speaker_id, seen_on,
                via_id) FROM attribution WHERE ?1 IS NOT NULL
            ORDER BY claim_id, seen_on IS NULL, seen_on, id
            """,
        ]
        return try queries.flatMap { sql in
            try store.database.prepare(sql).map([claim]) { $0.string(0) }
        }
    }

    /// A store recorded by `record` after `edit`, with the ids of the attributions whose `column`
    /// was `id` and the change log's size, both taken just before the edit.
    static func edited(
        _ column: String,
        _ id: Int64,
        _ edit: (ClaimStore) throws -> Void
    ) throws -> (TemporaryStore, [Int64], Int) {
        let temporary = try TemporaryStore()
        try record(temporary.store, Plan())
        let ids = try temporary.store.database.prepare("SELECT id FROM attribution WHERE \(column) = ? ORDER BY id")
            .map([id]) { $0.int64(0) }
        let logged = try changeLogSize(temporary.store)
        try temporary.store.write { try edit(temporary.store) }
        return (temporary, ids, logged)
    }

    static func changeLogSize(_ store: ClaimStore) throws -> Int {
        try store.database.prepare("SELECT count(*) FROM change_log").first { $0.int(0) } ?? -1
    }

    /// The `before` of the last change-log entry, parsed.
    static func lastEntry(_ store: ClaimStore) throws -> [String: Any] {
        let before = try #require(
            try store.database.prepare("SELECT before FROM change_log ORDER BY id DESC LIMIT 1").first { $0.string(0) }
        )
        return try #require(try JSONSerialization.jsonObject(with: Data(before.utf8)) as? [String: Any])
    }

    @Test("claim merge leaves what recording the merged claim's attributions on the kept one leaves")
    func claimMerge() throws {
        let (merged, moved, logged) = try Self.edited("claim_id", Ids.y) {
            try $0.mergeClaim(Ids.y, into: Ids.x, by: "t", reason: "same")
        }

        let direct = try TemporaryStore()
        try Self.record(direct.store, Plan(claimY: Ids.x))
        #expect(try Self.counters(merged.store, without: Ids.y) == Self.counters(direct.store, without: Ids.y))
        #expect(try StoreCheck(store: merged.store).problems().isEmpty)
        #expect(try merged.store.search("zymurgy").map { [$0.id, $0.claimID] } == [[8, Ids.x]])
        #expect(
            try merged.store.traceClaim("#1").attributions.map(\.attributionID)
                == direct.store.traceClaim("#1").attributions.map(\.attributionID)
        )
        #expect(try Self.changeLogSize(merged.store) == logged + 1)
        let entry = try Self.lastEntry(merged.store)
        #expect(entry["attributions"] as? [Int64] == moved)
        #expect(entry["text"] as? String == "Beta claim")
        let relations = try #require(entry["relations"] as? [[String: Any]])
        #expect(relations.map { [$0["from_claim_id"] as? Int64, $0["to_claim_id"] as? Int64] } == [[2, 3], [4, 2]])
    }

    @Test("claim merge of a claim into one it contradicts counts the kept claim's attributions once")
    func claimMergeIntoItsCounterClaim() throws {
        // V contradicts Y and Y contradicts W: merging V into Y touches Y both as the kept claim and
        // as a claim V contradicts, and the recount once counted Y's attributions twice.
        let (merged, _, _) = try Self.edited("claim_id", Ids.v) {
            try $0.mergeClaim(Ids.v, into: Ids.y, by: "t", reason: "same")
        }
        #expect(try StoreCheck(store: merged.store).problems().isEmpty)
        let counts = try merged.store.database.prepare(
            """
            SELECT attributions, (SELECT count(*) FROM attribution WHERE claim_id = ?1 AND state = 'accepted')
            FROM claim_stats WHERE claim_id = ?1
            """
        ).first([Ids.y]) { [$0.int(0), $0.int(1)] }
        #expect(counts == [7, 7])
    }

    @Test("speaker merge leaves what recording the merged speaker's attributions as the kept one leaves")
    func speakerMerge() throws {
        let (merged, moved, logged) = try Self.edited("speaker_id", Ids.cy) {
            try $0.mergeSpeaker(Ids.cy, into: Ids.ana, by: "t", reason: nil)
        }

        let direct = try TemporaryStore()
        try Self.record(direct.store, Plan(cy: Ids.ana))
        #expect(try Self.counters(merged.store, without: 0) == Self.counters(direct.store, without: 0))
        #expect(try StoreCheck(store: merged.store).problems().isEmpty)
        #expect(
            try merged.store.traceSpeaker("#1").attributions.map(\.attributionID)
                == direct.store.traceSpeaker("#1").attributions.map(\.attributionID)
        )
        #expect(try merged.store.search("Cy").contains { $0.kind == .speaker && $0.id == Ids.ana })
        #expect(try Self.changeLogSize(merged.store) == logged + 1)
        let entry = try Self.lastEntry(merged.store)
        #expect(entry["attributions"] as? [Int64] == moved)
        #expect(entry["name"] as? String == "Cy")
    }

    @Test("claim delete leaves what never recording the claim leaves, and logs its rows in one entry")
    func claimDelete() throws {
        let deleted = try TemporaryStore()
        try Self.record(deleted.store, Plan())
        let rows = try deleted.store.database.prepare(
            "SELECT id, via_id, quote, uid FROM attribution WHERE claim_id = ? ORDER BY id"
        ).map([Ids.y]) { [$0.text(0), $0.text(1), $0.text(2), $0.text(3)] }
        let logged = try Self.changeLogSize(deleted.store)
        try deleted.store.write { try deleted.store.deleteClaim(Ids.y, by: "t", reason: "invented") }

        let direct = try TemporaryStore()
        try Self.record(direct.store, Plan(claimY: nil))
        try direct.store.write { try direct.store.deleteClaim(Ids.y, by: "t", reason: "never said") }
        #expect(try Self.counters(deleted.store, without: Ids.y) == Self.counters(direct.store, without: Ids.y))
        #expect(try StoreCheck(store: deleted.store).problems().isEmpty)
        #expect(try deleted.store.search("zymurgy").isEmpty)
        #expect(try deleted.store.search("kvass").count == 1)
        let retired = try deleted.store.database.prepare(
            "SELECT uid FROM retired_uid WHERE entity = 'attribution' ORDER BY id"
        ).map { $0.text(0) }
        #expect(retired == rows.map { $0[3] })
        #expect(try Self.changeLogSize(deleted.store) == logged + 1)

        let entry = try Self.lastEntry(deleted.store)
        let attributions = try #require(entry["attributions"] as? [[String: Any]])
        let restored = attributions.map { row in
            ["id", "via_id", "quote", "uid"].map { key in row[key].flatMap { $0 is NSNull ? nil : "\($0)" } }
        }
        #expect(rows.count == 5)
        #expect(restored == rows)
        let relations = try #require(entry["relations"] as? [[String: Any]])
        #expect(relations.count == 2)
    }

    @Test("a deleted claim's attribution ids stay taken: check reports one reused")
    func deletedIDsStayTaken() throws {
        let temporary = try TemporaryStore()
        try Self.record(temporary.store, Plan())
        let last = try #require(
            try temporary.store.database.prepare("SELECT max(id) FROM attribution").first {
                $0.int64(0)
            }
        )
        try temporary.store.write { try temporary.store.deleteClaim(Ids.y, by: "t", reason: nil) }
        #expect(try StoreCheck(store: temporary.store).problems().isEmpty)
        try temporary.store.write {
            try temporary.store.database.execute(
                """
                INSERT INTO attribution (id, claim_id, source_id, recorded_by, state) VALUES (?, 1, 1, 't', 'proposed')
                """,
                [last]
            )
        }
        #expect(
            try StoreCheck(store: temporary.store).problems().contains { $0.hasPrefix("attribution #\(last) is live") }
        )
    }
}
