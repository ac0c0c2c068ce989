/// Proposes attribution relations (speaker, cue, content) from plain article text, offline, by rule.
///
/// The rules are general, from news style rather than from any article: direct quotes attributed from
/// the words after or before them (“…,” X said / X said: “…” / “…,” said X), quotations over several
/// paragraphs kept with one speaker, reported speech around a reporting verb (X said that …, X
/// insisted …, according to X, …, X described … as …, …, adding that …), passives (deemed … by X), and
/// nominal claims (Russian claims regarding …). Last names take the full name the article gave them;
/// pronouns and definite descriptions ("he", "the official") take the nearest earlier speaker that
/// fits, people only for "he" and "she". README.md lists the rules; ExtractionTests has one test each.
public struct AttributionExtractor: Sendable {
    public init() {}

    public func extract(from text: String) -> [ProposedAttribution] {
        var candidates: [Candidate] = []
        var names = PersonNames()
        var introduced = IntroducedPeople()
        var bodies = MentionedBodies()
        var sentenceNumber = 0
        // The speaker a quotation opening the next paragraph carries on: the last quotation's, or a
        // lead-in's ("X issued the following statement:").
        var carried: Candidate?
        // Whether `carried` is the speaker of a report closing the last paragraph rather than of a quotation
        // or a lead-in: it then carries on only a quotation closed in its paragraph.
        var carriedFromReport = false
        // Paragraphs of one quotation whose cue has not come yet: it may stand in a later paragraph.
        var waiting: [Candidate] = []
        for paragraph in TextSegments.paragraphs(text) {
            let lowerCased = !paragraph.contains { $0.isCapital }
            let statements = QuoteSpan.find(in: paragraph).filter { $0.isStatement(in: paragraph) }
            let opensWithQuote = statements.first?.outer.lowerBound == paragraph.startIndex
            if !opensWithQuote { waiting = [] }
            var direct: [Candidate] = []
            // Quotations inside the paragraph with no cue and no quotation before them: their speaker is
            // the one of the sentence before, known once the paragraph's sentences are read.
            var uncued: [QuoteSpan] = []
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
                    if direct.isEmpty, opensWithQuote {
                        // The cue in the last paragraph of a quotation names the speaker of its earlier ones.
                        candidates += waiting.map { $0.carryingOn(found) }
                        waiting = []
                    }
                    direct.append(found)
                } else if !Self.opensSentence(quote, in: paragraph) || Self.cuedAfter(quote, in: paragraph) {
                    // Words quoted inside a sentence belong to the report around them; a quotation whose cue
                    // names a speaker the rules could not read is not the previous speaker's.
                    continue
                } else if let previous = direct.last {
                    // A quote with no cue of its own continues the previous speaker.
                    direct.append(Candidate(continuing: previous, with: quote.inner))
                } else if quote.outer.lowerBound != paragraph.startIndex {
                    // A quotation led in by a cue whose speaker the rules could not read is not the previous
                    // speaker's: better no proposal than words credited to someone who did not say them.
                    if !Self.ledInByCue(quote, in: paragraph) { uncued.append(quote) }
                } else if let carried, quote.isClosed || !carriedFromReport {
                    direct.append(Candidate(continuing: carried, with: quote.inner))
                } else if !quote.isClosed {
                    waiting.append(Candidate(continuing: .unattributed, with: quote.inner))
                }
            }
            if statements.isEmpty, let turn = Self.transcriptTurn(paragraph) { direct.append(turn) }
            let usedCues = Set(direct.compactMap { $0.cueRange?.lowerBound })
            var reported: [Candidate] = []
            let sentences = TextSegments.sentences(paragraph)
            for (offset, sentence) in sentences.enumerated() {
                let words = TextSegments.withoutAsides(TextSegments.words(sentence))
                names.collect(words)
                // "Boko Haram will come for you," he said: a sentence inside a quotation is the speaker's, and the
                // people it opens with are not the writer's subjects.
                if !QuoteSpan.innerContains(
                    words.first(where: { !$0.isQuoteMark })?.range.lowerBound ?? sentence.startIndex,
                    in: statements
                ) {
                    introduced.collect(words, sentence: sentenceNumber + offset)
                }
                bodies.collect(words, sentence: sentenceNumber + offset, outside: statements)
                if offset > 0, reported.last.map({ $0.sentence < sentenceNumber + offset - 1 }) ?? true,
                    var candidate = Self.backReference(words, previous: sentences[offset - 1], lowerCased: lowerCased)
                {
                    candidate.sentence = sentenceNumber + offset - 1
                    reported.append(candidate)
                }
                for var candidate in Self.reportedSpeech(
                    in: sentence,
                    words: words,
                    quotes: statements,
                    usedCues: usedCues,
                    lowerCased: lowerCased
                ) {
                    candidate.sentence = sentenceNumber + offset
                    reported.append(candidate)
                }
            }
            for index in direct.indices {
                direct[index].sentence = sentenceNumber + Self.sentence(at: direct[index].position, in: sentences)
            }
            let quoted = Self.uncuedSpeakers(
                uncued,
                after: direct + reported,
                introduced: introduced,
                carried: carriedFromReport ? nil : carried,
                sentences: sentences,
                firstSentence: sentenceNumber
            )
            let closing = sentenceNumber + sentences.count - 1
            sentenceNumber += sentences.count
            candidates += (direct + quoted + reported).sorted { $0.position < $1.position }
            let lastQuoted = (direct + quoted).max { $0.position < $1.position }
            carried = lastQuoted ?? (statements.isEmpty ? Self.leadIn(paragraph, lowerCased: lowerCased) : nil)
            carriedFromReport = false
            if carried == nil, statements.isEmpty, let closer = Self.closingSpeaker(reported, introduced, in: closing) {
                // “X says it was a sound decision.” / “…”: a quotation after a report carries it on.
                carried = closer
                carriedFromReport = true
            }
        }
        return resolved(candidates, names: names, introduced: introduced, bodies: bodies).map { $0.proposal(in: text) }
    }

    /// The offset of the sentence holding `position` among a paragraph's `sentences`, by binary search.
    private static func sentence(at position: String.Index, in sentences: [Substring]) -> Int {
        var low = 0
        var high = sentences.count
        while low < high {
            let middle = (low + high) / 2
            if sentences[middle].startIndex <= position { low = middle + 1 } else { high = middle }
        }
        return max(low - 1, 0)
    }

    /// Speakers for quotations with no cue inside a paragraph: the speaker of the report or quotation
    /// just before (“Ana Ruiz said the plan was sound. “It will work.”), else the person the sentence
    /// before introduced (“Bill Cheney is chief economist at the bank. “This is a big deal.”), else the
    /// speaker carried from the paragraph before. A quotation further from any of them stays unattributed.
    private static func uncuedSpeakers(
        _ quotes: [QuoteSpan],
        after found: [Candidate],
        introduced: IntroducedPeople,
        carried: Candidate?,
        sentences: [Substring],
        firstSentence: Int
    ) -> [Candidate] {
        var quoted: [Candidate] = []
        // In text order, so that each quotation looks back from where the last one stopped: linear in the
        // paragraph, however many quotations it holds.
        let ordered = found.sorted { $0.position < $1.position }
        var next = 0
        var lastFound: Candidate?
        for quote in quotes {
            let sentence = firstSentence + Self.sentence(at: quote.inner.lowerBound, in: sentences)
            while next < ordered.count, ordered[next].position < quote.outer.lowerBound {
                lastFound = ordered[next]
                next += 1
            }
            let before = [lastFound, quoted.last].compactMap { $0 }.max { $0.position < $1.position }
            var candidate: Candidate?
            if let before, before.sentence >= sentence - 1 {
                candidate = Candidate(continuing: before, with: quote.inner)
            } else if let person = introduced.person(before: sentence), person.sentence == sentence - 1,
                person.sentence >= firstSentence
            {
                candidate = Candidate(introduced: person.person, with: quote.inner)
            } else if let carried, before == nil {
                // Once someone has spoken in this paragraph, the speaker carried from the last is no longer the one.
                candidate = Candidate(continuing: carried, with: quote.inner)
            }
            if var candidate {
                candidate.sentence = sentence
                quoted.append(candidate)
            }
        }
        return quoted
    }

    /// The speaker a paragraph without quotations hands to a quotation opening the next: the speaker of
    /// a report in its last sentence, or the person that sentence introduces.
    private static func closingSpeaker(
        _ reported: [Candidate],
        _ introduced: IntroducedPeople,
        in sentence: Int
    ) -> Candidate? {
        // "Hassan said the company had landed. / “…”": the quotation carries on the outer report, not the nested one.
        if let report = reported.last(where: { report in
            !reported.contains { $0.position != report.position && $0.holds(report.position) }
        }),
            report.sentence == sentence
        {
            return report
        }
        guard let person = introduced.person(before: sentence + 1), person.sentence == sentence else { return nil }
        return Candidate(introduced: person.person, with: nil)
    }

    /// A paragraph that introduces a quotation in the next: "X issued the following statement:",
    /// "Statement from X:", "X said:". Press releases may end it with a full stop instead ("The following is a
    /// statement from X regarding …."); "following" then marks it as a lead-in, for "X said." alone leads
    /// in nothing.
    private static func leadIn(_ paragraph: Substring, lowerCased: Bool) -> Candidate? {
        guard let end = paragraph.last(where: { !$0.isSpace }), end == ":" || end == "." else { return nil }
        let words = TextSegments.words(paragraph)
        guard words.last?.text == Substring(String(end)), words.count > 2 else { return nil }
        let clause = Array(words.dropLast())
        guard end == ":" || clause.contains(where: { $0.lower == "following" }) else { return nil }
        if let statement = statementFrom(clause),
            let speaker = SpeakerPhrase.parse(
                Array(clause[(statement + 2)...].prefix { !leadInTopics.contains($0.lower) }),
                lowerCasedText: lowerCased
            )
        {
            return Candidate(
                speaker: speaker,
                cue: clause[0...(statement + 1)].map(\.text).joined(separator: " "),
                contents: [],
                mode: .direct,
                position: paragraph.startIndex,
                cueRange: nil
            )
        }
        let leadVerbs: Set<String> = ["issued", "released", "made", "gave", "said", "says", "wrote", "added", "told"]
        guard let verb = clause.lastIndex(where: { leadVerbs.contains($0.lower) }),
            clause[(verb + 1)...].allSatisfy({ !verbs.contains($0.lower) }),
            verb + 1 == clause.count || clause[(verb + 1)...].contains(where: { $0.lower == "statement" }),
            end == ":" || clause[(verb + 1)...].contains(where: { $0.lower == "following" })
        else { return nil }
        var first = verb
        while first > 0, auxiliaryOrCue(clause[first - 1]) { first -= 1 }
        guard let speaker = SpeakerPhrase.parse(subject(of: clause, before: first), lowerCasedText: lowerCased)
        else { return nil }
        let cueEnd = clause[(verb + 1)...].firstIndex { $0.lower == "statement" }.map { $0 + 1 } ?? verb + 1
        return Candidate(
            speaker: speaker,
            cue: clause[first..<cueEnd].map(\.text).joined(separator: " "),
            contents: [],
            mode: .direct,
            position: paragraph.startIndex,
            cueRange: nil
        )
    }

    /// Where "statement from" (or "remarks by", …) stands in a lead-in that opens with it, alone or after
    /// "The following is (a)".
    private static func statementFrom(_ clause: [Word]) -> Int? {
        let opening = clause.prefix { !["statement", "remarks"].contains($0.lower) }.map(\.lower)
        let statement = opening.count
        guard
            [[], ["the", "following", "is", "a"], ["the", "following", "are"], ["following", "is", "a"]]
                .contains(opening),
            statement + 2 < clause.count, ["from", "by", "of"].contains(clause[statement + 1].lower)
        else { return nil }
        return statement
    }

    /// Words that end the speaker in a lead-in and start what the statement is about ("… from X regarding today's
    /// landing").
    private static let leadInTopics: Set<String> = [
        "regarding", "on", "about", "concerning", "following", "after", ",",
    ]

    /// The words before a verb at `first`, back to the start of their clause.
    /// "Alice Fisher and James Klindt announced": "and" between two capitalised words joins two names.
    private static func subject(of words: [Word], before first: Int) -> [Word] {
        var start = first
        while start > 0 {
            let word = words[start - 1]
            // "Senator Mark Hale (D-Ore.) said": a parenthesis after a name is part of its phrase (and left
            // out of the name by `SpeakerPhrase.parse`), not where the clause starts.
            if word.text == ")", start == first,
                let open = words[max(start - 10, 0)..<(start - 1)].lastIndex(where: { $0.text == "(" }),
                open > 0, words[open - 1].isCapitalized
            {
                start = open
                continue
            }
            let joinsNames =
                word.lower == "and" && start > 1 && start < first && words[start - 2].isCapitalized
                && words[start].isCapitalized
            // "The director of the WHO Tobacco Free Initiative": an acronym in capitals is a name, not "who".
            let isAcronym = word.text.count > 1 && word.text.allSatisfy(\.isUppercase)
            if ReportingCues.clauseStarts.contains(word.lower) && !joinsNames && !isAcronym { break }
            // "He says researchers expected …": a report's subject starts after the verb of the report around it.
            if isReportingVerb(word, next: words[start]) { break }
            start -= 1
        }
        return Array(words[start..<first])
    }

    /// Replaces "he", "it", "the official" by the nearest earlier speaker that fits, at a cost in
    /// confidence. A pronoun that finds none is dropped: "He said …" with no person before it names
    /// no one, and a wrong guess would credit the words to someone who did not say them.
    /// How many earlier speakers a pronoun or description may point back to: further back, a match is
    /// more likely a namesake than the antecedent, and a bound keeps long texts linear.
    private static let reach = 50
    /// How many sentences back a pronoun may point: further, "they" is more likely a group the article
    /// has moved on from ("Two new studies suggest …" four paragraphs before "They found …").
    private static let pronounSentences = 4

    /// A last name alone ("Lavrov") takes the full name the article gave it.
    private func resolved(
        _ candidates: [Candidate],
        names: PersonNames,
        introduced: IntroducedPeople,
        bodies: MentionedBodies
    ) -> [Candidate] {
        var speakers: [SpeakerPhrase] = []
        // The sentence each of `speakers` was found in, and where.
        var spokenIn: [Int] = []
        var spokenAt: [String.Index] = []
        // What "he" or "she" was found to stand for, by name: once "She said" is Najat Rochdi, a later "he" is not.
        var pronounOf: [String: String] = [:]
        return candidates.indices.compactMap { index in
            var candidate = candidates[index]
            if candidate.isLabel {
                guard let person = names.person(labelled: candidate.speaker.name) else { return nil }
                candidate.speaker = person
            } else if let full = names.fullName(of: candidate.speaker) {
                candidate.speaker = full
            } else if candidate.speaker.isAnaphor || candidate.speaker.isDefiniteDescription
                || candidate.speaker.isBodyDescription
            {
                let pronoun = candidate.speaker.isPronoun
                let named = candidate.speaker.name.lowercased()
                let opposite = named == "he" ? "she" : named == "she" ? "he" : nil
                // "one woman in the crowd" is no "he", nor "a man from the village" a "she".
                let otherSex = named == "he" ? SpeakerPhrase.femaleWords : named == "she" ? SpeakerPhrase.maleWords : []
                let fits = { (speaker: SpeakerPhrase) in
                    (opposite == nil || pronounOf[speaker.name] != opposite) && !speaker.isDescribed(by: otherSex)
                }
                var first = max(speakers.count - Self.reach, 0)
                var person: SpeakerPhrase?
                if pronoun {
                    // A person introduced since the last speaker ("Amit Jain is a doctor. He says …") comes first.
                    let introduction =
                        ["he", "she"].contains(candidate.speaker.name.lowercased())
                        ? introduced.newcomer(before: candidate.sentence) : nil
                    let since = max(candidate.sentence - Self.pronounSentences, introduction?.sentence ?? 0)
                    while first < speakers.count, spokenIn[first] < since { first += 1 }
                    person = introduction.map(\.person).flatMap { fits($0) ? $0 : nil }
                }
                // "The Campaign to Ban Rats says … But the group says": the body last quoted by name, lately.
                let namedBody = { (sentence: Int) in
                    (first..<speakers.count).last { spokenIn[$0] >= sentence - 2 && speakers[$0].isNamedBody }
                        .map { speakers[$0] }
                }
                // "Officials denied the military did it. It said …": the body the sentence before mentions first;
                // "the group" there is the body it stands for.
                let body =
                    candidate.speaker.name.lowercased() == "it"
                    ? bodies.first(in: candidate.sentence - 1).flatMap { mention -> SpeakerPhrase? in
                        if (first..<speakers.count).contains(where: {
                            spokenIn[$0] == candidate.sentence - 1 && spokenAt[$0] < mention.position
                                && !speakers[$0].isSinglePerson && !speakers[$0].isPlural
                        }) {
                            return nil
                        }
                        guard mention.body.isOrganisationDescription else { return mention.body }
                        return namedBody(candidate.sentence - 1) ?? mention.body
                    } : nil
                // "People reacted on social media. They said …": the group the sentence before opens with,
                // unless someone spoke in that sentence.
                // "Farmers are angry at rules that they say are unfair": a "they" inside a sentence that opens with
                // a group is that group, not a speaker quoted before.
                let group =
                    candidate.speaker.name.lowercased() == "they"
                    ? introduced.group(opening: candidate.sentence)
                        ?? introduced.group(opening: candidate.sentence - 1).flatMap { group in
                            (first..<speakers.count).contains { spokenIn[$0] == candidate.sentence - 1 } ? nil : group
                        } : nil
                // "Sarah Hughes turns 17 in April. … “…,” she said.": with no speaker to point back to, the
                // person (or, for "they", the group) a recent sentence opens with.
                let subject =
                    ["he", "she"].contains(named)
                    ? introduced.subject(before: candidate.sentence).flatMap { fits($0) ? $0 : nil }
                    : named == "they" ? introduced.group(before: candidate.sentence) : nil
                // "The charity Oxfam spoke with farmers. The group says …": a body the sentence before opens with.
                let described =
                    candidate.speaker.isOrganisationDescription
                    ? introduced.body(opening: candidate.sentence - 1) ?? namedBody(candidate.sentence) : nil
                let earlier = opposite == nil ? speakers[first...] : ArraySlice(speakers[first...].filter(fits))
                // "Reuters, which owns a stake in ANI, did not respond. It has said …": the body the sentence before
                // opens with, unless someone spoke in that sentence.
                let opened =
                    named == "it"
                    ? introduced.body(opening: candidate.sentence - 1).flatMap { opener in
                        (first..<speakers.count).contains { spokenIn[$0] == candidate.sentence - 1 } ? nil : opener
                    } : nil
                if let antecedent = opened ?? body ?? described ?? group ?? candidate.speaker.antecedent(in: earlier)
                    ?? person ?? (pronoun ? subject : names.person(described: candidate.speaker))
                {
                    candidate.speaker = antecedent
                    if opposite != nil { pronounOf[antecedent.name] = named }
                    candidate.steps *=
                        pronoun ? AttributionConfidence.pronounResolved : AttributionConfidence.descriptionResolved
                } else if pronoun {
                    return nil
                } else if let later = Self.namedLater(candidate.speaker, after: index, in: candidates) {
                    candidate.speaker = later
                    candidate.steps *= AttributionConfidence.descriptionResolved
                } else {
                    candidate.steps *= AttributionConfidence.unresolved
                }
            } else if candidate.speaker.name.split(separator: " ").first?.hasSuffix("'s") == true,
                let later = Self.namedLater(candidate.speaker, after: index, in: candidates)
            {
                // "Guinea's president": a description by its owner, which no earlier speaker's noun matches.
                candidate.speaker = later
                candidate.steps *= AttributionConfidence.descriptionResolved
            }
            speakers.append(candidate.speaker)
            spokenIn.append(candidate.sentence)
            spokenAt.append(candidate.position)
            return candidate
        }
    }

    /// "Guinea's president has dismissed …, calling them … . President Alpha Conde also said …": a description
    /// of one person that finds no one before it takes the person named with its noun as a title in the next
    /// two sentences, the description kept as the role.
    private static func namedLater(
        _ description: SpeakerPhrase,
        after index: Int,
        in candidates: [Candidate]
    )
        -> SpeakerPhrase?
    {
        let words = description.name.lowercased().split(separator: " ")
        guard !description.isNamed, words.count >= 2, words[0] == "the" || words[0].hasSuffix("'s"),
            let noun = words.last.map(String.init), SpeakerPhrase.personNouns.contains(noun)
        else { return nil }
        let sentence = candidates[index].sentence
        let later = candidates[(index + 1)...].prefix { $0.sentence <= sentence + 2 }.first { later in
            later.speaker.isNamed && later.speaker.isSinglePerson
                && (later.speaker.role ?? "").lowercased().split(separator: " ").contains { $0 == noun }
        }
        return later.map { SpeakerPhrase(name: $0.speaker.name, role: description.name) }
    }

    // MARK: Direct quotes

    /// "His words", "Their reply": the pronoun each possessive stands for.
    private static let possessivePronouns = ["his": "he", "her": "she", "their": "they", "its": "it"]

    /// How many characters around a quotation are read for its cue: more than its fourteen words, and
    /// few enough that a paragraph of many quotations costs no more per quotation than a short one.
    private static let window = 400

    /// Whether a quotation starts its sentence: at the paragraph's start, or after a stop, a colon or
    /// another quotation.
    private static func opensSentence(_ quote: QuoteSpan, in paragraph: Substring) -> Bool {
        guard let before = paragraph[..<quote.outer.lowerBound].last(where: { !$0.isWhitespace }) else { return true }
        return ".!?:”\"»'".contains(before)
    }

    /// The speaker and cue of a quotation, from the words right after it or right before it.
    private static func attributeQuote(_ quote: QuoteSpan, in paragraph: Substring, lowerCased: Bool) -> Candidate? {
        let tail = tail(of: quote, in: paragraph)
        if let cue = tail.indices.first(where: {
            isReportingVerb(tail[$0], next: $0 + 1 < tail.count ? tail[$0 + 1] : nil)
        }) {
            let (cueText, cueEnd) = cuePhrase(tail, at: cue)
            let before = Array(tail[..<cue])
            // “…,” X said — or, inverted, “…,” said X.
            var speakerWords = before
            var speaker: SpeakerPhrase?
            if before.allSatisfy(\.isPunctuation) {
                speakerWords = Array(tail[cueEnd...].prefix { !$0.isPunctuation || ".&".contains($0.text) })
                speaker = SpeakerPhrase.parse(withoutOccasion(speakerWords), lowerCasedText: lowerCased)
                // “…,” said the co-owner of R & G Produce, Gary Glowaczewski: the role, then the name.
                let rest = tail[(cueEnd + speakerWords.count)...]
                if speakerWords.first?.isCapitalized == false, rest.first?.text == ",", rest.count >= 3,
                    rest.count <= 5,
                    rest.dropFirst().allSatisfy({ $0.isCapitalized || $0.text == "." }),
                    let name = SpeakerPhrase.parse(Array(rest.dropFirst()), lowerCasedText: lowerCased)
                {
                    speaker = SpeakerPhrase(name: name.name, role: speakerWords.spelled)
                    speakerWords = Array(rest)
                }
            } else {
                // “…,” Ann Li, a teacher from Leeds, said: the name, its description the role.
                speaker =
                    (before.last?.text == "," ? appositive(tail, before: cue - 1, lowerCased: lowerCased) : nil)
                    ?? SpeakerPhrase.parse(speakerWords, lowerCasedText: lowerCased)
            }
            if let speaker {
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
        let lead = TextSegments.words(paragraph[..<quote.outer.lowerBound].suffix(Self.window))
        // Garg said "we have … So that is around ten percent.": a verb right before a quotation that ends its
        // sentence introduces it as a colon would.
        let verbBefore =
            lead.last.map { verbs.contains($0.lower) && !$0.isCapitalized } == true
            && paragraph[quote.inner].last(where: { !$0.isWhitespace }).map { ".!?".contains($0) } == true
        guard let last = lead.last, last.text == ":" || last.text == "," || verbBefore else { return nil }
        // SMITH: “…” — a transcript's label.
        if let colon = transcriptLabel(in: paragraph), colon.range == last.range {
            return labelled(lead.dropLast(), colon: colon, position: quote.inner.lowerBound)
        }
        var clause: [Word] = []
        for word in lead.dropLast(verbBefore ? 0 : 1).reversed() {
            if ".!?”\"".contains(word.text) || clause.count == 14 { break }
            clause.insert(word, at: 0)
        }
        // His words: “…” — a possessive and a noun of speech name the speaker as a pronoun would.
        if clause.count == 2, let pronoun = possessivePronouns[clause[0].lower],
            ["words", "message", "reply", "response", "answer", "statement", "verdict"].contains(clause[1].lower)
        {
            return Candidate(
                speaker: SpeakerPhrase(name: pronoun),
                cue: clause.spelled,
                contents: [],
                mode: .direct,
                position: quote.inner.lowerBound,
                cueRange: clause[1].range
            )
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
        var first = quotedAsSaying(clause, cue: cue) ?? cue
        while first > 0, auxiliaryOrCue(clause[first - 1]) { first -= 1 }
        // "Ben Smith, the editor of the site, echoed its statement, saying: “…”": a participle after a clause
        // takes that clause's subject.
        let participleSubject =
            first > 1 && clause[first - 1].text == "," && clause[cue].lower.hasSuffix("ing")
            ? mainClauseSpeaker(clause, before: first - 1, lowerCased: lowerCased)
                ?? appositiveSubject(clause, before: first - 1, lowerCased: lowerCased)
                // "Earlier, the mayor thanked the crews, telling them: “…”": only from the sentence's start.
                ?? (clause.count < 14
                    ? actingSubject(clause, before: first - 1, participle: clause[cue], lowerCased: lowerCased) : nil)
            : nil
        guard
            let speaker = participleSubject
                ?? SpeakerPhrase.parse(subject(of: clause, before: first), lowerCasedText: lowerCased)
        else { return nil }
        return Candidate(
            speaker: speaker,
            cue: cuePhrase(clause, at: cue, from: first).text,
            contents: [],
            mode: .direct,
            position: quote.inner.lowerBound,
            cueRange: clause[cue].range
        )
    }

    /// The words after a quotation up to the end of the sentence or the next quote, at most fourteen, where its cue
    /// may stand — only for a quotation that opens its sentence and does not close it with a full stop (“…,” X
    /// said): a quotation inside a sentence is part of what the sentence reports (… many “initiatives”, X said).
    private static func tail(of quote: QuoteSpan, in paragraph: Substring) -> [Word] {
        var tail: [Word] = []
        guard opensSentence(quote, in: paragraph), paragraph[quote.inner].last != "." else { return tail }
        for word in TextSegments.words(paragraph[quote.outer.upperBound...].prefix(Self.window)) {
            let abbreviated = word.text == "." && tail.last.map(TextSegments.isAbbreviation) == true
            if (".!?“\"«".contains(word.text) && !abbreviated) || tail.count == 14 { break }
            tail.append(word)
        }
        return tail
    }

    /// Whether a finite reporting verb stands in the words after a quotation (“…,” the caller told the dispatcher):
    /// its speaker, whom the rules could not read, is not the one quoted before.
    private static func cuedAfter(_ quote: QuoteSpan, in paragraph: Substring) -> Bool {
        let tail = tail(of: quote, in: paragraph)
        return tail.indices.contains {
            isReportingVerb(tail[$0], next: $0 + 1 < tail.count ? tail[$0 + 1] : nil)
                && !tail[$0].lower.hasSuffix("ing")
        }
    }

    /// Whether the clause right before a quotation ends in a colon or comma and holds a reporting verb: "X,
    /// who …, echoed the statement, saying: “…”".
    private static func ledInByCue(_ quote: QuoteSpan, in paragraph: Substring) -> Bool {
        let lead = TextSegments.words(paragraph[..<quote.outer.lowerBound].suffix(Self.window))
        guard let last = lead.last, [":", ","].contains(last.text) else { return false }
        return lead.dropLast().reversed().prefix { !".!?”\"".contains($0.text) }.contains {
            verbs.contains($0.lower) && !$0.isCapitalized
        }
    }

    // MARK: Transcripts

    /// The colon after a transcript's label, one to four words in capitals that open the paragraph
    /// ("LOUIS LATAIF:", "SMITH:"), or nil.
    private static func transcriptLabel(in paragraph: Substring) -> Word? {
        let words = TextSegments.words(paragraph.prefix(80))
        guard let colon = words.prefix(5).firstIndex(where: { $0.text == ":" }), colon >= 1,
            words[..<colon].allSatisfy({ word in
                word.text == "." || (word.text.contains(where: \.isLetter) && !word.text.contains(where: \.isLowercase))
            }),
            words[..<colon].contains(where: { $0.text.count >= 2 })
        else { return nil }
        return words[colon]
    }

    /// The speaker a transcript label names, the label kept as written until `resolved` finds the name.
    private static func labelled(_ label: some Collection<Word>, colon: Word, position: String.Index) -> Candidate {
        var candidate = Candidate(
            speaker: SpeakerPhrase(name: label.spelled),
            cue: ":",
            contents: [],
            mode: .direct,
            position: position,
            cueRange: colon.range
        )
        candidate.isLabel = true
        return candidate
    }

    /// "SMITH: We see more patients …" — a transcript's turn with no quotation marks: all the paragraph
    /// says after its label.
    private static func transcriptTurn(_ paragraph: Substring) -> Candidate? {
        guard let colon = transcriptLabel(in: paragraph) else { return nil }
        let turn = TextSegments.trim(paragraph[colon.range.upperBound...])
        guard TextSegments.words(turn.prefix(80)).filter({ !$0.isPunctuation }).count >= 3 else { return nil }
        var candidate = labelled(
            TextSegments.words(paragraph[..<colon.range.lowerBound]),
            colon: colon,
            position: turn.startIndex
        )
        candidate.contents = [turn.startIndex..<turn.endIndex]
        return candidate
    }

    // MARK: Reported speech

    private static func reportedSpeech(
        in sentence: Substring,
        words: [Word],
        quotes: [QuoteSpan],
        usedCues: Set<String.Index>,
        lowerCased: Bool
    ) -> [Candidate] {
        let insideQuote = { (word: Word) in QuoteSpan.innerContains(word.range.lowerBound, in: quotes) }
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
                        SpeakerPhrase(name: words[index - 1].withoutPossessive),
                        cue: "\(word.text) \(link.text)",
                        content: content,
                        in: sentence,
                        at: word.range.lowerBound,
                        cueRange: word.range
                    )
                )
            } else if ReportingCues.nouns.contains(word.lower), let link = next,
                ReportingCues.nounSources.contains(link.lower),
                let that = words[(index + 2)...].prefix(7).firstIndex(where: { $0.lower == "that" }), that > index + 2,
                let speaker = SpeakerPhrase.parse(Array(words[(index + 2)..<that]), lowerCasedText: lowerCased),
                let content = content(words, from: that + 1, in: sentence)
            {
                // Claims by the opposition that …
                found.append(
                    reported(
                        speaker,
                        cue: "\(word.text) \(link.text)",
                        content: content,
                        in: sentence,
                        at: word.range.lowerBound,
                        cueRange: word.range
                    )
                )
            } else if let candidate = whatCalled(words, at: index, in: sentence, lowerCased: lowerCased) {
                found.append(candidate)
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
        // "Hassan said the company expected the flight to continue": an expectation inside another report's
        // content is what the outer speaker says of it, not words the company is quoted for; so is an agreement
        // ("Ruiz says he and the unions had agreed that …").
        return found.filter { nested in
            !ReportingCues.sharedViews.contains(nested.cue.split(separator: " ").last?.lowercased() ?? "")
                || !found.contains { $0.position != nested.position && $0.holds(nested.position) }
        }
    }

    /// "over what the mayor called a plan to sell the park": the name a speaker gives a thing, after "what"
    /// and the speaker, up to the end of its clause.
    private static func whatCalled(
        _ words: [Word],
        at index: Int,
        in sentence: Substring,
        lowerCased: Bool
    )
        -> Candidate?
    {
        let verb = words[index].lower
        let describes = ["described", "describes", "characterized", "characterised"].contains(verb)
        // "one of what the minister said were 5,000 damaged schools": what is said to be so.
        let saysIs =
            ["said", "says"].contains(verb) && index + 1 < words.count
            && ["was", "is", "were", "are"].contains(words[index + 1].lower)
        guard ["called", "termed", "dubbed", "calls", "terms"].contains(verb) || describes || saysIs, index >= 2,
            let what = words[max(index - 5, 0)..<index].lastIndex(where: { $0.lower == "what" }), what + 1 < index,
            !words[(what + 1)..<index].contains(where: \.isPunctuation),
            // "what the union on Thursday called …": when it was said is no part of the speaker.
            var speaker = SpeakerPhrase.parse(
                withoutOccasion(Array(words[(what + 1)..<index])),
                lowerCasedText: lowerCased
            )
        else { return nil }
        // "Ana Ruiz, a member of the panel, condemned what she described as …": the pronoun is the person the
        // sentence opens with, not a speaker quoted before.
        if speaker.isPronoun, ["he", "she"].contains(speaker.name.lowercased()),
            let person = IntroducedPeople.openingPerson(Array(words[..<what]))
        {
            speaker = person
        }
        // "what he described as a threat": the object stands before the subject, "as" goes with the verb.
        let start =
            (describes && index + 1 < words.count && words[index + 1].lower == "as") || saysIs ? index + 2 : index + 1
        guard start > index + 1 || !describes else { return nil }
        let end =
            words.indices.dropFirst(start).first {
                [",", ";", ":", ".", "—", "–", "("].contains(words[$0].text) && !isDigitGroup(words, at: $0)
            } ?? words.count
        // "what he called the “stolen vote”": a name of two or three words is a label, not a claim.
        guard let content = content(words, from: start, to: end, in: sentence, minimumWords: 4) else { return nil }
        return reported(
            speaker,
            cue: words[index..<start].spelled,
            content: content,
            in: sentence,
            at: words[what + 1].range.lowerBound,
            cueRange: words[index].range
        )
    }

    /// "5,000": a comma between digits with no space, which groups a number rather than ending a clause.
    private static func isDigitGroup(_ words: [Word], at index: Int) -> Bool {
        index > 0 && index + 1 < words.count && words[index].text == ","
            && words[index - 1].text.last?.isNumber == true && words[index + 1].text.first?.isNumber == true
            && words[index - 1].range.upperBound == words[index].range.lowerBound
            && words[index].range.upperBound == words[index + 1].range.lowerBound
    }

    /// "The pilot was notified by Canadian authorities that there could be explosives on board": a passive
    /// reporting verb whose agent follows "by" and whose content follows "that" credits the agent.
    private static func passiveAgent(
        _ words: [Word],
        at index: Int,
        from first: Int,
        in sentence: Substring,
        lowerCased: Bool
    ) -> Candidate? {
        guard index + 2 < words.count, words[index + 1].lower == "by",
            let that = words[(index + 2)...].prefix(8).firstIndex(where: { $0.lower == "that" }), that > index + 2,
            !words[(index + 2)..<that].contains(where: \.isPunctuation),
            let speaker = SpeakerPhrase.parse(Array(words[(index + 2)..<that]), lowerCasedText: lowerCased),
            let content = content(words, from: that + 1, in: sentence)
        else { return nil }
        return reported(
            speaker,
            cue: words[first...(index + 1)].spelled,
            content: content,
            in: sentence,
            at: words[first].range.lowerBound,
            cueRange: words[index].range
        )
    }

    /// "Huang Limin was quoted by Xinhua as saying": where the cue of "saying" begins, at the "was"
    /// before "quoted", whose subject said the words; nil for any other shape.
    private static func quotedAsSaying(_ words: [Word], cue: Int) -> Int? {
        guard words[cue].lower == "saying", cue > 1, words[cue - 1].lower == "as",
            let quoted = words[..<(cue - 1)].suffix(10).lastIndex(where: { $0.lower == "quoted" }), quoted > 0,
            ReportingCues.be.contains(words[quoted - 1].lower)
        else { return nil }
        return quoted - 1
    }

    /// X said (that) …, X told reporters …, X described … as …; or, at the end, …, X said.
    private static func verbCue(_ words: [Word], at index: Int, in sentence: Substring, lowerCased: Bool) -> Candidate?
    {
        var first = quotedAsSaying(words, cue: index) ?? index
        while first > 0,
            auxiliaryOrCue(words[first - 1])
                || (words[first - 1].lower == "to" && first > 1
                    && ReportingCues.continuing.contains(words[first - 2].lower))
        {
            first -= words[first - 1].lower == "to" ? 2 : 1
        }
        if first > 0, ReportingCues.notReports.contains(words[first - 1].lower) { return nil }
        // "slammed news reports over …": after "news", "media" or "press" and before a preposition, "reports" and
        // "claims" are nouns.
        if first == index, index > 0, index + 1 < words.count, ["reports", "claims"].contains(words[index].lower),
            ["news", "media", "press"].contains(words[index - 1].lower),
            ReportingCues.prepositions.contains(words[index + 1].lower) || words[index + 1].isPunctuation
        {
            return nil
        }
        if words[first..<index].contains(where: { ReportingCues.hedges.contains($0.lower) }) { return nil }
        // "seeks to undermine the US and assert its influence": a base form reports only after its own subject.
        if ReportingCues.baseForms.contains(words[index].lower),
            first == 0
                || words[first - 1].isPunctuation || ["and", "or"].contains(words[first - 1].lower)
        {
            return nil
        }
        // "is believed", "are confirmed": a passive reports no speaker — unless it names its agent before "that".
        if words[first..<index].contains(where: { ReportingCues.be.contains($0.lower) }), isParticiple(words[index]) {
            return passiveAgent(words, at: index, from: first, in: sentence, lowerCased: lowerCased)
        }
        var subject = subject(of: words, before: first)
        // "Police said they believe …": a pronoun reporting inside the report of the speaker it stands for
        // says again what its speaker said.
        if subject.count == 1, SpeakerPhrase.pronouns.contains(subject[0].lower), first >= 2,
            isReportingVerb(words[first - 2], next: subject[0])
                || (words[first - 2].lower == "that" && first >= 3 && isReportingVerb(words[first - 3], next: nil))
        {
            return nil
        }
        if narratesStory(subject, verb: words[index]) { return nil }
        // "Asked if he believes it is time, he said": a question put to the speaker reports nothing.
        if first - subject.count > 0, ["if", "whether"].contains(words[first - subject.count - 1].lower) { return nil }
        // "in what they believe is …", "what he described as …": an object clause, read by `whatCalled` or not at all.
        if first - subject.count > 0, words[first - subject.count - 1].lower == "what" { return nil }
        let (cueText, contentStart) = cuePhrase(words, at: index, from: first)
        if ReportingCues.namingVerbs.contains(words[index].lower), !namesInQuotes(words, from: contentStart) {
            return nil
        }
        let cue = words[first].range.lowerBound..<words[contentStart - 1].range.upperBound
        // Every report found here has this cue; the speaker, the content and where it starts vary.
        let report = { (speaker: SpeakerPhrase, content: Range<String.Index>, start: String.Index) in
            reported(speaker, cue: cueText, content: content, in: sentence, at: start, cueRange: words[index].range)
        }
        // "…, state and local officials announced tonight.": two modifiers joined by "and" open the subject of a
        // cue that closes its sentence.
        if first - subject.count >= 3, case let and = first - subject.count - 1, words[and].lower == "and",
            words[and - 2].text == ",", !words[and - 1].isPunctuation, !words[and - 1].isCapitalized,
            closesSentence(words, boundary: and - 2, contentStart: contentStart)
        {
            subject = Array(words[(and - 1)..<first])
        }
        // "ANI in a statement said …": where the words were given is no part of who gave them.
        var speaker =
            SpeakerPhrase.parse(withoutOccasion(subject), lowerCasedText: lowerCased)
            ?? SpeakerPhrase.parse(subject, lowerCasedText: lowerCased)
        // "The coalition, an umbrella for 300 groups, released a statement saying …": the participle after the paper
        // reports whoever issued it, not the verb and its object.
        if words[index].lower.hasSuffix("ing"), subject.count >= 2, Self.issuingVerbs.contains(subject[0].lower),
            subject.last.map({ Self.issuedPapers.contains($0.lower) }) == true
        {
            speaker =
                appositiveSubject(words, before: first, lowerCased: lowerCased)
                ?? openingSubject(words, before: first - subject.count, lowerCased: lowerCased)
        }
        // "…, the hospital said on Friday.", "…, a panel said Friday.": a short noun phrase between the comma
        // closing a whole clause and a cue that closes the sentence is its speaker, whatever its noun.
        // A quotation's cue is read by `attributeQuote`, with speaker nouns only.
        if speaker == nil, (2...4).contains(subject.count), !words[words.startIndex].isQuoteMark,
            ["the", "a", "an", "its", "their"].contains(subject[0].lower),
            subject.dropFirst().allSatisfy({ !$0.isPunctuation && !SpeakerPhrase.pronouns.contains($0.lower) }),
            closesSentence(words, boundary: first - subject.count - 1, contentStart: contentStart)
        {
            speaker = SpeakerPhrase(name: subject.spelled)
        }
        if let description = speaker, description.role != nil, !description.isNamed,
            let named = namedBefore(words, description: first - subject.count, lowerCased: lowerCased)
        {
            // Kerry-Ann Hamilton, a spokeswoman for the hospital said …: the closing comma left out.
            speaker = SpeakerPhrase(name: named.name, role: subject.spelled)
        }
        // "local people, who say …": a relative clause set off by a comma describes the phrase before it.
        let setOff = first > 2 && words[first - 2].text == ","
        let relative =
            first > 1 && words[first - 1].lower == "who"
            ? Self.subject(of: words, before: first - (setOff ? 2 : 1)) : []
        // Where the content of a relative clause's report ends: at the comma that closes a clause set off
        // ("who say the camps are full, are angry"), or before the main clause's modal ("researchers who say
        // they are fed up | will march"), or nowhere it can be told.
        var relativeEnd: Int?
        if subject.isEmpty, !relative.isEmpty, ReportingCues.relativeCues.contains(words[index].lower),
            let antecedent = relativeAntecedent(relative, lowerCased: lowerCased)
        {
            // "researchers who say they are fed up": the relative clause's antecedent reports.
            speaker = antecedent
            relativeEnd =
                setOff
                ? words.indices.dropFirst(index + 1).first { words[$0].text == "," } ?? words.count
                : words.indices.dropFirst(index + 4).first { ReportingCues.mainClauseModals.contains(words[$0].lower) }
                    ?? (closesMainClause(relative) ? words.count : nil)
            if relativeEnd == nil { return nil }
        }
        if subject.isEmpty, first > 1, ["and", "but"].contains(words[first - 1].lower),
            !words[index].lower.hasSuffix("ing")
        {
            // The agency called the figures false and said …: two verbs, one subject; "Police say they found
            // the boat, but added that …" too.
            // "The scientist apologized at a news conference, but said …": the comma before "but" ends the first verb's
            // clause, not its subject.
            let conjunction = first > 2 && words[first - 2].text == "," ? first - 2 : first - 1
            speaker =
                mainClauseSpeaker(words, before: first - 1, lowerCased: lowerCased)
                ?? leadingSubject(words, before: first - 1, lowerCased: lowerCased)
                ?? (conjunction < first - 1 ? openingSubject(words, before: conjunction, lowerCased: lowerCased) : nil)
        }
        if subject.isEmpty, first > 1, Self.participleLinks.contains(words[first - 1].lower),
            words[index].lower.hasSuffix("ing")
        {
            // "He praised the rescuers, while stressing that …": a participle after "while" or "after" shares the
            // subject that opens its sentence.
            speaker = openingSubject(words, before: first - 1, lowerCased: lowerCased)
        }
        if subject.isEmpty, first > 1, Self.dashes.contains(words[first - 1].text),
            words[max(first - 15, 0)..<(first - 1)].contains(where: { $0.text == words[first - 1].text })
        {
            // "Elias Yega - a Catholic teacher - said …": dashes set off a description as commas do.
            let dashed = words[first - 1].text
            speaker = appositive(
                words.map { $0.text == dashed ? Word(text: ",") : $0 },
                before: first - 1,
                lowerCased: lowerCased
            )
        }
        if subject.isEmpty, first > 0, words[first - 1].text == "," {
            // Ana Ruiz, a political analyst in Lisbon, said …
            speaker =
                words[index].lower.hasSuffix("ing") ? nil : appositive(words, before: first - 1, lowerCased: lowerCased)
            // …, Powell said, adding that …: a participle shares the main clause's speaker.
            if speaker == nil, words[index].lower.hasSuffix("ing") {
                speaker =
                    mainClauseSpeaker(words, before: first - 1, lowerCased: lowerCased)
                    ?? actingSubject(words, before: first - 1, participle: words[index], lowerCased: lowerCased)
                    ?? appositiveSubject(words, before: first - 1, lowerCased: lowerCased)
            }
        }
        if ReportingCues.documentVerbs.contains(words[index].lower), words[contentStart - 1].lower != "that",
            speaker.map({
                $0.name.lowercased().split(separator: " ").contains { SpeakerPhrase.documentNouns.contains(String($0)) }
            }) != true
        {
            return nil
        }
        // "announced $10 million in grants" is an act; "announced that …" reports. So is "declared a state of
        // emergency".
        let reportsForward =
            words[contentStart - 1].lower == "that"
            || (!ReportingCues.actVerbs.contains(words[index].lower)
                && !declaresState(words, verb: index, contentStart: contentStart)
                && (!ReportingCues.expectations.contains(words[index].lower)
                    || words[contentStart...].contains { ReportingCues.forecastMarkers.contains($0.lower) }))
        if let speaker {
            let start = words.startIndex
            let boundary = first - subject.count - 1
            // "The bridge, she said, was old", "Prices will rise, she said, in May": a cue in commas
            // reports the words before it, not the ones after.
            let inCommas =
                !subject.isEmpty && boundary > start && words[boundary].text == "," && contentStart < words.count
                && words[contentStart].text == ","
            if reportsForward, !inCommas,
                let content = content(words, from: contentStart, to: relativeEnd, in: sentence)
            {
                return report(speaker, content, cue.lowerBound)
            }
            if inCommas, let parts = parenthetical(words, boundary: boundary, cueEnd: contentStart, in: sentence) {
                var candidate = report(speaker, parts.head, parts.head.lowerBound)
                candidate.contents.append(parts.tail)
                return candidate
            }
            // …, X said (on Tuesday). …, X confirmed Thursday, after …: a clause of its own may follow.
            guard !subject.isEmpty, closesSentence(words, boundary: boundary, contentStart: contentStart),
                let content = content(words, from: start, to: boundary, in: sentence)
            else { return nil }
            return report(speaker, content, content.lowerBound)
        }
        // …, said the minister. / “…,” continued Smith.
        guard subject.isEmpty, first > 1, words[first - 1].text == ",", !words[index].lower.hasSuffix("ing"),
            let speaker = namedAfter(words, from: contentStart, lowerCased: lowerCased),
            let content = content(words, from: words.startIndex, to: first - 1, in: sentence)
        else { return nil }
        return report(speaker, content, content.lowerBound)
    }

    /// "VOA's Ana Ruiz reports the quake toppled …", "The Wikinews reporter also noted that …": the outlet's own
    /// reporter tells the story, whose words are the writer's, not a source's. A reporter of another outlet is a
    /// source ("a reporter for the Tribune wrote …"), and so is one named with a title ("Reporter Kim Savage").
    private static func narratesStory(_ subject: [Word], verb: Word) -> Bool {
        let words = subject.filter { !$0.isPunctuation }
        let reporters: Set<String> = ["reporter", "correspondent"]
        let start = words.first.map { ["the", "a", "an", "our"].contains($0.lower) } == true ? 1 : 0
        if words.count == start + 2, words[start].isCapitalized, reporters.contains(words[start + 1].lower) {
            return true
        }
        guard verb.lower == "reports", let first = words.first, words.count >= 3 else { return false }
        let outlet = first.withoutPossessive
        let possessed = outlet.count < first.text.count && outlet.count >= 2 && outlet.allSatisfy(\.isUppercase)
        let titled = words.dropLast().contains { reporters.contains($0.lower) }
        return (possessed || titled) && words.last?.isCapitalized == true
    }

    /// "declared a state of emergency", "declared three days of mourning": a verb of declaring whose object names a
    /// state proclaimed in its first six words, with no verb of its own there ("declared the war was over"), is an
    /// act and not a claim.
    private static func declaresState(_ words: [Word], verb: Int, contentStart: Int) -> Bool {
        guard ReportingCues.declarations.contains(words[verb].lower), contentStart < words.count else { return false }
        let finite = ReportingCues.be.union(ReportingCues.mainClauseModals).union(["has", "have", "had"])
        let object = words[contentStart...].prefix(6).prefix { !$0.isPunctuation }
        return object.contains { ReportingCues.declaredStates.contains($0.lower) }
            && !object.contains { finite.contains($0.lower) }
    }

    /// Whether the words from `start` are an object and then a name in quotation marks, as a naming verb's
    /// content is ("the offer “an insult to every worker”"), within the clause.
    private static func namesInQuotes(_ words: [Word], from start: Int) -> Bool {
        guard start < words.count, !words[start].isQuoteMark, !words[start].isPunctuation else { return false }
        return words[(start + 1)...].prefix(12).prefix { ![",", ";", ".", "—"].contains($0.text) }.contains {
            $0.isQuoteMark
        }
    }

    /// The phrase a relative clause describes, at the end of the words before it: after their last verb,
    /// "be" or preposition ("there is resentment among | local people, who say …").
    private static func relativeAntecedent(_ clause: [Word], lowerCased: Bool) -> SpeakerPhrase? {
        let start = clause.lastIndex {
            verbs.contains($0.lower) || ReportingCues.be.contains($0.lower)
                || ReportingCues.prepositions.contains($0.lower) || ["among", "between"].contains($0.lower)
        }
        return SpeakerPhrase.parse(Array(clause[(start.map { $0 + 1 } ?? 0)...]), lowerCasedText: lowerCased)
    }

    /// Whether a relative clause's antecedent ends a main clause ("The ministry faces complaints from teachers |
    /// who say …"), so that the clause's report runs to the end of the sentence: a verb and its object, or a
    /// preposition other than "of", stand before it. "Leaders of groups who say …" is the main clause's subject.
    private static func closesMainClause(_ clause: [Word]) -> Bool {
        guard
            let start = clause.lastIndex(where: {
                verbs.contains($0.lower) || ReportingCues.be.contains($0.lower)
                    || ReportingCues.prepositions.contains($0.lower) || ["among", "between"].contains($0.lower)
            })
        else { return false }
        return start >= 2 && clause[start].lower != "of"
    }

    /// Conjunctions that open a clause of when, why or despite what after a trailing cue: "…, the agency
    /// confirmed Thursday, after a lawmaker raised the alarm" — the cue's report ends before them.
    private static let trailingClauseStarts: Set<String> = [
        "after", "as", "while", "when", "before", "because", "since", "following", "amid", "despite", "although",
        "though", "even", "days", "weeks", "hours", "just",
        // "Crews will arrive by Monday, Chan said, and a committee will meet …": a second clause of the writer's.
        "and", "but",
    ]

    /// Whether a cue whose subject follows the comma at `boundary` closes its sentence, reporting the clause
    /// before the comma: at most five words follow it ("said on Tuesday"), or a clause of its own.
    private static func closesSentence(_ words: [Word], boundary: Int, contentStart: Int) -> Bool {
        boundary > words.startIndex && words[boundary].text == ","
            && (words[contentStart...].filter({ !$0.isPunctuation }).count <= 5
                || opensTrailingClause(words, at: contentStart))
    }

    /// Whether a comma and a conjunction of `trailingClauseStarts` stand at `index`, right after a cue.
    private static func opensTrailingClause(_ words: [Word], at index: Int) -> Bool {
        index + 1 < words.count && words[index].text == "," && trailingClauseStarts.contains(words[index + 1].lower)
    }

    /// "The program, Shadan explains, grew quickly": a cue between commas inside its content, which goes
    /// on after it with its predicate — not with a clause of its own (", and …"), a participle (", adding
    /// …") or a phrase of when or where (", on Tuesday").
    private static func parenthetical(
        _ words: [Word],
        boundary: Int,
        cueEnd: Int,
        in sentence: Substring
    ) -> (head: Range<String.Index>, tail: Range<String.Index>)? {
        guard boundary > words.startIndex, words[boundary].text == ",", cueEnd + 1 < words.count,
            words[cueEnd].text == ","
        else { return nil }
        let next = words[cueEnd + 1]
        guard !next.isCapitalized, !next.isPunctuation, !next.lower.hasSuffix("ing"), !verbs.contains(next.lower),
            !ReportingCues.clauseStarts.contains(next.lower), !ReportingCues.prepositions.contains(next.lower),
            next.lower != "according",
            let head = content(words, from: words.startIndex, to: boundary, in: sentence, minimumWords: 1),
            let tail = content(words, from: cueEnd + 1, in: sentence, minimumWords: 1),
            words[..<boundary].filter({ !$0.isPunctuation }).count <= 8,
            (words[..<boundary] + words[(cueEnd + 1)...]).filter({ !$0.isPunctuation }).count >= 3
        else { return nil }
        return (head, tail)
    }

    /// The speaker named after an inverted cue, up to the first punctuation: "said Dr. Jane Roe, director …".
    private static func namedAfter(_ words: [Word], from start: Int, lowerCased: Bool) -> SpeakerPhrase? {
        // "…, said it would appeal": a pronoun followed by more words opens the verb's content ("said he" names).
        guard start < words.count,
            !SpeakerPhrase.pronouns.contains(words[start].lower) || words[start].lower == "her"
                || start + 1 == words.count || words[start + 1].isPunctuation
        else { return nil }
        return SpeakerPhrase.parse(
            withoutOccasion(Array(words[start...].prefix { !$0.isPunctuation || $0.text == "." })),
            lowerCasedText: lowerCased
        )
    }

    /// The words after an inverted cue up to a phrase of where or when it was said: "said the Church in
    /// the October 18 press release" names the Church, not the press release.
    private static func withoutOccasion(_ phrase: [Word]) -> [Word] {
        guard
            let occasion = phrase.indices.dropFirst().first(where: { index in
                ["in", "on", "at", "during"].contains(phrase[index].lower)
                    && phrase[(index + 1)...].prefix(5).contains { occasions.contains($0.lower) }
            })
        else { return phrase }
        return Array(phrase[..<occasion])
    }

    /// "Kerry-Ann Hamilton, a spokeswoman for the hospital said": the name that opens the sentence
    /// before the comma at `description - 1`, or nil unless the words there are a name and nothing else.
    private static func namedBefore(_ words: [Word], description: Int, lowerCased: Bool) -> SpeakerPhrase? {
        let comma = description - 1
        guard comma >= 2, words[comma].text == ",",
            words[..<comma].allSatisfy({ $0.isCapitalized || $0.text == "." }),
            let name = SpeakerPhrase.parse(Array(words[..<comma]), lowerCasedText: lowerCased),
            name.isNamed, name.isSinglePerson
        else { return nil }
        return name
    }

    /// "Ana Ruiz, a political analyst in Lisbon, said": the name before the commas, the description
    /// between them as its role; nil unless a name stands there.
    private static func appositive(_ words: [Word], before comma: Int, lowerCased: Bool) -> SpeakerPhrase? {
        // "the health director in Dallas, Texas, said", "police in the city of El Paso, Texas, say": a place
        // of up to three words and its state, not an appositive; the speaker is the phrase before "in" or "of".
        if let opening = words[..<comma].lastIndex(where: { $0.text == "," }), comma - opening == 2, opening > 1,
            words[opening + 1].isCapitalized, words[opening - 1].isCapitalized,
            let place = (max(opening - 3, 0)..<opening).first(where: {
                words[$0..<opening].allSatisfy(\.isCapitalized)
            }), place > 0,
            SpeakerPhrase.descriptionPrepositions.contains(words[place - 1].lower)
        {
            return SpeakerPhrase.parse(subject(of: words, before: place - 1), lowerCasedText: lowerCased)
        }
        // "Jackie Baillie, health spokeswoman for the party, which uncovered the figures, said": a relative
        // clause describes the phrase before it, which holds the speaker — if a phrase in commas stands there.
        if let opening = words[..<comma].lastIndex(where: { $0.text == "," }), opening + 1 < comma,
            ["which", "who", "whose"].contains(words[opening + 1].lower)
        {
            // With no description, the phrase the clause describes: "The company, which employs 400 people, said".
            return appositive(words, before: opening, lowerCased: lowerCased)
                ?? SpeakerPhrase.parse(subject(of: words, before: opening), lowerCasedText: lowerCased)
        }
        // "One major poll, released Sunday by the network, said", "Smith, speaking at a rally, said": a participle's
        // phrase in commas tells when or how the words were given, not who gave them.
        if let opening = words[..<comma].lastIndex(where: { $0.text == "," }), comma - opening > 2,
            comma - opening <= 14,
            case let participle = words[opening + 1], !participle.isCapitalized, !verbs.contains(participle.lower),
            participle.lower.hasSuffix("ed") || participle.lower.hasSuffix("ing")
        {
            return SpeakerPhrase.parse(subject(of: words, before: opening), lowerCasedText: lowerCased)
        }
        // "Ana Ruiz, the head of the unit, in a statement on Friday, confirmed": where the words were given, in
        // commas of its own, stands between the appositive and its verb.
        if let opening = words[..<comma].lastIndex(where: { $0.text == "," }), opening > 0,
            ["in", "on", "at", "during"].contains(words[opening + 1].lower),
            withoutOccasion(Array(words[opening..<comma])).count == 1
        {
            return appositive(words, before: opening, lowerCased: lowerCased)
                ?? SpeakerPhrase.parse(subject(of: words, before: opening), lowerCasedText: lowerCased)
        }
        // "John Carver, 45, said": an age in commas after a name.
        if let opening = words[..<comma].lastIndex(where: { $0.text == "," }), comma - opening == 2,
            words[opening + 1].text.allSatisfy(\.isNumber),
            let name = SpeakerPhrase.parse(subject(of: words, before: opening), lowerCasedText: lowerCased),
            name.isNamed
        {
            return name
        }
        guard let opening = words[..<comma].lastIndex(where: { $0.text == "," }), opening > 0,
            comma - opening > 2, comma - opening <= 14,
            !words[(opening + 1)..<comma].contains(where: { verbs.contains($0.lower) })
        else { return nil }
        let nameWords = subject(of: words, before: opening)
        let between = Array(words[(opening + 1)..<comma])
        // "A key member of the institute, Jim Blake, says", "U.N. refugee spokeswoman, Jennifer Pagonis, says":
        // the description first, then the name.
        let describedFirst =
            nameWords.first.map { !$0.isCapitalized || SpeakerPhrase.determiners.contains($0.lower) } == true
            || nameWords.last.map { !$0.isCapitalized && SpeakerPhrase.speakerNouns.contains($0.lower) } == true
            // "Police Command Public Relations Officer, SP Ahmed Wakil, said": a capitalised title heads the phrase.
            || (nameWords.count > 1
                && nameWords.last.map { SpeakerPhrase.titles.contains($0.lower) || SpeakerPhrase.isRoleNoun($0.lower) }
                    == true)
            || SpeakerPhrase.namesPost(nameWords)
        // "the President of the Church in New York, John Carmichael, said": a name alone between the commas is
        // the speaker, though the description before it holds names too.
        if describedFirst, between.allSatisfy({ $0.isCapitalized || $0.text == "." }),
            let name = SpeakerPhrase.parse(between, lowerCasedText: lowerCased), name.isNamed, name.isSinglePerson
        {
            return SpeakerPhrase(name: name.name, role: nameWords.spelled)
        }
        if let name = SpeakerPhrase.parse(nameWords, lowerCasedText: lowerCased), name.isNamed {
            return SpeakerPhrase(name: name.name, role: between.map(\.text).joined(separator: " "))
        }
        guard describedFirst, between.first?.isCapitalized == true,
            let name = SpeakerPhrase.parse(between, lowerCasedText: lowerCased), name.isNamed, name.isSinglePerson
        else { return nil }
        return SpeakerPhrase(name: name.name, role: nameWords.spelled)
    }

    /// The speaker of the reporting verb before `comma` in the same sentence: "Powell said, adding …".
    private static func mainClauseSpeaker(_ words: [Word], before comma: Int, lowerCased: Bool) -> SpeakerPhrase? {
        guard
            let verb = words[..<comma].lastIndex(where: {
                isReportingVerb($0, next: nil) && !$0.lower.hasSuffix("ing")
            })
        else { return nil }
        var first = verb
        while first > 0, auxiliaryOrCue(words[first - 1]) { first -= 1 }
        return SpeakerPhrase.parse(subject(of: words, before: first), lowerCasedText: lowerCased)
            ?? namedAfter(words, from: verb + 1, lowerCased: lowerCased)
    }

    /// "Mayor Lena Park vetoed the budget, saying …": the subject opening a sentence whose main verb
    /// reports nothing, for the participle after it. Only a name of two words or more or a speaker's noun:
    /// one capitalised word opening a sentence may be none ("Recent storms closed the road, saying …"),
    /// and "suggesting" after a fact ("Sales fell, suggesting …") reports no one.
    private static func actingSubject(
        _ words: [Word],
        before comma: Int,
        participle: Word,
        lowerCased: Bool
    )
        -> SpeakerPhrase?
    {
        let start = TextSegments.openingPhraseEnd(words)
        guard !lowerCased, participle.lower != "suggesting", comma > start + 2,
            !words[start..<comma].contains(where: { $0.text == "," }),
            subject(of: words, before: comma).count == comma - start,
            let speaker = leadingSubject(words, before: comma, lowerCased: lowerCased),
            // "The leader of the main opposition party is calling for …": which leader, the rules cannot tell.
            !speaker.isAnaphor, !speaker.isDefiniteDescription, isActor(speaker, opensSentence: start == 0)
        else { return nil }
        return speaker
    }

    /// "Ben Smith, the editor of the site, echoed its statement, saying …": the name opening the clause before
    /// `end` with a description in commas after it, when a verb in lower case follows the description.
    private static func appositiveSubject(_ words: [Word], before end: Int, lowerCased: Bool) -> SpeakerPhrase? {
        let commas = words[..<end].indices.filter { words[$0].text == "," }
        guard commas.count == 2, commas[1] + 1 < end, !words[commas[1] + 1].isCapitalized,
            !words[commas[1] + 1].isPunctuation,
            let speaker = appositive(Array(words[..<end]), before: commas[1], lowerCased: lowerCased), speaker.isNamed
        else { return nil }
        return speaker
    }

    /// Verbs by which a body issues a paper, and the papers, that a participle after them reports from: "released
    /// a statement saying …".
    private static let issuingVerbs: Set<String> = ["released", "issued", "published", "sent", "posted", "put"]
    private static let issuedPapers: Set<String> = ["statement", "report", "letter", "message", "communique", "note"]

    /// Dashes that set off a description as a pair of commas would.
    private static let dashes: Set<Substring> = ["-", "—", "–"]

    /// Words after which a participle takes the subject opening its sentence: "…, while stressing that …".
    private static let participleLinks: Set<String> = ["while", "before", "after", "when", "by"]

    /// The subject that opens the sentence, after a phrase of when or where in commas ("Earlier, the mayor
    /// praised …"): its first noun phrase before a verb, which no reporting verb inside the clause cuts short.
    private static func openingSubject(_ words: [Word], before end: Int, lowerCased: Bool) -> SpeakerPhrase? {
        let start = TextSegments.openingPhraseEnd(words)
        guard start < end, let speaker = firstNounPhrase(Array(words[start..<end])) else { return nil }
        return isActor(speaker, opensSentence: start == 0) ? speaker : nil
    }

    /// Whether a subject found before a verb that reports nothing can be who a participle after it reports:
    /// a pronoun, a name, or a speaker's noun. One capitalised word opening a sentence may be none ("Sales fell,
    /// while adding …"); after an opening phrase ("Earlier, Trump …") it is a name.
    private static func isActor(_ speaker: SpeakerPhrase, opensSentence: Bool) -> Bool {
        guard let head = speaker.name.split(separator: " ").last?.lowercased() else { return false }
        return speaker.isPronoun || (speaker.isNamed && (speaker.name.contains(" ") || !opensSentence))
            || SpeakerPhrase.speakerNouns.contains(head)
    }

    /// The subject that opens the clause before `end`: the shortest run of words that names a speaker
    /// and is followed by a lower-case word, its verb ("The agency | called the figures false").
    private static func leadingSubject(_ words: [Word], before end: Int, lowerCased: Bool) -> SpeakerPhrase? {
        firstNounPhrase(subject(of: words, before: end))
    }

    private static func firstNounPhrase(_ clause: [Word]) -> SpeakerPhrase? {
        guard clause.count > 1 else { return nil }
        for length in 1..<min(clause.count, 7) {
            let next = clause[length]
            guard !next.isCapitalized, !next.isPunctuation, !SpeakerPhrase.speakerNouns.contains(next.lower),
                !SpeakerPhrase.determiners.contains(clause[length - 1].lower),
                !SpeakerPhrase.determiners.contains(next.lower),
                let speaker = SpeakerPhrase.parse(Array(clause[..<length]), lowerCasedText: false)
            else { continue }
            return speaker
        }
        return nil
    }

    /// A past participle, which after "is" or "are" makes a passive: "believed", "told", "shown".
    private static func isParticiple(_ word: Word) -> Bool {
        word.lower.hasSuffix("ed")
            || ["told", "said", "found", "shown", "known", "thought", "written"].contains(word.lower)
    }

    /// "Exercise cuts the risk of dying. This is according to the World Health Organization.": a sentence
    /// that only names the source of the one before gives that sentence to the source — one step across
    /// sentences, so as uncertain as a quote carried on.
    private static func backReference(_ words: [Word], previous: Substring, lowerCased: Bool) -> Candidate? {
        guard words.count > 4, ["this", "that"].contains(words[0].lower), ["is", "was"].contains(words[1].lower),
            words[2].lower == "according", words[3].lower == "to",
            words[4...].filter({ !$0.isPunctuation }).count <= 8,
            let speaker = SpeakerPhrase.parse(
                Array(words[4...].prefix { !$0.isPunctuation || $0.text == "." }),
                lowerCasedText: lowerCased
            )
        else { return nil }
        let before = TextSegments.words(previous)
        guard !before.contains(where: { ReportingCues.quoteMarks.contains($0.text.first ?? " ") }),
            let content = content(before, from: 0, to: before.count, in: previous)
        else { return nil }
        var candidate = reported(
            speaker,
            cue: "according to",
            content: content,
            in: previous,
            at: content.lowerBound,
            cueRange: words[2].range
        )
        candidate.steps = AttributionConfidence.continued
        return candidate
    }

    /// According to X, … — or …, according to X.
    private static func accordingTo(
        _ words: [Word],
        at index: Int,
        in sentence: Substring,
        lowerCased: Bool
    ) -> Candidate? {
        var nameWords = index + 2 < words.count ? Array(words[(index + 2)...].prefix { !$0.isPunctuation }) : []
        // "According to police spokeswoman Jody Silva officers stopped …": with no comma after it, a name ends
        // where lower case begins, other than a title's.
        if index == 0, nameWords.count > 6, let capital = nameWords.firstIndex(where: \.isCapitalized),
            let lower = nameWords[capital...].firstIndex(where: {
                !$0.isCapitalized && $0.text != "." && !SpeakerPhrase.titles.contains($0.lower)
                    && !SpeakerPhrase.occupations.contains($0.lower)
            }), lower >= capital + 2
        {
            nameWords = Array(nameWords[..<lower])
        }
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
        // "News reports said": before a reporting verb, a reporting word is its subject's noun.
        if word.lower.hasSuffix("s"), let next, verbs.contains(next.lower), !next.isCapitalized,
            !next.lower.hasSuffix("ing"), !next.lower.hasSuffix("s")
        {
            return false
        }
        if word.lower == "continued" { return next?.lower != "to" }
        return !["pointed", "point", "points"].contains(word.lower) || ["to", "out"].contains(next?.lower ?? "")
    }

    /// Auxiliaries, adverbs and days between subject and verb: "has repeatedly", "incorrectly", "today".
    private static func auxiliaryOrCue(_ word: Word) -> Bool {
        let lower = word.lower
        return ReportingCues.auxiliaries.contains(lower) || ReportingCues.continuing.contains(lower)
            || days.contains(lower)
            || (lower.hasSuffix("ly") && lower.count > 4 && !word.isCapitalized
                && !SpeakerPhrase.speakerNouns.contains(lower) && !["family", "italy"].contains(lower))
    }

    /// The cue's words from `from` through the verb, with "to"/"out" after "pointed" and the listener
    /// after "told" or "reminds" (the press, reporters, visitors); and where its content starts ("that"
    /// skipped).
    private static func cuePhrase(_ words: [Word], at index: Int, from: Int? = nil) -> (text: String, end: Int) {
        var end = index + 1
        if ["pointed", "point", "points"].contains(words[index].lower), end < words.count { end += 1 }
        if ReportingCues.listenerVerbs.contains(words[index].lower), end < words.count, words[end].lower != "that" {
            // "told Loop News: …": a listener's name of up to four capitalised words.
            let named = words[end...].prefix(4).prefix(while: \.isCapitalized)
            let listener =
                words[end...].prefix(4).firstIndex { $0.lower == "that" || $0.isPunctuation }
                // "told the court", "told his orderly to leave": an article or a possessive and its noun.
                ?? (Self.listenerDeterminers.contains(words[end].lower) && end + 1 < words.count
                    ? end + 2 : named.isEmpty ? end + 1 : named.endIndex)
            end = min(listener, words.count)
        }
        // "announced today that", "said Tuesday that", "confirmed later on Saturday that": a day, or an adverb of
        // when, belongs to the cue.
        while end < words.count, days.contains(words[end].lower) || Self.cueTimeAdverbs.contains(words[end].lower) {
            end += 1
        }
        // "said in a statement that", "said on Tuesday", "confirmed to VOA that": where, when and to whom
        // belong to the cue.
        if end < words.count, ReportingCues.prepositions.contains(words[end].lower) {
            let phrase = words[(end + 1)...].prefix(8).prefix { !$0.isPunctuation || $0.text == "." }
            if let that = phrase.firstIndex(where: { $0.lower == "that" }) {
                end = that
            } else if var close = phrase.prefix(5).firstIndex(where: { occasions.contains($0.lower) }) {
                // "said in an afternoon statement": occasion nouns in a row end together.
                while close + 1 < phrase.endIndex, occasions.contains(phrase[close + 1].lower) { close += 1 }
                end = close + 1
            }
        }
        let text = words[(from ?? index)..<end].spelled
        // "They say, however, that …": an adverb in commas before "that" is neither cue nor content.
        if end + 3 < words.count, words[end].text == ",", sentenceAdverbs.contains(words[end + 1].lower),
            words[end + 2].text == ",", words[end + 3].lower == "that"
        {
            end += 3
        }
        if end < words.count, words[end].lower == "that" { end += 1 }
        return (text, end)
    }

    /// Words that open a listener of two words after "told": "the court", "his orderly".
    private static let listenerDeterminers: Set<String> = ["the", "his", "her", "their", "its", "our", "my", "your"]

    /// Adverbs that link a sentence to the one before, set off by commas: "say, however, that".
    private static let sentenceAdverbs: Set<String> = [
        "however", "though", "meanwhile", "also", "instead", "nevertheless", "nonetheless", "therefore", "too",
        "moreover", "furthermore", "still",
    ]

    /// Adverbs of when that may follow a cue before its content or its occasion: "confirmed later on Saturday that".
    private static let cueTimeAdverbs: Set<String> = ["later", "earlier", "previously", "separately"]

    /// Days that may follow a cue directly: "announced today that".
    private static let days: Set<String> = [
        "today", "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    /// Words that end a phrase of when or where a cue was spoken: "on Tuesday", "in a statement".
    private static let occasions: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "week", "weekend", "month", "year", "morning", "afternoon", "evening", "night", "statement", "interview",
        "conference", "briefing", "release", "speech", "letter", "post", "tweet", "email", "hearing", "court",
        "parliament", "congress",
        // Papers and pieces the words were given in: "said in its lawsuit", "wrote in a column".
        "lawsuit", "filing", "complaint", "ruling", "judgment", "memo", "message", "video", "broadcast", "podcast",
        "affidavit", "submission", "column", "editorial", "article", "remarks", "testimony", "blog", "newsletter",
        // Gatherings and months: "said CEO Ana Ruiz on a call in February", "told a rally in Accra".
        "call", "meeting", "rally", "summit", "session", "event", "visit", "january", "february", "march", "april",
        "june", "july", "august", "september", "october", "november", "december",
    ]

    /// Where an indirect content ends before its sentence does: before ", while Y insisted …" (a second
    /// speaker) and before a trailing ", officials said" (an attribution, not what was said).
    private static func clauseEnd(_ words: [Word], from: Int) -> Int? {
        // "say they trust the company and predict a rise": a second verb of the same subject, its own
        // report — once the first has a statement of its own ("denied the report and insisted …" keeps both).
        // "say they found the boat, but added that …": a second verb after "but", with or without a comma.
        if let and = words.indices.dropFirst(from + 3).first(where: {
            (words[$0].lower == "but" || (words[$0].lower == "and" && words[$0 - 1].text != ","))
                && $0 + 1 < words.count && isReportingVerb(words[$0 + 1], next: nil)
                && !words[$0 + 1].lower.hasSuffix("ing")
        }) {
            return and - 1
        }
        for comma in words.indices.dropFirst(from + 1) where words[comma].text == "," && comma + 1 < words.count {
            let rest = words[(comma + 1)...]
            // "…, adding that …": a second report by the same speaker.
            if words[comma + 1].lower.hasSuffix("ing"), verbs.contains(words[comma + 1].lower) { return comma - 1 }
            // "…, and urged …": a second verb of the same subject.
            if words[comma + 1].lower == "and", comma + 2 < words.count,
                isReportingVerb(words[comma + 2], next: nil), !words[comma + 2].lower.hasSuffix("ing")
            {
                return comma - 1
            }
            // "…, and Pakistan airlines spokesman Sultan Hassan said …": a second speaker's report.
            if words[comma + 1].lower == "and", comma + 2 < words.count,
                let verb = rest.dropFirst().prefix(10).prefix(while: { !$0.isPunctuation }).firstIndex(where: {
                    isReportingVerb($0, next: nil) && !$0.lower.hasSuffix("ing")
                }),
                SpeakerPhrase.parse(Array(words[(comma + 2)..<verb]), lowerCasedText: false) != nil
            {
                return comma - 1
            }
            if ["while", "whereas"].contains(words[comma + 1].lower),
                rest.contains(where: { verbs.contains($0.lower) && !$0.isCapitalized })
            {
                return comma - 1
            }
            if rest.count <= 9, !rest.contains(where: { $0.text == "," }),
                let verb = rest.firstIndex(where: { verbs.contains($0.lower) && !$0.isCapitalized }),
                verb > comma + 1, verb - comma <= 5
            {
                return comma - 1
            }
        }
        return nil
    }

    /// The content from word `from` to the end of the sentence (or to word `to`), without the final
    /// stop or comma; nil when it is too short to be a statement.
    private static func content(
        _ words: [Word],
        from: Int,
        to: Int? = nil,
        in sentence: Substring,
        minimumWords: Int = 3
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
        if to == nil, let end = clauseEnd(words, from: from) { last = min(last, end) }
        while last >= from, [".", ",", ";", ":", "!", "?"].contains(String(words[last].text)) { last -= 1 }
        let start = from
        var from = from == words.startIndex ? datelineEnd(words) ?? from : from
        while from <= last, words[from].isPunctuation, !words[from].isQuoteMark {
            from += 1
        }
        guard from <= last, words[from...last].filter({ !$0.isPunctuation }).count >= minimumWords else { return nil }
        // "Asked if he would resign, he said: …": the question put to the speaker is not what they said.
        if from == words.startIndex, words[from].lower == "asked" { return nil }
        // "explained why …", "warned of dangers", "responded to the briefing": an act, not a claim.
        // "announced the following efforts: …" introduces a list; "reported the results of their study"
        // tells that findings were given, not what they are.
        if to == nil, from == start,
            (ReportingCues.questionWords.contains(words[from].lower) && !isWhatCleft(words, from: from, to: last))
                || (ReportingCues.complementPrepositions.contains(words[from].lower)
                    && !(words[from].lower == "about" && from < last && words[from + 1].text.first?.isNumber == true)
                    // "claimed to have cloned the cells": a claim's infinitive is the claim.
                    && !(words[from].lower == "to" && from > 0 && from < last
                        && ReportingCues.claimsWithInfinitive.contains(words[from - 1].lower)
                        && ReportingCues.claimedStates.contains(words[from + 1].lower)))
                || (words[from].lower == "the" && from < last && words[from + 1].lower == "following")
                // "has denied these allegations": a denial of what others said, which states nothing itself.
                || (from > 0 && ReportingCues.denials.contains(words[from - 1].lower)
                    && words[from...min(from + 1, last)].contains { ReportingCues.accusations.contains($0.lower) })
                // "denied the defense attorney's request to free …": a request refused is an act, not a claim.
                || (from > 0 && ReportingCues.denials.contains(words[from - 1].lower)
                    && words[from...min(from + 3, last)].contains { ReportingCues.petitions.contains($0.lower) })
                || (["the", "their", "its", "his", "her", "our"].contains(words[from].lower) && from < last
                    && ["results", "findings", "details"].contains(words[from + 1].lower))
                // "the documents described in their story": a short phrase of where after a participle is no claim.
                || (["in", "at", "by", "during"].contains(words[from].lower)
                    && words[from...last].filter({ !$0.isPunctuation }).count < 6)
        {
            return nil
        }
        // Keep a closing quote mark that ends the sentence: “unprofessional.”
        var end = words[last].range.upperBound
        if to == nil, let close = words.last, close.isQuoteMark,
            close.range.lowerBound >= end, words[(last + 1)...].allSatisfy(\.isPunctuation)
        {
            end = close.range.upperBound
        }
        return words[from].range.lowerBound..<end
    }

    /// "LONDON —", "UTHAI SAWAN, Thailand (AP) —": where a dateline opening the sentence ends, after its dash. It
    /// says where the story was filed, not what was said. Nil unless the sentence opens with a word in capitals and
    /// only capitalised words and punctuation stand before the dash.
    private static func datelineEnd(_ words: [Word]) -> Int? {
        guard let first = words.first, first.text.count >= 2, first.text.contains(where: \.isLetter),
            first.text.allSatisfy({ !$0.isLowercase }),
            let dash = words.prefix(8).firstIndex(where: { Self.dashes.contains($0.text) }), dash > 0,
            dash + 1 < words.count, words[..<dash].allSatisfy({ $0.isCapitalized || $0.isPunctuation })
        else { return nil }
        return dash + 1
    }

    /// "says what motivates the athletes is the thrill of competition": "what" opening a clause whose verb is
    /// "is" or "was" states what something is, after a verb of saying; "explained what happened" does not.
    private static func isWhatCleft(_ words: [Word], from: Int, to last: Int) -> Bool {
        guard words[from].lower == "what", from > 0, ["says", "said", "say"].contains(words[from - 1].lower) else {
            return false
        }
        return words[(from + 2)...last].prefix(10).contains { ["is", "was", "are", "were"].contains($0.lower) }
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
