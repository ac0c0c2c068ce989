/// A fact-checker's verdict on a claim: what ClaimReview publishes as its reviewRating.
public struct Verdict: Codable, Equatable, Sendable {
    public var rating: String
    public var score: Int?
    public var best: Int?
    public var worst: Int?
    public var reviewer: String
    /// ISO 8601 date the review was published.
    public var date: String?
    public var url: String?

    public init(
        rating: String,
        score: Int? = nil,
        best: Int? = nil,
        worst: Int? = nil,
        reviewer: String,
        date: String? = nil,
        url: String? = nil
    ) {
        self.rating = rating
        self.score = score
        self.best = best
        self.worst = worst
        self.reviewer = reviewer
        self.date = date
        self.url = url
    }
}
