import Foundation
import Testing

@testable import ClaimTrail

/// Every file named on the command line (`export --out`, `backup`, `generate --out`) appears only
/// when complete, never replaces the store or anything but a regular file, and leaves no
/// temporary file behind, on errors and on signals alike.
@Suite("Output files")
struct OutputFileTests {
    static func store() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        try HostileStore.fill(temporary.store)
        return temporary
    }

    /// Names in `folder` other than the store's own files.
    static func strays(in folder: URL, keeping: Set<String> = []) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            !$0.hasPrefix("store.db") && !keeping.contains($0)
        }
    }

    @Test("--out naming the store, by any path to it, is refused and the store is untouched")
    func notTheStore() throws {
        let temporary = try Self.store()
        let folder = temporary.directory
        let before = try temporary.snapshot()
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("link.db").path,
            withDestinationPath: temporary.path
        )
        #expect(link(temporary.path, folder.appendingPathComponent("hard.db").path) == 0)
        let paths = [
            temporary.path, "./store.db", folder.appendingPathComponent("link.db").path,
            folder.appendingPathComponent("hard.db").path, temporary.path + "-wal",
        ]
        for path in paths {
            let result = try Binary.run(
                ["export", "--format", "json", "--out", path],
                database: temporary.path,
                directory: folder
            )
            #expect(result.status == 1, "\(path)")
            #expect(result.stderr == "Error: \(path) is the store itself; write the output to another file\n")
        }
        #expect(try StoreCheck(store: ClaimStore.open(at: temporary.path)).problems().isEmpty)
        #expect(try TemporaryStore.snapshot(of: ClaimStore.open(at: temporary.path)) == before)
        #expect(try Self.strays(in: folder, keeping: ["link.db", "hard.db"]).isEmpty)
    }

    @Test("--out or backup naming the store's -journal, -wal or -shm is refused even before it exists")
    func notTheJournal() throws {
        let temporary = try Self.store()
        let folder = temporary.directory
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("link.db").path,
            withDestinationPath: temporary.path
        )
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("same-folder").path,
            withDestinationPath: folder.path
        )
        let before = try temporary.snapshot()
        let journals = [
            temporary.path + "-journal", "./store.db-journal", folder.path + "/same-folder/store.db-shm",
            temporary.path + "-wal",
        ]
        for path in journals {
            // `backup` refuses an existing file first, so it meets this check at the missing -journal.
            let backup = path.hasSuffix("-journal") ? [["backup", path]] : []
            for arguments in [["export", "--format", "csv", "--out", path]] + backup {
                let result = try Binary.run(arguments, database: temporary.path, directory: folder)
                #expect(result.status == 1, "\(arguments)")
                #expect(result.stderr == "Error: \(path) is the store itself; write the output to another file\n")
            }
        }
        // A store opened through a link keeps its journal beside the file the link resolves to.
        let throughLink = try Binary.run(
            ["export", "--out", temporary.path + "-journal"],
            database: folder.appendingPathComponent("link.db").path
        )
        #expect(throughLink.status == 1)
        #expect(!FileManager.default.fileExists(atPath: temporary.path + "-journal"))
        let later = try Binary.run(["contested"], database: temporary.path)
        #expect(later.status == 0, "\(later.stderr)")
        #expect(try TemporaryStore.snapshot(of: ClaimStore.open(at: temporary.path)) == before)
        #expect(try Self.strays(in: folder, keeping: ["link.db", "same-folder"]).isEmpty)
    }

    @Test("--out naming a device, a FIFO, a folder or a link to one is refused, and it is left as it was")
    func onlyRegularFiles() throws {
        let temporary = try Self.store()
        let folder = temporary.directory
        let fifo = folder.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let subfolder = folder.appendingPathComponent("folder").path
        try FileManager.default.createDirectory(atPath: subfolder, withIntermediateDirectories: false)
        let deviceLink = folder.appendingPathComponent("null-link").path
        try FileManager.default.createSymbolicLink(atPath: deviceLink, withDestinationPath: "/dev/null")
        for (path, kind) in [
            ("/dev/null", "a device"), (fifo, "a FIFO"), (subfolder, "a folder"), (deviceLink, "a device"),
        ] {
            let result = try Binary.run(["export", "--out", path], database: temporary.path)
            #expect(result.status == 1)
            #expect(result.stderr == "Error: \(path) exists and is not a regular file (\(kind)); not replaced\n")
        }
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        #expect(lstat(deviceLink, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK)
        #expect(try Self.strays(in: folder, keeping: ["fifo", "folder", "null-link"]).isEmpty)
    }

    @Test("a link at --out to a regular file is replaced, not written through")
    func linkIsReplaced() throws {
        let temporary = try Self.store()
        let victim = try temporary.file("victim.txt", "keep me")
        let out = temporary.directory.appendingPathComponent("report.csv").path
        try FileManager.default.createSymbolicLink(atPath: out, withDestinationPath: victim)
        let result = try Binary.run(["export", "--out", out], database: temporary.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me")
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("claim_id,"))
        #expect(try FileManager.default.attributesOfItem(atPath: out)[.type] as? FileAttributeType == .typeRegular)
    }

    @Test("an empty output path is refused with one line, and nothing is written at the root")
    func emptyPaths() throws {
        let temporary = try Self.store()
        let rootBefore = try FileManager.default.contentsOfDirectory(atPath: "/")
        for arguments in [
            ["export", "--out", ""], ["backup", ""], ["generate", "--out", "", "--claims", "2", "--attributions", "2"],
        ] {
            let result = try Binary.run(arguments, database: temporary.path)
            #expect(result.status == 1, "\(arguments)")
            #expect(
                result.stderr.hasPrefix("Error: ") && result.stderr.split(separator: "\n").count == 1,
                "\(result.stderr)"
            )
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: "/") == rootBefore)
    }

    @Test("the temporary file sits beside the target, under a fresh name, as a new regular file with the umask's mode")
    func temporaryFile() throws {
        let temporary = try TemporaryStore()
        let target = temporary.directory.appendingPathComponent("report.csv").path
        let first = try AtomicOutputFile(replacing: target)
        let second = try AtomicOutputFile(replacing: target)
        #expect(first.temporaryPath != second.temporaryPath)
        #expect(URL(fileURLWithPath: first.temporaryPath).deletingLastPathComponent().path == temporary.directory.path)
        var status = stat()
        #expect(lstat(first.temporaryPath, &status) == 0 && status.st_mode & S_IFMT == S_IFREG)
        let mask = umask(0o022)
        umask(mask)
        #expect(status.st_mode & 0o777 == 0o644 & ~mask)
        try first.commit()
        second.discard()
        #expect(FileManager.default.fileExists(atPath: target))
        #expect(try Self.strays(in: temporary.directory) == ["report.csv"])
        do { _ = try AtomicOutputFile(replacing: target) }  // dropped without commit: removed
        #expect(try Self.strays(in: temporary.directory) == ["report.csv"])
    }

    @Test("a backup leaves exactly the backup file in its folder, in rollback-journal mode")
    func backupLeavesOneFile() throws {
        let temporary = try Self.store()
        let folder = temporary.directory.appendingPathComponent("backups", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        let backup = folder.appendingPathComponent("claims.db").path
        let result = try Binary.run(["backup", backup], database: temporary.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["claims.db"])
        let copy = try Database(path: backup, mode: .readOnly)
        #expect(try copy.prepare("PRAGMA journal_mode").first { $0.string(0) } == "delete")
        #expect(try copy.prepare("SELECT count(*) FROM claim").first { $0.int(0) } == 2)
    }

    @Test(
        "SIGINT, SIGTERM, SIGHUP or SIGPIPE while writing removes the temporary files; the signal still ends it",
        .enabled(if: OutsideClient.enabled("python3"))
    )
    func signals() throws {
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] {
            let temporary = try TemporaryStore()
            let out = temporary.directory.appendingPathComponent("data", isDirectory: true)
            let process = Process()
            // The child inherits what this process ignores (SIGINT in a background job, SIGPIPE
            // in some runners) and blocks (the test runner's threads block some), and claimtrail
            // keeps an ignored signal ignored: Python unblocks and resets them before exec.
            process.executableURL = URL(fileURLWithPath: OutsideClient.which("python3") ?? "python3")
            process.arguments = [
                "-c",
                """
                import os, signal, sys
                signals = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGPIPE]
                signal.pthread_sigmask(signal.SIG_UNBLOCK, signals)
                for s in signals: signal.signal(s, signal.SIG_DFL)
                os.execv(sys.argv[1], sys.argv[1:])
                """,
                Binary.url.path, "generate", "--claims", "100000", "--attributions", "5000000", "--out", out.path,
            ]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            // The limits below only end a wait that would otherwise never end; a loaded machine may
            // take many seconds to start the program or to let its handler run.
            let started = Date()
            while Date().timeIntervalSince(started) < 180,
                (try? Self.strays(in: out).contains { $0.hasSuffix(".partial") }) != true
            {
                Thread.sleep(forTimeInterval: 0.02)
            }
            Thread.sleep(forTimeInterval: 0.2)
            kill(process.processIdentifier, signal)
            let sent = Date()
            while process.isRunning && Date().timeIntervalSince(sent) < 60 { Thread.sleep(forTimeInterval: 0.02) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal, "\(signal)")
            let left = try Self.strays(in: out) + Self.strays(in: out.appendingPathComponent("csv"))
            #expect(left == ["csv"], "signal \(signal) left behind: \(left)")
        }
    }
}
