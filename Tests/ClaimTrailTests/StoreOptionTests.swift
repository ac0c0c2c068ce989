import Foundation
import Testing

@testable import ClaimTrail

/// Which store a command opens: `--db` before and after the command's name, and $CLAIMTRAIL_DB.
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

    @Test("an empty $CLAIMTRAIL_DB is refused, not replaced by ./claimtrail.db")
    func emptyEnvironmentRefused() throws {
        let temporary = try TemporaryStore()
        let fallback = try TemporaryStore()
        try FileManager.default.copyItem(
            atPath: fallback.path,
            toPath: temporary.directory.appendingPathComponent("claimtrail.db").path
        )
        let result = try Binary.run(["claim", "add", "Lost"], database: "", directory: temporary.directory)
        #expect(result.status == 1)
        #expect(result.stderr == "Error: $CLAIMTRAIL_DB is set but empty; unset it or give a store path\n")
    }

    @Test("a $CLAIMTRAIL_DB that is not valid UTF-8 is refused, not opened under another name")
    func invalidEnvironmentRefused() throws {
        let temporary = try TemporaryStore()
        // Foundation's Process takes the environment as Strings, so the bad byte comes from a shell.
        let result = try Binary.run(
            ["-c", #"CLAIMTRAIL_DB="$(printf 'caf\351.db')" exec "$0" claim add Lost"#, Binary.url.path],
            executable: URL(fileURLWithPath: "/bin/sh"),
            directory: temporary.directory
        )
        #expect(result.status == 1)
        #expect(result.stderr == "Error: $CLAIMTRAIL_DB is not valid UTF-8; give the store with --db\n")
        let created = try FileManager.default.contentsOfDirectory(atPath: temporary.directory.path)
        #expect(!created.contains { $0.hasPrefix("caf") }, "\(created)")
    }
}
