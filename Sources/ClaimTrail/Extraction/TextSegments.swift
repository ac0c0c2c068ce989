/// Paragraphs, sentences and words of an article, as ranges of the original text, so that every
/// finding can be reported at its exact place.
struct Word {
    let text: Substring
    /// Lower-cased once: every rule compares it.
    let lower: String
    let isCapitalized: Bool
    let isPunctuation: Bool

    init(text: Substring) {
        self.text = text
        lower = text.lowercased()
        isCapitalized = text.first?.isCapital ?? false
        isPunctuation = text.count == 1 && !(text.first?.isWordCharacter ?? false)
    }

    var range: Range<String.Index> { text.startIndex..<text.endIndex }
    /// A quotation mark on its own: kept at a content's end, never trimmed as punctuation.
    var isQuoteMark: Bool { text.first.map(ReportingCues.quoteMarks.contains) ?? false }
    /// "Walensky’s" → "Walensky": a name in the possessive ("Walensky’s announcement that …").
    var withoutPossessive: String {
        for suffix in ["’s", "'s"] where text.hasSuffix(suffix) { return String(text.dropLast(2)) }
        return String(text)
    }
}

enum TextSegments {
    /// Non-empty lines: news text puts one paragraph on a line. A line that stops mid-sentence, before
    /// a line that goes on in lower case, was wrapped by hand (press releases, e-mail) and is one
    /// paragraph with the next, so that a quotation wrapped over lines stays whole. In text without
    /// capitals (lower-cased, tokenised) every line starts in lower case, so there lines stay paragraphs.
    /// Where blank lines part the paragraphs (a press release), a line with none before it is wrapped whatever
    /// case it starts in: "… from NASA Administrator / Sean O'Keefe regarding …".
    static func paragraphs(_ text: String) -> [Substring] {
        let hasCapitals = text.contains { $0.isCapital }
        let blankLinesPart = text.contains("\n\n") || text.contains("\r\n\r\n")
        var paragraphs: [Substring] = []
        for line in text.split(whereSeparator: \.isNewline) where line.contains(where: { !$0.isSpace }) {
            if hasCapitals, let previous = paragraphs.last,
                isWrapped(
                    previous,
                    before: line,
                    inBlock: blankLinesPart && text[previous.endIndex..<line.startIndex].count { $0.isNewline } == 1
                )
            {
                paragraphs[paragraphs.count - 1] = text[previous.startIndex..<line.endIndex]
            } else {
                paragraphs.append(line)
            }
        }
        return paragraphs
    }

    /// Whether `line` carries on `previous` mid-sentence: no stop, colon or closing quote ends the
    /// previous line, and the next starts with a lower-case letter, or with any letter `inBlock` (a line with no
    /// blank line before it, in text whose paragraphs blank lines part). Looks only at the two ends, so that a
    /// long wrapped paragraph costs no more per line than a short one.
    private static func isWrapped(_ previous: Substring, before line: Substring, inBlock: Bool) -> Bool {
        guard let last = previous.last(where: { !$0.isSpace }), let first = line.first(where: { !$0.isSpace })
        else { return false }
        return (last.isLetter || last.isNumber || last == ",") && first.isLetter && (inBlock || !first.isCapital)
    }

    /// Abbreviations whose full stop does not end a sentence.
    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "sen", "rep", "gov",
        "st", "jr", "sr", "no", "vs", "etc", "u.s", "u.k", "u.n", "e.g", "i.e", "prof", "rev",
        // Months, before a day: "expired on Nov. 1, and workers walked out".
        "jan", "feb", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// Sentences of a paragraph. A stop ends one when white space and an upper-case letter, a quote
    /// or a digit follow; in text with no capitals at all (lower-cased, tokenised), any stop does.
    static func sentences(_ paragraph: Substring) -> [Substring] {
        let lowerCased = !paragraph.contains { $0.isCapital }
        var sentences: [Substring] = []
        var start = paragraph.startIndex
        var index = paragraph.startIndex
        while index < paragraph.endIndex {
            let character = paragraph[index]
            index = paragraph.index(after: index)
            guard let ascii = character.asciiValue, ascii == 0x2E || ascii == 0x21 || ascii == 0x3F else { continue }
            var end = index
            while end < paragraph.endIndex, "”’\"')]»".contains(paragraph[end]) { end = paragraph.index(after: end) }
            if lowerCased, character == ".", isGlued(paragraph, stop: paragraph.index(before: index), start: start) {
                // "weeks.after that": tokenised text that lost the space after a stop.
                sentences.append(paragraph[start..<index])
                start = index
                continue
            }
            guard end < paragraph.endIndex, paragraph[end].isSpace else { continue }
            var next = end
            while next < paragraph.endIndex, paragraph[next].isSpace { next = paragraph.index(after: next) }
            guard next < paragraph.endIndex else { continue }
            let following = paragraph[next]
            let lastWord = String(paragraph[start..<index].dropLast().reversed().prefix { $0 != " " }.reversed())
            // "Donald W. Reynolds": a capital alone before a stop is a name's initial.
            let initial = lastWord.count == 1 && lastWord.first?.isUppercase == true
            guard lowerCased || following.isCapital || following.isNumber || "“\"‘«`".contains(following),
                character != "." || !(abbreviations.contains(lastWord.lowercased()) || initial)
            else { continue }
            sentences.append(paragraph[start..<end])
            start = next
            index = next
        }
        if start < paragraph.endIndex { sentences.append(paragraph[start...]) }
        return sentences.map(trim).filter { !$0.isEmpty }
    }

    /// A word whose following stop abbreviates rather than ends a sentence: "Dr", "Gen", an initial "S".
    static func isAbbreviation(_ word: Word) -> Bool {
        abbreviations.contains(word.lower) || (word.text.count == 1 && word.isCapitalized)
    }

    /// Endings of web addresses and file names, whose stop joins rather than ends: "wikileaks.org".
    private static let addressEndings: Set<String> = [
        "com", "org", "net", "gov", "edu", "int", "mil", "info", "io", "uk", "de", "fr", "ru", "eu", "html", "pdf",
    ]

    /// A stop between two words with no space ("weeks.after"), in lower-cased text: a sentence boundary
    /// unless the words around it are an abbreviation ("u.s") or a web address ("voa.gov").
    private static func isGlued(_ paragraph: Substring, stop: String.Index, start: String.Index) -> Bool {
        let next = paragraph.index(after: stop)
        guard next < paragraph.endIndex, paragraph[next].isLetter else { return false }
        let before = paragraph[start..<stop].reversed().prefix { $0.isLetter }
        let after = paragraph[next...].prefix { $0.isLetter }
        return before.count >= 3 && after.count >= 2 && !addressEndings.contains(String(after))
    }

    /// Words and single punctuation marks; letters joined by apostrophes, hyphens or inner stops stay one word.
    static func words(_ text: Substring) -> [Word] {
        var words: [Word] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isSpace {
                index = text.index(after: index)
                continue
            }
            guard character.isWordCharacter else {
                let next = text.index(after: index)
                words.append(Word(text: text[index..<next]))
                index = next
                continue
            }
            var end = text.index(after: index)
            while end < text.endIndex {
                let c = text[end]
                if c.isWordCharacter {
                    end = text.index(after: end)
                    continue
                }
                let after = text.index(after: end)
                if "’'-.".contains(c), after < text.endIndex, text[after].isWordCharacter {
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

    /// "Oscar Naranjo [pr: na-ran-HO], stated": an editor's aside in square brackets (a pronunciation, a gloss)
    /// is no part of the sentence's grammar, so the rules read the sentence without it. Content keeps it, since
    /// a content runs from its first word to its last. A bracket left open is kept as written.
    static func withoutAsides(_ words: [Word]) -> [Word] {
        guard words.contains(where: { $0.text == "[" }) else { return words }
        var kept: [Word] = []
        var index = 0
        while index < words.count {
            if words[index].text == "[",
                let close = words[(index + 1)...].prefix(16).firstIndex(where: { $0.text == "]" })
            {
                index = close + 1
                continue
            }
            kept.append(words[index])
            index += 1
        }
        return kept
    }

    /// Words that open a phrase of when or where before a sentence's subject: "Earlier, …", "On Monday, …".
    private static let openers: Set<String> = ReportingCues.prepositions.union([
        "earlier", "later", "meanwhile", "yesterday", "today", "last", "this", "separately", "afterwards",
        "since", "within", "under", "across", "among", "despite", "following", "before", "after", "until",
    ])

    /// Where a sentence's clause begins after an opening phrase of when or where set off by a comma ("In
    /// 2010, Ethiopian runner …", "Earlier, Trump …"): the index after that comma, or 0 when there is none.
    static func openingPhraseEnd(_ words: [Word]) -> Int {
        guard let first = words.first, openers.contains(first.lower),
            let comma = words.prefix(7).firstIndex(where: { $0.text == "," }), comma > 0,
            !words[..<comma].contains(where: { ReportingCues.verbs.contains($0.lower) })
        else { return 0 }
        return comma + 1
    }

    static func trim(_ text: Substring) -> Substring {
        var trimmed = text
        while let first = trimmed.first, first.isSpace { trimmed.removeFirst() }
        while let last = trimmed.last, last.isSpace { trimmed.removeLast() }
        return trimmed
    }
}
