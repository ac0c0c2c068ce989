import Foundation
import Testing

@testable import ClaimTrail

/// The rules written after the blind batch 081–096 was measured held out: the wrong speakers it showed,
/// each fixed at its cause and tested on sentences written for it.
@Suite("Attribution extraction: wrong speakers of the ninth held-out batch")
struct ExtractionNinthRoundTests: ProposalListing {
    let extractor = AttributionExtractor()

    @Test("a pronoun never takes a name that begins with it, as in a programme's title")
    func pronounIsNoFirstName() {
        let text = """
            Welcome to Where It Stands from the city desk.

            The housing board published a survey in May. It said rents rose by a third in two years.
            """
        #expect(found(text) == ["The housing board | said | rents rose by a third in two years"])
    }

    @Test("a pronoun glued to the adverb after it is the pronoun, not a name")
    func gluedPronoun() {
        let text = """
            The water board released its yearly figures. The study found a rise in leaks across the north. \
            Italso noted a fall in the number of burst mains.
            """
        #expect(
            found(text) == [
                "The study | found | a rise in leaks across the north",
                "The study | noted | a fall in the number of burst mains",
            ]
        )
    }

    @Test("an expectation inside another report's content is the outer speaker's, and carries no quotation")
    func nestedExpectation() {
        let text = """
            Ferry operator spokeswoman Lena Dahl said the company expected the ship to sail again by Friday.

            "The hull was inspected overnight and no damage was found. Our passengers were safe at all times."
            """
        #expect(
            found(text) == [
                "Lena Dahl | said | the company expected the ship to sail again by Friday",
                "Lena Dahl | said | The hull was inspected overnight and no damage was found. "
                    + "Our passengers were safe at all times.",
            ]
        )
    }

    @Test("reports as the subject of indicate that, and a second speaker after a comma and")
    func secondSpeakerAfterAnd() {
        let text = """
            Early reports indicate that the fire started in a kitchen, and fire chief Maria Costa said the \
            building had no working alarms.
            """
        #expect(
            found(text) == [
                "Early reports | indicate | the fire started in a kitchen",
                "Maria Costa | said | the building had no working alarms",
            ]
        )
    }

    @Test("they is the group the sentence before opens with, unless someone spoke in that sentence")
    func theyIsAGroup() {
        let text = """
            Marta Gil, who runs the shelter, said the dogs were adopted within a week.

            People wrote to the paper for days. They said the shelter deserved more money from the city.
            """
        #expect(
            found(text) == [
                "Marta Gil | said | the dogs were adopted within a week",
                "People | said | the shelter deserved more money from the city",
            ]
        )
        let spokenBetween = """
            People wrote to the paper for days. Marta Gil, who runs the shelter, said the dogs were adopted within \
            a week. They said the shelter deserved more money from the city.
            """
        #expect(
            found(spokenBetween) == [
                "Marta Gil | said | the dogs were adopted within a week",
                "Marta Gil | said | the shelter deserved more money from the city",
            ]
        )
    }

    @Test("a denial of allegations states nothing itself")
    func denialOfAllegations() {
        #expect(found("The mining company has denied these allegations, and its chief was not available.").isEmpty)
        #expect(
            found("The mining company denied that the river was polluted by its waste.")
                == ["The mining company | denied | the river was polluted by its waste"]
        )
    }

    @Test("a description opening the article takes the person named later with that occupation")
    func descriptionBeforeOccupationAndName() {
        let text = """
            The lawyer for a jailed Chilean fisherman says his client will appeal the verdict.

            Lawyer Ana Duarte, who represents the fisherman, said the trial had been unfair.
            """
        #expect(
            extractor.extract(from: text).map { "\($0.speaker) | \($0.speakerRole ?? "-")" } == [
                "Ana Duarte | Lawyer", "Ana Duarte | Lawyer",
            ]
        )
    }

    @Test("the evaluation counts an acronym and its spelled-out name as one speaker")
    func acronymMatchesName() {
        #expect(ExtractionEvaluation.speakerMatches("EPA", "Environmental Protection Agency"))
        #expect(ExtractionEvaluation.speakerMatches("National Park Service", "NPS"))
        #expect(ExtractionEvaluation.speakerMatches("U.N.", "United Nations"))
        #expect(!ExtractionEvaluation.speakerMatches("EPA", "European Parliament"))
        #expect(!ExtractionEvaluation.speakerMatches("Epa", "Environmental Protection Agency"))
    }
}
