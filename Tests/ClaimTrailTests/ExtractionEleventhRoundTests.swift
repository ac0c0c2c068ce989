import Foundation
import Testing

@testable import ClaimTrail

/// The speaker-resolution rules written after the batches 097–128 were measured: descriptions, titles,
/// acronyms and pronouns that went to the wrong speaker, each fixed at its cause and tested on sentences
/// written for it.
@Suite("Attribution extraction: speakers resolved in the eleventh round")
struct ExtractionEleventhRoundTests: ProposalListing {
    let extractor = AttributionExtractor()

    @Test("an acronym in brackets after a name stands for that name, linking words and all")
    func acronymDefinedInBrackets() {
        let text = """
            The Coastal Fishers for Clean Water (CFCW) says the new harbour wall has cut catches by half.

            In a statement, the CFCW said boats now sail twice as far to reach the shoals.
            """
        #expect(
            found(text).last
                == "Coastal Fishers for Clean Water | said | boats now sail twice as far to reach the shoals"
        )
    }

    @Test("a title alone after the is the person the article gave that title to")
    func titleAloneIsDescription() {
        let text = """
            Governor Halvorsen opened the new bridge on Monday.

            "It took ten years, but the valley is joined at last," the Governor said.
            """
        #expect(found(text) == ["Halvorsen | said | It took ten years, but the valley is joined at last,"])
    }

    @Test("a person introduced as an expert is the expert")
    func introductionGivesRole() {
        let text = """
            Ines Varga is a flood risk expert at the river authority. She has mapped the valley for a decade.

            The expert says the new levees will not hold a hundred-year flood.
            """
        #expect(found(text) == ["Ines Varga | says | the new levees will not hold a hundred-year flood"])
    }

    @Test("a pronoun takes the person the sentence before opens with, described in commas, over an earlier speaker")
    func pronounTakesNewcomer() {
        let text = """
            Maria Costa said the school needs a new roof.

            Rosa Lindqvist, the head teacher of a village school, reads out the rules each morning.

            She says most of her pupils walk an hour to get there.
            """
        #expect(
            found(text) == [
                "Maria Costa | said | the school needs a new roof",
                "Rosa Lindqvist | says | most of her pupils walk an hour to get there",
            ]
        )
    }

    @Test("the outlet's reporter, reporting from somewhere, is no one a pronoun points to")
    func reporterIsNoSubject() {
        let text = """
            Teachers say they want more than books. KBC's Paul Reyes reports from Lagos.

            He says the rain came too late for the maize.
            """
        #expect(found(text) == ["Teachers | say | they want more than books"])
    }

    @Test("a title with the post it heads, before a name in commas, is the name's role")
    func postBeforeName() {
        #expect(
            found("Regional Director of Water Services, Amal Haddad, tells reporters the dam is safe.")
                == ["Amal Haddad | tells reporters | the dam is safe"]
        )
    }

    @Test("an acronym in capitals inside a description is a name, not the relative pronoun who")
    func acronymIsNoRelativePronoun() {
        #expect(
            found("The director of the WHO Malaria Programme, Ines Varga, says bed nets have halved infections.")
                == ["Ines Varga | says | bed nets have halved infections"]
        )
    }

    @Test("a name with a middle initial ends before the office it works for")
    func middleInitialBeforeOffice() {
        let text = """
            "We will act on every report," said Deputy Director Ana M. Ruiz for the Agency’s Office of Water \
            and Land Safety.
            """
        #expect(found(text) == ["Ana M. Ruiz | said | We will act on every report,"])
    }

    @Test("the group is the body last quoted by name, and so is the it after it")
    func groupIsNamedBody() {
        let text = """
            The Campaign to Ban Rats says fewer cities were overrun this year. But the group says it is worried \
            about next year.

            It says three donors cut their funding.
            """
        #expect(
            found(text) == [
                "The Campaign to Ban Rats | says | fewer cities were overrun this year",
                "The Campaign to Ban Rats | says | it is worried about next year",
                "The Campaign to Ban Rats | says | three donors cut their funding",
            ]
        )
    }

    @Test("the group is the body the sentence before opens with by name, though never quoted")
    func groupIsNamedSubject() {
        let text = """
            The Green Acres Cooperative says the price of wheat fell by a third.

            The aid charity Seed Trust visited forty villages last month. The group reports that most wells are dry.
            """
        #expect(
            found(text) == [
                "The Green Acres Cooperative | says | the price of wheat fell by a third",
                "Seed Trust | reports | most wells are dry",
            ]
        )
    }
}
