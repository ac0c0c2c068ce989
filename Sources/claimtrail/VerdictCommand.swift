import ArgumentParser
import ClaimTrail

struct VerdictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verdict",
        abstract: "Record a fact-checker's verdict on a claim (published by `export --format claimreview`).",
        discussion: "A reviewer has one verdict per claim: giving another replaces it."
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "The claim's id or text.") var claim: String
    @Option(help: "The verdict in words: 'False', 'Misleading', 'True'.") var rating: String
    @Option(name: .customLong("by"), help: "The reviewing organisation.") var reviewer: String
    @Option(help: "The verdict on a numeric scale.") var score: Int?
    @Option(help: "The best value of that scale.") var best: Int?
    @Option(help: "The worst value of that scale.") var worst: Int?
    @Option(help: "When the review was published, YYYY-MM-DD.") var date: String?
    @Option(help: "Where the review is published.") var url: String?
    @Option(help: "Why this rating, in a sentence or two (ClaimReview's ratingExplanation).") var explanation: String?
    @Option(help: "The review's language, a BCP 47 tag: en, pt-BR, zh-Hant.") var language: String?
    @Option(help: "Where the reviewed claim was seen: a post, a video, a speech.") var appearanceURL: String?

    func run() throws {
        let opened = try store.open()
        let (id, created) = try opened.write {
            let id = try opened.resolveClaim(claim).id
            let verdict = Verdict(
                rating: rating,
                score: score,
                best: best,
                worst: worst,
                reviewer: reviewer,
                date: date,
                url: url,
                explanation: explanation,
                language: language,
                appearanceURL: appearanceURL
            )
            return (id, try opened.setVerdict(verdict, on: id, by: store.recorder))
        }
        try say("claim #\(id) rated “\(rating)” by \(reviewer)\(created ? "" : " (replacing the earlier verdict)")")
    }
}
