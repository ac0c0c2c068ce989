/// A claim's wording made from what the extractor cut out of a sentence. The cut keeps the text's
/// own punctuation at its edges: the comma before "he said" ("… serve him right,”"), quotation marks
/// whose partner lies outside the cut, a pair of marks around the whole quote. A claim is a
/// statement, so these are dropped; quotation marks inside it ("as “safe” but “unprofessional”")
/// stay. The proposal itself keeps the words exactly as cut, with their offsets in the source.
enum ClaimWording {
    /// Marks that open a quotation, and the marks that close each. Single curly marks are left out:
    /// ’ is far more often an apostrophe ("the officials’ view") than a closing quote.
    private static let pairs: [Unicode.Scalar: Unicode.Scalar] = ["“": "”", "«": "»", "\"": "\""]
    /// Punctuation that only joins the cut to the rest of its sentence.
    private static let joining: Set<Unicode.Scalar> = [",", ";", ":", "—", "–"]

    /// The wording without debris at its edges; the text as given when nothing would be left.
    static func clean(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        var changed = true
        while changed {
            let before = scalars.count
            trimSpaces(&scalars)
            while let last = scalars.last, joining.contains(last) { scalars.removeLast() }
            trimSpaces(&scalars)
            if isWrapped(scalars) {
                scalars.removeFirst()
                scalars.removeLast()
            } else if let first = scalars.first, isStrayOpening(first, in: scalars) {
                scalars.removeFirst()
            } else if let last = scalars.last, isStrayClosing(last, in: scalars) {
                scalars.removeLast()
            }
            changed = scalars.count != before
        }
        let cleaned = String(String.UnicodeScalarView(scalars))
        return cleaned.isEmpty ? text : cleaned
    }

    /// Whether one pair of marks encloses the whole text: the first mark's partner is the last one.
    private static func isWrapped(_ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.count > 2, let first = scalars.first, let close = pairs[first], scalars.last == close else {
            return false
        }
        let inner = scalars.dropFirst().dropLast()
        if close == first { return count(first, in: inner) == 0 }
        var depth = 0
        for scalar in inner {
            if scalar == first { depth += 1 }
            if scalar == close { depth -= 1 }
            if depth < 0 { return false }
        }
        return depth == 0
    }

    /// A mark at the start that closes a quotation, or opens one whose closing partner does not follow.
    private static func isStrayOpening(_ mark: Unicode.Scalar, in scalars: [Unicode.Scalar]) -> Bool {
        if pairs.values.contains(mark) && pairs[mark] == nil { return true }
        guard let close = pairs[mark] else { return false }
        if close == mark { return count(mark, in: scalars) % 2 == 1 }
        return count(mark, in: scalars) > count(close, in: scalars)
    }

    /// A mark at the end that opens a quotation, or closes one with no opening partner before it.
    private static func isStrayClosing(_ mark: Unicode.Scalar, in scalars: [Unicode.Scalar]) -> Bool {
        if mark == "\"" { return count(mark, in: scalars) % 2 == 1 }
        if pairs[mark] != nil { return true }
        let openings = pairs.filter { $0.value == mark && $0.key != mark }.keys
        guard !openings.isEmpty else { return false }
        return count(mark, in: scalars) > openings.map { count($0, in: scalars) }.reduce(0, +)
    }

    private static func count(_ mark: Unicode.Scalar, in scalars: some Collection<Unicode.Scalar>) -> Int {
        scalars.reduce(0) { $0 + ($1 == mark ? 1 : 0) }
    }

    private static func trimSpaces(_ scalars: inout [Unicode.Scalar]) {
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    }
}
