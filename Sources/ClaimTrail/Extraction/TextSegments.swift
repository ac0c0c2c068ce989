/// Paragraphs, sentences and words of an article, as ranges of the original text, so that every
/// finding can be reported at its exact place.
struct Word {
    let text: Substring
    var range: Range<String.Index> { text.startIndex..<text.endIndex }
    var lower: String { text.lowercased() }
    var isCapitalized: Bool { text.first?.isUppercase ?? false }
    var isPunctuation: Bool { text.count == 1 && !(text.first?.isLetter ?? false || text.first?.isNumber ?? false) }
    var isQuoteMark: Bool { text.first.map(ReportingCues.quoteMarks.contains) ?? false }
}

enum TextSegments {
    /// Non-empty lines: news text puts one paragraph on a line.
    static func paragraphs(_ text: String) -> [Substring] {
        text.split(whereSeparator: \.isNewline).filter { $0.contains { !$0.isWhitespace } }
    }

    /// Abbreviations whose full stop does not end a sentence.
    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "sen", "rep", "gov",
        "st", "jr", "sr", "no", "vs", "etc", "u.s", "u.k", "u.n", "e.g", "i.e", "prof", "rev",
    ]

    /// Sentences of a paragraph. A stop ends one when white space and an upper-case letter, a quote
    /// or a digit follow; in text with no capitals at all (lower-cased, tokenised), any stop does.
    static func sentences(_ paragraph: Substring) -> [Substring] {
        let lowerCased = !paragraph.contains { $0.isUppercase }
        var sentences: [Substring] = []
        var start = paragraph.startIndex
        var index = paragraph.startIndex
        while index < paragraph.endIndex {
            let character = paragraph[index]
            index = paragraph.index(after: index)
            guard ".!?".contains(character) else { continue }
            var end = index
            while end < paragraph.endIndex, "”’\"')]»".contains(paragraph[end]) { end = paragraph.index(after: end) }
            guard end < paragraph.endIndex, paragraph[end].isWhitespace else { continue }
            var next = end
            while next < paragraph.endIndex, paragraph[next].isWhitespace { next = paragraph.index(after: next) }
            guard next < paragraph.endIndex else { continue }
            let following = paragraph[next]
            let lastWord =
                paragraph[start..<index].dropLast().split(whereSeparator: { $0 == " " }).last?.lowercased() ?? ""
            guard lowerCased || following.isUppercase || following.isNumber || "“\"‘«`".contains(following),
                character != "." || !abbreviations.contains(lastWord)
            else { continue }
            sentences.append(paragraph[start..<end])
            start = next
            index = next
        }
        if start < paragraph.endIndex { sentences.append(paragraph[start...]) }
        return sentences.map(trim).filter { !$0.isEmpty }
    }

    /// Words and single punctuation marks; letters joined by apostrophes, hyphens or inner stops stay one word.
    static func words(_ text: Substring) -> [Word] {
        var words: [Word] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                index = text.index(after: index)
                continue
            }
            guard character.isLetter || character.isNumber else {
                let next = text.index(after: index)
                words.append(Word(text: text[index..<next]))
                index = next
                continue
            }
            var end = text.index(after: index)
            while end < text.endIndex {
                let c = text[end]
                if c.isLetter || c.isNumber {
                    end = text.index(after: end)
                    continue
                }
                let after = text.index(after: end)
                if "’'-.".contains(c), after < text.endIndex, text[after].isLetter || text[after].isNumber {
                    end = after
                    continue
                }
                break
            }
            words.append(Word(text: text[index..<end]))
            index = end
        }
        return words
    }

    static func trim(_ text: Substring) -> Substring {
        var trimmed = text
        while let first = trimmed.first, first.isWhitespace { trimmed.removeFirst() }
        while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
        return trimmed
    }
}
