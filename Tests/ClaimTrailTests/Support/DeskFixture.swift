import Foundation

@testable import ClaimTrail

/// A store on disk with one source, one claim and three accounts (viewer, editor, admin), each
/// with an API token, all made through the binary as a desk's admin would.
final class DeskFixture {
    let temporary: TemporaryStore
    var path: String { temporary.path }
    /// The API token of each account, by name.
    private(set) var tokens: [String: String] = [:]
    static let password = "correct horse battery"

    init() throws {
        temporary = try TemporaryStore()
        let passwordFile = try temporary.file("password.txt", Self.password + "\n")
        try run(["source", "add", "--title", "The wire story", "--url", "https://example.org/wire"])
        try run(["claim", "add", "The bridge was closed on Monday"])
        for (name, role) in [("vera", "viewer"), ("ed", "editor"), ("ada", "admin")] {
            try run(["user", "add", name, "--role", role, "--password-file", passwordFile])
            let output = try run(["user", "token", name])
            tokens[name] = output.split(separator: "\n").last.map(String.init)
        }
    }

    /// Renames in_progress "Being checked" and proposes two attributions from a short article (the
    /// mayor's, less sure, and a senior official's), as a desk's editor finds them in the morning.
    func addDeskWork() throws {
        try run(["status", "labels", "in_progress", "Being checked"])
        let article = try temporary.file(
            "article.txt",
            "The mayor said the tunnel will reopen in May. "
                + "\"We have no money for repairs,\" a senior official told reporters.\n"
        )
        try run(["extract", article, "--source", "1", "--propose"])
    }

    /// Adds a generated busy claim, #2, with over a thousand attributions (and two quieter ones).
    func addBusyClaim() throws {
        let out = temporary.directory.appendingPathComponent("generated").path
        try run(["generate", "--claims", "3", "--attributions", "3000", "--out", out])
        try run(["import", out + "/data.jsonl"])
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let result = try Binary.run(arguments, database: path, user: "desk-admin")
        guard result.status == 0 else { throw FixtureFailed(message: result.stderr) }
        return result.stdout
    }

    struct FixtureFailed: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    func bearer(_ name: String) -> [String: String] {
        ["Authorization": "Bearer \(tokens[name] ?? "")"]
    }

    /// Reads the store file afresh, apart from the server's connections.
    func count(_ sql: String, _ arguments: [any StatementArgument] = []) throws -> Int {
        let store = try ClaimStore.open(at: path)
        return try store.database.prepare(sql).first(arguments) { $0.int(0) } ?? -1
    }

    func texts(_ sql: String, _ arguments: [any StatementArgument] = []) throws -> [String] {
        let store = try ClaimStore.open(at: path)
        return try store.database.prepare(sql).map(arguments) { $0.text(0) ?? "∅" }
    }
}
