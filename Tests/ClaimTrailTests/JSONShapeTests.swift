import Foundation
import Testing

@testable import ClaimTrail

/// Every read command's `--format json`, through the binary, follows one rule: snake_case keys
/// (the CSV's names), and every record of a kind with the same keys, null where a value is missing.
@Suite("JSON output shape")
struct JSONShapeTests {
    /// A store with every kind of value both present and absent: topics, roles, quotes, cues,
    /// dates said and published, URLs, outlets, relays, counter-claims, supports, aliases,
    /// affiliations, unattributed statements, a merged-in speaker's history, edits.
    static func varietyStore() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let dated = try store.addSource(
            SourceDraft(
                title: "Dated article",
                url: "https://example.org/a",
                outlet: "Wire",
                author: "A. Writer",
                published: "2018-08-28",
                body: "Body text."
            )
        )
        let undated = try store.source("Undated article")
        let nato = try store.speaker("NATO", kind: .organization)
        let person = try store.addSpeaker(
            SpeakerDraft(
                name: "Oana Lungescu",
                kind: .person,
                role: "spokesperson",
                affiliation: "NATO",
                aliases: ["OL"]
            )
        )
        let anonymous = try store.speaker("a senior official", kind: .anonymous)
        let claim = try store.claim("The strike is planned", topic: "strike")
        let counter = try store.claim("No strike is planned")
        let support = try store.claim("Ships are moving")
        _ = try store.addRelation(from: counter, to: claim, kind: .contradicts, sourceID: dated)
        _ = try store.addRelation(from: support, to: claim, kind: .supports)
        let first = try store.attribute(claim, person, in: dated, quote: "“It is planned”", date: "2018-08-27")
        try store.attribute(claim, nato, in: dated, via: first)
        try store.attribute(claim, anonymous, in: undated, .denies)
        try store.attribute(counter, nil, in: undated)
        try store.attribute(support, person, in: undated, .questions)
        try store.editClaim(claim, text: nil, topic: "strikes", by: "tester", reason: nil)
        return temporary
    }

    @Test("every command's JSON: snake_case keys, the same keys in every record of a kind, null for missing")
    func everyCommand() throws {
        let temporary = try Self.varietyStore()
        let article = try temporary.file("article.txt", "“We will respond to any strike,” the ministry said.")
        let draft = try temporary.file("draft.txt", "“The strike is planned for next week,” Oana Lungescu said.")
        // The desk's workflow (issue 16) on top: a proposal waiting for review, a claim in progress,
        // held and noted, and two verdicts, one with an explanation and language and one without.
        for desk in [
            ["extract", article, "--source", "1", "--propose"], ["claim", "status", "1", "in_progress"],
            ["claim", "assign", "1", "--to", "ana"], ["claim", "note", "1", "calling the ministry"],
            [
                "verdict", "1", "--rating", "False", "--by", "Desk", "--explanation", "No order was given",
                "--language", "en",
            ],
            ["verdict", "1", "--rating", "Misleading", "--by", "Other desk"],
        ] {
            let result = try Binary.run(desk, database: temporary.path)
            try #require(result.status == 0, "\(desk): \(result.stderr)")
        }
        let commands: [[String]] = [
            ["contested"], ["claim", "list"], ["claim", "list", "--topic", "nothing"], ["claim", "similar", "1"],
            ["source", "list"], ["source", "show", "1"], ["source", "show", "2"], ["speaker", "list"],
            ["trace", "claim", "1"], ["trace", "claim", "2"], ["trace", "claim", "3"],
            ["trace", "claim", "1", "--include-proposed"],
            ["trace", "speaker", "Oana Lungescu"], ["trace", "speaker", "NATO"],
            ["trace", "speaker", "a senior official"],
            ["audit", "1"], ["audit", "2"], ["audit", "--all"], ["audit", "--draft", draft], ["search", "strike"],
            ["extract", article],
            ["extract", article, "--gold", Repository.path("Tests/ClaimTrailTests/Gold/000.json")],
            ["review", "list"], ["queue"], ["queue", "--assignee", "nobody"], ["status", "labels"],
        ]
        // Keys seen per command and path (array indices left out), to compare records of a kind.
        var shapes: [String: [Set<String>]] = [:]
        for command in commands {
            let result = try Binary.run(command + ["--format", "json"], database: temporary.path)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: [.fragmentsAllowed])
            // The command's words, and its options: `audit --draft` reports another kind than `audit 1`.
            let words = command.prefix { !$0.hasPrefix("-") && Int($0) == nil && !$0.contains("/") }.prefix(2)
            let kind = (words + command.filter { $0.hasPrefix("--") }).joined(separator: " ")
            Self.walk(json, path: kind) { path, keys in shapes[path, default: []].append(keys) }
        }
        #expect(shapes.count > 30, "too few kinds of record: \(shapes.keys.sorted())")
        let keyRule = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/
        for (path, records) in shapes {
            for key in records.reduce(Set(), { $0.union($1) }) where key.wholeMatch(of: keyRule) == nil {
                Issue.record("\(path): key “\(key)” is not snake_case")
            }
            let all = records.reduce(Set()) { $0.union($1) }
            for keys in records where keys != all {
                Issue.record("\(path): a record lacks \(all.subtracting(keys).sorted())")
            }
        }
        // The renames the rule implies, checked by name.
        let trace = try #require(
            try JSONSerialization.jsonObject(
                with: Data(
                    try Binary.run(["trace", "claim", "1", "--format", "json"], database: temporary.path).stdout.utf8
                )
            ) as? [String: Any]
        )
        let rows = try #require(trace["attributions"] as? [[String: Any]])
        #expect(trace["timeline"] == nil)
        #expect(rows.allSatisfy { $0["counter_claim_ids"] is [Any] && $0["supported_by_claim_ids"] is [Any] })
        #expect(rows.allSatisfy { $0["via_chain"] is [Any] })
        #expect(rows.contains { $0["speaker_role"] is NSNull } && rows.contains { $0["said_on"] is NSNull })
        #expect((trace["spread"] as? [[String: Any]])?.first?["source_ids"] as? [Int] == [1])
        let audit = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try Binary.run(["audit", "1", "--format", "json"], database: temporary.path).stdout.utf8)
            ) as? [String: Any]
        )
        #expect((audit["rows"] as? [[String: Any]])?.allSatisfy { $0["via_chain"] is [Any] } == true)
        #expect((audit["relayed"] as? [[String: Any]])?.first?["via_chain"] as? [String] == ["NATO", "Oana Lungescu"])
        // The desk's records are there to be walked, not empty lists that would pass by default.
        let json = { (command: [String]) in
            try JSONSerialization.jsonObject(
                with: Data(try Binary.run(command + ["--format", "json"], database: temporary.path).stdout.utf8)
            )
        }
        let proposals = try #require(try json(["review", "list"]) as? [[String: Any]])
        #expect(proposals.count == 1 && proposals[0]["speaker_id"] is NSNull)
        let queue = try #require(try json(["queue"]) as? [[String: Any]])
        #expect(queue.contains { $0["assignee"] as? String == "ana" } && queue.contains { $0["assignee"] is NSNull })
        let draftAudit = try #require(try json(["audit", "--draft", draft]) as? [String: Any])
        let warnings = try #require(draftAudit["warnings"] as? [[String: Any]])
        let verdicts = try #require(warnings.first?["verdicts"] as? [[String: Any]])
        #expect(
            verdicts.contains { $0["explanation"] is NSNull } && verdicts.contains { $0["language"] as? String == "en" }
        )
        #expect(verdicts.allSatisfy { $0["appearance_url"] is NSNull })
        #expect(trace["status"] as? String == "in_progress" && trace["assignee"] as? String == "ana")
        #expect((trace["notes"] as? [[String: Any]])?.first?["text"] as? String == "calling the ministry")
    }

    /// Calls `visit` with the keys of every object in `value`, named by its path (`trace claim.attributions[]`).
    static func walk(_ value: Any, path: String, _ visit: (String, Set<String>) -> Void) {
        if let object = value as? [String: Any] {
            visit(path, Set(object.keys))
            // Objects whose keys are data (counts per category) are walked, not compared by key.
            for (key, child) in object { walk(child, path: path + "." + key, visit) }
        } else if let array = value as? [Any] {
            for item in array { walk(item, path: path + "[]", visit) }
        }
    }

    @Test("keys are the snake_case of property names, plural acronyms kept whole")
    func snakeCase() {
        let cases = [
            "counterClaimIDs": "counter_claim_ids", "sourceIDs": "source_ids", "sourceURL": "source_url",
            "bodySHA256": "body_sha256", "entityID": "entity_id", "claim": "claim", "HTMLReport": "html_report",
            "supportedByClaimIDs": "supported_by_claim_ids", "primarySourceIDsSeen": "primary_source_ids_seen",
        ]
        for (name, key) in cases { #expect(ReportKey.snakeCase(name) == key, "\(name)") }
    }

    @Test("a dictionary's keys are data: kept as they are, while property names are snake_cased")
    func dictionaryKeys() throws {
        struct Report: Encodable {
            var byName: [String: Int]
            var missing: String?
        }
        let json = try JSONReport.encode(Report(byName: ["Oana Lungescu": 1, "TASS": 2], missing: nil))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["by_name"] as? [String: Int]) == ["Oana Lungescu": 1, "TASS": 2])
        #expect(object["missing"] is NSNull)
    }

    @Test("a provenance row written field by field is the bytes JSONReport writes of it, alone and in a list")
    func provenanceRowWrittenDirectly() throws {
        let full = ProvenanceRow(
            claimID: 7,
            claim: "Claim \"quoted\"\n\u{8}\u{C}\u{1}/ – “curly” 👍",
            topic: "topic",
            contested: true,
            counterClaimIDs: [3, 4],
            supportedByClaimIDs: [5],
            attributionID: 11,
            stance: .denies,
            speakerID: 2,
            speaker: "Сергей",
            speakerKind: .government,
            speakerRole: "role",
            mode: .direct,
            cue: "said",
            quote: "we \\ will",
            sourceID: 9,
            sourceTitle: "Title",
            sourceOutlet: "Outlet",
            sourceAuthor: "Author",
            sourceURL: "https://example.org/a?b=1",
            published: "2018-08-28",
            saidOn: "2018-08-27",
            viaID: 10,
            viaChain: ["Сергей", "TASS", "Reuters"],
            recordedAt: "2026-01-01T00:00:00Z",
            recordedBy: "tester",
            state: .proposed,
            status: .inProgress,
            assignee: "desk",
            sourceRetractedOn: "2019-01-01",
            quoteCheck: .altered,
            quoteChanges: [
                WordChange(kind: .changed, from: "never", to: "not"), WordChange(kind: .added, from: nil, to: "x"),
            ]
        )
        let bare = ProvenanceRow(
            claimID: 1,
            claim: "",
            topic: nil,
            contested: false,
            counterClaimIDs: [],
            supportedByClaimIDs: [],
            attributionID: 2,
            stance: .asserts,
            speakerID: nil,
            speaker: nil,
            speakerKind: nil,
            speakerRole: nil,
            mode: .indirect,
            cue: nil,
            quote: nil,
            sourceID: 3,
            sourceTitle: "",
            sourceOutlet: nil,
            sourceAuthor: nil,
            sourceURL: nil,
            published: nil,
            saidOn: nil,
            viaID: nil,
            viaChain: [],
            recordedAt: "",
            recordedBy: "",
            state: .accepted,
            status: .unchecked,
            assignee: nil,
            sourceRetractedOn: nil,
            quoteCheck: nil
        )
        for row in [full, bare] {
            var json: [UInt8] = []
            row.appendPretty(to: &json, depth: 0)
            #expect(String(decoding: json, as: UTF8.self) + "\n" == (try JSONReport.encode(row)))
        }
        var list: [UInt8] = []
        ProvenanceRow.appendPretty([full, bare, full], to: &list, depth: 0)
        #expect(String(decoding: list, as: UTF8.self) + "\n" == (try JSONReport.encode([full, bare, full])))
    }
}
