import Foundation
import Testing

@testable import ClaimTrail

/// `audit --all` reads per-source counts kept by triggers and by the import's batches (schema
/// 022); they must stay what `SourcingCategory`, the Swift rule, makes of every row.
@Suite struct SourcingCountTests {
    /// Each source's counts by the Swift rule, from every accepted row: "id attributions anonymous unattributed".
    private static func recount(_ store: ClaimStore) throws -> [String] {
        var tallies: [Int64: (Int, Int, Int)] = [:]
        try store.read {
            try store.provenance.forEach(.all) { row in
                let category = SourcingCategory(row)
                var tally = tallies[row.sourceID] ?? (0, 0, 0)
                tally.0 += 1
                if category == .anonymous { tally.1 += 1 }
                if category == .unattributed { tally.2 += 1 }
                tallies[row.sourceID] = tally
            }
        }
        return tallies.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.0) \($0.value.1) \($0.value.2)" }
    }

    private static func kept(_ store: ClaimStore) throws -> [String] {
        try store.auditAll().sorted { $0.sourceID < $1.sourceID }.map {
            "\($0.sourceID) \($0.attributions) \($0.anonymous) \($0.unattributed)"
        }
    }

    @Test("kept sourcing counts equal a recount by SourcingCategory after an import, edits and deletions")
    func countsFollowEveryChange() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let file = try ReliabilityTests.dataset(
            in: temporary.directory,
            name: "data",
            claims: 30,
            attributions: 400,
            seed: 22
        )
        _ = try Importer(store: store, recordedBy: "t").importFile(atPath: file)
        #expect(try Self.kept(store) == Self.recount(store))
        #expect(try Self.kept(store).contains { !$0.hasSuffix(" 0 0") })

        // One row per hedge, each by a named person: every hedge of the Swift rule counts as unattributed.
        let claim = try store.claim("The bridge was closed")
        let person = try store.speaker("Ana Pop")
        let hedged = try store.source("Hedged report")
        // A claim each: the same speaker on the same claim in the same source is one attribution.
        for hedge in SourcingCategory.hedges {
            _ = try store.addAttribution(
                AttributionDraft(
                    claimID: try store.claim("The bridge \(hedge) closed"),
                    speakerID: person,
                    sourceID: hedged,
                    cue: "It \(hedge) happened"
                ),
                recordedBy: "t"
            )
        }
        let official = try store.speaker("a senior official", kind: .anonymous)
        let plain = try store.source("Plain report")
        let anonymous = try store.attribute(claim, official, in: plain, quote: "The bridge was closed")
        let named = try store.attribute(claim, person, in: plain, .denies)
        try store.attribute(claim, nil, in: plain)
        let other = try store.source("Other report")
        try store.attribute(claim, person, in: other)
        #expect(try Self.kept(store) == Self.recount(store))
        let hedgedCount = try #require(try store.auditAll().first { $0.sourceID == hedged })
        #expect(hedgedCount.unattributed == SourcingCategory.hedges.count && hedgedCount.anonymous == 0)

        // A correction that hedges, a speaker who turns out anonymous, a deletion.
        try store.editAttribution(
            anonymous,
            quote: "The bridge was reportedly closed",
            cue: nil,
            mode: nil,
            by: "t",
            reason: nil
        )
        try store.editSpeaker(person, name: nil, kind: .anonymous, role: nil, by: "t", reason: nil)
        try store.deleteAttribution(named, by: "t", reason: nil)
        #expect(try Self.kept(store) == Self.recount(store))
        let plainCount = try #require(try store.auditAll().first { $0.sourceID == plain })
        #expect((plainCount.attributions, plainCount.anonymous, plainCount.unattributed) == (2, 0, 2))
        let otherCount = try #require(try store.auditAll().first { $0.sourceID == other })
        #expect((otherCount.attributions, otherCount.anonymous, otherCount.unattributed) == (1, 1, 0))
        #expect(try StoreCheck(store: store).problems().isEmpty)

        // A damaged count is reported by `check`.
        try store.database.execute("UPDATE source_sourcing SET anonymous = anonymous + 1 WHERE source_id = ?", [plain])
        #expect(
            try StoreCheck(store: store).problems() == ["sourcing counts of source #\(plain) differ from a recount"]
        )
    }
}
