import Foundation
import Testing

@testable import ClaimTrail

/// Every write through the server names the signed-in account: an attribution in its
/// `recorded_by`, and every claim, counter-claim and verdict in the change log, read back from the
/// store file.
@Suite("claimtrail serve: who wrote what")
struct ServeWriteLogTests {
    @Test("claims, counter-claims and verdicts made through the API are in the change log as the editor")
    func writesAreLogged() throws {
        let desk = try DeskFixture()
        let server = try RunningServer(database: desk.path)
        let headers = desk.bearer("ed").merging(["Content-Type": "application/json"]) { $1 }
        func post(_ path: String, _ body: String) throws -> Int64 {
            let reply = try server.send("POST", path, headers: headers, body: body)
            #expect(reply.status == 201, "\(path): \(reply.body)")
            return Int64((reply.json as? [String: Any])?["id"] as? Int ?? -1)
        }
        let claim = try post("/api/claims", #"{"text": "The ferry runs at night", "topic": "transport"}"#)
        let counter = try post("/api/claims/\(claim)/counter-claims", #"{"counter_claim": "The ferry stops at dusk"}"#)
        _ = try post("/api/claims/\(claim)/verdicts", #"{"rating": "False"}"#)
        let attribution = try post(
            "/api/claims/\(claim)/attributions",
            #"{"speaker": "Harbour office", "new_speaker": true, "source": "1"}"#
        )
        #expect(server.stop() == 0)

        let log = try desk.texts(
            """
            SELECT changed_by || ' ' || entity_id || ' ' || claim_id || ' ' || before || ' ' || after FROM change_log
            WHERE reason = 'added' ORDER BY id
            """
        )
        #expect(log.count == 4, "\(log)")
        #expect(log.first?.hasPrefix("ed \(claim) \(claim) {} {\"text\":\"The ferry runs at night\"") == true)
        #expect(
            log.dropFirst().first?.hasPrefix("ed \(counter) \(counter) {} {\"text\":\"The ferry stops at dusk\"")
                == true
        )
        #expect(log.dropFirst(2).first?.hasPrefix("ed \(counter) \(claim) {} {\"contradicts\":\(claim)") == true)
        #expect(log.last?.hasPrefix("ed \(claim) \(claim) {} {\"verdict\":\"False\"") == true)
        #expect(log.last?.contains("\"reviewer\":\"ed\"") == true)
        #expect(try desk.texts("SELECT recorded_by FROM attribution WHERE id = ?", [attribution]) == ["ed"])
        // A claim already stored, posted again, adds nothing and logs nothing.
        let again = try RunningServer(database: desk.path)
        #expect(
            try again.send("POST", "/api/claims", headers: headers, body: #"{"text": "The ferry runs at night"}"#)
                .status == 200
        )
        #expect(again.stop() == 0)
        #expect(try desk.count("SELECT COUNT(*) FROM change_log WHERE reason = 'added'") == 4)
    }

    @Test("a new verdict's line in the claim page's history shows what it says, not its uid as a change")
    func newVerdictHistory() throws {
        let desk = try DeskFixture()
        let server = try RunningServer(database: desk.path)
        let headers = desk.bearer("ed").merging(["Content-Type": "application/json"]) { $1 }
        let posted = try server.send("POST", "/api/claims/1/verdicts", headers: headers, body: #"{"rating": "F"}"#)
        #expect(posted.status == 201, "\(posted.body)")
        let page = try server.send("GET", "/claims/1", headers: desk.bearer("ed"))
        #expect(server.stop() == 0)
        let history = page.body.components(separatedBy: "<h3>History</h3>").last ?? ""
        let line = try #require(
            history.split(separator: "\n").first { $0.hasPrefix("<li>") && $0.contains("(<bdi>added</bdi>)") },
            "\(history)"
        )
        #expect(line.contains("verdict: “” → “F”"), "\(line)")
        #expect(!line.contains("uid"), "\(line)")
        // The uid is in the log itself, for interchange.
        let uid = try desk.texts("SELECT uid FROM verdict WHERE claim_id = 1")
        #expect(try desk.count("SELECT COUNT(*) FROM change_log WHERE after LIKE '%' || ? || '%'", uid) == 1)
    }
}
