/// Whoever a claim is attributed to: a person, an organisation, a government, an outlet,
/// or an anonymous official kept as described ("a senior defense official").
public struct Speaker: Codable, Equatable, Sendable {
    public var id: Int64
    public var name: String
    public var kind: SpeakerKind
    public var role: String?
    public var affiliationID: Int64?
    public var aliases: [String]
    /// The speaker's Wikidata item (`Q42`), when linked.
    public var wikidata: String?

    public init(
        id: Int64,
        name: String,
        kind: SpeakerKind,
        role: String? = nil,
        affiliationID: Int64? = nil,
        aliases: [String] = [],
        wikidata: String? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.role = role
        self.affiliationID = affiliationID
        self.aliases = aliases
        self.wikidata = wikidata
    }

    /// "Oana Lungescu (NATO spokesperson)": enough to tell two same-named speakers apart.
    public var label: String {
        role.map { "\(name) (\($0))" } ?? name
    }
}

/// What a new speaker is recorded with.
public struct SpeakerDraft: Sendable {
    public var name: String
    public var kind: SpeakerKind
    public var role: String?
    /// Name, alias or `#id` of the organisation the speaker speaks for.
    public var affiliation: String?
    public var aliases: [String]
    /// Its Wikidata item (`Q42`), checked when the speaker is added.
    public var wikidata: String?

    public init(
        name: String,
        kind: SpeakerKind = .unknown,
        role: String? = nil,
        affiliation: String? = nil,
        aliases: [String] = [],
        wikidata: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.role = role
        self.affiliation = affiliation
        self.aliases = aliases
        self.wikidata = wikidata
    }
}
