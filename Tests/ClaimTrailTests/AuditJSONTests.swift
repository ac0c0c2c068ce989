import Foundation
import Testing

@testable import ClaimTrail

/// `audit SOURCE --format json` names speakers as the traces do.
@Suite("audit JSON")
struct AuditJSONTests {
    @Test("an unattributed row has a null speaker and speaker_id; a named one has both")
    func unattributedIsNull() throws {
        let temporary = try TemporaryStore()
        for arguments in [
            ["source", "add", "--title", "Article"], ["claim", "add", "A claim"],
            ["attribute", "1", "--unattributed", "--source", "1"],
            ["attribute", "1", "--speaker", "Jens Stoltenberg", "--new-speaker", "--source", "1"],
        ] {
            let result = try Binary.run(arguments, database: temporary.path)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let audit = try Binary.run(["audit", "1", "--format", "json"], database: temporary.path)
        #expect(audit.status == 0, "\(audit.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any]
        let rows = try #require(object?["rows"] as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["speaker"] is NSNull && rows[0]["speaker_id"] is NSNull)
        #expect(rows[1]["speaker"] as? String == "Jens Stoltenberg" && rows[1]["speaker_id"] as? Int == 1)
        let csv = CSVParser.parseWithHeader(
            try Binary.run(["audit", "1", "--format", "csv"], database: temporary.path).stdout
        )
        #expect(csv.map { $0["speaker"] } == ["(unattributed)", "Jens Stoltenberg"])
        #expect(csv.map { $0["speaker_id"] } == ["", "1"])
    }
}
