/// A fact-checker's verdict on a claim: what ClaimReview publishes as its reviewRating.
public struct Verdict: Encodable, Equatable, Sendable {
    public var rating: String
    public var score: Int?
    public var best: Int?
    public var worst: Int?
    public var reviewer: String
    /// ISO 8601 date the review was published.
    public var date: String?
    public var url: String?
    /// Why the rating was given, in a sentence or two: ClaimReview's `ratingExplanation`.
    public var explanation: String?
    /// The review's language as a BCP 47 tag (`en`, `pt-BR`): ClaimReview's `inLanguage`.
    public var language: String?
    /// Where the reviewed claim was seen (a post, a video, a speech): the Claim's `appearance`.
    public var appearanceURL: String?

    public init(
        rating: String,
        score: Int? = nil,
        best: Int? = nil,
        worst: Int? = nil,
        reviewer: String,
        date: String? = nil,
        url: String? = nil,
        explanation: String? = nil,
        language: String? = nil,
        appearanceURL: String? = nil
    ) {
        self.rating = rating
        self.score = score
        self.best = best
        self.worst = worst
        self.reviewer = reviewer
        self.date = date
        self.url = url
        self.explanation = explanation
        self.language = language
        self.appearanceURL = appearanceURL
    }
}
