import Testing

@testable import ClaimTrail

/// `ClaimStore.read`: what `serve` builds each page in.
@Suite("Snapshot reads")
struct SnapshotReadTests {
    @Test("a read transaction sees one state of the store while another connection writes")
    func oneSnapshot() throws {
        let temporary = try TemporaryStore()
        _ = try temporary.store.write { try temporary.store.addClaim(text: "First") }
        let reader = try ClaimStore.open(at: temporary.path)
        let seen = try reader.read {
            // The first query fixes the snapshot; the write below comes after it.
            let first = try reader.claim(id: 1)
            _ = try temporary.store.write { try temporary.store.addClaim(text: "Second") }
            return (first, try reader.claim(id: 2))
        }
        #expect(seen.0?.text == "First")
        #expect(seen.1 == nil)
        #expect(try reader.read { try reader.claim(id: 2) }?.text == "Second")
    }
}
