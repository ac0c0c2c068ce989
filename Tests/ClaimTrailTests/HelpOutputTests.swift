import Foundation
import Testing

@testable import ClaimTrail

/// Help and version go to stdout like any result: a failed write fails the command.
@Suite("help and version output")
struct HelpOutputTests {
    @Test(
        "--version and --help to a full disk exit 1 with one line",
        arguments: [["--version"], ["contested", "--help"]]
    )
    func failedWriteFails(_ arguments: [String]) throws {
        let full = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let result = try Binary.run(arguments, standardOutput: full)
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix("Error: ") && result.stderr.filter { $0 == "\n" }.count == 1,
            "\(result.stderr)"
        )
    }

    @Test("--version and help still print and exit 0")
    func printsAndSucceeds() throws {
        let version = try Binary.run(["--version"])
        #expect(version.status == 0 && version.stdout == "0.1.0\n")
        let help = try Binary.run(["help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Every command but generate and help takes --db PATH"))
        let generate = try Binary.run(["generate", "--help"])
        #expect(generate.status == 0 && !generate.stdout.contains("--db"))
    }
}
