import Foundation
import Testing

@testable import ClaimTrail

/// A time is one instant, whatever offset it was written with: stored in UTC so that identity and
/// timelines go by instant, not by the text typed.
@Suite("Dates and times")
struct DateTests {
    @Test("a date alone is kept; a time is stored in UTC; second 60 and dates beyond year 9999 are refused")
    func normalisation() throws {
        let stored = [
            "2018-01-02": "2018-01-02", "2018-01-02T00:00Z": "2018-01-02T00:00:00Z",
            "2018-01-02T01:00+01:00": "2018-01-02T00:00:00Z", "2018-01-01T19:30:15-04:30": "2018-01-02T00:00:15Z",
            "2016-03-01T00:30+01:00": "2016-02-29T23:30:00Z", "1969-12-31T23:59:59-00:01": "1970-01-01T00:00:59Z",
            " 2018-01-02T10:00 ": "2018-01-02T10:00:00Z",
        ]
        for (given, expected) in stored {
            #expect(try ISODate.validate(given) == expected, "\(given)")
        }
        for bad in [
            "2018-01-01T23:59:60Z", "2016-12-31T23:59:60+01:00", "9999-12-31T23:30-01:00", "0000-01-01T00:30+01:00",
        ] {
            #expect(throws: ClaimTrailError.self, "\(bad)") { try ISODate.validate(bad) }
        }
    }

    @Test("a moment is stamped as the store writes times, as Foundation's formatter writes it; later is by instant")
    func stamp() throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        for seconds in [0, 59, 86_399, 951_782_400, 1_796_655_600, -1, -86_401, 253_402_300_799] {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds) + 0.75)
            #expect(ISODate.stamp(date) == formatter.string(from: date), "\(seconds)")
        }
        let now = Date(timeIntervalSince1970: 1_796_655_600)  // 2026-12-07T15:00:00Z
        #expect(
            ISODate.isFuture("2026-12-07T15:00:01Z", now: now) && !ISODate.isFuture("2026-12-07T15:00:00Z", now: now)
        )
        #expect(!ISODate.isFuture("2026-12-07", now: now) && ISODate.isFuture("2026-12-08", now: now))
    }

    @Test("the same instant with two offsets is one attribution, and a timeline orders times by instant")
    func identityAndOrderThroughTheBinary() throws {
        let temporary = try TemporaryStore()
        func run(_ arguments: [String]) throws -> Binary.Result {
            try Binary.run(arguments, database: temporary.path)
        }
        _ = try run(["source", "add", "--title", "Wire"])
        _ = try run(["claim", "add", "The bridge was closed"])
        let attribute = ["attribute", "1", "--unattributed", "--source", "1", "--date"]
        let first = try run(attribute + ["2018-01-02T00:00Z"])
        let same = try run(attribute + ["2018-01-02T01:00+01:00"])
        #expect(first.stdout == "1\n" && same.stdout == "1\n", "\(first.stderr)\(same.stderr)")
        // 05:00 in Tokyo is 20:00 UTC the day before: earlier than 22:00 UTC, though its text sorts later.
        #expect(try run(attribute + ["2018-01-01T22:00Z"]).stdout == "2\n")
        #expect(try run(attribute + ["2018-01-02T05:00+09:00"]).stdout == "3\n")
        let leap = try run(attribute + ["2018-01-01T23:59:60Z"])
        #expect(leap.status == 1)
        #expect(leap.stderr.hasPrefix("Error: bad date “2018-01-01T23:59:60Z”"), "\(leap.stderr)")

        let rows = try Database(path: temporary.path).prepare("SELECT id, said_on FROM attribution ORDER BY id")
            .map { "\($0.int64(0)) \($0.string(1))" }
        #expect(rows == ["1 2018-01-02T00:00:00Z", "2 2018-01-01T22:00:00Z", "3 2018-01-01T20:00:00Z"])
        let trace = try run(["trace", "claim", "1"]).stdout
        let positions = try ["2018-01-01T20:00:00Z", "2018-01-01T22:00:00Z", "2018-01-02T00:00:00Z"].map {
            try #require(trace.range(of: $0), "\(trace)").lowerBound
        }
        #expect(positions == positions.sorted())
    }
}
