import Foundation
import Testing

@testable import ClaimTrail

/// The defects a new user found in the desk's workflow (issue 16), each shown fixed through the
/// library or the binary, against what the store file holds afterwards.
@Suite("Desk workflow: the new user's defects")
struct DeskDefectTests {
    /// A store with one source and one claim recorded by hand.
    final class Newsroom {
        let temporary: TemporaryStore
        var store: ClaimStore { temporary.store }
        let source: Int64
        let recorded: Int64

        init() throws {
            temporary = try TemporaryStore()
            source = try temporary.store.source("Article")
            recorded = try temporary.store.claim("The fleet left port")
            try temporary.store.attribute(recorded, try temporary.store.speaker("Oana Lungescu"), in: source)
        }

        /// Records the proposals for the source and returns their attribution ids.
        @discardableResult
        func propose(_ proposals: [ProposedAttribution]) throws -> [Int64] {
            try store.write {
                try ExtractionRecorder(store: store, recordedBy: "ana").propose(proposals, source: source).proposed
            }
        }

        func claimOf(_ attribution: Int64) throws -> Int64 {
            try #require(
                try store.database.prepare("SELECT claim_id FROM attribution WHERE id = ?").first([attribution]) {
                    $0.int64(0)
                }
            )
        }

        @discardableResult
        func run(_ arguments: [String], as user: String = "ana") throws -> Binary.Result {
            try Binary.run(arguments, database: temporary.path, user: user)
        }

        func texts(_ sql: String) throws -> [String] {
            try store.database.prepare(sql).map { $0.text(0) ?? "∅" }
        }
    }

    @Test("1. merging a claim into a proposal-only claim shows the kept claim, and check finds a hidden one")
    func mergeIntoProposedClaim() throws {
        let room = try Newsroom()
        let proposal = try room.propose([.quote("Ships are moving south", by: "Someone Else")])
        let hidden = try room.claimOf(try #require(proposal.first))
        try room.store.write { try room.store.mergeClaim(room.recorded, into: hidden, by: "ana", reason: nil) }

        let listed = try room.run(["claim", "list", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? Int } == [Int(hidden)], "the moved attribution stays visible")
        #expect(try room.texts("SELECT proposed FROM claim WHERE id = \(hidden)") == ["0"])
        #expect(try StoreCheck(store: room.store).problems().isEmpty)

        // A hidden claim that holds an accepted attribution is a problem `check` names.
        try room.store.database.execute("UPDATE claim SET proposed = 1 WHERE id = ?", [hidden])
        let check = try room.run(["check"])
        #expect(check.status != 0 && check.stdout.contains("claim #\(hidden) is hidden as only proposed"))
    }

    @Test("2. the same words said by two speakers in one source are two proposals, each proposed once")
    func twoVoicesSameWords() throws {
        let room = try Newsroom()
        let words = "The strike is planned for next week"
        let voices = [ProposedAttribution.quote(words, by: "Ana Ruiz"), .quote(words, by: "Ben Stone")]
        let proposed = try room.propose(voices)
        #expect(proposed.count == 2)
        #expect(try room.propose(voices).isEmpty, "each voice is proposed once")
        try room.store.write { try ProposalReview(store: room.store, reviewer: "ana").accept(proposed) }
        #expect(
            try room.texts(
                """
                SELECT s.name FROM attribution a JOIN speaker s ON s.id = a.speaker_id
                WHERE a.state = 'accepted' AND a.claim_id = \(try room.claimOf(proposed[0])) ORDER BY 1
                """
            ) == ["Ana Ruiz", "Ben Stone"]
        )
    }

    @Test(
        "3. status, assign, note and verdict refuse a claim that is only proposed, writing nothing",
        arguments: [
            ["claim", "status", "HIDDEN", "in_progress"], ["claim", "assign", "HIDDEN", "--to", "bo"],
            ["claim", "note", "HIDDEN", "call the ministry"],
            ["verdict", "HIDDEN", "--rating", "False", "--by", "Desk"],
        ]
    )
    func hiddenClaimsRefused(arguments: [String]) throws {
        let room = try Newsroom()
        let hidden = try room.claimOf(try #require(try room.propose([.quote("Ships are moving", by: "Bo")]).first))
        let before = try room.temporary.snapshot()
        let result = try room.run(arguments.map { $0 == "HIDDEN" ? String(hidden) : $0 })
        #expect(result.status == 1)
        #expect(
            result.stderr == "Error: claim #\(hidden) is only proposed so far; accept one of its proposals first "
                + "(claimtrail review list)\n"
        )
        #expect(try room.temporary.snapshot() == before && room.temporary.count("claim_note") == 0)
    }

    @Test("4. accepting creates speakers of the kind the extractor reads, or the one --speaker-kind gives")
    func speakerKinds() throws {
        let room = try Newsroom()
        let ids = try room.propose([
            ProposedAttribution(
                speaker: "Mark Toner",
                speakerRole: "spokesperson",
                cue: "said",
                content: "No talks are planned",
                mode: .indirect,
                start: 0,
                end: 20
            ),
            .quote("We see no threat", by: "a senior official"),
            .quote("The ships are on exercise", by: "the Defence Ministry"),
            .quote("The convoy was hit", by: "Russia"),
            .quote("The convoy was not hit", by: "Tass"),
        ])
        try #require(ids.count == 5)
        for id in ids.prefix(4) { #expect(try room.run(["review", "accept", String(id)]).status == 0) }
        let kind = try room.run(["review", "accept", String(ids[4]), "--speaker-kind", "media"])
        #expect(kind.status == 0, "\(kind.stderr)")
        #expect(
            try room.texts(
                "SELECT name || ':' || kind FROM speaker WHERE name <> 'Oana Lungescu' ORDER BY id"
            ) == [
                "Mark Toner:person", "a senior official:anonymous", "the Defence Ministry:government",
                "Russia:unknown", "Tass:media",
            ]
        )
        // A stored speaker of kind unknown takes the kind given; one with another kind is not changed.
        let more = try room.propose([.quote("The convoy is safe", by: "Russia"), .quote("All is calm", by: "Tass")])
        #expect(try room.run(["review", "accept", String(more[0]), "--speaker-kind", "government"]).status == 0)
        let refused = try room.run(["review", "accept", String(more[1]), "--speaker-kind", "person"])
        #expect(refused.status == 1 && refused.stderr.contains("is already recorded as media"))
        #expect(
            try room.texts("SELECT kind FROM speaker WHERE name IN ('Russia', 'Tass') ORDER BY name")
                == ["government", "media"]
        )
    }

    @Test("5. audit --draft lists a hedged statement that nobody is said to make as unattributed")
    func draftUnattributed() throws {
        let room = try Newsroom()
        let draft = """
            Russia has reportedly deployed ten warships off the coast. “We see no threat,” Oana Lungescu said.
            The fleet is said to carry cruise missiles.
            """
        let audit = try room.store.read { try room.store.auditDraft(draft) }
        let unattributed = audit.rows.filter { $0.category == .unattributed }
        #expect(
            unattributed.map(\.content) == [
                "Russia has reportedly deployed ten warships off the coast.",
                "The fleet is said to carry cruise missiles.",
            ]
        )
        #expect(unattributed.allSatisfy { $0.speaker == nil && $0.confidence == nil })
        #expect(audit.byCategory["unattributed"] == 2 && audit.byCategory["named_person"] == 1)
        let first = try #require(unattributed.first)
        #expect(String(decoding: Array(draft.utf8)[first.start..<first.end], as: UTF8.self) == first.content)
        let file = try room.temporary.file("draft.txt", draft)
        let table = try room.run(["audit", "--draft", file]).stdout
        #expect(table.contains("(unattributed)  Russia has reportedly deployed"))
    }

    @Test("6. a label that folds to another status's name or label is refused")
    func labelClashes() throws {
        let room = try Newsroom()
        let store = room.store
        try store.write { try store.setStatusLabel(.inProgress, to: "Being checked", by: "ana") }
        for (status, label) in [
            (VerificationStatus.checked, "In-Progress"), (.checked, "needs second-look"), (.published, "being_checked"),
            (.unchecked, "CHECKED"),
        ] {
            #expect(throws: ClaimTrailError.self, "\(label)") {
                try store.write { try store.setStatusLabel(status, to: label, by: "ana") }
            }
        }
        #expect(try store.statusLabels() == [.inProgress: "Being checked"])
        #expect(try store.resolveStatus("needs-second-look") == .needsSecondLook)
    }

    @Test("7. review accept with the same id twice accepts it once")
    func sameIDTwice() throws {
        let room = try Newsroom()
        let id = String(try #require(try room.propose([.quote("Ships are moving", by: "Bo")]).first))
        let result = try room.run(["review", "accept", id, id])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(id)\n")
        #expect(try room.texts("SELECT count(*) FROM change_log WHERE entity_id = \(id)") == ["1"])
        #expect(try room.texts("SELECT state FROM attribution WHERE id = \(id)") == ["accepted"])
    }

    @Test("8. of two people moving a claim at once, the loser is told who moved it and when")
    func concurrentStatusChanges() throws {
        let room = try Newsroom()
        let db = room.temporary.path
        let claim = String(room.recorded)
        nonisolated(unsafe) var results: [String: Binary.Result] = [:]
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let who = ["ana", "bo"][index]
            let result = try? Binary.run(["claim", "status", claim, "in_progress"], database: db, user: who)
            lock.withLock { results[who] = result }
        }
        let winners = results.filter { $0.value.status == 0 }
        let losers = results.filter { $0.value.status == 1 }
        try #require(winners.count == 1 && losers.count == 1, "\(results.mapValues(\.stderr))")
        let winner = try #require(winners.keys.first)
        let message = try #require(losers.values.first?.stderr)
        #expect(message.hasPrefix("Error: claim #\(claim) is already in_progress (set by \(winner) at 20"))
        #expect(message.hasSuffix("); nothing was written\n") && message.split(separator: "\n").count == 1)
        #expect(try room.texts("SELECT count(*) FROM change_log WHERE entity = 'claim'") == ["1"])
    }

    @Test("9. control characters in notes and verdicts never reach the HTML report")
    func htmlControls() throws {
        let room = try Newsroom()
        let store = room.store
        try store.write {
            _ = try store.addNote("red \u{1B}[31malert\u{07} done\u{85}now", to: room.recorded, by: "ana\u{1B}")
            try store.setVerdict(
                Verdict(rating: "False\u{0B}", reviewer: "Desk", explanation: "see \u{7F}\u{9B}2J\u{FFFE}"),
                on: room.recorded,
                by: "test"
            )
        }
        let html = try HTMLReport.render(from: store, scope: .claim(room.recorded))
        let forbidden = html.unicodeScalars.filter { scalar in
            let value = scalar.value
            return (value < 0x20 && ![0x09, 0x0A, 0x0D].contains(value)) || (0x7F...0x9F).contains(value)
                || value == 0xFFFE
        }
        #expect(forbidden.isEmpty, "\(forbidden.map { String($0.value, radix: 16) })")
        #expect(html.contains("red \u{FFFD}[31malert\u{FFFD} done\u{FFFD}now"))
        #expect(html.contains("see \u{FFFD}\u{FFFD}2J\u{FFFD}"))
    }

    @Test("11. renaming a status label is logged with who, when, before and after")
    func labelRenamesLogged() throws {
        let room = try Newsroom()
        #expect(try room.run(["status", "labels", "in_progress", "Being checked"], as: "ana").status == 0)
        #expect(try room.run(["status", "labels", "in_progress", "On the desk"], as: "bo").status == 0)
        #expect(try room.run(["status", "labels", "in_progress", ""], as: "cy").status == 0)
        let log = try room.texts(
            """
            SELECT changed_by || '|' || entity || '|' || entity_id
                   || '|' || coalesce(json_extract(before, '$.label'), '-')
                   || '|' || coalesce(json_extract(after, '$.label'), '-') || '|' || (changed_at GLOB '20*T*Z')
            FROM change_log ORDER BY id
            """
        )
        #expect(
            log == [
                "ana|status_label|2|-|Being checked|1", "bo|status_label|2|Being checked|On the desk|1",
                "cy|status_label|2|On the desk|-|1",
            ]
        )
    }

    @Test("12. queue matches the assignee folded, and refuses published work with one line")
    func queueAssigneeAndPublished() throws {
        let room = try Newsroom()
        try room.store.write { try room.store.assign(room.recorded, to: "Ana Ruiz", by: "bo") }
        for name in ["ana ruiz", "ANA RUIZ", "Ana  Ruiz"] {
            let queue = try room.store.queue(QueueFilter(assignee: name))
            #expect(queue.map(\.claimID) == [room.recorded], "\(name)")
        }
        #expect(try room.store.queue(QueueFilter(assignee: "Ana")).isEmpty)
        let published = try room.run(["queue", "--status", "published"])
        #expect(published.status == 1 && published.stdout.isEmpty)
        #expect(
            published.stderr
                == "Error: the queue lists open work, and published claims are done; "
                + "see them with `export --format csv --per claim`\n"
        )
    }

    @Test(
        "13. a claim's wording drops the debris the cut left at its edges",
        arguments: [
            ("the consequences will serve him right,", "the consequences will serve him right"),
            ("“We will not speculate,”", "We will not speculate"),
            ("”the talks are over", "the talks are over"),
            ("the talks are over“", "the talks are over"),
            ("the officials’ view", "the officials’ view"),
            ("\"No comment\";", "No comment"),
            (
                "the interception as “safe” but “unprofessional”",
                "the interception as “safe” but “unprofessional”"
            ),
            ("“safe” yet “unprofessional”", "“safe” yet “unprofessional”"),
            (",", ","),
        ]
    )
    func claimWording(content: String, claim: String) throws {
        #expect(ClaimWording.clean(content) == claim)
    }

    @Test("13. proposal time: the claim is the cleaned wording, the proposal keeps the cut, modes agree")
    func proposalWordingAndMode() throws {
        let room = try Newsroom()
        let text = "The Pentagon said Russia would provide the “most active” air support, the report says."
        let extracted = AttributionExtractor().extract(from: text)
        try #require(extracted.first?.mode == .mixed, "the extractor tells a mixed quote apart")
        let id = try #require(try room.propose([.quote("We will not speculate,", by: "Bo")] + extracted).first)
        #expect(
            try room.texts("SELECT text FROM claim WHERE id = \(try room.claimOf(id))") == ["We will not speculate"]
        )
        #expect(
            try room.texts("SELECT content FROM attribution_proposal WHERE attribution_id = \(id)")
                == ["We will not speculate,"]
        )
        let file = try room.temporary.file("article.txt", text)
        let preview = CSVParser.parseWithHeader(try room.run(["extract", file, "--format", "csv"]).stdout)
        let listed = CSVParser.parseWithHeader(try room.run(["review", "list", "--format", "csv"]).stdout)
        #expect(preview.first?["mode"] == "indirect" && !preview.contains { $0["mode"] == "mixed" })
        #expect(listed.first { $0["content"] == extracted.first?.content }?["mode"] == "indirect")
        let json = try room.run(["extract", file, "--format", "json"]).stdout
        #expect(json.contains("\"mode\" : \"indirect\"") || json.contains("\"mode\":\"indirect\""))
    }

    @Test("14. deleting a pending proposal rejects it, so that it is not proposed again")
    func deletedProposalCountsAsRejected() throws {
        let room = try Newsroom()
        let proposal = ProposedAttribution.quote("Ships are moving", by: "Bo")
        let id = String(try #require(try room.propose([proposal]).first))
        let deleted = try room.run(["attribution", "delete", id, "--reason", "duplicate of #1"])
        #expect(deleted.status == 0 && deleted.stdout == "\(id)\n", "\(deleted.stderr)")
        #expect(
            try room.texts(
                """
                SELECT a.state || '|' || p.decision || '|' || p.decided_by || '|' || p.reason
                FROM attribution a JOIN attribution_proposal p ON p.attribution_id = a.id WHERE a.id = \(id)
                """
            ) == ["rejected|rejected|ana|duplicate of #1"]
        )
        #expect(
            try room.texts("SELECT reason FROM change_log WHERE entity_id = \(id)") == [
                "rejected proposal: duplicate of #1"
            ]
        )
        #expect(try room.propose([proposal]).isEmpty, "not proposed again")
        let again = try room.run(["attribution", "delete", id])
        #expect(
            again.status == 1 && again.stderr.contains("is a rejected proposal, kept so that it is not proposed again")
        )
    }

    @Test(
        "15. the warning names one, two or three disputers in English",
        arguments: [
            ([] as [String], "this draft repeats a claim that a counter-claim disputes: #7 “X”"),
            (["James Okafor"], "this draft repeats a claim that James Okafor disputes: #7 “X”"),
            (
                ["James Okafor", "Maria Delgado"],
                "this draft repeats a claim that James Okafor and Maria Delgado dispute: #7 “X”"
            ),
            (
                ["James Okafor", "Maria Delgado", "TASS"],
                "this draft repeats a claim that James Okafor, Maria Delgado and TASS dispute: #7 “X”"
            ),
        ]
    )
    func warningGrammar(disputers: [String], message: String) {
        let warning = DraftAudit.Warning(
            content: "X",
            claimID: 7,
            claim: "X",
            similarity: 1,
            disputedBy: disputers,
            counterClaims: [],
            verdicts: []
        )
        #expect(warning.message == message)
    }
}
