/// People an article introduces before quoting them: "Amit Jain is a children's doctor in that country.
/// He says …", "Harvard's Daniel Lieberman led the study. He says …", "Bill Cheney is chief economist at
/// the bank. “This is a big deal.”". Feature and health writing names
/// someone in one sentence and reports them with a pronoun in the next, with no quotation between.
struct IntroducedPeople {
    /// How many sentences back an introduction still explains a "he" or "she".
    static let reach = 3

    private var people: [(sentence: Int, person: SpeakerPhrase)] = []
    /// People named as the subject opening a sentence ("Sarah Hughes turns 17 in April."), which says
    /// less than an introduction: only a "he" or "she" that finds no speaker at all takes one.
    private var subjects: [(sentence: Int, person: SpeakerPhrase)] = []
    /// The `subjects` of sentences without a reporting verb.
    private var newcomers: [(sentence: Int, person: SpeakerPhrase)] = []
    /// Bodies named after what they are, opening a sentence ("The charity Oxfam spoke with farmers."), for a
    /// "the group" in the next.
    private var bodies: [(sentence: Int, person: SpeakerPhrase)] = []
    /// Groups of speakers opening a sentence ("Researchers from three universities did the study."), for a
    /// "they" that finds no speaker at all.
    private var groups: [(sentence: Int, person: SpeakerPhrase)] = []

    /// Notes the person sentence number `sentence` introduces or opens with as its subject, if any.
    mutating func collect(_ words: [Word], sentence: Int) {
        if let person = Self.introduction(words) { people.append((sentence, person)) }
        if let person = Self.describedExample(words) { people.append((sentence, person)) }
        if let person = Self.namedSubject(words) {
            subjects.append((sentence, person))
            // "Rosa Lindqvist, a head teacher, reads out the rules": a subject who reports nothing here, so that
            // no speaker of this sentence stands for the pronoun after it.
            if !words.contains(where: { ReportingCues.verbs.contains($0.lower) }) {
                newcomers.append((sentence, person))
            }
        }
        if let group = Self.groupSubject(words) { groups.append((sentence, group)) }
        if let body = Self.namedBodySubject(words) { bodies.append((sentence, body)) }
    }

    /// The person introduced last before `sentence`, at most `reach` sentences back, and where.
    func person(before sentence: Int) -> (sentence: Int, person: SpeakerPhrase)? {
        Self.last(in: people, before: sentence)
    }

    /// Who a "he" or "she" in sentence number `sentence` most likely points to before anyone spoken of
    /// earlier: the person introduced last, or the person the sentence just before opens with, reporting
    /// nothing, when that is later ("Ana Ruiz, the school's principal, reads out the rules. He says …" is no
    /// longer the last speaker).
    func newcomer(before sentence: Int) -> (sentence: Int, person: SpeakerPhrase)? {
        let introduction = person(before: sentence)
        guard let subject = Self.last(in: newcomers, before: sentence), subject.sentence == sentence - 1,
            subject.sentence > introduction?.sentence ?? -1
        else { return introduction }
        return subject
    }

    /// The person named last as a sentence's subject before `sentence`, at most `reach` sentences back.
    func subject(before sentence: Int) -> SpeakerPhrase? { Self.last(in: subjects, before: sentence)?.person }

    /// The group named last as a sentence's subject before `sentence`, at most `reach` sentences back.
    func group(before sentence: Int) -> SpeakerPhrase? { Self.last(in: groups, before: sentence)?.person }

    /// The body sentence number `sentence` opens with by name, if any.
    func body(opening sentence: Int) -> SpeakerPhrase? {
        Self.last(in: bodies, before: sentence + 1).flatMap { $0.sentence == sentence ? $0.person : nil }
    }

    /// The group sentence number `sentence` opens with, if any.
    func group(opening sentence: Int) -> SpeakerPhrase? {
        Self.last(in: groups, before: sentence + 1).flatMap { $0.sentence == sentence ? $0.person : nil }
    }

    private static func last(
        in people: [(sentence: Int, person: SpeakerPhrase)],
        before sentence: Int
    ) -> (sentence: Int, person: SpeakerPhrase)? {
        var low = 0
        var high = people.count
        while low < high {
            let middle = (low + high) / 2
            if people[middle].sentence < sentence { low = middle + 1 } else { high = middle }
        }
        guard low > 0, sentence - people[low - 1].sentence <= Self.reach else { return nil }
        return people[low - 1]
    }

    /// Verbs that, after a name opening a sentence, say what the person does: "led the study".
    private static let roleVerbs: Set<String> = [
        "led", "leads", "heads", "headed", "directs", "directed", "works", "worked", "teaches", "taught",
        "founded", "chairs", "runs", "ran", "oversees", "studies", "studied",
    ]

    /// Nouns that, after "is a", describe a person: "is a children's doctor", "is an associate professor".
    private static let personNouns: Set<String> = SpeakerPhrase.personNouns.union(SpeakerPhrase.occupations)
        .union(["member", "head", "kid", "child", "woman", "man"])

    /// "Shakira Suglia is with Columbia University", "Amit Jain is a children's doctor", "Harvard's Daniel
    /// Lieberman led the study": a name of two to four capitalised words opening the sentence (after an
    /// owner in the possessive), then a verb of role or "is" with a person's description. Places and
    /// organisations ("New York is a city", "Harvard University is …") have no such description.
    static func introduction(_ words: [Word]) -> SpeakerPhrase? {
        if let person = namedAfterOccupation(words) { return person }
        guard let (start, end) = openingName(words) else { return nil }
        let verb = words[end].lower
        let describesPerson: Bool
        if roleVerbs.contains(verb) {
            describesPerson = true
        } else if ["is", "was"].contains(verb), Self.amongPeople(words[(end + 1)...]) {
            // "Todd Lynch was among scores of people who escaped …", "Ana Ruiz is one of the survivors": one of a
            // group of people.
            describesPerson = true
        } else if ["is", "was"].contains(verb) {
            let next = words[end + 1].lower
            // "Bill Cheney is chief economist at …": a title without an article describes a person too.
            describesPerson =
                next == "with" || SpeakerPhrase.titles.contains(next) || personNouns.contains(next)
                || (["a", "an", "the"].contains(next)
                    && { (description: ArraySlice<Word>) in
                        // "is an agronomist at the university": a noun of one who does something, as its head.
                        description.contains { personNouns.contains($0.lower) }
                            || description.last.map(SpeakerPhrase.isAgentNoun) == true
                    }(
                        words[(end + 2)...].prefix(5).prefix {
                            !$0.isPunctuation && !SpeakerPhrase.descriptionPrepositions.contains($0.lower)
                        }
                    ))
        } else {
            describesPerson = false
        }
        return describesPerson ? SpeakerPhrase(name: words[start..<end].spelled) : nil
    }

    /// Whether the words after "is" or "was" place its subject among people: "among scores of people", "one of the
    /// survivors" — not "among the cities hit", which places are.
    private static func amongPeople(_ words: ArraySlice<Word>) -> Bool {
        let lower = words.prefix(2).map(\.lower)
        guard lower.first == "among" || lower == ["one", "of"] else { return false }
        return words.prefix(6).contains {
            $0.lower.hasSuffix("s") && !$0.isCapitalized && SpeakerPhrase.speakerNouns.contains($0.lower)
                || ["people", "men", "women"].contains($0.lower)
        }
    }

    /// "Mortgage broker Jim Dell'Anno was laid off …", "Retired nurse Ana Ruiz lost her home …": an occupation
    /// in lower case opening the sentence, then a name of two to four capitalised words and a verb. The
    /// occupation says the name is a person's, whatever the verb.
    /// "In 2010, Ethiopian runner Gebre Gebremariam won …": after an opening phrase of when or where too.
    /// "The police spokesperson Roland Cobb wants …": after "the", a title or occupation up to three words in.
    /// "Former astronaut Alvin Drew remembers …": after "Former" or "Retired", any noun is a past occupation.
    static func namedAfterOccupation(_ words: [Word]) -> SpeakerPhrase? {
        let words = Array(words[TextSegments.openingPhraseEnd(words)...])
        let definite = words.first?.lower == "the"
        let past = words.first.map { Self.pastOccupations.contains($0.lower) } == true
        guard words.count > 4, words[0].isCapitalized, definite || !SpeakerPhrase.determiners.contains(words[0].lower),
            let occupation = words.prefix(definite ? 4 : 3).dropFirst().firstIndex(where: {
                !$0.isCapitalized
                    && (SpeakerPhrase.occupations.contains($0.lower) || SpeakerPhrase.isAgentNoun($0)
                        || (definite && SpeakerPhrase.titles.contains($0.lower)) || past)
            }), words[..<occupation].allSatisfy({ !$0.isPunctuation }),
            !definite || words[1..<occupation].allSatisfy({ !$0.isCapitalized })
        else { return nil }
        var end = occupation + 1
        while end < words.count, words[end].isCapitalized || (words[end].text == "." && end > occupation + 1) {
            end += 1
        }
        let name = words[(occupation + 1)..<end].filter { $0.text != "." }
        guard (2...4).contains(name.count), end < words.count, !words[end].isPunctuation else { return nil }
        // "The police spokesperson Acting Inspector Roland Cobb": titles in capitals are no part of the name.
        let spelled = words[(occupation + 1)..<end].spelled
        return SpeakerPhrase.parse(Array(words[(occupation + 1)..<end]), lowerCasedText: false)
            .map { SpeakerPhrase(name: $0.name) } ?? SpeakerPhrase(name: spelled)
    }

    /// Words opening a sentence that make the noun after them an occupation held before: "Former astronaut …".
    private static let pastOccupations: Set<String> = ["former", "retired", "veteran"]

    /// "Residents complained that aid was slow, including one woman in the town of Chincha.": a person known only
    /// by a description, given as one of a group after "including" or "among them", whom a "she" or "he" in the
    /// next sentences stands for.
    static func describedExample(_ words: [Word]) -> SpeakerPhrase? {
        guard
            let link = words.indices.first(where: {
                words[$0].lower == "including"
                    || (words[$0].lower == "among" && $0 + 1 < words.count && words[$0 + 1].lower == "them")
            }),
            case let start = words[link].lower == "among" ? link + 2 : link + 1, start < words.count,
            ["a", "an", "one", "another"].contains(words[start].lower)
        else { return nil }
        let phrase = words[start...].prefix { !$0.isPunctuation }
        let head = phrase.dropFirst().prefix { !SpeakerPhrase.descriptionPrepositions.contains($0.lower) }.last
        guard phrase.count <= 9, let head, !head.isCapitalized,
            SpeakerPhrase.describedPeople.contains(head.lower) || SpeakerPhrase.isRoleNoun(head.lower)
                || SpeakerPhrase.isAgentNoun(head)
        else { return nil }
        return SpeakerPhrase(name: phrase.spelled, role: phrase.dropFirst().spelled)
    }

    /// The person nouns of the description an introduction gives after "is a" or "was an" ("is a food
    /// security expert with the agency" → "expert"), up to its first preposition.
    static func describingNouns(_ words: [Word]) -> [String] {
        guard let verb = words.firstIndex(where: { ["is", "was"].contains($0.lower) }), verb + 1 < words.count,
            ["a", "an"].contains(words[verb + 1].lower)
        else { return [] }
        return words[(verb + 2)...].prefix(6).prefix {
            !$0.isPunctuation && !SpeakerPhrase.descriptionPrepositions.contains($0.lower)
        }.map(\.lower).filter(personNouns.contains)
    }

    /// "Sarah Hughes turns 17 in April": a name opening the sentence before a verb in lower case — not
    /// "is" or "has", which places and bodies take as often as people ("New York is a city", "Acme has
    /// 400 workers"); a person they describe is an introduction.
    static func namedSubject(_ words: [Word]) -> SpeakerPhrase? {
        guard let (start, name) = openingName(words) else { return nil }
        let end = verbAfterAppositive(words, from: name) ?? name
        guard !words[end].isCapitalized, !words[end].isPunctuation,
            // "VOA's Nico Colombant reports from Monrovia": the outlet's reporter, who narrates, never speaks.
            !["reports", "reporting"].contains(words[end].lower),
            !ReportingCues.prepositions.contains(words[end].lower),
            !ReportingCues.clauseStarts.contains(words[end].lower),
            !ReportingCues.be.contains(words[end].lower),
            // "Sun Meirong has been living in Chinatown": "has been" and a participle say what a person does.
            !["has", "have", "had"].contains(words[end].lower)
                || (end + 2 < words.count && words[end + 1].lower == "been" && words[end + 2].lower.hasSuffix("ing"))
        else { return nil }
        return SpeakerPhrase(name: words[start..<name].spelled)
    }

    /// "Wesley Kennedy, the principal of the school, reads out …": where the verb after a description in
    /// commas following the name at `comma` stands, or nil if no such description is there.
    private static func verbAfterAppositive(_ words: [Word], from comma: Int) -> Int? {
        guard words[comma].text == ",",
            let closing = words[(comma + 1)...].prefix(12).firstIndex(where: { $0.text == "," }),
            closing > comma + 1, closing + 1 < words.count, !words[comma + 1].isCapitalized
        else { return nil }
        return closing + 1
    }

    /// "On Friday, Rockson Dafeamekpor, a member of the committee, condemned …": the name of two to four
    /// capitalised words that opens the clause after an opening phrase, followed by a comma or a verb in lower case.
    static func openingPerson(_ words: [Word]) -> SpeakerPhrase? {
        let clause = words[TextSegments.openingPhraseEnd(words)...]
        let name = clause.prefix { $0.isCapitalized || $0.text == "." }
        guard (2...4).contains(name.filter { $0.text != "." }.count), name.endIndex < words.count,
            words[name.endIndex].text == ","
                || (!words[name.endIndex].isCapitalized && !words[name.endIndex].isPunctuation),
            !SpeakerPhrase.determiners.contains(name[name.startIndex].lower),
            let person = SpeakerPhrase.parse(Array(name), lowerCasedText: false), person.isSinglePerson
        else { return nil }
        return person
    }

    /// "Researchers from three universities did the study", "The astronomers had found signs …": a plural
    /// noun of speakers opening the sentence, alone or after "the"; "People reacted on social media" too.
    static func groupSubject(_ words: [Word]) -> SpeakerPhrase? {
        // "But now hospitals are the ones feeling the pain.": linking words before the group open no subject.
        let words = Array(words.drop { linkingWords.contains($0.lower) })
        let head = words.first?.lower == "the" ? 1 : 0
        guard head + 1 < words.count, words[head].lower.hasSuffix("s") || words[head].lower == "people",
            SpeakerPhrase.speakerNouns.contains(words[head].lower), !words[head + 1].isPunctuation
        else { return nil }
        return SpeakerPhrase(name: words[...head].spelled)
    }

    /// Words that link a sentence to the one before without being its subject: "But now hospitals …".
    private static let linkingWords: Set<String> = ["but", "and", "now", "yet", "still", "so", "today"]

    /// "The non-governmental organization Oxfam spoke with farmers": "the", up to three words in lower case,
    /// an organisation noun, then the body's name of up to five capitalised words and a verb in lower case.
    /// "Reuters, which owns a stake in the agency, did not respond": a name of up to five capitalised words
    /// opening the sentence before ", which" is a body too, since "which" is never said of a person.
    static func namedBodySubject(_ words: [Word]) -> SpeakerPhrase? {
        let opening = words.prefix { $0.isCapitalized }
        if !opening.isEmpty, opening.count <= 5, opening.endIndex + 1 < words.count,
            words[opening.endIndex].text == ",",
            words[opening.endIndex + 1].lower == "which", !SpeakerPhrase.pronouns.contains(opening[0].lower),
            !SpeakerPhrase.nonSpeakers.contains(opening[0].lower)
        {
            return SpeakerPhrase(name: opening.spelled)
        }
        guard words.first?.lower == "the",
            let noun = words.dropFirst().prefix(4).firstIndex(where: {
                SpeakerPhrase.organisationNouns.contains($0.lower)
            }),
            words[1..<noun].allSatisfy({ !$0.isCapitalized && !$0.isPunctuation })
        else { return nil }
        let name = words[(noun + 1)...].prefix { $0.isCapitalized }
        guard !name.isEmpty, name.count <= 5, name.endIndex < words.count, !words[name.endIndex].isPunctuation
        else { return nil }
        return SpeakerPhrase(name: name.spelled)
    }

    /// Where a name of two to four capitalised words opening the sentence (after an owner in the
    /// possessive) starts and ends, when a word follows it.
    private static func openingName(_ words: [Word]) -> (start: Int, end: Int)? {
        var start = 0
        if let first = words.first, first.isCapitalized, first.withoutPossessive.count < first.text.count {
            start = 1
        }
        var end = start
        while end < words.count, words[end].isCapitalized || (words[end].text == "." && end > start) { end += 1 }
        let name = words[start..<end].filter { $0.text != "." }
        guard name.count >= 2, name.count <= 4, end + 1 < words.count, let first = name.first, let last = name.last,
            !SpeakerPhrase.determiners.contains(first.lower), !ReportingCues.prepositions.contains(first.lower),
            !ReportingCues.clauseStarts.contains(first.lower), !SpeakerPhrase.speakerNouns.contains(last.lower)
        else { return nil }
        return (start, end)
    }
}
