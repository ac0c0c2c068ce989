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
                "“The strikes hit only terrorist targets,” the ministry said.\n"
                    + "“We have seen no evidence of that at all.”"
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

    @Test("a quotation over several paragraphs keeps one speaker, whether its cue leads in, closes it, or is absent")
    func multiParagraphQuotes() {
        #expect(
            found(
                "Mayor Ana Ruiz issued the following statement:\n“We will rebuild the bridge this year.\n"
                    + "“Nobody will be left without a way to work.”"
            )
                == [
                    "Ana Ruiz | issued the following statement | direct | We will rebuild the bridge this year.",
                    "Ana Ruiz | issued the following statement | direct | Nobody will be left without a way to work.",
                ]
        )
        #expect(
            found(
                "“The river rose faster than any model predicted.\n“We had no time to open the gates,” said Tomas Berg."
            )
                == [
                    "Tomas Berg | said | direct | The river rose faster than any model predicted.",
                    "Tomas Berg | said | direct | We had no time to open the gates,",
                ]
        )
        // A quotation inside a sentence is what the sentence reports, not a quotation with its own cue.
        #expect(
            found("She runs a group for many “community bond building initiatives”, the candidate told reporters.")
                .allSatisfy { !$0.contains("| direct |") }
        )
    }

    @Test("cues with the name after the verb, titles and descriptions split from the name, appositives")
    func speakerShapes() {
        #expect(
            found("“The water is safe to drink,” said Dr. Jane Roe of the city health department.")
                == ["Jane Roe | said | direct | The water is safe to drink,"]
        )
        #expect(
            found("“We are not finished,” continued Smith.") == ["Smith | continued | direct | We are not finished,"]
        )
        let owner = extractor.extract(from: "“The rain saved the harvest,” said the co-owner of Berg & Sons, Ola Berg.")
        #expect(owner.map(\.speaker) == ["Ola Berg"])
        #expect(owner.map(\.speakerRole) == ["the co-owner of Berg & Sons"])
        let ruiz = extractor.extract(
            from: "Ana Ruiz, a political analyst in Lisbon, said the coalition would not survive the winter."
        )
        #expect(ruiz.map(\.speaker) == ["Ana Ruiz"])
        #expect(ruiz.map(\.speakerRole) == ["a political analyst in Lisbon"])
        #expect(
            found("Prices rose sharply in March, the agency said in a statement.")
                == ["the agency | said in a statement | indirect | Prices rose sharply in March"]
        )
        #expect(
            found("A new report shows that home prices fell for the third month.")
                == ["A new report | shows | indirect | home prices fell for the third month"]
        )
        #expect(found("The photos show the minister at the party in June.").isEmpty)
        #expect(
            found("According to a report from the regional health office in the north, cases doubled in May.")
                == ["a report | according to | indirect | cases doubled in May"]
        )
        #expect(
            found("Lena Ortiz, the head of the clinic, confirmed to the newspaper that the ward would close.")
                == ["Lena Ortiz | confirmed to the newspaper | indirect | the ward would close"]
        )
        #expect(
            found("“The show was far too long for children,” said one viewer, while another wrote, “It was perfect.”")
                .map { $0.components(separatedBy: " | ").first ?? "" } == ["one viewer", "another"]
        )
        #expect(
            found("The board welcomed Maria Lopes’s announcement that the clinic would stay open all year.")
                == ["Maria Lopes | announcement that | indirect | the clinic would stay open all year"]
        )
        #expect(
            found("Foreign Minister Sergei Lavrov spoke in Moscow. Lavrov said the talks had failed again.")
                == ["Sergei Lavrov | said | indirect | the talks had failed again"]
        )
    }

    @Test("pronouns resolve to people only where they name people: he never to an organisation, it may")
    func pronounsNameTheRightKind() {
        #expect(
            extractor.extract(
                from: "The transit agency said the station was half empty.\nHe said the crowd was the largest ever."
            ).map(\.speaker) == ["The transit agency"]
        )
        #expect(
            extractor.extract(
                from: "The ministry said the report was wrong.\nIt said the figures had been checked twice."
            ).map(\.speaker) == ["The ministry", "The ministry"]
        )
    }

    @Test("a description resolves to the one person the article introduced with its noun, never a guess")
    func descriptionsResolveToNamedPeople() {
        #expect(
            extractor.extract(
                from: "Defence Minister Tomas Berg visited the base on Monday.\n"
                    + "The defence minister said the army was ready for the winter."
            ).map(\.speaker) == ["Tomas Berg"]
        )
        #expect(
            extractor.extract(
                from:
                    "Defence Minister Tomas Berg met Foreign Minister Ana Lind.\nThe minister said the talks went well."
            ).map(\.speaker) == ["The minister"]
        )
        #expect(
            found(
                "Mayor Ana Ruiz said the budget was tight. Her words: “We will not close a single school this year.”"
            )
                == [
                    "Ana Ruiz | said | indirect | the budget was tight",
                    "Ana Ruiz | Her words | direct | We will not close a single school this year.",
                ]
        )
        // Words quoted inside a sentence do not carry on the previous speaker's quotation; since the tenth round
        // the naming verb around them reports them (`ExtractionTenthRoundTests.namingVerbs`).
        #expect(
            found(
                "“We will not raise taxes,” the mayor said.\n"
                    + "She called the plan “a fair deal for every family in town”."
            )
                == [
                    "the mayor | said | direct | We will not raise taxes,",
                    "the mayor | called | mixed | the plan “a fair deal for every family in town”",
                ]
        )
    }

    @Test("coordinated verbs share their subject: called the figures false and said …")
    func coordinatedVerbs() {
        #expect(
            found("The transit agency called the figures false and said the station was half full.")
                == ["The transit agency | said | indirect | the station was half full"]
        )
        #expect(
            found("Maria Costa denied the report and insisted that the budget was balanced.")
                .map { $0.components(separatedBy: " | ").first ?? "" } == ["Maria Costa", "Maria Costa"]
        )
    }

    @Test("content ends with its own clause: a second speaker, a participle, a trailing cue, a glued stop")
    func contentBoundaries() {
        #expect(
            found("The mayor said the bridge was safe, while residents insisted it needed urgent repairs.")
                == [
                    "The mayor | said | indirect | the bridge was safe",
                    "residents | insisted | indirect | it needed urgent repairs",
                ]
        )
        #expect(
            found("Powell said prices would fall soon, adding that the bank was ready to act.")
                == [
                    "Powell | said | indirect | prices would fall soon",
                    "Powell | adding | indirect | the bank was ready to act",
                ]
        )
        #expect(
            found("the minister said the talks would resume within two weeks.after that the delegation left .")
                == ["the minister | said | indirect | the talks would resume within two weeks"]
        )
    }

    @Test("no attribution for passives, acts without content, and questions")
    func notClaims() {
        #expect(found("The government is believed to hold thousands of prisoners.").isEmpty)
        #expect(found("The agency warned of dangers from fireworks on the holiday.").isEmpty)
        #expect(found("The mayor explained why the bridge was closed for a week.").isEmpty)
        #expect(found("The ministry announced new grants for rural schools on Monday.").isEmpty)
        #expect(
            found("The ministry announced today that rural schools would get new grants.")
                == ["The ministry | announced today | indirect | rural schools would get new grants"]
        )
        #expect(
            found("Health Secretary Ana Lind today announced that rural clinics would get new grants.")
                == ["Ana Lind | today announced | indirect | rural clinics would get new grants"]
        )
        #expect(
            found("The ministry announced that rural schools would get new grants.")
                == ["The ministry | announced | indirect | rural schools would get new grants"]
        )
    }

    @Test("confidence: a name next to its quote above reported speech, above a pronoun resolved across sentences")
    func confidenceOrdersTheDoubtful() {
        let proposals = extractor.extract(
            from:
                "“We will win this race,” Ana Ruiz said.\nShe said the polls were wrong again.\n"
                + "Officials said the count was slow."
        )
        let confidence = proposals.map(\.confidence)
        #expect(proposals.map(\.speaker) == ["Ana Ruiz", "Ana Ruiz", "Officials"])
        #expect(confidence.count == 3 && confidence[0] > confidence[2] && confidence[2] > confidence[1])
        #expect(confidence.allSatisfy { 0 < $0 && $0 <= 1 })
    }

    @Test("the binary prints each proposal's confidence, in JSON and in the table")
    func confidenceInOutput() throws {
        let path = Repository.path("Tests/ClaimTrailTests/Gold/dev/011.txt")
        let json = try Binary.run(["extract", path, "--format", "json"])
        #expect(json.status == 0)
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rows.count >= 5)
        #expect(rows.allSatisfy { ($0["confidence"] as? Double).map { 0 < $0 && $0 <= 1 } == true })
        let table = try Binary.run(["extract", path, "--format", "table"])
        #expect(table.status == 0)
        #expect(table.stdout.split(separator: "\n").first?.contains("CONFIDENCE") == true)
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
    }

    @Test("on every article of the corpus and the development set, the offsets slice the content out of the input")
    func offsetsSliceTheContent() throws {
        let paths = ["examples/articles/002.txt"] + developmentSet.map { "Tests/ClaimTrailTests/Gold/dev/\($0).txt" }
        for path in paths {
            let text = try String(contentsOfFile: Repository.path(path), encoding: .utf8)
            let bytes = Array(text.utf8)
            let proposals = extractor.extract(from: text)
            #expect(!proposals.isEmpty, "\(path)")
            for proposal in proposals where proposal.content.utf8.count == proposal.end - proposal.start {
                #expect(String(decoding: bytes[proposal.start..<proposal.end], as: UTF8.self) == proposal.content)
            }
            // A quotation split around its cue is one relation whose content joins the parts.
            #expect(proposals.allSatisfy { $0.content.utf8.count <= $0.end - $0.start }, "\(path)")
        }
    }

    /// The development set: freely licensed news the rules were not written from (Gold/dev/README.md).
    let developmentSet = (1...160).map { String(format: "%03d", $0) }

    @Test("precision and recall on the development set of unseen news hold their floor")
    func developmentSetQuality() throws {
        let evaluations = try developmentSet.map { name in
            let folder = "Tests/ClaimTrailTests/Gold/dev/"
            let text = try String(contentsOfFile: Repository.path(folder + name + ".txt"), encoding: .utf8)
            return ExtractionEvaluation.evaluate(
                predicted: extractor.extract(from: text),
                gold: try ExtractionEvaluation.gold(atPath: Repository.path(folder + name + ".json"))
            )
        }
        let total = ExtractionEvaluation.combined(evaluations)
        print("extraction on the development set —\n" + ExtractionReport.table(total))
        #expect(total.content.gold == 971)
        // A little below the measured 0.96 / 0.89 of the fourteenth round (rules-2026.12.9) on texts 001–160, so that
        // a regression fails.
        #expect(total.contentAndSpeaker.precision >= 0.95)
        #expect(total.contentAndSpeaker.f1 >= 0.88)
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
        print("extraction on the corpus (three articles) —\n" + ExtractionReport.table(total))
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
