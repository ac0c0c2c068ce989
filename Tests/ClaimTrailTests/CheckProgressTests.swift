import Foundation
import Testing

@testable import ClaimTrail

/// `check` reads the whole store, minutes at 10M attributions; it tells each step as it starts
/// (issue 21), and the line it shows on a terminal names the step.
@Suite("Check progress")
struct CheckProgressTests {
    @Test("check tells each step once, in order, numbered out of the whole, and finds the same problems")
    func stepsInOrder() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        try store.write {
            _ = try store.claim("The bridge is closed")
            // A damaged counter, so that there is a problem to find with and without progress.
            try store.database.execute("UPDATE claim_stats SET attributions = 7")
        }
        var told: [(String, Int, Int)] = []
        let problems = try StoreCheck(store: store).problems { told.append(($0, $1, $2)) }
        #expect(problems == (try StoreCheck(store: store).problems()))
        #expect(problems == ["counters of claim #1 differ from a recount"])
        #expect(told.map(\.1) == Array(1...told.count))
        #expect(told.allSatisfy { $0.2 == told.count } && told.count >= 5)
        #expect(Set(told.map(\.0)).count == told.count)
        #expect(told.map(\.0).contains("claim counters"))
    }

    @Test("the step line is quiet in the first second, then names the step and its number")
    func stepLine() throws {
        var written: [String] = []
        let line = ProgressLine(counting: "steps", write: { written.append($0) })
        line.step("integrity", 1, of: 7)
        #expect(written.isEmpty)
        Thread.sleep(forTimeInterval: 1.05)
        line.step("claim counters", 2, of: 7)
        line.finish()
        // The time shown is whole seconds since the line began: 1, or more when a loaded machine
        // ran this thread late after its sleep (2 from 1.5 s on).
        let shown = try #require(written.first?.wholeMatch(of: /\rclaim counters, step 2 of 7 · ([0-9]+) s\x{1B}\[K/))
        #expect((Int(shown.1) ?? 0) >= 1, "\(written)")
        #expect(written.last == "\r\u{1B}[K")
    }
}
