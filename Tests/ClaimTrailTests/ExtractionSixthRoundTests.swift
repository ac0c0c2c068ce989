import Foundation
import Testing

@testable import ClaimTrail

/// The rules written after dev texts 041–052 were measured held out; each on sentences written for it.
@Suite("Attribution extraction: shapes of the sixth held-out batch")
struct ExtractionSixthRoundTests: ProposalListing {
    let extractor = AttributionExtractor()

    @Test("a description before the name, in commas, is the role; the name is the speaker")
    func descriptionBeforeName() {
        let proposals = extractor.extract(
            from: "A senior engineer at the plant, Marta Silva, says the pumps failed twice last winter."
        )
        #expect(proposals.map(\.speaker) == ["Marta Silva"])
        #expect(proposals.map(\.speakerRole) == ["A senior engineer at the plant"])
        #expect(
            found(
                "Another council member, Omar Haddad of the Green Party, "
                    + "told reporters Monday that the budget was late."
            )
                == ["Omar Haddad | told reporters Monday | the budget was late"]
        )
    }

    @Test("a relative clause after a name's description leaves the name the speaker")
    func relativeClauseAfterDescription() {
        let proposals = extractor.extract(
            from:
                "Lucy Grant, treasurer of the sailing club, which paid for the survey, "
                + "said the harbour wall was unsafe."
        )
        #expect(proposals.map(\.speaker) == ["Lucy Grant"])
        #expect(proposals.map(\.speakerRole) == ["treasurer of the sailing club"])
        // With no description before it, the relative clause is the name's own.
        #expect(
            found("Grant, who chairs the club, accused the council of hiding the report.")
                == ["Grant | accused | the council of hiding the report"]
        )
    }

    @Test("a cue between commas inside its content joins the content around it")
    func parentheticalCue() {
        #expect(
            found("The bridge, Ida Berg explains, was built in a hurry.") == [
                "Ida Berg | explains | The bridge was built in a hurry"
            ]
        )
        // A clause of its own or a phrase of when after the cue is no part of the content.
        #expect(
            found("The bridge was old, Ida Berg said, and the council knew it.") == [
                "Ida Berg | said | The bridge was old"
            ]
        )
        #expect(found("Prices will rise, Ida Berg said, in the spring.") == ["Ida Berg | said | Prices will rise"])
    }

    @Test("court papers allege and find: indictments, complaints, rulings are speakers")
    func courtPapers() {
        #expect(
            found("The indictment alleges that the pair moved cash through three shell companies.")
                == ["The indictment | alleges | the pair moved cash through three shell companies"]
        )
        #expect(
            found("According to the complaint, the landlord ignored the repairs for a year.")
                == ["the complaint | according to | the landlord ignored the repairs for a year"]
        )
    }

    @Test("claims by a source that …: the source is the speaker")
    func claimsBySource() {
        #expect(
            found("The mayor dismissed claims by the union that the depot would close.")
                == ["the union | claims by | the depot would close"]
        )
    }

    @Test("X was quoted as saying: the subject of the passive said the words")
    func quotedAsSaying() {
        #expect(
            found("Chen Wei was quoted by state radio as saying: “The road to the valley is open again.”")
                == ["Chen Wei | was quoted by state radio as saying | The road to the valley is open again."]
        )
        #expect(
            found("Chen Wei was quoted as saying that the road to the valley was open again.")
                == ["Chen Wei | was quoted as saying | the road to the valley was open again"]
        )
    }

    @Test("a quotation without a cue after a report or an introduction in its paragraph is theirs")
    func uncuedQuoteInParagraph() {
        #expect(
            found("Rosa Klein said the library would stay open. “We found the money in the end.”") == [
                "Rosa Klein | said | the library would stay open",
                "Rosa Klein | said | We found the money in the end.",
            ]
        )
        let introduced = extractor.extract(
            from: "Paul Obi is chief engineer at the port. “The cranes are forty years old and they break weekly.”"
        )
        #expect(introduced.map(\.speaker) == ["Paul Obi"])
        // Less certain than a quotation with its cue.
        #expect(introduced.map(\.confidence) == [0.71])
        #expect(found("The port was quiet. “The cranes are forty years old and they break weekly.”").isEmpty)
    }

    @Test("a quotation opening the paragraph after a closing report carries it on; an open one waits")
    func quoteAfterClosingReport() {
        #expect(
            found("Rosa Klein says the decision was a sound one.\n\n“We waited long enough for it.”") == [
                "Rosa Klein | says | the decision was a sound one",
                "Rosa Klein | says | We waited long enough for it.",
            ]
        )
        let open = found(
            "Rosa Klein says the decision was a sound one.\n\n“We waited long enough for it.\n\n"
                + "“Now we can build the new wing,” said Tom Hart."
        )
        #expect(open.map { $0.prefix(8) } == ["Rosa Kle", "Tom Hart", "Tom Hart"])
    }

    @Test("a verb's complement is no statement: from, on, through; explained and revealed need that")
    func complementsAndActs() {
        #expect(found("Anna Berg reports from the capital of the province.").isEmpty)
        #expect(found("The minister commented on the new rules for taxis.").isEmpty)
        #expect(found("Ruth Mayer explained her reasons and her plans.").isEmpty)
        #expect(
            found("New figures reveal that rents rose by a third in two years.")
                == ["New figures | reveal | rents rose by a third in two years"]
        )
    }

    @Test("a second verb after a comma and and ends the first one's content")
    func commaAndSecondVerb() {
        #expect(
            found("Mia Lund said the figures were shocking, and urged the board to act.")
                == ["Mia Lund | said | the figures were shocking"]
        )
    }

    @Test("a study by an institute keeps its head, and finds without that")
    func studyByInstitute() {
        #expect(
            found("A study by the Institute of Coastal Research found most of the reef had recovered.")
                == ["A study | found | most of the reef had recovered"]
        )
    }
}
