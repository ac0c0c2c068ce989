/// Finds quotes in one source body. The body is folded and indexed once, however many of its
/// quotes are looked for.
///
/// A quote is first looked for as written (`FoldedText`, linear in the body). Failing that, its
/// rarest words anchor it: each place the body has one of them proposes where the quote would
/// start, the places most proposed are aligned word by word with a window of the body around them
/// (`WordAlignment`), and the best is kept if it shares at least `threshold` of its words. The work
/// per quote is bounded by the quote's length and `anchorLimit`, not the body's, so looking for
/// every quote of a corpus takes time linear in its size.
public final class QuoteLocator {
    /// The share of a quote's words a passage must hold to count as the quote, altered.
    public static let threshold = 0.6
    /// Rare words anchoring a quote, and places each may propose: more costs time, not accuracy,
    /// for all but quotes made only of the body's most common words.
    static let anchorWords = 6
    static let anchorLimit = 64
    /// Places aligned per quote.
    static let candidates = 3

    public let body: String
    private lazy var folded = FoldedText(body)
    private lazy var words = QuoteWords(body)
    private lazy var keys = words.keys
    /// Where each word of the body occurs, by its key.
    private lazy var positions: [String: [Int]] = {
        var positions: [String: [Int]] = [:]
        for (index, key) in keys.enumerated() { positions[key, default: []].append(index) }
        return positions
    }()

    public init(body: String) {
        self.body = body
    }

    /// Looks for `quote` in the body.
    public func locate(_ quote: String) -> QuoteFinding {
        let needle = FoldedText(quote, asQuote: true)
        if let range = folded.firstRange(of: needle) {
            return QuoteFinding(status: .verbatim, span: folded.byteSpan(range), changes: [], similarity: 1)
        }
        return closest(to: quote)
    }

    /// Checks `quote` against the passage at `span`, where it was found before (or the extractor
    /// found it): verbatim if the passage is the quote, else the passage's changes, without a search.
    /// Nil when the span does not fit the body, or the passage shares too little of the quote.
    public func recheck(_ quote: String, at span: Range<Int>) -> QuoteFinding? {
        guard let passage = passage(at: span) else { return nil }
        let needle = FoldedText(quote, asQuote: true)
        if let range = FoldedText(passage).firstRange(of: needle),
            range.count
                == FoldedText(passage, asQuote: true)
                .scalars.count
        {
            // The passage is the quote, but cut out of longer words (“is not” of “is nothing”) it is not
            // what the body says there: the body is searched instead.
            return standsAsWords(span) ? QuoteFinding(status: .verbatim, span: span, changes: [], similarity: 1) : nil
        }
        let quoteKeys = QuoteWords(quote).keys
        let alignment = WordAlignment(quote: quoteKeys, other: QuoteWords(passage).keys, freeEnds: false)
        let similarity = alignment.similarity(quoteCount: quoteKeys.count)
        guard similarity >= Self.threshold else { return nil }
        return QuoteFinding(
            status: .altered,
            span: span,
            changes: Self.changes(alignment, quote: quote, passage: passage),
            similarity: similarity
        )
    }

    /// What an altered quote changed. Words are compared in lower case and without punctuation, so
    /// a quote that differs from its passage in those only aligns with no change: then the change
    /// is the passage as a whole, replaced by the quote, so that an altered quote always says how.
    private static func changes(_ alignment: WordAlignment, quote: String, passage: String) -> [WordChange] {
        guard alignment.changes.isEmpty else { return alignment.changes }
        let written = { (text: String) in
            text.unicodeScalars.split { $0.properties.isWhitespace }.map { String(String.UnicodeScalarView($0)) }
                .joined(separator: " ")
        }
        return [WordChange(kind: .changed, from: written(passage), to: written(quote))]
    }

    /// Whether the body's bytes `span` begin and end between words, not inside one.
    private func standsAsWords(_ span: Range<Int>) -> Bool {
        let (scalars, utf8) = (body.unicodeScalars, body.utf8)
        let splitsWord = { (offset: Int) in
            let index = utf8.index(utf8.startIndex, offsetBy: offset)
            return index > scalars.startIndex && index < scalars.endIndex
                && QuoteWords.isWordScalar(scalars[scalars.index(before: index)].value)
                && QuoteWords.isWordScalar(scalars[index].value)
        }
        return span.isEmpty || !(splitsWord(span.lowerBound) || splitsWord(span.upperBound))
    }

    /// The body's bytes `span` as text; nil when the span does not fit the body.
    private func passage(at span: Range<Int>) -> String? {
        let utf8 = body.utf8
        guard span.lowerBound >= 0, span.upperBound <= utf8.count else { return nil }
        let from = utf8.index(utf8.startIndex, offsetBy: span.lowerBound)
        let to = utf8.index(from, offsetBy: span.count)
        return String(decoding: utf8[from..<to], as: UTF8.self)
    }

    private func closest(to quote: String) -> QuoteFinding {
        let notFound = QuoteFinding(status: .notFound, span: nil, changes: [], similarity: 0)
        let quoteKeys = QuoteWords(quote).keys
        guard !quoteKeys.isEmpty else { return notFound }
        var best: (alignment: WordAlignment, similarity: Double, offset: Int)?
        for start in candidateStarts(of: quoteKeys) {
            let window = max(0, start - quoteKeys.count / 2)..<min(keys.count, start + quoteKeys.count * 3 / 2 + 1)
            let alignment = WordAlignment(quote: quoteKeys, other: Array(keys[window]), freeEnds: true)
            let similarity = alignment.similarity(quoteCount: quoteKeys.count)
            if similarity > (best?.similarity ?? 0) { best = (alignment, similarity, window.lowerBound) }
        }
        guard let best, best.similarity >= Self.threshold, !best.alignment.span.isEmpty else { return notFound }
        let first = words.words[best.offset + best.alignment.span.lowerBound]
        let last = words.words[best.offset + best.alignment.span.upperBound - 1]
        let span = first.start..<last.end
        return QuoteFinding(
            status: .altered,
            span: span,
            changes: Self.changes(best.alignment, quote: quote, passage: passage(at: span) ?? ""),
            similarity: best.similarity
        )
    }

    /// Where the quote's rarest words say it would start in the body, most proposed first.
    private func candidateStarts(of quoteKeys: [String]) -> [Int] {
        var seen: Set<String> = []
        let anchors = quoteKeys.enumerated().compactMap { index, key -> (index: Int, places: [Int])? in
            guard seen.insert(key).inserted, let places = positions[key] else { return nil }
            return (index, places)
        }
        .sorted { $0.places.count < $1.places.count }
        .prefix(Self.anchorWords)
        var votes: [Int: Int] = [:]
        for anchor in anchors {
            for place in anchor.places.prefix(Self.anchorLimit) { votes[place - anchor.index, default: 0] += 1 }
        }
        var chosen: [Int] = []
        let apart = max(2, quoteKeys.count / 2)
        for (start, _) in votes.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            guard !chosen.contains(where: { abs($0 - start) < apart }) else { continue }
            chosen.append(start)
            if chosen.count == Self.candidates { break }
        }
        return chosen
    }
}
