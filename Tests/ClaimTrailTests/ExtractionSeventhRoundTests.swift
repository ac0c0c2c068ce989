import Foundation
import Testing

@testable import ClaimTrail

/// The rules written after dev texts 053–064 were measured held out; each on sentences written for it.
@Suite("Attribution extraction: shapes of the seventh held-out batch")
struct ExtractionSeventhRoundTests: ProposalListing {
    let extractor = AttributionExtractor()

    @Test("a transcript label in capitals names the speaker of the quotation after it")
    func transcriptLabel() {
        let text = """
            Maria Okafor has run the clinic on the hill for a decade.

            MARIA OKAFOR: "We see more patients every winter, and the beds run out by noon."

            OKAFOR: "Nobody in the city council has come to look."
            """
        let proposals = extractor.extract(from: text)
        #expect(
            proposals.map { "\($0.speaker) | \($0.content)" } == [
                "Maria Okafor | We see more patients every winter, and the beds run out by noon.",
                "Maria Okafor | Nobody in the city council has come to look.",
            ]
        )
        // A name next to its quotation: as sure as a quotation with its cue.
        #expect(proposals.map(\.confidence) == [0.95, 0.95])
        // A label that is no one's name in the article, a heading, names no speaker.
        #expect(found("UPDATE: \"The road to the harbour will stay closed until Friday.\"").isEmpty)
    }

    @Test("a role before the name after an inverted cue is the role, so that a later she finds the person")
    func roleBeforeInvertedName() throws {
        let proposals = extractor.extract(
            from: "The bridge is safe, says engineer Paula Venter. She is a consultant at the port. "
                + "She said the cracks are only on the surface of the deck."
        )
        #expect(
            proposals.map { "\($0.speaker) | \($0.speakerRole ?? "-") | \($0.content)" } == [
                "Paula Venter | engineer | The bridge is safe",
                "Paula Venter | engineer | the cracks are only on the surface of the deck",
            ]
        )
        // The pronoun resolved across sentences is less sure than the name beside its words.
        try #require(proposals.count == 2)
        #expect(proposals[1].confidence < proposals[0].confidence)
    }

    @Test("an adverb in commas between the verb and that is no part of the content")
    func adverbBeforeThat() {
        #expect(
            found("Geologists say the valley formed slowly. They say, however, that the river cut the gorge fast.")
                == [
                    "Geologists | say | the valley formed slowly",
                    "Geologists | say | the river cut the gorge fast",
                ]
        )
    }

    @Test("a trailing cue with its day, before a clause of when or why, reports the words before it")
    func trailingCueBeforeClause() {
        #expect(
            found("The plant will close next year, the company confirmed Thursday, after the orders dried up.")
                == ["the company | confirmed Thursday | The plant will close next year"]
        )
        // A longer tail that opens no clause of when or why still keeps the report out.
        #expect(
            found("The plant will close, the company said Thursday, citing falling orders in Asia and Europe.").isEmpty
        )
    }

    @Test("what someone described as … reports what follows as theirs")
    func whatDescribedAs() throws {
        let proposals = extractor.extract(
            from: "Rafael Ortiz, a union leader, said the talks had failed. He warned of what he described as "
                + "a betrayal of every worker at the plant."
        )
        #expect(
            proposals.map { "\($0.speaker) | \($0.cue) | \($0.content)" } == [
                "Rafael Ortiz | said | the talks had failed",
                "Rafael Ortiz | described as | a betrayal of every worker at the plant",
            ]
        )
        try #require(proposals.count == 2)
        #expect(proposals[1].confidence < proposals[0].confidence)
        // The content ends with its clause, before the main clause of the sentence.
        #expect(
            found("In what Mayor Jan Ek described as “the worst flood in forty years”, the river rose overnight.")
                == ["Jan Ek | described as | “the worst flood in forty years”"]
        )
        // Named: the name is the speaker, at full confidence for an indirect report.
        #expect(
            found("Crowds gathered over what the mayor called a plan to sell the park.")
                == ["the mayor | called | a plan to sell the park"]
        )
    }

    @Test("saying after a verb that reports nothing shares the named subject of the sentence")
    func sayingAfterAnAct() {
        #expect(
            found("Mayor Lena Park vetoed the budget on Monday, saying it would leave the libraries without staff.")
                == ["Lena Park | saying | it would leave the libraries without staff"]
        )
        // Without a speaker opening the sentence, no one is credited.
        #expect(found("Recent storms closed the road, saying nothing about the bridge at all.").isEmpty)
    }

    @Test("this is according to X gives the sentence before to X")
    func accordingToBackReference() {
        #expect(
            found("Walking daily cuts the risk of heart disease by a third. This is according to the health agency.")
                == ["the health agency | according to | Walking daily cuts the risk of heart disease by a third"]
        )
        // With nothing before it in the paragraph, it credits nothing.
        #expect(found("This is according to the health agency.").isEmpty)
    }

    @Test("a team reports like a group of researchers")
    func teamAsSpeaker() {
        #expect(
            found("The team says the new finding may explain how the reef recovered.")
                == ["The team | says | the new finding may explain how the reef recovered"]
        )
    }

    @Test("a name's parenthesis, age or relative clause before the verb leaves the name the speaker")
    func phrasesAfterTheName() {
        #expect(
            found("Senator Mark Hale (D-Ore.) said the bill would not pass this session.")
                == ["Mark Hale | said | the bill would not pass this session"]
        )
        #expect(
            found("John Carver, 45, said the factory had cut his hours twice this year.")
                == ["John Carver | said | the factory had cut his hours twice this year"]
        )
        // Not the words after the verb: "it would appeal the ruling" is what was said, not who said it.
        #expect(
            found("The company, which employs 400 people, said it would appeal the ruling.")
                == ["The company | said | it would appeal the ruling"]
        )
        let proposals = extractor.extract(
            from: "“We waited for hours in the rain,” Ann Li, a teacher from Leeds, said."
        )
        #expect(proposals.map(\.speaker) == ["Ann Li"])
        #expect(proposals.map(\.speakerRole) == ["a teacher from Leeds"])
    }
}
