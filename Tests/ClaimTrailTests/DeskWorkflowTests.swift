import Foundation
import Testing

@testable import ClaimTrail

/// The desk's workflow through the real binary: proposals reviewed before they count, claims moved
/// through verification and assigned, notes, the editor's sheet and ClaimReview read back by rdflib.
@Suite("Desk workflow")
struct DeskWorkflowTests {
    /// A store with the example imported and the two articles added as sources 4 and 5.
    final class Desk {
        let temporary: TemporaryStore
        let db: String

        init() throws {
            temporary = try TemporaryStore()
            db = temporary.directory.appendingPathComponent("desk.db").path
            try ok(["init"])
            try ok(["import", Repository.path("examples/syria.json")])
            for (title, file) in [("Desk article A", "000.txt"), ("Desk article B", "002.txt")] {
                try ok(["source", "add", "--title", title, "--body-file", Repository.path("examples/articles/" + file)])
            }
        }

        @discardableResult
        func run(_ arguments: [String], as user: String = "ana") throws -> Binary.Result {
            try Binary.run(arguments, database: db, user: user)
        }

        @discardableResult
        func ok(_ arguments: [String], as user: String = "ana") throws -> Binary.Result {
            let result = try run(arguments, as: user)
            #expect(result.status == 0, "claimtrail \(arguments.joined(separator: " ")): \(result.stderr)")
            return result
        }

        func json(_ arguments: [String]) throws -> Any {
            try JSONSerialization.jsonObject(with: Data(try ok(arguments).stdout.utf8))
        }

        /// The proposals waiting for review, as `review list --format json` gives them.
        func proposals(source: Int? = nil) throws -> [[String: Any]] {
            let filter = source.map { ["--source", String($0)] } ?? []
            return try #require(try json(["review", "list", "--format", "json"] + filter) as? [[String: Any]])
        }

        /// A claim's row of `contested --format json`.
        func contested(_ claimID: Int) throws -> [String: Any]? {
            let rows = try #require(try json(["contested", "--format", "json"]) as? [[String: Any]])
            return rows.first { $0["id"] as? Int == claimID }
        }

        /// The store file read back directly: one value per row of `sql`.
        func values(_ sql: String) throws -> [String] {
            let store = try ClaimStore.open(at: db)
            return try store.database.prepare(sql).map { $0.text(0) ?? "∅" }
        }

        /// Every row of every table, to show that a refused command wrote nothing.
        func dump() throws -> [String] {
            let store = try ClaimStore.open(at: db)
            let tables = try store.database.prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                    + " AND sql NOT LIKE '%VIRTUAL%' AND name NOT GLOB '*_fts_*' ORDER BY 1"
            ).map { $0.string(0) }
            var rows: [String] = []
            for table in tables {
                let columns = try store.database.prepare("SELECT name FROM pragma_table_info(?)").map([table]) {
                    "quote(\"\($0.string(0))\")"
                }
                rows += try store.database.prepare(
                    "SELECT \(columns.joined(separator: " || '|' || ")) FROM \"\(table)\" ORDER BY 1"
                ).map { table + ":" + $0.string(0) }
            }
            return rows
        }
    }

    @Test("a desk day: two articles proposed, reviewed with corrections, a claim checked, assigned and exported")
    func deskDay() throws {
        let desk = try Desk()
        let contestedBefore = try desk.ok(["contested", "--format", "json"]).stdout
        let csvBefore = try desk.ok(["export", "--format", "csv"]).stdout

        // 1. Two articles are proposed.
        for (file, source) in [("000.txt", "4"), ("002.txt", "5")] {
            let proposed = try desk.ok([
                "extract", Repository.path("examples/articles/" + file), "--source", source, "--propose",
            ])
            #expect(proposed.stderr.contains("see `claimtrail review list`"))
        }
        let articleA = try desk.proposals(source: 4)
        let articleB = try desk.proposals(source: 5)
        try #require(articleA.count >= 3 && articleB.count >= 2, "the extractor finds too little to review")
        let all = try desk.proposals()
        #expect(all.count == articleA.count + articleB.count)
        let confidences = all.compactMap { $0["confidence"] as? Double }
        #expect(confidences.count == all.count && confidences == confidences.sorted(), "doubtful ones first")
        #expect(confidences.allSatisfy { (0...1).contains($0) })
        let table = try desk.ok(["review", "list"]).stdout.split(separator: "\n")
        #expect(table.count == all.count + 1 && table.first?.hasPrefix("ID  CONFIDENCE") == true)
        #expect(table.dropFirst().first?.hasPrefix("\(all[0]["attribution_id"] as? Int ?? -1) ") == true)
        for proposal in all {
            let start = try #require(proposal["start"] as? Int)
            let end = try #require(proposal["end"] as? Int)
            #expect(start < end)
            #expect((proposal["extractor_version"] as? String) == AttributionExtractor.version)
            #expect(proposal.keys.contains("speaker_id"), "missing values are explicit nulls")
        }
        // The offsets slice the content out of the article.
        let body = Array(try String(contentsOfFile: Repository.path("examples/articles/000.txt"), encoding: .utf8).utf8)
        let first = articleA[0]
        let (start, end) = (try #require(first["start"] as? Int), try #require(first["end"] as? Int))
        try #require(0 <= start && start < end && end <= body.count)
        #expect(String(decoding: body[start..<end], as: UTF8.self) == first["content"] as? String)

        // Proposals count for nothing: contested, the CSV report and check are as before.
        #expect(try desk.ok(["contested", "--format", "json"]).stdout == contestedBefore)
        #expect(try desk.ok(["export", "--format", "csv"]).stdout == csvBefore)
        #expect(try desk.ok(["check"]).stdout.contains("ok"))
        // trace claim shows them only when asked, marked as proposals.
        let pendingClaim = String(first["claim_id"] as? Int ?? -1)
        let pendingID = first["attribution_id"] as? Int ?? -1
        #expect(!(try desk.ok(["trace", "claim", pendingClaim]).stdout.contains("proposed")))
        // The row starts with the attribution's id, as every trace row does, and its stance says "(proposed)".
        #expect(
            try desk.ok(["trace", "claim", pendingClaim, "--include-proposed"]).stdout.split(separator: "\n").contains {
                $0.hasPrefix("\(pendingID) ") && $0.contains("asserts (proposed)")
            }
        )

        // 2. One editor accepts some proposals with corrections and rejects others.
        let id = { (proposal: [String: Any]) in String(proposal["attribution_id"] as? Int ?? -1) }
        let (corrected, asProposed, reworded) = (id(articleA[0]), id(articleA[1]), id(articleA[2]))
        let claimOneBefore = try #require(try desk.contested(1))
        #expect(
            try desk.ok(
                [
                    "review", "accept", corrected, "--claim", "1", "--stance", "denies", "--speaker", "Desk Test Voice",
                    "--new-speaker",
                ],
                as: "bo"
            ).stdout == "\(corrected)\n"
        )
        // 4. Contested counts change at accept: a new disputing voice and a new source for claim 1.
        let claimOneAfter = try #require(try desk.contested(1))
        #expect(claimOneAfter["disputing"] as? Int == (claimOneBefore["disputing"] as? Int ?? -9) + 1)
        #expect(claimOneAfter["sources"] as? Int == (claimOneBefore["sources"] as? Int ?? -9) + 1)
        try desk.ok(["review", "accept", asProposed], as: "bo")
        try desk.ok(["review", "accept", reworded, "--content-as-claim", "Desk wording of a reported claim"], as: "bo")
        let rejected = [id(articleB[0]), id(articleB[1])]
        #expect(
            try desk.ok(["review", "reject"] + rejected + ["--reason", "not a claim"], as: "bo").stdout
                == rejected.map { "\($0)\n" }.joined()
        )

        // The same id, now accepted, with the corrections; what the extractor proposed is in the log.
        #expect(
            try desk.values("SELECT state || ' ' || stance || ' ' || claim_id FROM attribution WHERE id = \(corrected)")
                == ["accepted denies 1"]
        )
        #expect(
            try desk.values(
                "SELECT s.name FROM attribution a JOIN speaker s ON s.id = a.speaker_id WHERE a.id = \(corrected)"
            ) == ["Desk Test Voice"]
        )
        let logged = try desk.values(
            """
            SELECT json_extract(before, '$.state') || ' ' || json_extract(before, '$.claim_id') || ' → '
                   || json_extract(after, '$.state') || ' ' || changed_by
            FROM change_log WHERE entity = 'attribution' AND entity_id = \(corrected)
            """
        )
        #expect(logged == ["proposed \(first["claim_id"] as? Int ?? -1) → accepted bo"])
        #expect(
            try desk.values(
                "SELECT decision || ' ' || decided_by FROM attribution_proposal"
                    + " WHERE attribution_id IN (\(rejected.joined(separator: ","))) ORDER BY 1"
            ) == ["rejected bo", "rejected bo"]
        )
        #expect(try desk.values("SELECT text FROM claim WHERE text = 'Desk wording of a reported claim'").count == 1)

        // Rejected and accepted proposals are not proposed again for the same text.
        let again = try desk.ok(["extract", Repository.path("examples/articles/000.txt"), "--source", "4", "--propose"])
        #expect(again.stderr.contains("proposed 0 attributions"))
        #expect(try desk.proposals(source: 4).count == articleA.count - 3)
        #expect(try desk.proposals(source: 5).count == articleB.count - 2)

        // 3. A claim goes through each state and is assigned.
        try desk.ok(["claim", "assign", "1", "--to", "ana"], as: "bo")
        try desk.ok(["claim", "status", "1", "in_progress", "--note", "calling the Pentagon"])
        try desk.ok(["claim", "note", "1", "The Pentagon press office says no strike is planned."])
        let queued = try #require(try desk.json(["queue", "--mine", "--format", "json"]) as? [[String: Any]])
        #expect(queued.map { $0["claim_id"] as? Int } == [1])
        #expect(queued.first?["status"] as? String == "in_progress")
        #expect(queued.first?["assigned_at"] is String)
        try desk.ok(["claim", "status", "1", "needs_second_look"])
        try desk.ok([
            "verdict", "1", "--rating", "False", "--by", "Desk", "--date", "2018-09-01", "--explanation",
            "No evidence of a planned strike; the Pentagon denies it.", "--language", "en", "--appearance-url",
            "https://example.org/post/1",
        ])
        try desk.ok(["claim", "status", "1", "checked"], as: "cy")
        try desk.ok(["claim", "status", "1", "published"], as: "cy")
        #expect(
            try #require(try desk.json(["queue", "--format", "json"]) as? [[String: Any]]).allSatisfy {
                $0["claim_id"] as? Int != 1
            }
        )
        let statusLog = try desk.values(
            """
            SELECT json_extract(after, '$.status') || ' ' || changed_by FROM change_log
            WHERE entity = 'claim' AND entity_id = 1
                AND json_extract(before, '$.status') <> json_extract(after, '$.status')
            ORDER BY id
            """
        )
        #expect(statusLog == ["in_progress ana", "needs_second_look ana", "checked cy", "published cy"])
        let trace = try desk.ok(["trace", "claim", "1"]).stdout
        #expect(trace.contains("Status: published, held by ana"))
        #expect(trace.contains("ana: The Pentagon press office says no strike is planned."))

        // 5. The CSV and ClaimReview exports show the result.
        let rows = CSVParser.parseWithHeader(try desk.ok(["export", "--format", "csv"]).stdout)
        #expect(rows.count == Int(try desk.values("SELECT count(*) FROM attribution WHERE state = 'accepted'")[0]))
        let claimOne = rows.filter { $0["claim_id"] == "1" }
        #expect(!claimOne.isEmpty && claimOne.allSatisfy { $0["status"] == "published" && $0["assignee"] == "ana" })
        #expect(claimOne.contains { $0["speaker"] == "Desk Test Voice" && $0["stance"] == "denies" })
        // By id (the report's attribution_id column): an accepted attribution may carry the same words.
        let pending = Set(try desk.proposals().compactMap { ($0["attribution_id"] as? Int).map(String.init) })
        #expect(!pending.isEmpty)
        #expect(!rows.contains { pending.contains($0["attribution_id"] ?? "") }, "no proposal in the report")
        let sheet = CSVParser.parseWithHeader(try desk.ok(["export", "--format", "csv", "--per", "claim"]).stdout)
        let sheetRow = try #require(sheet.first { $0["claim_id"] == "1" })
        #expect(sheetRow["status"] == "published" && sheetRow["assignee"] == "ana")
        #expect(sheetRow["verdicts"] == "False (Desk)")
        #expect(sheetRow["disputing_voices"] == String(claimOneAfter["disputing"] as? Int ?? -1))
        #expect(sheet.count == Int(try desk.values("SELECT count(*) FROM claim WHERE proposed = 0")[0]))

        let review = try desk.temporary.file(
            "review.jsonld",
            try desk.ok(["export", "--format", "claimreview"]).stdout
        )
        if OutsideClient.enabled("python3", pythonModule: "rdflib") {
            let read = try #require(
                try OutsideClient.python(
                    """
                    import json, sys, rdflib
                    S = rdflib.Namespace('https://schema.org/')
                    g = rdflib.Graph().parse(sys.argv[1], format='json-ld')
                    review = next(g.subjects(rdflib.RDF.type, S.ClaimReview))
                    rating = g.value(review, S.reviewRating)
                    item = g.value(review, S.itemReviewed)
                    print(json.dumps({
                        'claimReviewed': str(g.value(review, S.claimReviewed)),
                        'explanation': str(g.value(rating, S.ratingExplanation)),
                        'language': str(g.value(review, S.inLanguage)),
                        'appearances': sorted(str(g.value(a, S.url)) for a in g.objects(item, S.appearance)),
                    }))
                    """,
                    [review]
                ) as? [String: Any]
            )
            #expect(
                (read["claimReviewed"] as? String)?.hasPrefix("The United States is planning a missile strike") == true
            )
            #expect(read["explanation"] as? String == "No evidence of a planned strike; the Pentagon denies it.")
            #expect(read["language"] as? String == "en")
            #expect((read["appearances"] as? [String])?.contains("https://example.org/post/1") == true)
        }
        // ClaimReview imports back with the verdict's new fields.
        let target = try TemporaryStore()
        _ = try Importer(store: target.store, recordedBy: "t").importFile(atPath: review)
        let verdict = try #require(
            try target.store.verdicts(
                claimID: target.store.resolveClaim(
                    #"The United States is planning a missile strike against the Assad government in Syria."#
                ).id
            ).first
        )
        #expect(verdict.explanation == "No evidence of a planned strike; the Pentagon denies it.")
        #expect(verdict.language == "en" && verdict.appearanceURL == "https://example.org/post/1")

        #expect(try desk.ok(["check"]).stdout.contains("ok"))
        let html = try desk.ok(["export", "--format", "html", "--claim", "1"]).stdout
        #expect(html.contains("No evidence of a planned strike; the Pentagon denies it."))
        #expect(html.contains("The Pentagon press office says no strike is planned."))
        #expect(html.contains("lang=\"en\""))
    }

    @Test("two reviewers accepting one proposal at once: one wins, the other is told who and when")
    func concurrentReviewers() throws {
        let desk = try Desk()
        try desk.ok(["extract", Repository.path("examples/articles/000.txt"), "--source", "4", "--propose"])
        let id = String(try #require(try desk.proposals().first?["attribution_id"] as? Int))
        nonisolated(unsafe) var results: [String: Binary.Result] = [:]
        let lock = NSLock()
        let db = desk.db
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let reviewer = ["ana", "bo"][index]
            let result = try? Binary.run(["review", "accept", id], database: db, user: reviewer)
            lock.withLock { results[reviewer] = result }
        }
        let winners = results.filter { $0.value.status == 0 }
        let losers = results.filter { $0.value.status == 1 }
        try #require(winners.count == 1 && losers.count == 1, "\(results.mapValues(\.stderr))")
        let winner = try #require(winners.keys.first)
        let message = try #require(losers.values.first?.stderr)
        #expect(message.hasPrefix("Error: attribution #\(id) was already accepted by \(winner) at 20"))
        #expect(message.split(separator: "\n").count == 1)
        #expect(try desk.values("SELECT count(*) FROM change_log WHERE entity_id = \(id)") == ["1"])
    }

    /// Each bad input is one line on stderr, exit 1, and leaves the store exactly as it was.
    @Test(
        "bad input is a one-line error that writes nothing",
        arguments: [
            (["review", "accept", "REJECTED"], "was already rejected by ana at"),
            (["review", "accept", "1"], "attribution #1 is not a proposal"),
            (["review", "reject", "1", "--reason", "x"], "attribution #1 is not a proposal"),
            (["review", "reject", "ACCEPTED", "--reason", "x"], "was already accepted by ana at"),
            (["review", "accept", "PENDING", "ACCEPTED"], "was already accepted by ana at"),
            (["review", "accept", "99999"], "no attribution #99999"),
            (
                ["review", "accept", "PENDING", "--speaker", "Nobody Known Here"],
                "(--new-speaker records a new speaker)"
            ),
            (["review", "accept", "PENDING", "--claim", "no such claim text"], "no claim “no such claim text”"),
            (["review", "reject", "PENDING", "--reason", " "], "a rejection needs a reason"),
            (["claim", "status", "2", "verified"], "unknown status “verified”"),
            (["claim", "status", "2", "checked"], "skips a step"),
            (["claim", "status", "3", "checked"], "checked needs a verdict first"),
            (["claim", "status", "3", "published"], "skips a step"),
            (["claim", "status", "3", "needs_second_look"], "claim #3 is already needs_second_look (set by ana at 20"),
            (["claim", "assign", "2", "--to", " "], "an assignee needs a name"),
            (["claim", "note", "2", "  "], "a note needs text"),
            (
                ["verdict", "2", "--rating", "False", "--by", "Desk", "--language", "english!"],
                "not a BCP 47 language tag"
            ),
            (["verdict", "2", "--rating", "False", "--by", "Desk", "--language", "en-"], "not a BCP 47 language tag"),
            (["status", "labels", "checked", "In progress"], "already names the status in_progress"),
            (["claim", "edit", "2", "--topic", "roads", "--reason", "\u{200B}"], "a reason shows nothing"),
            (["claim", "delete", "2", "--reason", "\u{FEFF}"], "a reason shows nothing"),
            (["attribution", "delete", "ACCEPTED", "--reason", "\u{200E}"], "a reason shows nothing"),
            (
                ["status", "labels", "checked", "\u{200B}\u{200E}"],
                "a status label shows nothing: it holds only invisible characters (U+200B U+200E)"
            ),
        ]
    )
    func badInput(arguments: [String], message: String) throws {
        let desk = try Desk()
        try desk.ok(["extract", Repository.path("examples/articles/000.txt"), "--source", "4", "--propose"])
        let proposals = try desk.proposals().compactMap { $0["attribution_id"] as? Int }.map(String.init)
        try #require(proposals.count >= 3)
        try desk.ok(["review", "reject", proposals[0], "--reason", "not a claim"])
        try desk.ok(["review", "accept", proposals[1]])
        try desk.ok(["status", "labels", "in_progress", "In progress"])
        for step in ["in_progress", "needs_second_look"] { try desk.ok(["claim", "status", "3", step]) }
        let names = ["REJECTED": proposals[0], "ACCEPTED": proposals[1], "PENDING": proposals[2]]
        let before = try desk.dump()
        let result = try desk.run(arguments.map { names[$0] ?? $0 })
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: ") && result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stdout.isEmpty)
        #expect(try desk.dump() == before)
    }

    @Test("audit --draft reads a draft against the store, flags a contested claim it repeats, and writes nothing")
    func draftAudit() throws {
        let desk = try Desk()
        let draft = try desk.temporary.file(
            "draft.txt",
            """
            Moscow keeps up the pressure. The Russian defense ministry said the United States is planning a missile \
            strike against the Assad government in Syria, a claim Washington rejects.

            “We have no plans of that kind,” a senior Pentagon official told reporters on Tuesday.
            """
        )
        let before = try desk.dump()
        let audit = try #require(try desk.json(["audit", "--draft", draft, "--format", "json"]) as? [String: Any])
        #expect(try desk.dump() == before)
        let warnings = try #require(audit["warnings"] as? [[String: Any]])
        let warning = try #require(warnings.first { $0["claim_id"] as? Int == 1 })
        #expect((warning["message"] as? String)?.hasPrefix("this draft repeats a claim that ") == true)
        #expect((warning["disputed_by"] as? [String])?.isEmpty == false)
        #expect((warning["counter_claims"] as? [[String: Any]])?.isEmpty == false)
        let categories = try #require(audit["by_category"] as? [String: Int])
        #expect(categories.values.reduce(0, +) == audit["attributions"] as? Int)
        #expect(categories["anonymous"] ?? 0 >= 1, "a senior Pentagon official is anonymous")
        let table = try desk.ok(["audit", "--draft", draft]).stdout
        #expect(table.contains("this draft repeats a claim that"))
        let html = try desk.ok(["audit", "--draft", draft, "--format", "html"]).stdout
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("this draft repeats a claim that"))
    }

    @Test("extract --apply proposes and accepts everything at once, counted like any attribution")
    func applyIsProposeAndAcceptAll() throws {
        let desk = try Desk()
        let before = Int(try desk.values("SELECT count(*) FROM attribution")[0]) ?? -1
        try desk.ok(["extract", Repository.path("examples/articles/000.txt"), "--source", "4", "--apply"])
        #expect(try desk.proposals().isEmpty)
        #expect(try desk.ok(["review", "list"]).stdout == "No proposals waiting for review.\n")
        let accepted = try desk.values("SELECT count(*) FROM attribution WHERE state = 'accepted' AND source_id = 4")
        let added = (Int(try desk.values("SELECT count(*) FROM attribution")[0]) ?? -1) - before
        #expect(added > 0 && accepted == [String(added)])
        #expect(try desk.ok(["check"]).stdout.contains("ok"))
    }

    @Test("a proposal has a uid from extraction on; accepting (a re-record) or rejecting it keeps that uid")
    func proposalsKeepTheirUIDs() throws {
        let desk = try Desk()
        try desk.ok(["extract", Repository.path("examples/articles/000.txt"), "--source", "4", "--propose"])
        let ids = try desk.proposals().map { String($0["attribution_id"] as? Int ?? -1) }
        try #require(ids.count >= 2)
        let uid = { (id: String) in try desk.values("SELECT uid FROM attribution WHERE id = \(id)") }
        let proposed = try ids.map(uid)
        #expect(proposed.allSatisfy { $0.count == 1 && UID($0[0]) != nil })
        try desk.ok(["review", "accept", ids[0]])
        try desk.ok(["review", "reject", ids[1], "--reason", "not a claim"])
        #expect(try ids.map(uid) == proposed)
        #expect(try desk.ok(["check"]).stdout == "ok\n")
        // The accepted one travels with its uid; the rejected one stays out of exports' attributions
        // (its rejection is in the change log, which travels too).
        let exported = try desk.ok(["export", "--format", "json"]).stdout
        let document = try JSONSerialization.jsonObject(with: Data(exported.utf8)) as? [String: Any]
        let attributions = (document?["claims"] as? [[String: Any]] ?? []).flatMap { claim in
            (claim["attributions"] as? [[String: Any]] ?? []).compactMap { $0["uid"] as? String }
        }
        #expect(attributions.contains(proposed[0][0]) && !attributions.contains(proposed[1][0]))
    }
}

/// What the store already records is neither proposed again nor accepted twice.
@Suite("Proposals against what is already recorded")
struct RecordedProposalTests {
    let temporary: TemporaryStore
    let source: Int64
    let speaker: Int64
    let proposal = ProposedAttribution(
        speaker: "Oana Lungescu",
        speakerRole: nil,
        cue: "told the press",
        content: "We will not speculate on the intention of the Russian fleet",
        mode: .direct,
        start: 10,
        end: 69
    )

    init() throws {
        temporary = try TemporaryStore()
        source = try temporary.store.source("Article")
        speaker = try temporary.store.speaker("Oana Lungescu")
    }

    @Test("a content the store records for that speaker and source is not proposed")
    func recordedIsNotProposed() throws {
        let store = temporary.store
        try store.write {
            let claim = try store.addClaim(text: proposal.content).id
            _ = try store.addAttribution(
                AttributionDraft(claimID: claim, speakerID: speaker, sourceID: source),
                recordedBy: "t"
            )
        }
        let summary = try store.write {
            try ExtractionRecorder(store: store, recordedBy: "t").propose([proposal], source: source)
        }
        #expect(summary.proposed.isEmpty && summary.alreadyKnown == 1)
        #expect(try temporary.count("attribution_proposal") == 0)
    }

    @Test("accepting a proposal that an attribution recorded meanwhile already says is refused")
    func acceptingATwinIsRefused() throws {
        let store = temporary.store
        let id = try #require(
            try store.write {
                try ExtractionRecorder(store: store, recordedBy: "t").propose([proposal], source: source)
            }.proposed.first
        )
        let claim = try #require(
            try store.database.prepare("SELECT claim_id FROM attribution WHERE id = ?").first([id]) {
                $0.int64(0)
            }
        )
        let twin = try store.write {
            try store.addAttribution(
                AttributionDraft(
                    claimID: claim,
                    speakerID: speaker,
                    sourceID: source,
                    mode: .direct,
                    quote: proposal.content
                ),
                recordedBy: "t"
            ).id
        }
        let before = try temporary.snapshot()
        #expect(
            throws: ClaimTrailError.invalid(
                "attribution #\(twin) already records this; reject #\(id) instead (nothing was written)"
            )
        ) {
            try store.write { try ProposalReview(store: store, reviewer: "ana").accept(id) }
        }
        #expect(try temporary.snapshot() == before)
        let review = try store.database.prepare(
            "SELECT a.state, p.decision FROM attribution a JOIN attribution_proposal p ON p.attribution_id = a.id"
        ).map { [$0.text(0), $0.text(1)] }
        #expect(review == [["proposed", nil]])
    }
}

@Suite("Status labels and the HTML report's desk fields")
struct StatusLabelAndReportTests {
    @Test("a desk renames a status: claim status takes the label, trace shows it, CSV keeps the name")
    func statusLabels() throws {
        let temporary = try TemporaryStore()
        let claim = try temporary.store.claim("The fleet left port")
        let db = temporary.path
        func ok(_ arguments: [String]) throws -> String {
            let result = try Binary.run(arguments, database: db)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result.stdout
        }
        let labels = try ok(["status", "labels", "in_progress", "Being checked", "--format", "csv"])
        #expect(CSVParser.parseWithHeader(labels).first { $0["status"] == "in_progress" }?["label"] == "Being checked")
        _ = try ok(["claim", "status", String(claim), "being CHECKED"])
        #expect(try ok(["trace", "claim", String(claim)]).contains("Status: Being checked"))
        let queue = try #require(
            try JSONSerialization.jsonObject(with: Data(try ok(["queue", "--format", "json"]).utf8)) as? [[String: Any]]
        )
        #expect(
            queue.first?["status"] as? String == "in_progress"
                && queue.first?["status_label"] as? String == "Being checked"
        )
        let sheet = CSVParser.parseWithHeader(try ok(["export", "--format", "csv", "--per", "claim"]))
        #expect(sheet.first?["status"] == "in_progress")
        _ = try ok(["status", "labels", "in_progress", ""])
        #expect(try ok(["trace", "claim", String(claim)]).contains("Status: in_progress"))
    }

    @Test("the HTML report escapes a verdict's explanation and links only an http(s) appearance")
    func htmlVerdictFields() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let claim = try store.claim("The fleet left port")
        try store.write {
            try store.setVerdict(
                Verdict(
                    rating: "False",
                    reviewer: "Desk",
                    explanation: "<script>alert(1)</script> “quoted”",
                    language: "pt-br",
                    appearanceURL: "javascript:alert(2)"
                ),
                on: claim,
                by: "test"
            )
            _ = try store.addNote("<b>call back</b>", to: claim, by: "ana")
        }
        let html = try HTMLReport.render(from: store, scope: .claim(claim))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; “quoted”") && !html.contains("<script>"))
        #expect(html.contains("lang=\"pt-BR\""))
        #expect(html.contains("javascript:alert(2)") && !html.contains("href=\"javascript:"))
        #expect(html.contains("&lt;b&gt;call back&lt;/b&gt;"))
    }
}
