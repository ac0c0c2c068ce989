import Testing

@testable import ClaimTrail

@Suite("Contested claims")
struct ContestedTests {
    @Test("contested means countered, or both asserted and denied; questioning alone is not enough")
    func definition() throws {
        let store = try TemporaryStore().store
        let s1 = try store.source("One", published: "2018-08-01")
        let s2 = try store.source("Two", published: "2018-08-05")
        let russia = try store.speaker("Russia", kind: .government)
        let us = try store.speaker("US", kind: .government)
        let nato = try store.speaker("NATO", kind: .organization)

        let strike = try store.claim("The US plans a strike", topic: "syria")
        try store.attribute(strike, russia, in: s1)
        let rebuttal = try store.claim("There is no sign of a planned strike", topic: "syria")
        try store.attribute(rebuttal, nil, in: s2)
        _ = try store.addRelation(from: rebuttal, to: strike, kind: .contradicts)

        let denied = try store.claim("ISIS was the target")
        try store.attribute(denied, russia, in: s1, .asserts)
        try store.attribute(denied, us, in: s2, .denies)
        try store.attribute(denied, nato, in: s2, .denies)

        let questioned = try store.claim("The fleet is a deterrent")
        try store.attribute(questioned, russia, in: s1)
        try store.attribute(questioned, nato, in: s2, .questions)

        let plain = try store.claim("NATO is not present in Syria")
        try store.attribute(plain, nato, in: s1)

        let contested = try store.contestedClaims()
        #expect(contested.map(\.id) == [denied, strike])
        let deniedRow = try #require(contested.first)
        #expect((deniedRow.asserting, deniedRow.disputing, deniedRow.counterClaims, deniedRow.sources) == (1, 2, 0, 2))
        #expect((deniedRow.firstSeen, deniedRow.lastSeen) == ("2018-08-01", "2018-08-05"))
        let strikeRow = contested[1]
        // The rebuttal is unattributed: it counts as the voice of its source.
        #expect((strikeRow.asserting, strikeRow.disputing, strikeRow.counterClaims, strikeRow.sources) == (1, 1, 1, 1))

        #expect(try store.contestedClaims(topic: "SYRIA").map(\.id) == [strike])
        #expect(try store.contestedClaims(limit: 1).map(\.id) == [denied])
        #expect(try store.traceClaim("\(questioned)").contested == false)
        #expect(try store.traceClaim("\(strike)").contested == true)
    }

    @Test("a speaker who both denies and asserts a counter-claim is one disputing voice")
    func voicesAreDistinct() throws {
        let store = try TemporaryStore().store
        let source = try store.source("S")
        let a = try store.speaker("A")
        let b = try store.speaker("B")
        let claim = try store.claim("X")
        let counter = try store.claim("not X")
        try store.attribute(claim, a, in: source)
        try store.attribute(claim, b, in: source, .denies)
        try store.attribute(counter, b, in: source)
        _ = try store.addRelation(from: counter, to: claim, kind: .contradicts)
        let row = try #require(try store.contestedClaims().first)
        #expect((row.asserting, row.disputing, row.counterClaims) == (1, 1, 1))
    }
}
