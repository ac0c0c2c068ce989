/// Bodies a sentence names by a description without quoting them: "Officials have denied the military
/// carried out abuses. It said the campaign was necessary." — "it" there is the military, which the
/// sentence before mentions, not the last body quoted before it (the United Nations, further back).
/// Only the first such mention of each sentence is kept: a sentence's first body is most often its
/// subject, which a pronoun opening the next sentence carries on.
struct MentionedBodies {
    private var firstBySentence: [Int: (position: String.Index, body: SpeakerPhrase)] = [:]

    /// How many lower-case words may stand between the article and the head: "the country's army" no,
    /// "the state oil company" yes.
    private static let modifiers = 2

    /// Notes the first body sentence number `sentence` mentions outside `quotes`, if any: a body named
    /// inside a quotation is the speaker's subject, not the writer's.
    mutating func collect(_ words: [Word], sentence: Int, outside quotes: [QuoteSpan]) {
        for (index, word) in words.enumerated() where ["the", "a", "an"].contains(word.lower) {
            if QuoteSpan.innerContains(word.range.lowerBound, in: quotes) { continue }
            guard let head = words[(index + 1)...].prefix(Self.modifiers + 1).firstIndex(where: Self.isBody),
                words[(index + 1)..<head].allSatisfy({ !$0.isCapitalized && !$0.isPunctuation })
            else { continue }
            // "In a statement, Acme said …": a document the words were given in is where, not who.
            if index > 0, ["in", "during"].contains(words[index - 1].lower), Self.occasions.contains(words[head].lower)
            {
                continue
            }
            firstBySentence[sentence] = (word.range.lowerBound, SpeakerPhrase(name: words[index...head].spelled))
            return
        }
    }

    /// The first body sentence number `sentence` mentions, and where.
    func first(in sentence: Int) -> (position: String.Index, body: SpeakerPhrase)? { firstBySentence[sentence] }

    /// Head nouns of one body that speaks as a whole: "the military", "the company", "the report" — not a
    /// person ("the minister") nor a group ("officials").
    static let bodyNouns: Set<String> = [
        "military", "army", "navy", "government", "ministry", "agency", "company", "firm", "bank", "court",
        "council", "committee", "department", "office", "party", "union", "network", "newspaper", "channel",
        "website", "outlet", "administration", "regime", "coalition", "alliance", "parliament", "congress",
        "embassy", "division", "service", "board", "commission", "institute", "university", "foundation",
        "association", "federation", "bureau", "group", "organization", "organisation", "charity", "team",
        "study", "survey", "poll", "report", "statement", "message", "lawsuit", "indictment", "complaint", "ruling",
    ]

    /// Body nouns that, after "in", say where words were given: "in a statement", "in its report".
    private static let occasions: Set<String> = ["statement", "message", "report", "study", "survey", "ruling"]

    private static func isBody(_ word: Word) -> Bool { !word.isCapitalized && bodyNouns.contains(word.lower) }
}
