/// Proposes attribution relations (speaker, cue, content) from plain article text, offline, by rule.
///
/// The rules are general: direct quotes attributed from the words after or before them (“…,” X said /
/// X said: “…” / “…,” said X), continued quotes kept with their speaker, reported speech around a
/// reporting verb (X said that …, X insisted …, according to X, …, X described … as …), passives
/// (deemed … by X), and nominal claims (Russian claims regarding …). Pronouns and definite
/// descriptions ("he", "the official") take the nearest earlier speaker that fits.
public struct AttributionExtractor: Sendable {
    public init() {}

    public func extract(from text: String) -> [ProposedAttribution] {
        var candidates: [Candidate] = []
        var lastDirect: (candidate: Candidate, paragraph: Int)?
        for (number, paragraph) in TextSegments.paragraphs(text).enumerated() {
            let lowerCased = !paragraph.contains { $0.isUppercase }
            let statements = QuoteSpan.find(in: paragraph).filter { $0.isStatement(in: paragraph) }
            var direct: [Candidate] = []
            for quote in statements {
                if var previous = direct.last, let end = previous.attributionEnd, end <= quote.outer.lowerBound,
                    paragraph[end..<quote.outer.lowerBound].allSatisfy({ $0.isWhitespace || ",;:".contains($0) })
                {
                    // “A,” X said, “B.”: one statement split around its cue.
                    previous.contents.append(quote.inner)
                    previous.attributionEnd = nil
                    direct[direct.count - 1] = previous
                    continue
                }
                if var found = Self.attributeQuote(quote, in: paragraph, lowerCased: lowerCased) {
                    found.contents = [quote.inner]
                    direct.append(found)
                } else if let previous = direct.last
                    ?? lastDirect.flatMap({ $0.paragraph == number - 1 ? $0.candidate : nil })
                {
                    // A quote with no cue of its own continues the previous speaker.
                    direct.append(
                        Candidate(
                            speaker: previous.speaker,
                            cue: previous.cue,
                            contents: [quote.inner],
                            mode: .direct,
                            position: quote.inner.lowerBound,
                            cueRange: nil
                        )
                    )
                }
            }
            if let last = direct.last { lastDirect = (last, number) }
            let usedCues = Set(direct.compactMap { $0.cueRange?.lowerBound })
            let reported = TextSegments.sentences(paragraph).flatMap { sentence in
                Self.reportedSpeech(in: sentence, quotes: statements, usedCues: usedCues, lowerCased: lowerCased)
            }
            candidates += (direct + reported).sorted { $0.position < $1.position }
        }
        return resolved(candidates).map { $0.proposal(in: text) }
    }

    /// Replaces "he", "they", "the official" by the nearest earlier speaker that fits.
    private func resolved(_ candidates: [Candidate]) -> [Candidate] {
        var speakers: [SpeakerPhrase] = []
        return candidates.map { candidate in
            var candidate = candidate
            if candidate.speaker.isAnaphor, let antecedent = candidate.speaker.antecedent(in: speakers) {
                candidate.speaker = antecedent
            }
            speakers.append(candidate.speaker)
            return candidate
        }
    }

    // MARK: Direct quotes

    /// The speaker and cue of a quotation, from the words right after it or right before it.
    private static func attributeQuote(_ quote: QuoteSpan, in paragraph: Substring, lowerCased: Bool) -> Candidate? {
        // After: the words up to the end of the sentence or the next quote, at most fourteen.
        var tail: [Word] = []
        for word in TextSegments.words(paragraph[quote.outer.upperBound...]) {
            if ".!?“\"«".contains(word.text) || tail.count == 14 { break }
            tail.append(word)
        }
        if let cue = tail.indices.first(where: {
            isReportingVerb(tail[$0], next: $0 + 1 < tail.count ? tail[$0 + 1] : nil)
        }) {
            let (cueText, cueEnd) = cuePhrase(tail, at: cue)
            let before = Array(tail[..<cue])
            // “…,” X said — or, inverted, “…,” said X.
            var speakerWords = before
            if before.allSatisfy(\.isPunctuation) {
                speakerWords = []
                for word in tail[cueEnd...] {
                    if word.isPunctuation { break }
                    speakerWords.append(word)
                }
            }
            if let speaker = SpeakerPhrase.parse(speakerWords, lowerCasedText: lowerCased) {
                let lastWord = max(cueEnd - 1, (tail.firstIndex { $0.range == speakerWords.last?.range } ?? 0))
                return Candidate(
                    speaker: speaker,
                    cue: cueText,
                    contents: [],
                    mode: .direct,
                    position: quote.inner.lowerBound,
                    cueRange: tail[cue].range,
                    attributionEnd: tail[lastWord].range.upperBound
                )
            }
        }
        // Before: X said: “…” — the clause before the quote ends in a colon or comma.
        let lead = TextSegments.words(paragraph[..<quote.outer.lowerBound])
        guard let last = lead.last, last.text == ":" || last.text == "," else { return nil }
        var clause: [Word] = []
        for word in lead.dropLast().reversed() {
            if ".!?”\"".contains(word.text) || clause.count == 14 { break }
            clause.insert(word, at: 0)
        }
        if let according = clause.indices.first(where: {
            clause[$0].lower == "according" && $0 + 1 < clause.count && clause[$0 + 1].lower == "to"
        }),
            let speaker = SpeakerPhrase.parse(Array(clause[(according + 2)...]), lowerCasedText: lowerCased)
        {
            return Candidate(
                speaker: speaker,
                cue: "according to",
                contents: [],
                mode: .direct,
                position: quote.inner.lowerBound,
                cueRange: clause[according].range
            )
        }
        guard let cue = clause.lastIndex(where: { verbs.contains($0.lower) && !$0.isCapitalized }) else { return nil }
        var first = cue
        while first > 0, auxiliaryOrCue(clause[first - 1]) { first -= 1 }
        var subject: [Word] = []
        for word in clause[..<first].reversed() {
            if ReportingCues.clauseStarts.contains(word.lower) { break }
            subject.insert(word, at: 0)
        }
        guard let speaker = SpeakerPhrase.parse(subject, lowerCasedText: lowerCased) else { return nil }
        return Candidate(
            speaker: speaker,
            cue: cuePhrase(clause, at: cue, from: first).text,
            contents: [],
            mode: .direct,
            position: quote.inner.lowerBound,
            cueRange: clause[cue].range
        )
    }

    // MARK: Reported speech

    private static func reportedSpeech(
        in sentence: Substring,
        quotes: [QuoteSpan],
        usedCues: Set<String.Index>,
        lowerCased: Bool
    ) -> [Candidate] {
        let words = TextSegments.words(sentence)
        let insideQuote = { (word: Word) in quotes.contains { $0.inner.contains(word.range.lowerBound) } }
        var found: [Candidate] = []
        for index in words.indices where !insideQuote(words[index]) && !usedCues.contains(words[index].range.lowerBound)
        {
            let word = words[index]
            let next = index + 1 < words.count ? words[index + 1] : nil
            if word.lower == "according", next?.lower == "to" {
                if let candidate = accordingTo(words, at: index, in: sentence, lowerCased: lowerCased) {
                    found.append(candidate)
                }
            } else if ReportingCues.nouns.contains(word.lower), let link = next,
                ReportingCues.nounLinks.contains(link.lower),
                index > 0, words[index - 1].isCapitalized, !SpeakerPhrase.determiners.contains(words[index - 1].lower),
                let content = content(words, from: index + 2, in: sentence)
            {
                found.append(
                    reported(
                        SpeakerPhrase(name: String(words[index - 1].text)),
                        cue: "\(word.text) \(link.text)",
                        content: content,
                        in: sentence,
                        at: word.range.lowerBound,
                        cueRange: word.range
                    )
                )
            } else if ["deemed", "described", "called", "labeled", "labelled", "branded", "characterized"].contains(
                word.lower
            ),
                index > 0, !verbs.contains(words[index - 1].lower),
                ["although", "though", ",", "while", "were", "was"].contains(words[index - 1].lower),
                let by = words[(index + 1)...].firstIndex(where: { $0.lower == "by" }), by > index + 1,
                let speaker = SpeakerPhrase.parse(
                    Array(words[(by + 1)...].prefix { !$0.isPunctuation }),
                    lowerCasedText: lowerCased
                )
            {
                // Passive: deemed “safe” by the official.
                let content = words[index + 1].range.lowerBound..<words[by - 1].range.upperBound
                found.append(
                    reported(
                        speaker,
                        cue: String(word.text),
                        content: content,
                        in: sentence,
                        at: word.range.lowerBound,
                        cueRange: word.range
                    )
                )
            } else if isReportingVerb(word, next: next),
                let candidate = verbCue(words, at: index, in: sentence, lowerCased: lowerCased)
            {
                found.append(candidate)
            }
        }
        return found
    }

    /// X said (that) …, X told reporters …, X described … as …; or, at the end, …, X said.
    private static func verbCue(_ words: [Word], at index: Int, in sentence: Substring, lowerCased: Bool) -> Candidate?
    {
        var first = index
        while first > 0,
            auxiliaryOrCue(words[first - 1])
                || (words[first - 1].lower == "to" && first > 1
                    && ReportingCues.continuing.contains(words[first - 2].lower))
        {
            first -= words[first - 1].lower == "to" ? 2 : 1
        }
        if first > 0, ReportingCues.notReports.contains(words[first - 1].lower) { return nil }
        var subject: [Word] = []
        for word in words[..<first].reversed() {
            if ReportingCues.clauseStarts.contains(word.lower) { break }
            subject.insert(word, at: 0)
        }
        let (cueText, contentStart) = cuePhrase(words, at: index, from: first)
        let cue = words[first].range.lowerBound..<words[contentStart - 1].range.upperBound
        if let speaker = SpeakerPhrase.parse(subject, lowerCasedText: lowerCased) {
            if let content = content(words, from: contentStart, in: sentence) {
                return reported(
                    speaker,
                    cue: cueText,
                    content: content,
                    in: sentence,
                    at: cue.lowerBound,
                    cueRange: words[index].range
                )
            }
            // …, X said (on Tuesday).
            let start = words.startIndex
            let boundary = first - subject.count - 1
            guard boundary > start, words[boundary].text == ",",
                let content = content(words, from: start, to: boundary, in: sentence)
            else { return nil }
            return reported(
                speaker,
                cue: cueText,
                content: content,
                in: sentence,
                at: content.lowerBound,
                cueRange: words[index].range
            )
        }
        // …, said the minister.
        let named = contentStart < words.count ? Array(words[contentStart...].prefix { !$0.isPunctuation }) : []
        guard subject.isEmpty, first > 1, words[first - 1].text == ",",
            let speaker = SpeakerPhrase.parse(named, lowerCasedText: lowerCased),
            let content = content(words, from: words.startIndex, to: first - 1, in: sentence)
        else { return nil }
        return reported(
            speaker,
            cue: cueText,
            content: content,
            in: sentence,
            at: content.lowerBound,
            cueRange: words[index].range
        )
    }

    /// According to X, … — or …, according to X.
    private static func accordingTo(
        _ words: [Word],
        at index: Int,
        in sentence: Substring,
        lowerCased: Bool
    ) -> Candidate? {
        let nameWords = index + 2 < words.count ? Array(words[(index + 2)...].prefix { !$0.isPunctuation }) : []
        guard let speaker = SpeakerPhrase.parse(nameWords, lowerCasedText: lowerCased) else { return nil }
        let afterName = index + 2 + nameWords.count
        let content =
            index == 0 || words[index - 1].text != ","
            ? content(
                words,
                from: afterName + (afterName < words.count && words[afterName].text == "," ? 1 : 0),
                in: sentence
            )
            : content(words, from: words.startIndex, to: index - 1, in: sentence)
        guard let content else { return nil }
        return reported(
            speaker,
            cue: "according to",
            content: content,
            in: sentence,
            at: words[index].range.lowerBound,
            cueRange: words[index].range
        )
    }

    // MARK: Pieces

    private static let verbs = ReportingCues.verbs

    private static func isReportingVerb(_ word: Word, next: Word?) -> Bool {
        // Capitalised, it is part of a name: the United States, Says Who.
        guard verbs.contains(word.lower), !word.isCapitalized else { return false }
        return word.lower != "pointed" || ["to", "out"].contains(next?.lower ?? "")
    }

    private static func auxiliaryOrCue(_ word: Word) -> Bool {
        ReportingCues.auxiliaries.contains(word.lower) || ReportingCues.continuing.contains(word.lower)
    }

    /// The cue's words from `from` through the verb, with "to"/"out" after "pointed" and the
    /// listener after "told" (the press, reporters); and where its content starts ("that" skipped).
    private static func cuePhrase(_ words: [Word], at index: Int, from: Int? = nil) -> (text: String, end: Int) {
        var end = index + 1
        if words[index].lower == "pointed", end < words.count { end += 1 }
        if ["told", "tells", "tell"].contains(words[index].lower), end < words.count, words[end].lower != "that" {
            let listener =
                words[end...].prefix(4).firstIndex { $0.lower == "that" || $0.isPunctuation }
                ?? (words[end].lower == "the" && end + 1 < words.count ? end + 2 : end + 1)
            end = min(listener, words.count)
        }
        let text = words[(from ?? index)..<end].map(\.text).joined(separator: " ")
        if end < words.count, words[end].lower == "that" { end += 1 }
        return (text, end)
    }

    /// The content from word `from` to the end of the sentence (or to word `to`), without the final
    /// stop or comma; nil when it is too short to be a statement.
    private static func content(
        _ words: [Word],
        from: Int,
        to: Int? = nil,
        in sentence: Substring
    ) -> Range<String.Index>? {
        var last = (to ?? words.count) - 1
        // A trailing ", according to …" attributes the clause; it is not part of what was said.
        if to == nil,
            let according = words.indices.dropFirst(from).first(where: {
                $0 > from && words[$0].lower == "according" && words[$0 - 1].text == "," && $0 + 1 < words.count
                    && words[$0 + 1].lower == "to"
            })
        {
            last = according - 2
        }
        while last >= from, [".", ",", ";", ":", "!", "?"].contains(String(words[last].text)) { last -= 1 }
        var from = from
        while from <= last, words[from].isPunctuation, !words[from].isQuoteMark {
            from += 1
        }
        guard from <= last, words[from...last].filter({ !$0.isPunctuation }).count >= 3 else { return nil }
        // Keep a closing quote mark that ends the sentence: “unprofessional.”
        var end = words[last].range.upperBound
        if to == nil, let close = words.last, close.isQuoteMark,
            close.range.lowerBound >= end
        {
            end = close.range.upperBound
        }
        return words[from].range.lowerBound..<end
    }

    /// Reported speech with its content: mixed when the writer quotes some of the words, else indirect.
    private static func reported(
        _ speaker: SpeakerPhrase,
        cue: String,
        content: Range<String.Index>,
        in sentence: Substring,
        at position: String.Index,
        cueRange: Range<String.Index>
    ) -> Candidate {
        let mode: ProposedAttribution.Mode = sentence[content].contains { "“”\"«»".contains($0) } ? .mixed : .indirect
        return Candidate(
            speaker: speaker,
            cue: cue,
            contents: [content],
            mode: mode,
            position: position,
            cueRange: cueRange
        )
    }
}

/// A relation being assembled: its content may come in parts (a quote split around its cue).
struct Candidate {
    var speaker: SpeakerPhrase
    var cue: String
    var contents: [Range<String.Index>]
    var mode: ProposedAttribution.Mode
    var position: String.Index
    var cueRange: Range<String.Index>?
    /// Where the words attributing a quote end, to join a second part that follows at once.
    var attributionEnd: String.Index?

    func proposal(in text: String) -> ProposedAttribution {
        let start = contents.first!.lowerBound
        let end = contents.last!.upperBound
        return ProposedAttribution(
            speaker: speaker.name,
            speakerRole: speaker.role,
            cue: cue,
            content: contents.map { String(text[$0]) }.joined(separator: " "),
            mode: mode,
            start: text.utf8.distance(from: text.startIndex, to: start),
            end: text.utf8.distance(from: text.startIndex, to: end)
        )
    }
}
