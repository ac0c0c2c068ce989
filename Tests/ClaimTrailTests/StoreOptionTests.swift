import Foundation
import Testing

@testable import ClaimTrail

/// Which store a command opens: `--db` before and after the command's name.
@Suite("store options")
struct StoreOptionTests {
    @Test("given before and after the command, the one after wins")
    func optionAfterCommandWins() throws {
        let before = try TemporaryStore()
        let after = try TemporaryStore()
        let result = try Binary.run(["--db", before.path, "claim", "add", "Written here", "--db", after.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try before.count("claim") == 0)
        #expect(try after.count("claim") == 1)

    }

    @Test("leading options still reach a nested command")
    func leadingOptionsReachNestedCommand() throws {
        let temporary = try TemporaryStore()
        let result = try Binary.run(["--db", temporary.path, "speaker", "add", "Jens Stoltenberg"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try temporary.count("speaker") == 1)
    }
}
