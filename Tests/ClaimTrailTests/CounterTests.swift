import Foundation
import Testing

@testable import ClaimTrail

@Suite("Trigger-kept claim counters")
struct CounterTests {
    @Test("random inserts and deletes keep every counter equal to a recount", arguments: [1, 2, 3] as [UInt64])
    func randomEditsKeepCounters(seed: UInt64) throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        var random = SplitMix64(seed: seed)
        func pick(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }
        let sources = try (1...4).map { try store.source("S\($0)", published: "2018-0\($0)-01") }
        let speakers = try (1...5).map { try store.speaker("Speaker \($0)") }
        let claims = try (1...6).map { try store.claim("Claim \($0)") }
        var attributions: [Int64] = []
        for step in 0..<300 {
            switch pick(10) {
            case 0..<6:
                let speaker: Int64? = pick(5) == 0 ? nil : speakers[pick(speakers.count)]
                let date: String? = pick(3) == 0 ? "2017-12-\(10 + pick(18))" : nil
                let stance = [Stance.asserts, .asserts, .denies, .questions][pick(4)]
                let claim = claims[pick(claims.count)]
                attributions.append(
                    try store.attribute(
                        claim,
                        speaker,
                        in: sources[pick(sources.count)],
                        stance,
                        quote: "q\(step)",
                        date: date
                    )
                )
            case 6..<8 where !attributions.isEmpty:
                let victim = attributions.remove(at: pick(attributions.count))
                try store.database.execute("DELETE FROM attribution WHERE id = ?", [victim])
            case 8:
                let from = claims[pick(claims.count)]
                let to = claims[pick(claims.count)]
                if from != to {
                    _ = try store.addRelation(from: from, to: to, kind: pick(4) == 0 ? .supports : .contradicts)
                }
            default:
                try store.database.execute(
                    "DELETE FROM claim_relation WHERE id = (SELECT id FROM claim_relation ORDER BY random() LIMIT 1)"
                )
            }
            let problems = try StoreCheck(store: store).problems()
            #expect(problems.isEmpty, "seed \(seed), step \(step): \(problems)")
            if !problems.isEmpty { return }
        }
        #expect(try temporary.count("attribution") > 50)
    }

    @Test("a store filled before the counters existed is counted when it is migrated")
    func backfill() throws {
        let current = try TemporaryStore()
        try HostileStore.fill(current.store)
        _ = try Importer(store: current.store, recordedBy: "t").importFile(
            atPath: Repository.path("examples/syria.json")
        )

        let path = current.directory.appendingPathComponent("v2.db").path
        try OlderStore.make(
            at: path,
            version: 2,
            copying: ["source", "speaker", "speaker_alias", "claim", "attribution", "claim_relation", "verdict"],
            from: current.store
        )
        let migrated = try ClaimStore.create(at: path)
        #expect(try StoreCheck(store: migrated).problems().isEmpty)
        let stats = { (store: ClaimStore) in
            try store.database.prepare("SELECT * FROM claim_stats ORDER BY claim_id").map { row in
                (0..<10).map { row.text($0) }
            }
        }
        #expect(try stats(migrated) == stats(current.store))
        let speakerStats = { (store: ClaimStore) in
            try store.database.prepare("SELECT * FROM speaker_stats ORDER BY 1").map { row in
                [row.int64(0), row.int64(1)]
            }
        }
        #expect(try !speakerStats(migrated).isEmpty && speakerStats(migrated) == speakerStats(current.store))
        #expect(try migrated.contestedClaims() == current.store.contestedClaims())
    }

    @Test("check reports counters that drifted, and a clean store passes")
    func checkFindsDrift() throws {
        let temporary = try TemporaryStore()
        try HostileStore.fill(temporary.store)
        #expect(try StoreCheck(store: temporary.store).problems() == [])
        try temporary.store.database.executeScript(
            "UPDATE claim_stats SET disputing = disputing + 1 WHERE claim_id = 1"
        )
        #expect(try StoreCheck(store: temporary.store).problems() == ["counters of claim #1 differ from a recount"])
        try temporary.store.database.executeScript(
            "UPDATE speaker_stats SET attributions = attributions + 1 WHERE speaker_id = 1"
        )
        let result = try Binary.run(["check"], database: temporary.path)
        #expect(
            result.status == 1
                && result.stdout == """
                    counters of claim #1 differ from a recount
                    attribution count of speaker #1 differs from a recount

                    """
        )
    }
}
