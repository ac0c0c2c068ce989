/// A speaker as named in the text, and what the extractor makes of it.
struct SpeakerPhrase {
    var name: String
    var role: String?

    /// Words that head a phrase naming someone who speaks, though it is not a proper name.
    static let speakerNouns: Set<String> = [
        "official", "officials", "spokesperson", "spokesman", "spokeswoman", "spokespeople", "minister", "ministers",
        "ministry", "president", "government", "governments", "source", "sources", "diplomat", "diplomats", "analyst",
        "analysts", "expert", "experts", "observer", "observers", "reporter", "reporters", "commander", "commanders",
        "general", "generals", "aide", "aides", "adviser", "advisers", "advisor", "advisors", "lawmaker", "lawmakers",
        "senator", "senators", "ambassador", "envoy", "police", "army", "military", "militaries", "agency", "officer",
        "officers", "authorities", "leader", "leaders", "chief", "secretary", "people", "residents", "witnesses",
        "critics", "campaigners", "activists", "statement", "report", "spokesmen", "investigators", "prosecutors",
        "scientists", "researchers", "doctors", "economists", "party", "office", "department", "council", "committee",
        "court", "judge", "mayor", "governor", "representative", "groups", "group", "organizations", "organisations",
        "organization", "organisation", "agencies", "charities", "charity", "monitors", "monitor", "rebels",
        "militants",
        "forces", "troops", "protesters", "demonstrators", "lawyers", "lawyer", "union", "unions", "company",
        "companies",
        "firm", "bank", "newspaper", "outlet", "media", "channel", "network", "website", "administration", "regime",
        "coalition", "alliance", "opposition", "parliament", "congress", "navy", "ministries", "embassy", "prosecutor",
        "spokespersons", "insiders", "negotiators", "mediators", "volunteers", "survivors", "families",
        "division", "service", "board", "commission", "institute", "university", "foundation", "association",
        "federation", "bureau", "reports", "study", "survey", "poll", "figures", "data", "message", "lawsuit",
        "documents", "release", "tweets", "economist", "director", "candidate", "workers", "studies",
        "surveys", "polls", "team", "teams",
        // Court papers, which allege and find: "the indictment alleges", "according to the complaint".
        "indictment", "complaint", "ruling", "affidavit", "filing",
        // People quoted for what they saw or think: "said one viewer", "a resident told reporters".
        "viewer", "viewers", "reader", "readers", "listener", "listeners", "resident", "witness", "eyewitness",
        "eyewitnesses", "voter",
        "voters", "fan", "fans", "customer", "customers", "student", "students", "teacher", "teachers", "parent",
        "parents", "farmer", "farmers", "patient", "patients", "doctor", "nurse", "nurses", "scientist",
        "researcher", "professor", "worker", "owner", "owners", "manager", "coach", "player", "players",
        // Local officers whom crime and disaster stories quote: "a sheriff said", "the coroner said".
        "sheriff", "coroner",
        // People a story asks or follows: "the study's participants expect", "the suspect's father tells".
        "participants", "respondents", "forecasters", "refugees", "father", "mother", "son", "daughter", "wife",
        "husband", "brother", "sister", "family", "astronomers", "physicists", "biologists", "engineers",
        "historians", "psychologists", "specialists", "physicians", "authors",
        // People quoted as a side or a circle: "many of his supporters say", "tenants of the block told".
        "supporters", "opponents", "members", "neighbours", "neighbors", "tenants", "employees", "hospitals",
        // Elliptical speakers: "said one viewer, while another commented".
        "another", "others",
    ]
    /// Heads of documents and figures, which "show" and "find" as people say: "a new report shows …".
    static let documentNouns: Set<String> = [
        "report", "reports", "study", "studies", "survey", "surveys", "poll", "polls", "figures", "data", "statistics",
        "analysis",
        "research", "documents", "records", "indictment", "complaint", "ruling",
    ]
    /// Prepositions after which a name's description goes on: "Eric Dreiband of the Civil Rights Division".
    static let descriptionPrepositions: Set<String> = ["of", "at", "for", "from", "with", "in"]
    /// Role nouns that, after "the", point back to someone already quoted: "the official", "the minister".
    static let anaphoricNouns: Set<String> = [
        "official", "spokesperson", "spokesman", "spokeswoman", "minister", "president", "diplomat", "source",
        "analyst",
        "expert", "commander", "general", "ambassador", "envoy", "leader", "chief", "secretary", "officer", "aide",
        "adviser", "advisor", "lawmaker", "senator", "governor", "mayor", "judge", "prosecutor", "officials", "sources",
    ]

    /// Titles that go before a name: "NATO spokesperson Oana Lungescu", "Foreign Minister Sergei Lavrov".
    static let titles: Set<String> = [
        "president", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman", "general", "gen.", "admiral",
        "colonel", "col.", "lt.", "senator", "sen.", "rep.", "representative", "ambassador", "chancellor", "director",
        "chief", "commander", "governor", "mayor", "prime", "premier", "king", "queen", "prince", "mr", "mr.", "mrs",
        "mrs.", "ms", "ms.", "dr", "dr.", "professor", "prof.", "judge", "envoy", "leader", "chairman", "chairwoman",
        "analyst", "official", "adviser", "advisor", "ceo", "correspondent", "editor", "administrator", "attorney",
        "economist", "chair", "sheriff", "coroner", "inspector",
    ]

    /// Occupations that, in lower case before a name, describe the person named: "researcher Barbara
    /// Wolfe", "mortgage broker Jim Dell'Anno". After "is a" they introduce a person (`IntroducedPeople`).
    static let occupations: Set<String> = [
        "doctor", "physician", "surgeon", "nurse", "professor", "researcher", "scientist", "teacher", "student",
        "farmer", "worker", "owner", "manager", "coach", "player", "author", "writer", "journalist", "reporter",
        "engineer", "historian", "psychologist", "specialist", "founder", "resident", "activist", "broker",
        "quarterback", "astronomer", "biologist", "physicist", "chemist", "economist", "lawyer", "attorney",
        // People quoted for what they saw or follow: "Italian fan Francesco Padura", "survivor Ana Ruiz".
        "fan", "spectator", "passenger", "driver", "shopper", "survivor", "volunteer", "voter", "witness",
    ]

    /// Nouns of a person known to the story only by a description, which name a speaker after "a", "an", "one" or
    /// "another": "one woman in the crowd said", "a man from the village told VOA". Alone, opening a headline, they
    /// are no speaker ("Man released …, warning …").
    static let describedPeople: Set<String> = [
        "woman", "man", "women", "men", "girl", "boy", "villager", "villagers", "shopkeeper", "mourner", "mourners",
        "bystander", "bystanders", "local", "locals", "youth", "elder", "pensioner", "commuter", "commuters",
    ]

    /// "agronomist", "runner", "historian": a noun in lower case of one who does something, known by its ending,
    /// for the occupations no list foresees. Nouns of that ending for things or firms are not.
    static func isAgentNoun(_ word: Word) -> Bool {
        !word.isCapitalized && word.text.count >= 6 && ["ist", "ian", "er", "or"].contains { word.lower.hasSuffix($0) }
            && !notAgents.contains(word.lower)
    }

    private static let notAgents: Set<String> = [
        "number", "matter", "center", "centre", "letter", "border", "corner", "quarter", "member", "weather",
        "summer", "winter", "dinner", "computer", "charter", "chapter", "order", "sector",
        "factor", "error", "interior", "carmaker", "manufacturer", "producer", "retailer", "provider", "operator",
        "carrier", "lender", "insurer", "developer", "supplier", "exporter", "importer", "distributor",
        "broadcaster", "publisher", "regulator", "register", "disaster", "theater", "theatre", "barrier",
        "container", "shelter", "monitor", "counter", "together", "whether", "another", "rather", "either",
        "neither", "however", "otherwise", "christian", "guardian", "latter", "former", "newspaper", "answer",
    ]

    /// A noun a person can be known by later ("the minister", "the scientist"): a role or an occupation.
    static func isRoleNoun(_ noun: String) -> Bool { personNouns.contains(noun) || occupations.contains(noun) }

    static let pronouns: Set<String> = ["he", "she", "it", "they", "we", "i", "him", "her", "them"]
    static let determiners: Set<String> = [
        "a", "an", "the", "one", "two", "three", "several", "some", "many", "other",
        "another", "his", "her", "their", "its", "our", "senior", "both",
    ]
    /// Words that begin phrases which are not speakers, even capitalised at the start of a sentence.
    static let nonSpeakers: Set<String> = [
        "this", "that", "these", "those", "there", "which", "what", "who", "evidence",
        "data", "most", "all", "such", "here", "now", "instead", "however", "while",
    ]

    /// Whether `words` (a subject found before a reporting verb) can name a speaker, and as what.
    /// Long subjects are cut to their last noun phrase: "Fired from … Sea the Russians" → "the Russians".
    static func parse(_ words: [Word], lowerCasedText: Bool) -> SpeakerPhrase? {
        var words = words
        // "Senator Mark Hale (D-Ore.)": what stands in parentheses after a name is no part of it.
        if let open = words.firstIndex(where: { $0.text == "(" }), open > 0,
            let close = words[open...].firstIndex(where: { $0.text == ")" })
        {
            words.removeSubrange(open...close)
        }
        words = words.filter { !$0.isPunctuation || $0.text == "." }
        while words.last?.text == "." { words.removeLast() }
        while let first = words.first, ["that", "and", "but", "as", "so"].contains(first.lower) { words.removeFirst() }
        guard !words.isEmpty else { return nil }
        // "Eric Dreiband of the Civil Rights Division": the name, before its description. "David M. Uhlmann
        // for the Office of …": a middle initial's stop is part of the name.
        if let preposition = words.indices.first(where: {
            $0 >= 2 && descriptionPrepositions.contains(words[$0].lower) && words[$0 - 1].isCapitalized
                && (words[$0 - 2].isCapitalized || words[$0 - 2].text == ".")
                && !speakerNouns.contains(words[$0 - 1].lower)
        }) {
            words = Array(words[..<preposition])
        }
        // "a press release from when the site was taken offline", "a study by the American Institute of
        // …": a long phrase whose head comes early keeps its head, not its tail.
        if words.count > 6,
            let preposition = words.indices.dropFirst().prefix(5).first(where: {
                (descriptionPrepositions.contains(words[$0].lower) || words[$0].lower == "by")
                    && (speakerNouns.contains(words[$0 - 1].lower) || describedPeople.contains(words[$0 - 1].lower))
            })
        {
            words = Array(words[..<preposition])
        }
        if words.count > 6 {
            guard let cut = words.lastIndex(where: { determiners.contains($0.lower) }) ?? capitalizedRunStart(words)
            else { return nil }
            words = Array(words[cut...])
        }
        guard words.count <= 8, let head = words.last, let first = words.first else { return nil }
        let phrase = words.spelled
        if nonSpeakers.contains(first.lower) && words.count == 1 { return nil }
        // "By suggesting …", "In what an officer described …": a phrase that opens with a preposition is
        // no subject.
        if ReportingCues.prepositions.contains(first.lower) { return nil }
        if pronouns.contains(head.lower) && words.count == 1 { return SpeakerPhrase(name: phrase) }
        if words.count == 1, let pronoun = gluedPronoun(head.text) { return SpeakerPhrase(name: pronoun) }
        let headIsName = head.isCapitalized && !nonSpeakers.contains(head.lower)
        // "Reports from the city", "economists surveyed by …": the head noun comes before its description.
        // "Aid workers on the ground say": "on" describes where a speaker is, as "in" does.
        let describedHead = words.dropFirst().firstIndex {
            descriptionPrepositions.contains($0.lower) || ["surveyed", "quoted", "cited", "on"].contains($0.lower)
        }.map { words[$0 - 1] }
        let headIsSpeaker =
            speakerNouns.contains(head.lower) || describedHead.map { speakerNouns.contains($0.lower) } == true
        // "one woman in the crowd", "the caller": a person described, by a determiner and the noun of who they are.
        let indefinite = words.count >= 2 && ["a", "an", "one", "another"].contains(first.lower)
        let personHead = describedHead ?? head
        let headIsPerson =
            words.count >= 2 && (indefinite || first.lower == "the")
            && ((indefinite && describedPeople.contains(personHead.lower)) || isAgentNoun(personHead))
        guard headIsName || headIsSpeaker || headIsPerson || (lowerCasedText && !nonSpeakers.contains(first.lower))
        else { return nil }
        return split(words, phrase: phrase)
    }

    /// Whether `word` describes the name after it: a title, or an occupation in lower case or opening the
    /// phrase ("Lawyer Tran Dinh Trien, who represents …" at the start of a sentence).
    static func isTitle(_ word: Word, first: Bool) -> Bool {
        titles.contains(word.lower) || ((!word.isCapitalized || first) && occupations.contains(word.lower))
    }

    /// Adverbs that stand between a subject and its reporting verb: "It also noted", "He later said".
    static let cueAdverbs: Set<String> = ["also", "later", "then", "further", "again", "earlier", "previously"]

    /// "Italso noted": a pronoun glued to the adverb after it, where pasted text lost a line break, is the
    /// pronoun and not a name.
    private static func gluedPronoun(_ word: Substring) -> String? {
        for pronoun in ["It", "He", "She", "They", "We"] where word.hasPrefix(pronoun) {
            if cueAdverbs.contains(String(word.dropFirst(pronoun.count))) { return pronoun }
        }
        return nil
    }

    /// Whether a word in lower case says who someone is or where they belong ("spokeswoman", "farmer", "for"),
    /// rather than how they were ("clearly", "angry").
    private static func describes(_ word: Word) -> Bool {
        descriptionPrepositions.contains(word.lower) || word.lower == "by" || speakerNouns.contains(word.lower)
            || titles.contains(word.lower) || occupations.contains(word.lower) || describedPeople.contains(word.lower)
            || isAgentNoun(word)
    }

    /// Separates a title or description from a name.
    private static func split(_ words: [Word], phrase: String) -> SpeakerPhrase {
        // "a clearly angry Charles Moose": words in lower case between an article and a name only colour the name.
        if let first = words.first, ["a", "an"].contains(first.lower), let run = capitalizedRunStart(words),
            run >= 2, words.count - run >= 2,
            words[1..<run].allSatisfy({ !$0.isCapitalized && !$0.isPunctuation && !describes($0) })
        {
            return split(Array(words[run...]), phrase: words[run...].spelled)
        }
        // "a senior defense official": an anonymous speaker, kept as described; the role is the description.
        if let first = words.first, ["a", "an", "one", "two", "three", "several", "some"].contains(first.lower),
            words.count > 1
        {
            return SpeakerPhrase(name: phrase, role: words.dropFirst().spelled)
        }
        // "NATO spokesperson Oana Lungescu", "Foreign Minister Sergei Lavrov": role, then the name after the last
        // title.
        // "says researcher Barbara Wolfe", "quarterback Tom Brady": an occupation in lower case is a title too.
        if var title = words.dropLast().lastIndex(where: { isTitle($0, first: $0.range == words[0].range) }),
            title + 1 < words.count,
            words[(title + 1)...].allSatisfy({ $0.isCapitalized || $0.text == "." })
        {
            if words[title + 1].text == "." { title += 1 }  // "Dr. Jane Roe"
            return SpeakerPhrase(
                name: words[(title + 1)...].spelled,
                role: words[...title].spelled
            )
        }
        return SpeakerPhrase(name: phrase)
    }

    private static func capitalizedRunStart(_ words: [Word]) -> Int? {
        guard words.last?.isCapitalized == true else { return nil }
        var index = words.count - 1
        while index > 0, words[index - 1].isCapitalized { index -= 1 }
        return index
    }

    /// A pronoun, or a definite description that points back: "he", "they", "the official" — not
    /// "The Pentagon", whose capitalised head is a name.
    var isAnaphor: Bool {
        let words = name.split(separator: " ")
        if words.count == 1 { return Self.pronouns.contains(words[0].lowercased()) }
        return words.count == 2 && words[0].lowercased() == "the" && !(words[1].first?.isUppercase ?? false)
            && Self.anaphoricNouns.contains(words[1].lowercased())
    }

    /// A definite description of one person: "the defence minister", "the Lord Mayor candidate".
    var isDefiniteDescription: Bool {
        let words = name.split(separator: " ")
        guard words.count >= 2, words[0].lowercased() == "the", let head = words.last else { return false }
        // "the President" after "President Obama": a title alone after "the" is a description too.
        let titleAlone = words.count == 2 && Self.titles.contains(head.lowercased())
        // "the South Korean scientist" after "Scientist Hwang Woo-suk": an occupation describes one person too.
        return (!(head.first?.isUppercase ?? false) || titleAlone)
            && (Self.personNouns.contains(head.lowercased()) || Self.occupations.contains(head.lowercased()))
    }

    /// A definite description of one body: "the network", "The bank", "the state oil company". News style
    /// names a body first and describes it after, so it points back as "the minister" does.
    var isBodyDescription: Bool {
        let words = name.split(separator: " ")
        guard words.count >= 2, words.count <= 4, words[0].lowercased() == "the", let head = words.last else {
            return false
        }
        return words.dropFirst().allSatisfy { !($0.first?.isUppercase ?? false) }
            && MentionedBodies.bodyNouns.contains(head.lowercased())
    }

    /// A pronoun: "he", "it", "they".
    var isPronoun: Bool { Self.pronouns.contains(name.lowercased()) }

    /// The earlier speaker this anaphor points back to. A description takes the nearest speaker that
    /// shares its noun ("the official" → "a senior defense official"). Pronouns resolve to people
    /// only where they name people: "he" and "she" take the nearest single person and never an
    /// organisation, "it" the nearest speaker that is not one person, "they" and "we" the nearest speaker.
    func antecedent(in earlier: ArraySlice<SpeakerPhrase>) -> SpeakerPhrase? {
        let noun = name.lowercased().split(separator: " ").last.map(String.init) ?? ""
        switch noun {
        // "He" never points to "a spokeswoman", nor "she" to "Mr. Ruiz".
        case "he", "him": return earlier.last { $0.isSinglePerson && !$0.isDescribed(by: Self.femaleWords) }
        case "she", "her": return earlier.last { $0.isSinglePerson && !$0.isDescribed(by: Self.maleWords) }
        // "It says" is one thing: not "researchers" nor "officials".
        case "it": return earlier.last { !$0.isSinglePerson && !$0.isPlural }
        case _ where Self.pronouns.contains(noun): return earlier.last
        default:
            // "the defence minister" needs "defence" as well as "minister" in the earlier name or role.
            let modifiers = name.lowercased().split(separator: " ").dropFirst().dropLast()
            return earlier.last { candidate in
                let described = (candidate.name + " " + (candidate.role ?? "")).lowercased().split(separator: " ")
                return described.contains { $0.hasPrefix(noun) } && modifiers.allSatisfy(described.contains)
            }
        }
    }

    /// A described group: "researchers", "Farmers", "two new studies" — not "the United Nations", a name.
    var isPlural: Bool {
        guard let head = name.split(separator: " ").last?.lowercased(), head.hasSuffix("s") else { return false }
        // "Farmers" opening a sentence is still a group; "Reuters" is a name.
        return !(name.split(separator: " ").last?.first?.isUppercase ?? false) || Self.speakerNouns.contains(head)
    }

    /// Words of a name or role that say a person is a woman, or a man.
    static let femaleWords: Set<String> = [
        "spokeswoman", "chairwoman", "businesswoman", "congresswoman", "councilwoman", "mrs", "mrs.", "ms", "ms.",
        "woman", "actress", "mother", "daughter", "wife", "sister", "queen", "princess",
    ]
    static let maleWords: Set<String> = [
        "spokesman", "chairman", "businessman", "congressman", "councilman", "mr", "mr.", "man", "actor", "father",
        "son", "husband", "brother", "king", "prince",
    ]

    /// Whether the name or role holds one of `words`.
    func isDescribed(by words: Set<String>) -> Bool {
        (name + " " + (role ?? "")).lowercased().split(separator: " ").contains { words.contains(String($0)) }
    }

    /// Named rather than described: a capital past the first word ("the Labor Department", "Maria
    /// Zakharova") or a capitalised single word that is no common speaker noun ("Moscow", not "Officials").
    var isNamed: Bool {
        let words = name.split(separator: " ")
        guard let first = words.first, !Self.pronouns.contains(first.lowercased()) else { return false }
        if ["a", "an", "one", "some", "several", "two", "three", "many"].contains(first.lowercased()) { return false }
        if words.dropFirst().contains(where: { $0.first?.isUppercase ?? false }) { return true }
        return words.count == 1 && (first.first?.isUppercase ?? false)
            && !Self.speakerNouns.contains(first.lowercased())
    }

    /// Role nouns of one person: "a senior official", "the spokeswoman".
    static let personNouns: Set<String> = [
        "official", "spokesperson", "spokesman", "spokeswoman", "minister", "president", "diplomat", "source",
        "analyst", "expert", "commander", "general", "ambassador", "envoy", "leader", "officer", "aide", "adviser",
        "advisor", "senator", "lawmaker", "secretary", "director", "chairman", "chairwoman", "economist", "judge",
        "prosecutor", "lawyer", "mayor", "governor", "representative", "chief", "candidate", "investigator",
        "father", "mother", "son", "daughter", "wife", "husband", "brother", "sister", "sheriff", "coroner",
    ]

    /// A named person ("Sergei Lavrov", "Jeff Sessions") or one described person ("a senior defense
    /// official") — not an organisation ("The Pentagon", "West Midlands Police", "the Labor Department")
    /// nor a group ("aid groups").
    var isSinglePerson: Bool {
        let all = name.split(separator: " ")
        guard let last = all.last, let first = all.first else { return false }
        let head = last.lowercased()
        let headIsCapitalized = last.first?.isUppercase ?? false
        // "The coach", "a farmer": an occupation is one person too.
        if Self.speakerNouns.contains(head) && !Self.isRoleNoun(head) { return false }
        if first.lowercased() == "the" && headIsCapitalized { return false }
        if !headIsCapitalized && head.hasSuffix("s") { return false }
        let words = all.filter { !Self.determiners.contains($0.lowercased()) }
        guard !words.isEmpty else { return false }
        let capitalized = words.filter { $0.first?.isUppercase ?? false }
        // "the caller": a noun of one who does something is one person.
        let agent = !headIsCapitalized && head.count >= 6 && Self.isAgentNoun(Word(text: Substring(head)))
        return role != nil || Self.isRoleNoun(head) || agent
            || (capitalized.count >= 2 && capitalized.count == words.count)
    }
}

extension Collection<Word> {
    /// The words as written, a stop kept with the word before it: "Dr. Jane Roe", "David S. Jackson".
    var spelled: String {
        var text = ""
        for word in self {
            if !text.isEmpty && word.text != "." { text += " " }
            text += word.text
        }
        return text
    }
}
