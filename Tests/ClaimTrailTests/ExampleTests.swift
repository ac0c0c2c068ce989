import Testing

@testable import ClaimTrail

/// The bundled example, recorded from the three corpus articles, gives the expected answers.
@Suite("examples/syria.json")
struct ExampleTests {
    @Test("imports cleanly, twice, and yields the two contested claims of the corpus")
    func example() throws {
        let temporary = try TemporaryStore()
        let importer = Importer(store: temporary.store, recordedBy: "tester")
        let first = try importer.importFile(atPath: Repository.path("examples/syria.json"))
        #expect(first.sources == 3 && first.attributions > 15 && first.relations == 3)
        let again = try importer.importFile(atPath: Repository.path("examples/syria.json"))
        #expect(again.sources + again.speakers + again.claims + again.attributions + again.relations == 0)

        let contested = try temporary.store.contestedClaims()
        #expect(
            contested.map(\.claim) == [
                "The United States is planning a missile strike against the Assad government in Syria.",
                "Russia’s Kalibr cruise missiles fired from the Caspian Sea targeted the so-called Islamic State.",
            ]
        )
        // Russia asserts; the US denies and the article's own rebuttal counters it.
        #expect((contested[0].asserting, contested[0].disputing, contested[0].counterClaims) == (1, 2, 1))

        let official = try temporary.store.traceSpeaker("the US defense official")
        #expect(official.speaker.kind == .anonymous)
        #expect(official.attributions.count == 5)
        #expect(official.attributions.contains { $0.viaChainText == "a senior defense official ← Michael Marrow" })

        let bodies = try temporary.store.database.prepare("SELECT body_sha256 FROM source ORDER BY id").map {
            $0.string(0)
        }
        for (index, hash) in bodies.enumerated() {
            let text = try String(contentsOfFile: Repository.path("examples/articles/00\(index).txt"), encoding: .utf8)
            #expect(hash == SHA256.hex(text))
        }
    }
}
