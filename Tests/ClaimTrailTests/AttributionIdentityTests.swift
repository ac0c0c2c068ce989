import Foundation
import Testing

@testable import ClaimTrail

/// What makes two attributions one: the same claim, speaker, source, stance, quote, relay and day
/// said. Saying the same thing on another day is another attribution; two without a date are one.
@Suite("an attribution's identity includes the day it was said")
struct AttributionIdentityTests {
    @Test("attribute on another day records a new attribution; the same day, or no date twice, finds the first")
    func throughTheBinary() throws {
        let temporary = try TemporaryStore()
        let db = temporary.directory.appendingPathComponent("dates.db").path
        func run(_ arguments: String...) throws -> Binary.Result {
            let result = try Binary.run(arguments, database: db)
            #expect(result.status == 0, "claimtrail \(arguments.joined(separator: " ")): \(result.stderr)")
            return result
        }
        _ = try run("init")
        _ = try run("source", "add", "--title", "Weekly briefing")
        _ = try run("speaker", "add", "Maria Zakharova", "--kind", "person")
        _ = try run("claim", "add", "The convoy carried aid")
        let attribute = { (extra: [String]) in
            try Binary.run(["attribute", "1", "--speaker", "Maria Zakharova", "--source", "1"] + extra, database: db)
        }
        #expect(try attribute(["--date", "2018-08-28"]).stdout == "1\n")
        let again = try attribute(["--date", "2018-08-30"])
        #expect(again.stdout == "2\n" && again.stderr == "")
        let sameDay = try attribute(["--date", "2018-08-30"])
        #expect(sameDay.stdout == "2\n" && sameDay.stderr == "attribution already recorded as #2\n")
        #expect(try attribute([]).stdout == "3\n")
        let undatedAgain = try attribute([])
        #expect(undatedAgain.stdout == "3\n" && undatedAgain.stderr == "attribution already recorded as #3\n")

        let store = try ClaimStore.open(at: db)
        let dates = try store.database.prepare("SELECT said_on FROM attribution ORDER BY id").map { $0.text(0) }
        #expect(dates == ["2018-08-28", "2018-08-30", nil])
    }

    @Test("an import keeps each day's attribution, and importing the file again adds nothing")
    func throughImport() throws {
        let temporary = try TemporaryStore()
        let attribution = { (date: String?) in
            #"{"type": "attribution", "claim": "The convoy carried aid", "speaker": "Maria Zakharova", "#
                + #""source": "Weekly briefing""# + (date.map { #", "date": "\#($0)""# } ?? "") + "}"
        }
        let file = try temporary.file(
            "briefings.jsonl",
            [
                #"{"type": "source", "title": "Weekly briefing"}"#,
                #"{"type": "speaker", "name": "Maria Zakharova", "kind": "person"}"#,
                #"{"type": "claim", "text": "The convoy carried aid"}"#,
                attribution("2018-08-28"), attribution("2018-08-30"), attribution("2018-08-30"), attribution(nil),
                attribution(nil),
            ].joined(separator: "\n") + "\n"
        )
        for _ in 1...2 {
            let result = try Binary.run(["import", file], database: temporary.path)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let dates = try temporary.store.database.prepare("SELECT said_on FROM attribution ORDER BY id").map {
            $0.text(0)
        }
        #expect(dates == ["2018-08-28", "2018-08-30", nil])
    }
}
