import Foundation
import Testing

@testable import ClaimTrail

/// The README's relay example, run through the binary: `--via` points to the relaying outlet's
/// attribution, and the chain reads first speaker first, `←` meaning "as relayed by".
@Suite("README relay example")
struct RelayExampleTests {
    @Test("the ministry relayed by TASS is Russian MoD ← TASS")
    func relayReadsForward() throws {
        let temporary = try TemporaryStore()
        for arguments in [
            ["source", "add", "--title", "Article"], ["claim", "add", "The US is planning a missile strike on Syria"],
            [
                "attribute", "1", "--speaker", "Russian MoD", "--new-speaker", "--speaker-kind", "government",
                "--source", "1", "--mode", "direct", "--quote", "“…”",
            ],
            ["attribute", "1", "--speaker", "TASS", "--new-speaker", "--speaker-kind", "media", "--source", "1"],
            [
                "attribute", "1", "--speaker", "Russian MoD", "--source", "1", "--via", "2", "--mode", "indirect",
                "--cue", "TASS reported",
            ],
        ] {
            let result = try Binary.run(arguments, database: temporary.path)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let rows = CSVParser.parseWithHeader(
            try Binary.run(["trace", "claim", "1", "--format", "csv"], database: temporary.path).stdout
        )
        #expect(rows.first { $0["attribution_id"] == "3" }?["via_chain"] == "Russian MoD ← TASS")
    }
}
