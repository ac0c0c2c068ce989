import Foundation
import Testing

@testable import ClaimTrail

/// `--as-of`: the store as it was recorded at a moment, rebuilt from recording times and the change
/// log, must read exactly as the store read at that moment.
@Suite("As of a moment")
struct AsOfTests {
    @Test("export and contested --as-of each step's second equal what they read at that step")
    func randomHistory() throws {
        let seed =
            ProcessInfo.processInfo.environment["ASOF_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...9999)
        var random = SplitMix64(seed: seed)
        let fixture = try TemporaryStore()
        let store = fixture.store
        var history = RandomHistory(store: store)
        var taken: [(time: RecordingTime, export: String, contested: String, step: [String])] = []
        for _ in 0..<9 {
            // recorded_at and changed_at keep whole seconds: each step has a second of its own.
            let start = Self.utcSecond()
            while Self.utcSecond() == start { usleep(20_000) }
            var done: [String] = []
            for _ in 0..<4 { done.append(try history.step(&random)) }
            let export = try InterchangeDocument.render(from: store, scope: .all)
            let contested = try Self.contested(store)
            taken.append((try RecordingTime(Self.utcSecond()), export, contested, done))
        }
        for (index, past) in taken.enumerated() {
            let (export, contested) = try store.read(asOf: past.time) {
                (try InterchangeDocument.render(from: store, scope: .all), try Self.contested(store))
            }
            #expect(
                export == past.export,
                """
                seed \(seed) (ASOF_SEED=\(seed) reruns it): export --as-of step \(index) \(past.time), \
                after \(past.step)
                """
            )
            #expect(contested == past.contested, "seed \(seed): contested --as-of step \(index), after \(past.step)")
            if export != past.export {
                let diff = zip(export.split(separator: "\n"), past.export.split(separator: "\n"))
                    .first { $0 != $1 }
                Issue.record("first differing line (as-of, then as it was): \(String(describing: diff))")
                break
            }
        }
        // The past is gone once the read is over: the store reads as now again.
        #expect(try InterchangeDocument.render(from: store, scope: .all) == taken.last?.export)
    }

    @Test("a verdict revised by `verdict` and by an import is logged, and --as-of shows the verdict that stood")
    func verdictRevisions() throws {
        let fixture = try TemporaryStore()
        let claim = try fixture.store.write { try fixture.store.addClaim(text: "It rained").id }
        let verdict = { (rating: String) in
            try Binary.run(["verdict", "#\(claim)", "--rating", rating, "--by", "Desk", "--db", fixture.path])
        }
        #expect(try verdict("False").status == 0)
        let first = Self.momentPassed()
        let revised = try verdict("Misleading")
        #expect(revised.status == 0)
        #expect(revised.stdout.contains("replacing the earlier verdict"), "\(revised.stdout)")
        let second = Self.momentPassed()
        let file = try fixture.file(
            "verdict.jsonl",
            #"{"type": "claim", "text": "It rained", "verdicts": [{"rating": "True", "reviewer": "Desk"}]}"#
        )
        #expect(try Binary.run(["import", file, "--db", fixture.path]).status == 0)
        // The entries as written to the store on disk: who, and the verdict before and after.
        let log = try ClaimStore.open(at: fixture.path).database.prepare(
            """
            SELECT changed_by, entity_id, before ->> '$.verdict', after ->> '$.verdict', after ->> '$.reviewer'
            FROM change_log ORDER BY id
            """
        ).map { "\($0.string(0)) #\($0.int64(1)) \($0.string(2)) → \($0.string(3)) (\($0.string(4)))" }
        #expect(log == ["tester #\(claim) False → Misleading (Desk)", "tester #\(claim) Misleading → True (Desk)"])
        for (moment, rating) in [(first, "False"), (second, "Misleading"), (nil, "True")] {
            let result = try Binary.run(
                ["export", "--format", "json", "--db", fixture.path] + (moment.map { ["--as-of", $0] } ?? [])
            )
            #expect(result.status == 0, "\(result.stderr)")
            let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let claims = document?["claims"] as? [[String: Any]] ?? []
            let ratings = claims.flatMap { $0["verdicts"] as? [[String: Any]] ?? [] }.map { $0["rating"] as? String }
            #expect(ratings == [rating], "--as-of \(moment ?? "now")")
        }
    }

    /// The current second, once it has passed: a moment after every change so far and before the next.
    @Test("a wording merged into a claim that was itself merged: as of between, its row names where it stood")
    func chainedMerges() throws {
        let fixture = try TemporaryStore()
        let store = fixture.store
        let ids = try store.write { try ["Alpha", "Beta", "Gamma", "Delta"].map { try store.addClaim(text: $0).id } }
        // Beta joins Alpha, Alpha joins Gamma (Beta's row now names Gamma), and after the moment
        // Gamma joins Delta: undone, Beta's row must name Gamma again, not Delta nor Alpha.
        try store.write {
            try store.mergeClaim(ids[1], into: ids[0], by: "t", reason: nil)
            try store.mergeClaim(ids[0], into: ids[2], by: "t", reason: nil)
        }
        let between = Self.momentPassed()
        let exported = try InterchangeDocument.render(from: store, scope: .all)
        try store.write { try store.mergeClaim(ids[2], into: ids[3], by: "t", reason: nil) }
        #expect(try store.resolveClaim("Beta").id == ids[3])
        let past = try store.read(asOf: try RecordingTime(between)) {
            try InterchangeDocument.render(from: store, scope: .all)
        }
        #expect(past == exported)
    }

    @Test("a moment when only a record since merged away existed is shown, not refused as before the store")
    func firstRecordMergedAway() throws {
        let fixture = try TemporaryStore()
        let store = fixture.store
        let first = try store.write { try store.addClaim(text: "First wording").id }
        let moment = Self.momentPassed()
        let exported = try InterchangeDocument.render(from: store, scope: .all)
        let second = try store.write { try store.addClaim(text: "Second wording").id }
        try store.write { try store.mergeClaim(first, into: second, by: "t", reason: nil) }
        let past = try store.read(asOf: try RecordingTime(moment)) {
            try InterchangeDocument.render(from: store, scope: .all)
        }
        #expect(past == exported)
    }

    private static func momentPassed() -> String {
        let moment = utcSecond()
        while utcSecond() == moment { usleep(20_000) }
        return moment
    }

    private static func contested(_ store: ClaimStore) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(try store.contestedClaims(limit: nil)), as: UTF8.self)
    }

    private static func utcSecond() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    @Test(
        "a bad, future or too early --as-of is one line, exit 1, and writes nothing",
        arguments: [
            ("yesterday", "bad --as-of “yesterday”"),
            ("2024-02-30", "bad --as-of"),
            ("2999-01-01", "is in the future"),
            ("2999-01-01T00:00:00Z", "is in the future"),
            ("1999-01-01", "before the store's first record"),
        ]
    )
    func badMoments(argument: String, message: String) throws {
        let fixture = try TemporaryStore()
        let source = try fixture.store.write { try fixture.store.addSource(SourceDraft(title: "Wire")) }
        let claim = try fixture.store.write { try fixture.store.addClaim(text: "It rained").id }
        try fixture.store.write {
            _ = try fixture.store.addAttribution(
                AttributionDraft(claimID: claim, speakerID: nil, sourceID: source),
                recordedBy: "test"
            )
        }
        let out = fixture.directory.appendingPathComponent("past.json").path
        for arguments in [
            ["export", "--format", "json", "--out", out], ["contested"], ["trace", "claim", "1"], ["audit", "--all"],
        ] {
            let result = try Binary.run(arguments + ["--db", fixture.path, "--as-of", argument])
            #expect(result.status == 1, "\(arguments) --as-of \(argument)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("a date alone is the end of that day; a time is that second in UTC")
    func parsing() throws {
        #expect(try RecordingTime("2024-03-01").text == "2024-03-01T23:59:59Z")
        #expect(try RecordingTime("2024-03-01T10:00+02:00").text == "2024-03-01T08:00:00Z")
        #expect(
            try RecordingTime("2024-03-01T10:00:05Z").uidTimePrefix
                == String(1_709_287_205_999, radix: 16).leftPadded(12)
        )
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

/// Random edits of every kind `--as-of` undoes, each in a write of its own; one the store refuses
/// (a merge of a claim into itself, a status out of order) is a step that changed nothing.
struct RandomHistory {
    let store: ClaimStore
    var counter = 0

    init(store: ClaimStore) { self.store = store }

    private func ids(_ table: String) throws -> [Int64] {
        try store.database.prepare("SELECT id FROM \(table) ORDER BY id").map { $0.int64(0) }
    }

    /// Makes one random change and says what it was.
    mutating func step(_ random: inout SplitMix64) throws -> String {
        counter += 1
        let n = counter
        let claims = try ids("claim")
        let speakers = try ids("speaker")
        let sources = try ids("source")
        let attributions = try ids("attribution")
        let pick = { (list: [Int64], random: inout SplitMix64) in list.randomElement(using: &random) }
        let kind =
            claims.count < 3 || speakers.count < 2 || sources.count < 2
            ? Int.random(in: 0...2, using: &random) : Int.random(in: 0...17, using: &random)
        let store = self.store
        do {
            return try store.write { () throws -> String in
                switch kind {
                case 0:
                    _ = try store.addClaim(text: "Claim number \(n) was said")
                    return "add claim"
                case 1:
                    _ = try store.addSpeaker(
                        SpeakerDraft(name: "Speaker \(n)", kind: n % 3 == 0 ? .anonymous : .person)
                    )
                    return "add speaker"
                case 2:
                    _ = try store.addSource(SourceDraft(title: "Source \(n)", published: "2024-01-\(10 + n % 18)"))
                    return "add source"
                case 3, 4, 5:
                    let stance = [Stance.asserts, .denies, .questions].randomElement(using: &random)!
                    let claim = pick(claims, &random)!
                    let via = try store.database.prepare(
                        "SELECT id FROM attribution WHERE claim_id = ? AND state = 'accepted' ORDER BY id LIMIT 1"
                    ).first([claim]) { $0.int64(0) }
                    _ = try store.addAttribution(
                        AttributionDraft(
                            claimID: claim,
                            speakerID: Bool.random(using: &random) ? pick(speakers, &random) : nil,
                            sourceID: pick(sources, &random)!,
                            stance: stance,
                            mode: .direct,
                            quote: "quote \(n)",
                            date: Bool.random(using: &random) ? "2024-02-\(10 + n % 18)" : nil,
                            viaID: Bool.random(using: &random) ? via : nil
                        ),
                        recordedBy: "test"
                    )
                    return "attribute"
                case 6:
                    guard let id = pick(attributions, &random) else { return "nothing" }
                    try store.editAttribution(
                        id,
                        quote: "corrected \(n)",
                        cue: "said",
                        mode: nil,
                        by: "test",
                        reason: nil
                    )
                    return "correct quote #\(id)"
                case 7:
                    let claim = pick(claims, &random)!
                    try store.setStatus(.inProgress, of: claim, by: "test", note: nil)
                    return "status #\(claim)"
                case 8:
                    let (from, to) = (pick(claims, &random)!, pick(claims, &random)!)
                    _ = try store.addRelation(
                        from: from,
                        to: to,
                        kind: Bool.random(using: &random) ? .contradicts : .supports
                    )
                    return "relate #\(from) → #\(to)"
                case 9, 16, 17:
                    // Two reviewers only, so that many verdicts are revisions of an earlier one.
                    let claim = pick(claims, &random)!
                    let reviewer = ["Desk", "Wire"].randomElement(using: &random)!
                    let rating = ["False", "True", "Misleading"].randomElement(using: &random)!
                    let new = try store.setVerdict(
                        Verdict(rating: rating, reviewer: reviewer, explanation: "step \(n)"),
                        on: claim,
                        by: "test"
                    )
                    return "\(new ? "verdict" : "revise verdict") “\(rating)” by \(reviewer) on #\(claim)"
                case 10:
                    let (merged, kept) = (pick(claims, &random)!, pick(claims, &random)!)
                    try store.mergeClaim(merged, into: kept, by: "test", reason: nil)
                    return "merge claim #\(merged) into #\(kept)"
                case 11:
                    let (merged, kept) = (pick(speakers, &random)!, pick(speakers, &random)!)
                    try store.mergeSpeaker(merged, into: kept, by: "test", reason: nil)
                    return "merge speaker #\(merged) into #\(kept)"
                case 12:
                    let claim = pick(claims, &random)!
                    try store.deleteClaim(claim, by: "test", reason: nil)
                    return "delete claim #\(claim)"
                case 13:
                    let source = pick(sources, &random)!
                    try store.retractSource(source, reason: "wrong", on: "2024-03-01", by: "test")
                    return "retract source #\(source)"
                case 14:
                    let claim = pick(claims, &random)!
                    try store.editClaim(
                        claim,
                        text: "Reworded claim \(n)",
                        topic: "topic \(n % 2)",
                        by: "test",
                        reason: nil
                    )
                    return "reword claim #\(claim)"
                default:
                    let speaker = pick(speakers, &random)!
                    try store.editSpeaker(
                        speaker,
                        name: nil,
                        kind: .anonymous,
                        role: "role \(n)",
                        addAliases: ["Alias \(n)"],
                        by: "test",
                        reason: nil
                    )
                    return "edit speaker #\(speaker)"
                }
            }
        } catch {
            return "refused (\(error))"
        }
    }
}
