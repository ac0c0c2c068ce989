import Foundation
import Testing

@testable import ClaimTrail

/// `claimtrail user`: accounts, roles and API tokens, through the binary.
@Suite("claimtrail user")
struct UserCommandTests {
    @Test("user add, role, disable and token write the account log as the one running them")
    func accountsAreLogged() throws {
        let desk = try DeskFixture()
        try desk.run(["user", "role", "vera", "editor"])
        try desk.run(["user", "disable", "ed"])
        let list = try Binary.run(["user", "list", "--format", "csv"], database: desk.path)
        #expect(
            list.stdout.split(separator: "\r\n").map { $0.split(separator: ",").prefix(3).joined(separator: ",") } == [
                "id,name,role", "1,vera,editor", "2,ed,editor", "3,ada,admin",
            ]
        )
        #expect(try desk.count("SELECT COUNT(*) FROM account WHERE name = 'ed' AND disabled_at IS NOT NULL") == 1)
        let log = try desk.texts(
            "SELECT changed_by || ' ' || action || ' ' || account_id || ' ' || coalesce(detail, '') FROM account_log"
        )
        #expect(
            log == [
                "desk-admin add 1 viewer", "desk-admin token 1 #1", "desk-admin add 2 editor", "desk-admin token 2 #2",
                "desk-admin add 3 admin", "desk-admin token 3 #3", "desk-admin role 1 editor",
                "desk-admin disable 2 ",
            ]
        )
    }

    @Test("a token is printed once, as the last line, and only its SHA-256 is stored")
    func tokensAreHashed() throws {
        let desk = try DeskFixture()
        let result = try Binary.run(["user", "token", "ada"], database: desk.path)
        #expect(result.status == 0)
        let token = try #require(result.stdout.split(separator: "\n").last.map(String.init))
        #expect(token.hasPrefix("ct_") && token.count == 67)
        #expect(try desk.texts("SELECT token_hash FROM api_token WHERE id = 4") == [SHA256.hex(token)])
        let storeBytes =
            try Data(contentsOf: URL(fileURLWithPath: desk.path))
            + ((try? Data(contentsOf: URL(fileURLWithPath: desk.path + "-wal"))) ?? Data())
        #expect(storeBytes.range(of: Data(token.utf8)) == nil)
        #expect(storeBytes.range(of: Data(DeskFixture.password.utf8)) == nil)
    }

    @Test("bad account input is one line on stderr, exit 1, and writes nothing")
    func badInput() throws {
        let desk = try DeskFixture()
        let before = try desk.texts("SELECT name || role FROM account") + desk.texts("SELECT action FROM account_log")
        let short = try desk.temporary.file("short.txt", "too short\n")
        let long = try desk.temporary.file("long.txt", DeskFixture.password)
        for arguments in [
            ["user", "add", "nina", "--role", "viewer", "--password-file", short],
            ["user", "add", "nina", "--role", "viewer"],
            ["user", "add", "VERA", "--role", "viewer", "--password-file", long],
            ["user", "role", "vera", "viewer"],
            ["user", "role", "nobody", "admin"],
            ["user", "token", "vera", "--revoke", "3"],
            ["user", "token", "vera", "--revoke", "99"],
            ["user", "add", "\u{202E}ada", "--role", "viewer", "--password-file", long],
            ["user", "add", "n\tina", "--role", "viewer", "--password-file", long],
            ["user", "add", "ni\u{200B}na", "--role", "viewer", "--password-file", long],
            ["user", "add", "ni\u{00A0}na", "--role", "viewer", "--password-file", long],
        ] {
            let result = try Binary.run(arguments, database: desk.path)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
        }
        let after = try desk.texts("SELECT name || role FROM account") + desk.texts("SELECT action FROM account_log")
        #expect(after == before)
    }
}
