import Foundation
import Testing

/// The server reads what a program sends as `import` reads a file: a misspelt or unknown field, or
/// a key given twice, is refused with a 400 naming it as the client wrote it, and nothing is
/// written; the same body without the mistake is then recorded.
@Suite("claimtrail serve: strict request bodies", .serialized)
struct ServeStrictInputTests {
    /// Each JSON route, a body it records, and a field the route does not have.
    static let routes: [(path: String, body: String, typo: String)] = [
        ("/api/claims", #"{"text": "The ferry runs at night", "topic": "transport"}"#, "topc"),
        ("/api/claims/1/attributions", #"{"speaker": "Port authority", "new_speaker": true, "source": "1"}"#, "stanse"),
        ("/api/claims/1/counter-claims", #"{"counter_claim": "The bridge stayed open", "source": "1"}"#, "counter"),
        ("/api/claims/1/verdicts", #"{"rating": "False", "explanation": "The notice was withdrawn"}"#, "ratng"),
        ("/api/claims/1/status", #"{"status": "in_progress", "note": "Calling the harbour"}"#, "reason"),
        ("/api/claims/1/assignee", #"{"assignee": "ed"}"#, "to"),
        ("/api/claims/1/notes", #"{"text": "The harbour office answers on Monday"}"#, "txt"),
        ("/api/proposals/PROPOSAL/accept", #"{"stance": "asserts"}"#, "stnce"),
        ("/api/proposals/OTHER/reject", #"{"reason": "Not a claim"}"#, "reasn"),
    ]

    @Test("every JSON route refuses an unknown field and a duplicate key, and writes nothing")
    func jsonRoutesAreStrict() throws {
        let desk = try DeskFixture()
        try desk.addDeskWork()
        let proposals = try desk.texts("SELECT attribution_id FROM attribution_proposal ORDER BY attribution_id")
        try #require(proposals.count == 2)
        let server = try RunningServer(database: desk.path)
        let json = desk.bearer("ed").merging(["Content-Type": "application/json"]) { $1 }
        for route in Self.routes {
            let path = route.path.replacingOccurrences(of: "PROPOSAL", with: proposals[0])
                .replacingOccurrences(of: "OTHER", with: proposals[1])
            let before = try contents(desk)
            let firstField = String(route.body.dropFirst(2).prefix { $0 != "\"" })
            let mistakes = [
                (
                    String(route.body.dropLast()) + #", "\#(route.typo)": "x"}"#,
                    "unknown field “\(route.typo)” (expected: "
                ),
                (String(route.body.dropLast()) + #", "\#(firstField)": "again"}"#, "duplicate key “\(firstField)”"),
            ]
            for (body, complaint) in mistakes {
                let refused = try server.send("POST", path, headers: json, body: body)
                let message = (refused.json as? [String: Any])?["error"] as? String ?? refused.body
                #expect(refused.status == 400, "\(path) \(body): \(refused.status) \(message)")
                #expect(message.contains(complaint), "\(path) \(body): \(message)")
            }
            #expect(try contents(desk) == before, "\(path) wrote something")
            let accepted = try server.send("POST", path, headers: json, body: route.body)
            #expect([200, 201].contains(accepted.status), "\(path): \(accepted.status) \(accepted.body)")
            #expect(try contents(desk) != before, "\(path) recorded nothing")
        }
        // A field is known only by the name the API gives it, not by its Swift property's; and a
        // body is one JSON object.
        let before = try contents(desk)
        let camelCase = try server.send(
            "POST",
            "/api/claims/1/attributions",
            headers: json,
            body: #"{"speaker": "Port authority", "newSpeaker": true, "source": "1"}"#
        )
        #expect(camelCase.status == 400)
        #expect(
            ((camelCase.json as? [String: Any])?["error"] as? String)?.contains("unknown field “newSpeaker”") == true
        )
        for body in ["[]", #""text""#, #"{"text": "a"} {"text": "b"}"#] {
            #expect(try server.send("POST", "/api/claims", headers: json, body: body).status == 400, "\(body)")
        }
        #expect(try contents(desk) == before)
        #expect(server.stop() == 0)
    }

    @Test("a page's form refuses a field of no form and a field given twice, and writes nothing")
    func formsAreStrict() throws {
        let desk = try DeskFixture()
        let server = try RunningServer(database: desk.path)
        let form = desk.bearer("ed").merging(["Content-Type": "application/x-www-form-urlencoded"]) { $1 }
        let before = try contents(desk)
        let unknown = try server.send("POST", "/claims/1/notes", headers: form, body: "text=Checked&txt=typo")
        #expect(unknown.status == 400)
        #expect(unknown.body.contains("unknown field “txt” (expected: csrf, text)"), "\(unknown.body)")
        let twice = try server.send("POST", "/claims/1/notes", headers: form, body: "text=Checked&text=Again")
        #expect(twice.status == 400)
        #expect(twice.body.contains("the form has the field “text” twice"), "\(twice.body)")
        #expect(try contents(desk) == before)
        let accepted = try server.send("POST", "/claims/1/notes", headers: form, body: "text=Checked")
        #expect(accepted.status == 303)
        #expect(try desk.texts("SELECT written_by || ': ' || text FROM claim_note") == ["ed: Checked"])
        #expect(server.stop() == 0)
    }

    /// Every row of every table, as SQL literals, read from the store's file.
    private func contents(_ desk: DeskFixture) throws -> [String] {
        var rows: [String] = []
        let tables = try desk.texts(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
        for table in tables {
            let columns = try desk.texts("SELECT name FROM pragma_table_info(?)", [table])
            let row = columns.map { "quote(\"\($0)\")" }.joined(separator: " || ',' || ")
            rows += try desk.texts("SELECT '\(table): ' || \(row) FROM \"\(table)\"").sorted()
        }
        return rows
    }
}
