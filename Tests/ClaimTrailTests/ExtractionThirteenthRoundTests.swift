import Foundation
import Testing

@testable import ClaimTrail

/// The rules of the thirteenth round: a press release's lead-in that ends with a full stop rather than a colon
/// ("The following is a statement from X regarding …."), whose quoted paragraphs are then X's. Each is tested on
/// sentences written for it.
@Suite("Attribution extraction: the thirteenth round")
struct ExtractionThirteenthRoundTests: ProposalListing {
    let extractor = AttributionExtractor()

    @Test("the following is a statement from X, with or without a colon, leads in the quoted paragraphs after it")
    func followingStatementFrom() {
        let text = """
            The following is a statement from Mayor
            Ana Ruiz regarding the closure of the north pier.

            "The pier will reopen once the engineers have
            checked every pile.

            "Until then, the ferries will dock at the south quay."
            """
        #expect(
            found(text) == [
                "Ana Ruiz | The following is a statement from | The pier will reopen once the engineers have\n"
                    + "checked every pile.",
                "Ana Ruiz | The following is a statement from | Until then, the ferries will dock at the south quay.",
            ]
        )
        #expect(
            found("The following is a statement from Tomas Berg:\n\n\"We will appeal the ruling.\"")
                == ["Tomas Berg | The following is a statement from | We will appeal the ruling."]
        )
    }

    @Test("X issued or released the following statement leads in without a colon, but X said. leads in nothing")
    func issuedFollowingStatementWithFullStop() {
        #expect(
            found("The union released the following statement on Monday.\n\n\"The strike goes on.\"")
                == ["The union | released the following statement | The strike goes on."]
        )
        #expect(found("Tomas Berg said.\n\n\"The strike goes on.\"") == [])
    }
}
