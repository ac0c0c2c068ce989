/// The word-by-word alignment of a quote with other words: which words the two share in order,
/// and what the quote added, dropped or changed (`WordChange`), by the fewest word edits.
struct WordAlignment {
    /// Words shared, in order.
    private(set) var sameCount = 0
    /// The positions in the other words of the first and last word aligned with the quote.
    private(set) var span: Range<Int> = 0..<0
    private(set) var changes: [WordChange] = []

    /// Aligns `quote` with all of `other` (`freeEnds` false: a relay's quote with its upstream's)
    /// or with any stretch of it (`freeEnds` true: a quote with a window of its source's body,
    /// whose words before and after the quote are not changes). Takes time `quote.count × other.count`.
    init(quote: [String], other: [String], freeEnds: Bool) {
        let rows = quote.count + 1
        let columns = other.count + 1
        // cost[i * columns + j]: the cheapest edits turning quote[..<i] into other[..<j]. A word the
        // quote adds costs more than one it drops, so that of two equal readings the one keeping the
        // source's words wins: “rebuild the bridge” in “rebuild the old bridge” drops “old”, rather
        // than ending early and adding “bridge”.
        var cost = [Int](repeating: 0, count: rows * columns)
        for i in 0..<rows { cost[i * columns] = i * Self.addedCost }
        for j in 0..<columns { cost[j] = freeEnds ? 0 : j * Self.droppedCost }
        for i in 1..<rows {
            for j in 1..<columns {
                let diagonal = cost[(i - 1) * columns + j - 1] + (quote[i - 1] == other[j - 1] ? 0 : Self.changedCost)
                cost[i * columns + j] = min(
                    diagonal,
                    cost[(i - 1) * columns + j] + Self.addedCost,
                    cost[i * columns + j - 1] + Self.droppedCost
                )
            }
        }
        var j = other.count
        if freeEnds {
            for candidate in 0..<columns where cost[quote.count * columns + candidate] < cost[quote.count * columns + j]
            {
                j = candidate
            }
        }
        let end = j
        var i = quote.count
        var added: [String] = []
        var dropped: [String] = []
        var reversed: [WordChange] = []
        func flush() {
            switch (dropped.isEmpty, added.isEmpty) {
            case (true, true): break
            case (false, true): reversed.append(.init(kind: .dropped, from: Self.words(dropped), to: nil))
            case (true, false): reversed.append(.init(kind: .added, from: nil, to: Self.words(added)))
            case (false, false):
                reversed.append(.init(kind: .changed, from: Self.words(dropped), to: Self.words(added)))
            }
            added.removeAll()
            dropped.removeAll()
        }
        while i > 0 || (j > 0 && !freeEnds) {
            let here = cost[i * columns + j]
            if i > 0, j > 0, quote[i - 1] == other[j - 1], here == cost[(i - 1) * columns + j - 1] {
                flush()
                sameCount += 1
                i -= 1
                j -= 1
            } else if i > 0, j > 0, here == cost[(i - 1) * columns + j - 1] + Self.changedCost {
                added.append(quote[i - 1])
                dropped.append(other[j - 1])
                i -= 1
                j -= 1
            } else if i > 0, here == cost[(i - 1) * columns + j] + Self.addedCost {
                added.append(quote[i - 1])
                i -= 1
            } else {
                dropped.append(other[j - 1])
                j -= 1
            }
        }
        flush()
        changes = reversed.reversed()
        span = j..<end
    }

    /// How much of the quote the other words hold: shared words over the longer of the quote and
    /// the stretch it was aligned with, from 0 to 1.
    func similarity(quoteCount: Int) -> Double {
        let longer = max(quoteCount, span.count)
        return longer == 0 ? 0 : Double(sameCount) / Double(longer)
    }

    private static let addedCost = 2
    private static let droppedCost = 1
    /// Less than a word dropped and one added, so that a word put in another's place is one change.
    private static let changedCost = 2

    /// Words collected backwards, in reading order.
    private static func words(_ reversed: [String]) -> String {
        reversed.reversed().joined(separator: " ")
    }
}
