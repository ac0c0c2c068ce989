/// A stretch of text in quotation marks.
struct QuoteSpan {
    /// With the marks.
    let outer: Range<String.Index>
    /// Without them.
    let inner: Range<String.Index>

    /// Quotes of a paragraph: “curly”, "straight" (alternating), ``tokenised''. An opening mark
    /// never closed runs to the end of the paragraph, so unbalanced text still yields its quotes.
    static func find(in paragraph: Substring) -> [QuoteSpan] {
        var spans: [QuoteSpan] = []
        var open: (outer: String.Index, inner: String.Index, straight: Bool)?
        var index = paragraph.startIndex
        while index < paragraph.endIndex {
            let character = paragraph[index]
            var next = paragraph.index(after: index)
            let doubled = next < paragraph.endIndex && paragraph[next] == character
            let isTicks = (character == "`" || character == "'") && doubled
            if isTicks { next = paragraph.index(after: next) }
            let opens =
                character == "“" || character == "«" || (character == "`" && isTicks)
                || (character == "\"" && open == nil)
            let closes =
                character == "”" || character == "»" || (character == "'" && isTicks)
                || (character == "\"" && open?.straight == true)
            if let current = open, closes {
                spans.append(
                    QuoteSpan(outer: current.outer..<next, inner: trimmed(current.inner..<index, in: paragraph))
                )
                open = nil
            } else if open == nil, opens {
                open = (index, next, character == "\"")
            }
            index = next
        }
        if let current = open {
            spans.append(
                QuoteSpan(
                    outer: current.outer..<paragraph.endIndex,
                    inner: trimmed(current.inner..<paragraph.endIndex, in: paragraph)
                )
            )
        }
        return spans
    }

    /// The range without white space at either end (tokenised text pads quote marks with spaces).
    private static func trimmed(_ range: Range<String.Index>, in text: Substring) -> Range<String.Index> {
        let inner = TextSegments.trim(text[range])
        return inner.isEmpty ? range : inner.startIndex..<inner.endIndex
    }

    /// A quotation worth attributing, rather than a scare quote around a word or two (“triumvirate”,
    /// “most active”): four words or more, or two or more that end like a sentence or clause.
    func isStatement(in text: Substring) -> Bool {
        let words = TextSegments.words(text[inner]).filter { !$0.isPunctuation }
        return words.count >= 4 || (words.count >= 2 && text[inner].last.map { ",.!?".contains($0) } == true)
    }
}
