import Foundation
import Testing

@testable import ClaimTrail

@Suite("Attribution extraction")
struct ExtractionTests {
    let extractor = AttributionExtractor()

    /// (speaker, cue, mode, content) of each proposal, for compact expectations.
    func found(_ text: String) -> [String] {
        extractor.extract(from: text).map { "\($0.speaker) | \($0.cue) | \($0.mode.rawValue) | \($0.content)" }
    }

    @Test("direct quotes: cue after, cue before, inverted, split around the cue, continued paragraphs")
    func directQuotes() {
        #expect(
            found("“We will respond,” Foreign Minister Sergei Lavrov said, “and decisively so.”")
                == ["Sergei Lavrov | said | direct | We will respond, and decisively so."]
        )
        #expect(
            found("The spokeswoman Maria Zakharova told reporters: \"The claims are baseless and absurd.\"")
                == ["Maria Zakharova | told reporters | direct | The claims are baseless and absurd."]
        )
        #expect(
            found("\"Nobody believes these reports any more,\" said a senior Western diplomat.")
                == ["a senior Western diplomat | said | direct | Nobody believes these reports any more,"]
        )
        #expect(
            found(
                "“The strikes hit only terrorist targets,” the ministry said.\n“We have seen no evidence of that at all.”"
            )
                == [
                    "the ministry | said | direct | The strikes hit only terrorist targets,",
                    "the ministry | said | direct | We have seen no evidence of that at all.",
                ]
        )
        let lungescu = extractor.extract(
            from: "“The navy has sent ships to the region,” NATO spokesperson Oana Lungescu told the press."
        )
        #expect(lungescu.map(\.speakerRole) == ["NATO spokesperson"])
        #expect(lungescu.map(\.cue) == ["told the press"])
    }

    @Test("reported speech: that-clauses, according to, trailing cues, mixed quotes, passives, nominal claims")
    func reportedSpeech() {
        #expect(
            found("Aid groups warned that the situation in Idlib was rapidly getting worse.")
                == ["Aid groups | warned | indirect | the situation in Idlib was rapidly getting worse"]
        )
        #expect(
            found("According to the United Nations, more than 500,000 people have fled since January.")
                == ["the United Nations | according to | indirect | more than 500,000 people have fled since January"]
        )
        #expect(
            found("The government has rejected the accusations, officials said.")
                == ["officials | said | indirect | The government has rejected the accusations"]
        )
        #expect(
            found("The Pentagon said Russia would provide the “most active” air support.")
                == ["The Pentagon | said | mixed | Russia would provide the “most active” air support"]
        )
        #expect(
            found("The talks, although deemed “premature” by the foreign minister, went ahead.")
                == ["the foreign minister | deemed | mixed | “premature”"]
        )
        #expect(
            found("Moscow has repeatedly claimed that the convoy carried only aid.")
                == ["Moscow | has repeatedly claimed | indirect | the convoy carried only aid"]
        )
        #expect(
            found("It follows Iranian claims regarding a secret deal between the two governments.")
                == ["Iranian | claims regarding | indirect | a secret deal between the two governments"]
        )
    }

    @Test("pronouns and descriptions take the nearest fitting speaker; names are never anaphors")
    func anaphora() {
        let text = """
            A senior defense official said the interception was unsafe and unprofessional.
            The official added that both sides still answer calls from each other.
            The Pentagon said it would not comment on the reconnaissance flights.
            He also noted that the line remains open to both militaries.
            """
        #expect(
            extractor.extract(from: text).map(\.speaker)
                == [
                    "A senior defense official", "A senior defense official", "The Pentagon",
                    "A senior defense official",
                ]
        )
    }

    @Test("no attribution where there is none: hypotheticals, names that look like verbs, non-speakers")
    func noFalseAlarms() {
        #expect(found("Russia will now be able to claim America backed down.").isEmpty)
        #expect(found("The United States military has conducted two such strikes in the past.").isEmpty)
        #expect(found("Recent developments indicate a growing confrontation between the two forces.").isEmpty)
        #expect(found("The deconfliction line remains active, and calls are answered.").isEmpty)
    }

    @Test("lower-cased, tokenised text and unbalanced quotes still yield relations, never a crash")
    func messyText() {
        #expect(
            found("the kremlin said that russia s forces don t target civilians , according to state media .")
                .first == "the kremlin | said | indirect | russia s forces don t target civilians"
        )
        #expect(
            found("the spokesman said : \" we are ready to talk") == [
                "the spokesman | said | direct | we are ready to talk"
            ]
        )
        #expect(
            found("`` we will not back down , '' the minister said .") == [
                "the minister | said | direct | we will not back down ,"
            ]
        )
        #expect(found("He said “this quote never closes and goes on").count <= 1)
    }

    @Test(
        "offsets are UTF-8 byte offsets that slice the content out of the input; random text never breaks it",
        arguments: [1, 2, 3, 4, 5] as [UInt64]
    )
    func offsetsAndRobustness(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let pieces = [
            "“", "”", "\"", "``", "''", " said ", " told the press ", ", ", ". ", "\n", "According to ", "Сергей ",
            "he ", "the official ", "that ", "claims regarding ", "’s ", "– ", "Russia ", "officials ", "🗞 ", "don t ",
        ]
        for _ in 0..<200 {
            let text = (0..<Int(random.next() % 40)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                .joined()
            for proposal in extractor.extract(from: text) {
                let bytes = Array(text.utf8)
                #expect(0 <= proposal.start && proposal.start <= proposal.end && proposal.end <= bytes.count)
                let slice = String(decoding: bytes[proposal.start..<proposal.end], as: UTF8.self)
                #expect(
                    slice.hasPrefix(String(proposal.content.prefix(1)))
                        && slice.hasSuffix(String(proposal.content.suffix(1)))
                )
            }
        }
        let text = try String(contentsOfFile: Repository.path("examples/articles/002.txt"), encoding: .utf8)
        for proposal in extractor.extract(from: text) {
            #expect(
                String(decoding: Array(text.utf8)[proposal.start..<proposal.end], as: UTF8.self) == proposal.content
            )
        }
    }

    @Test("precision and recall on the annotated corpus meet the targets")
    func corpusQuality() throws {
        let evaluations = try ["000", "001", "002"].map { name in
            let text = try String(contentsOfFile: Repository.path("examples/articles/\(name).txt"), encoding: .utf8)
            return ExtractionEvaluation.evaluate(
                predicted: extractor.extract(from: text),
                gold: try ExtractionEvaluation.gold(atPath: Repository.path("Tests/ClaimTrailTests/Gold/\(name).json"))
            )
        }
        let total = ExtractionEvaluation.combined(evaluations)
        print(
            "extraction on the corpus — content: P \(total.content.precision) R \(total.content.recall) F1 \(total.content.f1); "
                + "content+speaker: P \(total.contentAndSpeaker.precision) R \(total.contentAndSpeaker.recall) F1 \(total.contentAndSpeaker.f1)"
        )
        #expect(total.content.gold == 19)
        #expect(total.content.f1 >= 0.90)
        #expect(total.contentAndSpeaker.f1 >= 0.85)
    }

    @Test("the evaluation itself: token F1 threshold, one match per relation, speakers by overlap")
    func evaluationRules() {
        func relation(_ speaker: String, _ content: String) -> ProposedAttribution {
            ProposedAttribution(
                speaker: speaker,
                speakerRole: nil,
                cue: "said",
                content: content,
                mode: .indirect,
                start: 0,
                end: 0
            )
        }
        let gold = [relation("a senior defense official", "the interception was safe but unprofessional")]
        let predicted = [
            relation("the official", "the interception was safe"),
            relation("Putin", "the interception was safe but unprofessional"),
        ]
        let evaluation = ExtractionEvaluation.evaluate(predicted: predicted, gold: gold)
        #expect((evaluation.content.matched, evaluation.content.predicted, evaluation.content.gold) == (1, 2, 1))
        #expect(evaluation.contentAndSpeaker.matched == 1)
        #expect(
            ExtractionEvaluation.evaluate(predicted: [relation("x", "something else entirely")], gold: gold).content
                .matched == 0
        )
    }
}
