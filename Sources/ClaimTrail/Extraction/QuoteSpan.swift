/// A stretch of text in quotation marks.
struct QuoteSpan {
    /// With the marks.
    let outer: Range<String.Index>
    /// Without them.
    let inner: Range<String.Index>
    /// Whether a closing mark ends it; news style leaves a quote open at the end of a paragraph when
    /// the next paragraph carries it on.
    var isClosed = true

    /// Quotes of a paragraph: “curly”, "straight" (alternating), ``tokenised''. An opening mark
    /// never closed runs to the end of the paragraph, so unbalanced text still yields its quotes.
    static func find(in paragraph: Substring) -> [QuoteSpan] {
        var spans: [QuoteSpan] = []
        var open: (outer: String.Index, inner: String.Index, straight: Bool)?
        var index = paragraph.startIndex
        while index < paragraph.endIndex {
            let character = paragraph[index]
            var next = paragraph.index(after: index)
            // Most characters are plain ASCII that is no quote mark: skip them without comparing.
            if let ascii = character.asciiValue, ascii != 0x22, ascii != 0x27, ascii != 0x60 {
                index = next
                continue
            }
            let doubled = next < paragraph.endIndex && paragraph[next] == character
            let isTicks = (character == "`" || character == "'") && doubled
            if isTicks { next = paragraph.index(after: next) }
            let opens =
                character == "“" || character == "«" || (character == "`" && isTicks)
                || (character == "\"" && open == nil)
            let closes =
                character == "”" || character == "»" || (character == "'" && isTicks)
                // "“There could be more cases," Hartl said.": copy that mixes marks closes a curly quote straight.
                || (character == "\"" && open != nil)
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
                    inner: trimmed(current.inner..<paragraph.endIndex, in: paragraph),
                    isClosed: false
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

    /// Whether `position` lies inside one of `spans` (in text order), found by binary search so that
    /// a paragraph of many quotations is read in linear time.
    static func innerContains(_ position: String.Index, in spans: [QuoteSpan]) -> Bool {
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].inner.lowerBound <= position { low = middle + 1 } else { high = middle }
        }
        return low > 0 && spans[low - 1].inner.contains(position)
    }

    /// A quotation worth attributing, rather than a scare quote around a word or two (“triumvirate”,
    /// “most active”): four words or more, or two or more that end like a sentence or clause.
    func isStatement(in text: Substring) -> Bool {
        let words = TextSegments.words(text[inner]).filter { !$0.isPunctuation }
        return words.count >= 4 || (words.count >= 2 && text[inner].last.map { ",.!?".contains($0) } == true)
    }
}
