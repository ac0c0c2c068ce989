import Foundation
import Testing

@testable import ClaimTrail

/// A store one user writes and others only read (README, "Sharing a store on one machine").
@Suite("a store read by another user while its owner writes")
struct SharedStoreTests {
    /// Runs the binary as a user who may read the store but not write it or its folder: as root,
    /// `nobody` through setpriv; otherwise this user, with the store made read-only.
    private struct Reader {
        let path: String

        init(path: String) throws {
            self.path = path
            if geteuid() != 0 {
                try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
            }
        }

        func run(_ arguments: [String]) throws -> Binary.Result {
            guard geteuid() == 0 else { return try Binary.run(arguments + ["--db", path]) }
            return try Binary.run(
                ["--reuid=65534", "--regid=65534", "--clear-groups", Binary.url.path] + arguments + ["--db", path],
                executable: URL(fileURLWithPath: OutsideClient.which("setpriv") ?? "/usr/bin/setpriv")
            )
        }
    }

    @Test(
        "a reader who can neither read nor create the -wal and -shm files is told so in one line",
        .enabled(if: geteuid() == 0, "needs another user, through setpriv")
    )
    func readerWithoutWALFiles() throws {
        let temporary = try TemporaryStore()
        let path = temporary.directory.appendingPathComponent("closed.db").path
        do {
            // A store whose last writer removed its -wal and -shm, as SQLite does by default.
            let store = try ClaimStore.create(at: path)
            try store.database.keepWALFiles(false)
        }
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let result = try Reader(path: path).run(["contested"])
        #expect(
            result.status == 1
                && result.stderr
                    == "Error: cannot read \(path) as this user: a reader needs read access to the store and to its "
                    + "-wal and -shm files, or write access to its folder "
                    + "(see README, “Sharing a store on one machine”)\n"
        )
    }

    @Test(
        "a serving server keeps its -wal file and its writes while another process opens and closes the store",
        .enabled(if: OutsideClient.enabled("sqlite3"))
    )
    func serverKeepsItsLocks() throws {
        let desk = try DeskFixture()
        // A copy no connection of this test process holds, so that the server's are the only others.
        let path = desk.temporary.directory.appendingPathComponent("served.db").path
        try desk.run(["backup", path])
        let server = try RunningServer(database: path)
        defer { _ = server.stop() }
        // A read opens the server's first read connection beside its writer's.
        #expect(try server.send("GET", "/api/contested", headers: desk.bearer("vera")).status == 200)
        // The sqlite3 shell, as Datasette and Python, deletes the -wal file when it closes the last
        // connection: it must see that the server is still there.
        let claims = { try OutsideClient.run("sqlite3", [path, "SELECT group_concat(text, '|') FROM claim"]) }
        #expect(try claims().output == "The bridge was closed on Monday\n")
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        let text = "Written after the other process left"
        let reply = try server.send(
            "POST",
            "/api/claims",
            headers: desk.bearer("ed").merging(["Content-Type": "application/json"]) { $1 },
            body: #"{"text": "\#(text)"}"#
        )
        #expect(reply.status == 201, "\(reply.body)")
        // Read by another process while the server runs: the write is in the store's -wal file, not in
        // a deleted one that only the server still holds.
        #expect(try claims().output == "The bridge was closed on Monday|\(text)\n")
    }

    @Test("an input or other store that is the open store under another name is refused, and its locks stay")
    func inputNamingTheStoreKeepsItsLocks() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        try store.write { _ = try store.claim("The bridge was closed on Monday") }
        let alias = temporary.directory.appendingPathComponent("import.jsonl").path
        try FileManager.default.createSymbolicLink(atPath: alias, withDestinationPath: temporary.path)
        #expect(throws: ClaimTrailError.self) {
            try Importer(store: store, recordedBy: "ed").importFile(atPath: alias)
        }
        #expect(throws: ClaimTrailError.self) { try StoreSync.pull(from: alias, into: store, by: "ed") }
        #expect(throws: ClaimTrailError.self) { try TextFile.read(atPath: temporary.path + "-wal") }
        // The sqlite3 shell deletes the -wal file when it takes itself for the last connection: it must
        // still see this process's.
        let claims = { try OutsideClient.run("sqlite3", [temporary.path, "SELECT count(*) FROM claim"]) }
        #expect(try claims().output == "1\n")
        #expect(FileManager.default.fileExists(atPath: temporary.path + "-wal"))
        try store.write { _ = try store.claim("Written after the other process left") }
        #expect(try claims().output == "2\n")
    }

    /// Tells a writer thread when to stop.
    private final class StopFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var stopped = false
        var isSet: Bool { lock.withLock { stopped } }
        func set() { lock.withLock { stopped = true } }
    }

    @Test("the reader sees every commit at once, and never a malformed store, while the owner writes")
    func readerSeesFreshData() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        _ = try Importer(store: store, recordedBy: "owner").importFile(atPath: Repository.path("examples/syria.json"))
        let reader = try Reader(path: temporary.path)

        // The owner's connection stays open, so its commits stay in the -wal file, uncheckpointed.
        for round in 1...3 {
            let text = "Fresh claim number \(round)"
            try store.write {
                let claim = try store.claim(text)
                try store.attribute(claim, nil, in: 1)
            }
            let trace = try reader.run(["trace", "claim", text, "--format", "json"])
            #expect(trace.status == 0 && trace.stdout.contains(text), "round \(round): \(trace.stderr)")
        }
        let refused = try reader.run(["claim", "add", "Not mine to add"])
        #expect(refused.status == 1 && refused.stderr.contains("is read-only for this user"))

        // Now the owner writes without pause, checkpointing now and then, while the reader checks.
        let stop = StopFlag()
        nonisolated(unsafe) let writer = store
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            defer { done.signal() }
            var round = 0
            while !stop.isSet {
                round += 1
                try? writer.write {
                    let claim = try writer.claim("Busy claim \(round) " + String(repeating: "words ", count: 200))
                    try writer.attribute(claim, nil, in: 1, quote: String(repeating: "quoted ", count: 300))
                }
                if round % 25 == 0 { try? writer.database.executeScript("PRAGMA wal_checkpoint(PASSIVE)") }
            }
        }
        defer {
            stop.set()
            done.wait()
        }
        for pass in 1...4 {
            let check = try reader.run(["check"])
            #expect(check.status == 0 && check.stdout == "ok\n", "pass \(pass): \(check.stdout) \(check.stderr)")
            let export = try reader.run(["export", "--format", "csv"])
            #expect(export.status == 0 && export.stderr == "", "pass \(pass): \(export.stderr)")
        }
    }
}
