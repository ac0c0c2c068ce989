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
    ]
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
        "analyst", "official", "adviser", "advisor", "ceo", "correspondent", "editor",
    ]

    static let pronouns: Set<String> = ["he", "she", "they", "we", "i", "him", "her", "them"]
    static let determiners: Set<String> = [
        "a", "an", "the", "one", "two", "three", "several", "some", "many", "other",
        "another", "his", "her", "their", "its", "our", "senior", "both",
    ]
    /// Words that begin phrases which are not speakers, even capitalised at the start of a sentence.
    static let nonSpeakers: Set<String> = [
        "it", "this", "that", "these", "those", "there", "which", "what", "who", "evidence",
        "data", "most", "all", "such", "here", "now", "instead", "however", "while",
    ]

    /// Whether `words` (a subject found before a reporting verb) can name a speaker, and as what.
    /// Long subjects are cut to their last noun phrase: "Fired from … Sea the Russians" → "the Russians".
    static func parse(_ words: [Word], lowerCasedText: Bool) -> SpeakerPhrase? {
        var words = words.filter { !$0.isPunctuation || $0.text == "." }
        while let first = words.first, ["that", "and", "but", "as", "so"].contains(first.lower) { words.removeFirst() }
        guard !words.isEmpty else { return nil }
        if words.count > 6 {
            guard let cut = words.lastIndex(where: { determiners.contains($0.lower) }) ?? capitalizedRunStart(words)
            else { return nil }
            words = Array(words[cut...])
        }
        guard words.count <= 8, let head = words.last, let first = words.first else { return nil }
        let phrase = words.map(\.text).joined(separator: " ")
        if nonSpeakers.contains(first.lower) && words.count == 1 { return nil }
        if pronouns.contains(head.lower) && words.count == 1 { return SpeakerPhrase(name: phrase) }
        let headIsName = head.isCapitalized && !nonSpeakers.contains(head.lower)
        let headIsSpeaker =
            speakerNouns.contains(head.lower)
            || (words.count >= 2 && speakerNouns.contains(words.suffix(2).map(\.lower).joined(separator: " ")))
        guard headIsName || headIsSpeaker || (lowerCasedText && !nonSpeakers.contains(first.lower)) else { return nil }
        return split(words, phrase: phrase)
    }

    /// Separates a title or description from a name.
    private static func split(_ words: [Word], phrase: String) -> SpeakerPhrase {
        // "a senior defense official": an anonymous speaker, kept as described; the role is the description.
        if let first = words.first, ["a", "an", "one", "two", "three", "several", "some"].contains(first.lower),
            words.count > 1
        {
            return SpeakerPhrase(name: phrase, role: words.dropFirst().map(\.text).joined(separator: " "))
        }
        // "NATO spokesperson Oana Lungescu", "Foreign Minister Sergei Lavrov": role, then the name after the last title.
        if let title = words.dropLast().lastIndex(where: { titles.contains($0.lower) }), title + 1 < words.count,
            words[(title + 1)...].allSatisfy(\.isCapitalized)
        {
            return SpeakerPhrase(
                name: words[(title + 1)...].map(\.text).joined(separator: " "),
                role: words[...title].map(\.text).joined(separator: " ")
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

    /// The earlier speaker this anaphor points back to. A description takes the nearest speaker that
    /// shares its noun ("the official" → "a senior defense official") or stays as written; "he" and
    /// "she" take the nearest single person, "they" and others the nearest speaker.
    func antecedent(in earlier: [SpeakerPhrase]) -> SpeakerPhrase? {
        let noun = name.lowercased().split(separator: " ").last.map(String.init) ?? ""
        guard Self.pronouns.contains(noun) else {
            return earlier.last { candidate in
                (candidate.name + " " + (candidate.role ?? "")).lowercased().split(separator: " ").contains {
                    $0.hasPrefix(noun)
                }
            }
        }
        guard ["he", "she", "him", "her"].contains(noun) else { return earlier.last }
        return earlier.last(where: \.isSinglePerson) ?? earlier.last
    }

    /// A named person ("Sergei Lavrov") or one described person ("a senior defense official").
    var isSinglePerson: Bool {
        let all = name.split(separator: " ")
        guard let head = all.last?.lowercased(), !head.hasSuffix("s") || all.count == 1 else { return false }
        let words = all.filter { !Self.determiners.contains($0.lowercased()) }
        guard !words.isEmpty else { return false }
        let capitalized = words.filter { $0.first?.isUppercase ?? false }
        let personNouns: Set<String> = [
            "official", "spokesperson", "spokesman", "spokeswoman", "minister", "president",
            "diplomat", "source", "analyst", "expert", "commander", "general", "ambassador",
            "envoy", "leader", "officer", "aide", "adviser", "advisor", "senator", "lawmaker",
        ]
        return role != nil || personNouns.contains(head) || (capitalized.count >= 2 && capitalized.count == words.count)
    }
}
