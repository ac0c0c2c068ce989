import Foundation
import Testing

@testable import ClaimTrail

/// Only `init` creates or upgrades a store; every other command refuses what is not a current store,
/// with one line, and leaves the file and its folder exactly as they were.
@Suite("opening a store")
struct StoreOpeningTests {
    /// Every file in `folder` with its bytes: what a refused command must leave unchanged.
    static func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test("an empty --db is refused with one line, exit 1, and nothing is written anywhere")
    func emptyPath() throws {
        let temporary = try TemporaryStore()
        let before = try Self.contents(of: temporary.directory)
        for arguments in [["claim", "add", "Lost?"], ["init"], ["contested"]] {
            let result = try Binary.run(arguments + ["--db", ""], directory: temporary.directory)
            #expect(result.status == 1 && result.stdout == "", "\(arguments)")
            #expect(result.stderr == "Error: the store path is empty; name a file with --db\n", "\(arguments)")
        }
        #expect(try Self.contents(of: temporary.directory) == before)
        #expect(throws: ClaimTrailError.invalid("the store path is empty; name a file with --db")) {
            _ = try ClaimStore.create(at: "")
        }
    }

    @Test("names SQLite would read as special (:memory:, file: URIs) are plain files")
    func specialNamesAreFiles() throws {
        let temporary = try TemporaryStore()
        let names = [":memory:", "file:store.db?mode=memory", "100%25.db#x", "Заметки о «ракетах».db"]
        for name in names {
            let result = try Binary.run(["init", "--db", name], directory: temporary.directory)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            let added = try Binary.run(
                ["claim", "add", "Kept in \(name)", "--db", name],
                directory: temporary.directory
            )
            #expect(added.stdout == "1\n", "\(name): \(added.stderr)")
            let path = temporary.directory.appendingPathComponent(name).path
            #expect(try ClaimStore.open(at: path).claim(id: 1)?.text == "Kept in \(name)")
        }
    }

    @Test(
        "a file that is not a current store is refused by every command but init, and left untouched",
        arguments: ["empty", "foreign", "foreign WAL", "older store"]
    )
    func refusedFiles(kind: String) throws {
        let temporary = try TemporaryStore()
        let folder = temporary.directory.appendingPathComponent("files")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("\(kind).db").path
        let expected: String
        switch kind {
        case "empty":
            #expect(FileManager.default.createFile(atPath: path, contents: Data()))
            expected = "\(path) is not a claimtrail store; run `claimtrail init --db \(path)` to create one"
        case "older store":
            try OlderStore.make(at: path, version: Migration.latestVersion - 1)
            expected =
                "\(path) has schema version \(Migration.latestVersion - 1), older than this claimtrail's "
                + "(\(Migration.latestVersion)); "
                + "run `claimtrail init --db \(path)` to upgrade it"
        default:
            let other = try Database(path: path)
            if kind == "foreign WAL" { try other.executeScript("PRAGMA journal_mode = WAL") }
            try other.executeScript("CREATE TABLE recipe (name TEXT); INSERT INTO recipe VALUES ('soup')")
            expected = "\(path) is a SQLite database but not a claimtrail store"
        }
        let before = try Self.contents(of: folder)
        for arguments in [
            ["contested"], ["check"], ["search", "soup"], ["claim", "add", "New"], ["backup", path + ".copy"],
            ["export", "--format", "csv"],
        ] {
            let result = try Binary.run(arguments + ["--db", path])
            #expect(result.status == 1 && result.stderr == "Error: \(expected)\n", "\(arguments): \(result.stderr)")
            #expect(try Self.contents(of: folder) == before, "\(arguments) changed the folder")
        }
        let initialized = try Binary.run(["init", "--db", path])
        if kind.hasPrefix("foreign") {
            #expect(initialized.status == 1 && initialized.stderr.hasPrefix("Error: \(expected); "))
            #expect(try Self.contents(of: folder) == before)
        } else {
            #expect(initialized.status == 0, "\(initialized.stderr)")
            #expect(try Binary.run(["check", "--db", path]).stdout == "ok\n")
        }
    }

    @Test("a device, a directory or a pipe is never a store, and nothing is created beside it")
    func nonRegularFiles() throws {
        let temporary = try TemporaryStore()
        let pipe = temporary.directory.appendingPathComponent("pipe").path
        #expect(mkfifo(pipe, 0o600) == 0)
        for path in ["/dev/null", temporary.directory.path, pipe] {
            for command in [["contested"], ["init"]] {
                let result = try Binary.run(command + ["--db", path])
                #expect(
                    result.status == 1
                        && result.stderr
                            == "Error: \(path) is not a regular file; a claimtrail store is a file of its own\n"
                )
            }
            for suffix in ["-journal", "-wal", "-shm"] {
                #expect(!FileManager.default.fileExists(atPath: path + suffix), "\(path)\(suffix)")
            }
        }
    }
}
