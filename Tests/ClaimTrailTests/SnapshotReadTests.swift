import Foundation
import Testing

@testable import ClaimTrail

/// Reports read one snapshot: another process deleting or merging claims meanwhile can change
/// what the next report shows, never make one fail halfway or contradict itself.
@Suite("Reads that race deletes and merges")
struct SnapshotReadTests {
    /// A store of 60 claims, each with attributions, each contradicting the one before and
    /// supporting the one two before: every claim is linked to claims the writer removes.
    private static func linkedStore() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        let store = temporary.store
        try store.write {
            let source = try store.addSource(SourceDraft(title: "Wire report", published: "2018-08-28"))
            let speaker = try store.addSpeaker(SpeakerDraft(name: "Spokesperson", kind: .person))
            for number in 1...60 {
                let claim = try store.addClaim(text: "Claim number \(number) about the strike").id
                for stance in [Stance.asserts, .denies] {
                    _ = try store.addAttribution(
                        AttributionDraft(claimID: claim, speakerID: speaker, sourceID: source, stance: stance),
                        recordedBy: "test"
                    )
                }
                if number > 1 { _ = try store.addRelation(from: claim, to: claim - 1, kind: .contradicts) }
                if number > 2 { _ = try store.addRelation(from: claim, to: claim - 2, kind: .supports) }
            }
        }
        return temporary
    }

    @Test("a report started before a delete sees the store as it was, in full")
    func oneSnapshotPerRead() throws {
        let temporary = try Self.linkedStore()
        let other = try ClaimStore.open(at: temporary.path)
        let dot = try temporary.store.read {
            let before = try temporary.store.claimIDs(in: .all)
            try other.write { for id in before.dropFirst() { try other.deleteClaim(id, by: "other", reason: nil) } }
            return try DOTGraph.render(from: temporary.store, scope: .all)
        }
        for id in 1...60 { #expect(dot.contains("\"claim\(id)\" [shape=note")) }
        #expect(try temporary.store.claimIDs(in: .all) == [1])
    }

    @Test("trace and export never trap while another process deletes and merges claims")
    func readersRaceWriter() throws {
        let temporary = try Self.linkedStore()
        let path = temporary.path
        let writerDone = Shared(false)
        let failures = Shared([String]())
        let reports = Shared(0)
        let readers = [
            ["trace", "claim", "#30", "--limit", "0", "--format", "json"],
            ["export", "--format", "html"], ["export", "--format", "json"], ["export", "--format", "prov-json"],
            ["export", "--format", "dot"],
            ["trace", "claim", "#45", "--limit", "0", "--format", "csv"],
        ]
        DispatchQueue.concurrentPerform(iterations: 3) { worker in
            if worker == 0 {
                // Removes claims 59, 58, … 21 from under the readers: merged into claim 1, or deleted.
                for id in (21...59).reversed() {
                    let command = id % 3 == 0 ? ["claim", "merge", "#1", "#\(id)"] : ["claim", "delete", "#\(id)"]
                    _ = try? Binary.run(command, database: path)
                }
                writerDone.value = true
                return
            }
            for round in 0..<40 where !writerDone.value || round < 4 {
                let arguments = readers[(round * 2 + worker) % readers.count]
                do {
                    let result = try Binary.run(arguments, database: path)
                    if let problem = Self.problem(in: result, of: arguments) { failures.update { $0.append(problem) } }
                    reports.update { $0 += 1 }
                } catch {
                    failures.update { $0.append("\(arguments): \(error)") }
                }
            }
        }
        #expect(failures.value.isEmpty, "\(failures.value)")
        #expect(reports.value >= 8)
    }

    /// Why a report run is wrong, or nil: it must succeed with output that holds together, or fail
    /// cleanly (exit 1, one line) because its claim is gone. A trap exits with a signal.
    private static func problem(in result: Binary.Result, of arguments: [String]) -> String? {
        guard result.status == 0 else {
            let clean = result.status == 1 && result.stderr.hasPrefix("Error: no claim")
            return clean ? nil : "\(arguments) exited \(result.status): \(result.stderr.prefix(300))"
        }
        let format = arguments.last ?? ""
        let output = result.stdout
        let consistent: Bool
        switch format {
        case "html":
            let sections = output.components(separatedBy: "<section id=\"claim-").count - 1
            let counted = Self.matches(of: #"<p class="meta">(\d+) claims?\b"#, in: output).first.flatMap { Int($0) }
            consistent = output.hasSuffix("</html>\n") && counted == sections
        case "dot":
            let declared = Set(Self.matches(of: #""(claim\d+)" \[shape=note"#, in: output))
            let linked = Set(Self.matches(of: #"-> "(claim\d+)""#, in: output))
            consistent = output.hasSuffix("}\n") && linked.isSubset(of: declared)
        case "prov-json":
            let document = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
            let entities = Set((document?["entity"] as? [String: Any] ?? [:]).keys)
            let claims = (document?["wasInfluencedBy"] as? [String: [String: Any]] ?? [:]).values.flatMap {
                [$0["prov:influencee"], $0["prov:influencer"]].compactMap { $0 as? String }
            }
            consistent = document != nil && Set(claims).isSubset(of: entities)
        case "csv":
            consistent = CSVParser.parseWithHeader(output).allSatisfy { $0["claim_id"]?.isEmpty == false }
        default:  // claimtrail's JSON: the trace, or the interchange document
            let document = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
            let texts = Set((document?["claims"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String })
            let related = (document?["relations"] as? [[String: Any]] ?? []).flatMap {
                [$0["from"], $0["to"]].compactMap { $0 as? String }
            }
            consistent = document != nil && (arguments[0] == "trace" || Set(related).isSubset(of: texts))
        }
        return consistent ? nil : "\(arguments) wrote an inconsistent report: \(output.prefix(300))"
    }

    private static func matches(of pattern: String, in text: String) -> [String] {
        let expression = try? NSRegularExpression(pattern: pattern)
        return (expression?.matches(in: text, range: NSRange(text.startIndex..., in: text)) ?? []).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
