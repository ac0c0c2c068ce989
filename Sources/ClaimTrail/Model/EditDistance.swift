/// The Levenshtein distance between two texts, counted in Unicode scalars: how many scalars must
/// be inserted, deleted or replaced to turn one into the other. Used on folded names, to suggest
/// the speaker a typo meant.
enum EditDistance {
    /// The distance, or nil as soon as it is known to exceed `limit` (most names are far from a
    /// typo, and their difference in length alone says so).
    static func between(_ first: String, _ second: String, limit: Int) -> Int? {
        let a = Array(first.unicodeScalars)
        let b = Array(second.unicodeScalars)
        guard abs(a.count - b.count) <= limit else { return nil }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            // Every later row is at least this row's smallest cell.
            guard let smallest = current.min(), smallest <= limit else { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
