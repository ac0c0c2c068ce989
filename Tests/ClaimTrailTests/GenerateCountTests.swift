import Foundation
import Testing

@testable import ClaimTrail

/// `generate` refuses counts it cannot honour instead of writing more than asked.
@Suite("generate counts")
struct GenerateCountTests {
    @Test(
        "a count below what the dataset needs is one line of error and nothing written",
        arguments: [
            ["--claims", "0"], ["--claims", "1"], ["--attributions", "0"], ["--speakers", "0"], ["--speakers", "1"],
            ["--sources", "0"],
        ]
    )
    func tooFewRefused(_ count: [String]) throws {
        let temporary = try TemporaryStore()
        let out = temporary.directory.appendingPathComponent("data").path
        let result = try Binary.run(["generate", "--claims", "5", "--attributions", "5", "--out", out] + count)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(count[0]) must be at least"), "\(result.stderr)")
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
