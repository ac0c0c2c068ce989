@testable import ClaimTrail

/// A suite of extraction rules whose tests compare an article's proposals, one line each, with the
/// lines they expect: written once here rather than in every round's suite.
protocol ProposalListing {
    var extractor: AttributionExtractor { get }
}

extension ProposalListing {
    /// (speaker, cue, content) of each proposal.
    func found(_ text: String) -> [String] {
        extractor.extract(from: text).map { "\($0.speaker) | \($0.cue) | \($0.content)" }
    }
}
