/// The kind of speaker a phrase names, as far as the extractor's own word lists tell: a description
/// ("a senior defense official") is anonymous, a named person ("Oana Lungescu", "NATO spokesperson
/// Oana Lungescu") a person, and a phrase headed by a body's noun ("the Defense Ministry", "the
/// state newspaper") a government, medium or organisation. Anything else stays `unknown` for a
/// reviewer to say (`review accept --speaker-kind`): "Russia" may be its government or its people.
extension SpeakerPhrase {
    /// Heads that name a state body.
    static let governmentNouns: Set<String> = [
        "ministry", "ministries", "government", "administration", "regime", "parliament", "congress", "embassy",
        "navy", "army", "military", "police", "department", "council", "court",
    ]
    /// Heads that name a news outlet.
    static let mediaNouns: Set<String> = ["newspaper", "outlet", "media", "channel", "network", "website"]
    /// Heads that name another body.
    static let organizationNouns: Set<String> = [
        "agency", "company", "firm", "bank", "party", "union", "coalition", "alliance", "committee", "commission",
        "institute", "university", "foundation", "association", "federation", "bureau", "charity", "office", "board",
    ]

    var kind: SpeakerKind {
        if ProposedAttribution.isDescription(name) { return .anonymous }
        let head = name.split(separator: " ").last.map { $0.lowercased() } ?? ""
        if Self.governmentNouns.contains(head) { return .government }
        if Self.mediaNouns.contains(head) { return .media }
        if Self.organizationNouns.contains(head) { return .organization }
        let named = name.split(separator: " ").contains { $0.first?.isUppercase ?? false }
        return named && isSinglePerson && !Self.personNouns.contains(head) ? .person : .unknown
    }
}

extension ProposedAttribution {
    /// The kind the speaker is given when a proposal is accepted and the speaker is new.
    public var speakerKind: SpeakerKind { Self.speakerKind(speaker, role: speakerRole) }

    static func speakerKind(_ speaker: String, role: String?) -> SpeakerKind {
        SpeakerPhrase(name: speaker, role: role).kind
    }
}
