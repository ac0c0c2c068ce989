import Foundation
import Testing

@testable import ClaimTrail

/// A command whose result could not be written exits 1 with one line on stderr, and says
/// nothing of success before the write succeeded.
@Suite("Output that cannot be written")
struct WriteFailureTests {
    @Test("stdout on a full disk fails every kind of command: ids, one-line results, reports, streams")
    func fullStandardOutput() throws {
        let temporary = try TemporaryStore()
        let imported = try Binary.run(["import", Repository.path("examples/syria.json")], database: temporary.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        let commands: [[String]] = [
            ["claim", "add", "A claim whose id must not be lost"], ["speaker", "add", "Someone new"],
            ["source", "add", "--title", "A new source"], ["counter", "1", "2"], ["check"], ["contested"],
            ["trace", "claim", "1"], ["trace", "claim", "1", "--format", "csv", "--limit", "0"],
            ["export", "--format", "html"], ["export"], ["search", "missile"],
            ["import", Repository.path("examples/syria.json")], ["init"],
        ]
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        for arguments in commands {
            let result = try Binary.run(arguments, database: temporary.path, standardOutput: full)
            #expect(result.status == 1, "\(arguments) exited \(result.status)")
            #expect(
                result.stderr.hasSuffix("Error: cannot write standard output: \(Self.noSpace)\n"),
                "\(arguments): \(result.stderr)"
            )
        }
    }

    @Test("stderr on a full disk loses the notes, never the result or the exit code")
    func fullStandardError() throws {
        let temporary = try TemporaryStore()
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let first = try Binary.run(["claim", "add", "The convoy crossed at dawn"], database: temporary.path)
        // Recorded already: the note says so on stderr, and the id still comes out on stdout.
        let again = try Binary.run(
            ["claim", "add", "The convoy crossed at dawn"],
            database: temporary.path,
            standardError: full
        )
        #expect(again.status == 0 && again.stdout == first.stdout && !first.stdout.isEmpty)
        let trace = try Binary.run(
            ["trace", "claim", "1", "--limit", "0"],
            database: temporary.path,
            standardError: full
        )
        #expect(trace.status == 0 && trace.stdout.contains("The convoy crossed at dawn"))
    }

    private static let noSpace = "The operation could not be completed. There isn’t enough space."

    @Test("export --out to a folder fails without first saying it wrote the report")
    func outIsDirectory() throws {
        let temporary = try TemporaryStore()
        _ = try Binary.run(["import", Repository.path("examples/syria.json")], database: temporary.path)
        let folder = temporary.directory.appendingPathComponent("reports").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        for format in ["csv", "html"] {
            let result = try Binary.run(["export", "--format", format, "--out", folder], database: temporary.path)
            #expect(result.status == 1)
            #expect(!result.stderr.contains("wrote"), "\(result.stderr)")
            #expect(result.stderr.hasPrefix("Error: ") && result.stderr.filter { $0 == "\n" }.count == 1)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        }
        let file = temporary.directory.appendingPathComponent("report.csv").path
        let written = try Binary.run(["export", "--out", file], database: temporary.path)
        #expect(written.status == 0 && written.stderr.hasPrefix("wrote ") && written.stdout.isEmpty)
        #expect(CSVParser.parseWithHeader(try String(contentsOfFile: file, encoding: .utf8)).count > 0)
    }
}
