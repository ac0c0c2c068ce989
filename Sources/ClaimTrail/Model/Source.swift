/// An article or document in which claims are reported.
public struct Source: Codable, Equatable, Sendable {
    public var id: Int64
    public var title: String
    public var url: String?
    public var outlet: String?
    public var author: String?
    /// ISO 8601 date of publication, when the source states one.
    public var published: String?
    /// SHA-256 of the stored body text, so a reader can check the text is the one that was quoted.
    public var bodySHA256: String?

    public init(
        id: Int64,
        title: String,
        url: String? = nil,
        outlet: String? = nil,
        author: String? = nil,
        published: String? = nil,
        bodySHA256: String? = nil
    ) {
        self.id = id
        self.title = title
        self.url = url
        self.outlet = outlet
        self.author = author
        self.published = published
        self.bodySHA256 = bodySHA256
    }
}

/// What a new source is recorded with.
public struct SourceDraft: Sendable {
    public var title: String
    public var url: String?
    public var outlet: String?
    public var author: String?
    public var published: String?
    public var body: String?

    public init(
        title: String,
        url: String? = nil,
        outlet: String? = nil,
        author: String? = nil,
        published: String? = nil,
        body: String? = nil
    ) {
        self.title = title
        self.url = url
        self.outlet = outlet
        self.author = author
        self.published = published
        self.body = body
    }
}
