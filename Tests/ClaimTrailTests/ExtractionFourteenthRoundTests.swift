import Foundation
import Testing

@testable import ClaimTrail

/// The rules of the fourteenth round, from wrong speakers and false proposals on news the rules had not seen:
/// people known only by a description, the outlet's own reporter, declarations of a state, introductions by a past
/// occupation or after "the", quotations whose cue names someone the rules cannot read, and content boundaries
/// (datelines, questions put to the speaker, listeners). Each is tested on sentences written for it.
@Suite("Attribution extraction: the fourteenth round")
struct ExtractionFourteenthRoundTests: ProposalListing {
    let extractor = AttributionExtractor()

    @Test("declaring a state of emergency or days of mourning is an act, declaring that something is so reports")
    func declaredStateIsAnAct() {
        let text = """
            The governor declared a state of emergency in three counties on Sunday.

            The mayor declared three days of mourning for the victims of the fire.

            The minister declared the war was over for the northern towns.
            """
        #expect(found(text) == ["The minister | declared | the war was over for the northern towns"])
    }

    @Test("a person given as one of a group after including is the she of the next sentence")
    func describedExampleIsThePronoun() {
        let text = """
            "Prices will fall by June," said Kofi Mensah, the trade minister.

            Shoppers complained that prices had doubled since March, including one woman at the market in Tema.

            She said she could no longer afford rice for her children.
            """
        #expect(
            found(text).last
                == "one woman at the market in Tema | said | she could no longer afford rice for her children"
        )
    }

    @Test("one woman or a man described by where they are is the speaker, but a headline's Man is not")
    func describedPersonSpeaks() {
        let text = """
            One woman in the crowd said the police had come far too late.

            A man from the village told VOA the bridge had been washed away.

            Man released from jail, warning of more protests
            """
        #expect(
            found(text) == [
                "One woman in the crowd | said | the police had come far too late",
                "A man from the village | told VOA | the bridge had been washed away",
            ]
        )
        #expect(
            found("A sheriff said at least five people had died in the storm.")
                == ["A sheriff | said | at least five people had died in the storm"]
        )
    }

    @Test("the outlet's own reporter narrates; a reporter of another outlet is a source")
    func outletReporterNarrates() {
        let text = """
            In Nairobi, VOA's Ana Ruiz reports the talks collapsed on Monday.

            The Wikinews reporter also noted that the gates were locked.

            A reporter for the Daily Tribune wrote that the gates had been locked for a week.
            """
        #expect(found(text) == ["A reporter for the Daily Tribune | wrote | the gates had been locked for a week"])
    }

    @Test("a former occupation or a title after the introduces the person a later pronoun stands for")
    func introducedByPastOccupationOrTitle() {
        let museum = """
            "The museum changed how I saw the sky," said historian Tomas Berg.

            Former pilot Ana Ruiz remembers her first visit in 1980. She was nine years old.

            "I never forgot the rockets," she recalled.
            """
        #expect(found(museum).last == "Ana Ruiz | recalled | I never forgot the rockets,")
        let police = """
            "Thefts are down this year," said Ana Ruiz, the mayor.

            The police spokesperson Inspector Kofi Mensah wants residents to report crimes.

            He told Radio Gold News: "We cannot act on rumours."
            """
        #expect(found(police).last == "Kofi Mensah | told Radio Gold News | We cannot act on rumours.")
    }

    @Test("a quotation whose cue names someone the rules cannot read is not the previous speaker's")
    func unreadableCueIsNotCarried() {
        let text = """
            "The water rose in minutes," Ana Ruiz said.

            "We lost everything," her uncle told the crowd.
            """
        #expect(found(text) == ["Ana Ruiz | said | The water rose in minutes,"])
    }

    @Test("the caller is one person, who speaks and whom a later he stands for")
    func agentNounIsOnePerson() {
        let text = """
            Ana Ruiz, the fire chief, said crews arrived within minutes. The caller said his children were still \
            inside. He also claimed that the doors had been locked.
            """
        #expect(
            found(text) == [
                "Ana Ruiz | said | crews arrived within minutes",
                "The caller | said | his children were still inside",
                "The caller | also claimed | the doors had been locked",
            ]
        )
    }

    @Test("told his driver to wait is an order, and a listener's name of capitalised words belongs to the cue")
    func listenerAfterTold() {
        #expect(found("The chief told his driver to wait outside the station.") == [])
    }

    @Test("a visibly tired Ana Ruiz is Ana Ruiz, a spokeswoman for Acme Foods stays described")
    func mannerBeforeName() {
        let text = """
            "Who approved this?" asked a visibly tired Ana Ruiz.

            "Nobody approved it in writing," said a spokeswoman for Acme Foods.
            """
        #expect(
            found(text) == [
                "Ana Ruiz | asked | Who approved this?",
                "a spokeswoman for Acme Foods | said | Nobody approved it in writing,",
            ]
        )
    }

    @Test("a dateline opening the first sentence is no part of the content")
    func datelineLeftOut() {
        #expect(
            found("NAIROBI, Kenya (AP) — Floods have closed the main highway to the coast, police said on Monday.")
                == ["police | said on Monday | Floods have closed the main highway to the coast"]
        )
    }

    @Test("a question put to the speaker is neither what they said nor a belief they report")
    func questionAskedReportsNothing() {
        let text = """
            Tomas Berg, the chief engineer, said the dam had been inspected in May.

            Asked if he believes the dam will hold through the rains, he said:

            "It will hold for a century."
            """
        #expect(
            found(text) == [
                "Tomas Berg | said | the dam had been inspected in May",
                "Tomas Berg | said | It will hold for a century.",
            ]
        )
    }

    @Test("a headline's capitalised Says after a title names no one")
    func headlineSaysIsNoName() {
        let text = """
            Bridge Will Reopen in May, City Mayor Says

            The bridge will reopen in May after repairs, the mayor said on Tuesday.
            """
        #expect(found(text) == ["the mayor | said on Tuesday | The bridge will reopen in May after repairs"])
    }

    @Test("a person named as one among a group of people is the he of the quotation after")
    func amongPeopleIntroduces() {
        let text = """
            "We heard the walls crack," said Ana Ruiz, a teacher.

            Tomas Berg was among dozens of workers who escaped the mill. "I ran for the door and never looked back," \
            he said.
            """
        #expect(found(text).last == "Tomas Berg | said | I ran for the door and never looked back,")
    }

    @Test("a capital alone before a stop is a name's initial, not a sentence's end")
    func initialIsNoSentenceEnd() {
        #expect(
            found("Alice M. Ruiz of the Tenants Union said the repairs had never been made.")
                == ["Alice M. Ruiz | said | the repairs had never been made"]
        )
    }

    @Test("a quotation far from the paragraph's last speaker does not fall back on the last paragraph's")
    func carriedSpeakerYieldsToTheParagraphs() {
        let text = """
            "The river is still rising," said Ana Ruiz, the mayor.

            More crews are on the way, says Tomas Berg, head of the rescue service in the city of Leeds. The road was \
            closed for hours. "We will reach every house by night."
            """
        #expect(
            found(text) == [
                "Ana Ruiz | said | The river is still rising,",
                "Tomas Berg | says | More crews are on the way",
            ]
        )
    }

    @Test("denying a request is an act")
    func deniedRequestIsAnAct() {
        #expect(found("The judge denied the defense lawyer's request to move the trial to another city.") == [])
    }

    @Test("a call or a month after an inverted cue's speaker is when the words were given, not who gave them")
    func callAndMonthAreOccasions() {
        #expect(
            found("\"We will not sell the plant,\" said chief executive Ana Ruiz on a call in March.")
                == ["chief executive Ana Ruiz | said | We will not sell the plant,"]
        )
    }

    @Test("maintaining a lead is keeping it; later on Saturday and an afternoon statement belong to the cue")
    func maintainedAndCueTimes() {
        let text = """
            Leeds maintained their lead at the top of the table with a late win.

            City police confirmed later on Saturday that three fans had been arrested.

            "The road will stay closed until Monday," the council said in an afternoon statement.
            """
        #expect(
            found(text) == [
                "City police | confirmed later on Saturday | three fans had been arrested",
                "the council | said in an afternoon statement | The road will stay closed until Monday,",
            ]
        )
    }
}
