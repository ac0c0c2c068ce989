import Foundation
import Testing

@testable import ClaimTrail

/// The rules written after dev texts 029–040 were measured held out; each on sentences written for it.
@Suite("Attribution extraction: shapes of held-out news")
struct ExtractionHeldOutShapesTests: ProposalListing {
    let extractor = AttributionExtractor()

    @Test("a hedged verb, a verb after an article and a noun before a verb report nothing")
    func notReports() {
        #expect(found("The insurer allegedly told some clients about the losses before the merger.").isEmpty)
        #expect(found("Police reportedly said nothing to the families for two days.").isEmpty)
        #expect(found("An estimated forty thousand fans watched the final from the hill.").isEmpty)
        #expect(
            found("Local reports said the ferry had left port with too many passengers.")
                == ["Local reports | said | the ferry had left port with too many passengers"]
        )
    }

    @Test("a name before a description without its closing comma is the speaker")
    func nameBeforeDescription() {
        let proposals = extractor.extract(
            from: "Lena Fischer, a spokeswoman for the city zoo said on Monday that the lion cub was healthy."
        )
        #expect(proposals.map(\.speaker) == ["Lena Fischer"])
        #expect(proposals.map(\.speakerRole) == ["a spokeswoman for the city zoo"])
        // A place before the comma is no speaker's name.
        #expect(
            found("In Porto, a spokesman for the port said the strike was over.").map { $0.prefix(11) } == [
                "a spokesman"
            ]
        )
    }

    @Test("he never points to a woman's role, nor she to a man's")
    func gender() {
        let text =
            "Ines Moreau, a spokeswoman for the clinic said the ward had reopened. "
            + "Tom Becker, the clinic's chairman, said the budget was secure. She said the staff had been hired."
        #expect(found(text).last == "Ines Moreau | said | the staff had been hired")
        #expect(
            found("Ines Moreau, a spokeswoman for the clinic said the ward had reopened. He said the wait was over.")
                .count == 1
        )
    }

    @Test("a second reporting verb after and ends the first one's content")
    func secondVerbEndsContent() {
        #expect(
            found("Some analysts say the harvest was poor and predict that bread prices will rise by spring.")
                == [
                    "Some analysts | say | the harvest was poor",
                    "Some analysts | predict | bread prices will rise by spring",
                ]
        )
    }

    @Test("base forms after plural subjects report; after and or to they are infinitives")
    func baseForms() {
        #expect(
            found("Two recent surveys suggest that most commuters would pay for faster trains.")
                == ["Two recent surveys | suggest | most commuters would pay for faster trains"]
        )
        #expect(
            found("The defence lawyers contend the witness was never at the harbour.")
                == ["The defence lawyers | contend | the witness was never at the harbour"]
        )
        #expect(found("The club wants to grow its youth academy and assert its place in the league.").isEmpty)
    }

    @Test("found and discovered report a that-clause for anyone; asked and urged with an object do not")
    func foundThat() {
        #expect(
            found("The researchers found that the bridge cables had rusted through.")
                == ["The researchers | found | the bridge cables had rusted through"]
        )
        #expect(found("Divers found the wreck of a fishing boat near the reef.").isEmpty)
        #expect(found("The coach asked the players to stay in the hotel until noon.").isEmpty)
        #expect(
            found("Geologists have discovered that the old mine is still leaking water.")
                == ["Geologists | have discovered | the old mine is still leaking water"]
        )
    }

    @Test("a person introduced in one sentence is the he or she of the next report")
    func introducedPerson() {
        let text =
            "Marta Quist is a retired nurse in the village. She says the clinic closed without warning. "
            + "Oslo's Henrik Dahl led the survey. He says most families drive an hour to a doctor."
        #expect(
            found(text) == [
                "Marta Quist | says | the clinic closed without warning",
                "Henrik Dahl | says | most families drive an hour to a doctor",
            ]
        )
        // A place is not introduced as a person.
        #expect(found("New York is a city of eight million people. He says rents are too high.").isEmpty)
    }

    @Test("a pronoun points at most four sentences back, and it never to a plural group")
    func pronounReach() {
        let text =
            "Three surveys suggest that the scheme saved money. The scheme began in March. It covered two towns. "
            + "Buses ran every hour. Trains ran less often. They found that fares fell by a third."
        #expect(found(text) == ["Three surveys | suggest | the scheme saved money"])
        #expect(
            found("Farmers say the river is low. The dam opened in May. It says the water is clean.")
                == ["Farmers | say | the river is low"]
        )
    }

    @Test("lines wrapped by hand are one paragraph, and a quotation wrapped over them stays whole")
    func wrappedLines() {
        let text =
            "\"The trail is open again for\nhikers of every age,\" said park director Ana Silva.\n"
            + "Visitors should carry water.\nthe end"
        #expect(
            found(text) == ["Ana Silva | said | The trail is open again for\nhikers of every age,"]
        )
        #expect(TextSegments.paragraphs("First line ends here.\nsecond line").count == 2)
        #expect(TextSegments.paragraphs("first line goes on\nsecond line").count == 2)
    }

    @Test("a quotation mark ends a subject, and where and when stay in the cue")
    func glueAndCue() {
        #expect(
            found("'No comment' Rosa Lind, the port director, said on U.S. radio Friday that the docks were safe.")
                == ["Rosa Lind | said on U.S. radio Friday | the docks were safe"]
        )
        #expect(
            found("Many doctors now say the new vaccine is safe for children.")
                == ["Many doctors | now say | the new vaccine is safe for children"]
        )
    }

    @Test("a role in commas after a name resolves the description, and a place with its state is no appositive")
    func appositiveRoleAndPlace() {
        let text =
            "Meanwhile, the port director in Bergen, Norway, said the channel was clear again. "
            + "Olav Strand, the city's port director, said on Tuesday that ships could enter."
        #expect(
            found(text) == [
                "Olav Strand | said | the channel was clear again",
                "Olav Strand | said on Tuesday | ships could enter",
            ]
        )
        #expect(
            !found("The agency held a briefing in Austin, Texas, warning drivers that the roads were icy.")
                .contains { $0.hasPrefix("Austin") || $0.contains("Texas |") }
        )
    }
}
