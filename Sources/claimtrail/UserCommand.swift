import ArgumentParser
import ClaimTrail
import HummingbirdBcrypt

/// Accounts for `claimtrail serve`. Run on the server's machine by whoever may write the store
/// file; every change is written to the account log with `--as` (default $USER).
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the accounts that sign in to `claimtrail serve`.",
        subcommands: [Add.self, List.self, Role.self, Disable.self, Token.self]
    )

    /// bcrypt's work factor: 2^12 rounds, about a quarter of a second per check on a server core.
    static let bcryptCost: UInt8 = 12

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account; the password is asked for without echo, or read from --password-file."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The account's name, used to sign in.") var name: String
        @Option(help: "viewer (reads), editor (also records, edits and merges) or admin (also manages accounts).")
        var role: AccountRole
        @Option(help: "Read the password from the first line of this file.") var passwordFile: String?

        func run() throws {
            let opened = try store.open()
            let hash = Bcrypt.hash(try PasswordInput.read(file: passwordFile), cost: UserCommand.bcryptCost)
            let account = try opened.write {
                try opened.addAccount(name: name, role: role, passwordHash: hash, by: store.recorder)
            }
            note("added \(account.role.rawValue) “\(account.name)”")
            print(account.id)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")

        @OptionGroup var store: StoreOptions
        @Option(help: "table, csv or json.") var format: ReportFormat = .table

        func run() throws {
            try emit(try format.render(try store.open().accounts()))
        }
    }

    struct Role: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give an account another role.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The account's name.") var name: String
        @Argument(help: "viewer, editor or admin.") var role: AccountRole

        func run() throws {
            let opened = try store.open()
            try opened.write { try opened.setRole(role, ofAccount: name, by: store.recorder) }
            note("“\(name)” is now \(role.rawValue)")
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable an account: it can no longer sign in, and its sessions and tokens stop working."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The account's name.") var name: String

        func run() throws {
            let opened = try store.open()
            try opened.write { try opened.disableAccount(named: name, by: store.recorder) }
            note("disabled “\(name)”")
        }
    }

    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue an API token (printed once, as the last line), list tokens, or revoke one.",
            discussion: "Send it as `Authorization: Bearer TOKEN`. The store keeps only its SHA-256."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The account's name.") var name: String
        @Option(help: "Revoke the token with this id instead of issuing one.") var revoke: RecordID?
        @Flag(help: "List the account's tokens instead of issuing one.") var list = false
        @Option(help: "With --list: table, csv or json.") var format: ReportFormat = .table

        func validate() throws {
            if list && revoke != nil { throw ValidationError("--list and --revoke exclude each other") }
        }

        func run() throws {
            let opened = try store.open()
            if list { return try emit(try format.render(try opened.tokens(forAccount: name))) }
            if let revoke = revoke?.value {
                try opened.write {
                    guard try opened.tokens(forAccount: name).contains(where: { $0.id == revoke }) else {
                        throw ClaimTrailError.notFound("“\(name)” has no API token #\(revoke)")
                    }
                    try opened.revokeToken(revoke, by: store.recorder)
                }
                return note("revoked API token #\(revoke)")
            }
            let issued = try opened.write { try opened.issueToken(forAccount: name, by: store.recorder) }
            note("API token #\(issued.id) for “\(name)”; it is shown only now:")
            print(issued.token)
        }
    }
}

extension AccountRole: ExpressibleByArgument {}
