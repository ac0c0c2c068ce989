import Foundation

/// Precision and recall of proposed attributions against annotated (gold) relations.
///
/// A proposal matches a gold relation when the token F1 of their contents is at least 0.5; each
/// relation matches at most once, best overlaps first. With speakers, the speakers must also
/// match: token F1 of at least 0.5 without articles, one contained in the other, or one the other's acronym.
public struct ExtractionEvaluation: Codable, Equatable, Sendable {
    public struct Scores: Codable, Equatable, Sendable {
        public var matched: Int, predicted: Int, gold: Int
        public var precision: Double { predicted == 0 ? 0 : Double(matched) / Double(predicted) }
        public var recall: Double { gold == 0 ? 0 : Double(matched) / Double(gold) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    public var content: Scores
    public var contentAndSpeaker: Scores

    public static func evaluate(predicted: [ProposedAttribution], gold: [ProposedAttribution]) -> ExtractionEvaluation {
        ExtractionEvaluation(
            content: score(predicted, gold, speakers: false),
            contentAndSpeaker: score(predicted, gold, speakers: true)
        )
    }

    /// Sums scores over several articles.
    public static func combined(_ evaluations: [ExtractionEvaluation]) -> ExtractionEvaluation {
        let add = { (scores: [Scores]) in
            Scores(
                matched: scores.map(\.matched).reduce(0, +),
                predicted: scores.map(\.predicted).reduce(0, +),
                gold: scores.map(\.gold).reduce(0, +)
            )
        }
        return ExtractionEvaluation(
            content: add(evaluations.map(\.content)),
            contentAndSpeaker: add(evaluations.map(\.contentAndSpeaker))
        )
    }

    /// Reads a gold file: `{"relations": [{speaker, speaker_role, cue, content, mode, start, end}]}`.
    /// Like an article, it must be a regular file of UTF-8 text (`TextFile`).
    public static func gold(atPath path: String) throws -> [ProposedAttribution] {
        let data = Data(try TextFile.read(atPath: path).utf8)
        struct File: Decodable { let relations: [ProposedAttribution] }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(File.self, from: data).relations
        } catch {
            throw ClaimTrailError.invalid("\(path): not a gold file of relations")
        }
    }

    private static func score(
        _ predicted: [ProposedAttribution],
        _ gold: [ProposedAttribution],
        speakers: Bool
    ) -> Scores {
        var pairs: [(Double, Int, Int)] = []
        for (p, proposal) in predicted.enumerated() {
            for (g, relation) in gold.enumerated() {
                let overlap = tokenF1(tokens(proposal.content), tokens(relation.content))
                guard overlap >= 0.5, !speakers || speakerMatches(proposal.speaker, relation.speaker) else { continue }
                pairs.append((overlap, p, g))
            }
        }
        var usedPredicted = Set<Int>()
        var usedGold = Set<Int>()
        for (_, p, g) in pairs.sorted(by: { $0.0 > $1.0 }) where !usedPredicted.contains(p) && !usedGold.contains(g) {
            usedPredicted.insert(p)
            usedGold.insert(g)
        }
        return Scores(matched: usedGold.count, predicted: predicted.count, gold: gold.count)
    }

    static func tokens(_ text: String) -> [String] {
        TextKey.fold(text).split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    static func tokenF1(_ a: [String], _ b: [String]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var remaining = Dictionary(b.map { ($0, 1) }, uniquingKeysWith: +)
        var common = 0
        for token in a where (remaining[token] ?? 0) > 0 {
            common += 1
            remaining[token, default: 0] -= 1
        }
        guard common > 0 else { return 0 }
        let precision = Double(common) / Double(a.count)
        let recall = Double(common) / Double(b.count)
        return 2 * precision * recall / (precision + recall)
    }

    static func speakerMatches(_ a: String, _ b: String) -> Bool {
        let articles: Set<String> = ["a", "an", "the", "one"]
        let x = tokens(a).filter { !articles.contains($0) }
        let y = tokens(b).filter { !articles.contains($0) }
        guard !x.isEmpty, !y.isEmpty else { return x.isEmpty && y.isEmpty }
        return tokenF1(x, y) >= 0.5 || Set(x).isSubset(of: Set(y)) || Set(y).isSubset(of: Set(x))
            || isAcronym(a, of: b) || isAcronym(b, of: a)
    }

    /// Whether `short` is the acronym of `long`, one body under two names ("EPA", "Environmental Protection
    /// Agency"): its capitals are the initials of `long`'s capitalised words, linking words left out.
    static func isAcronym(_ short: String, of long: String) -> Bool {
        let letters = short.filter { $0 != "." }
        guard letters.count >= 2, letters.allSatisfy({ $0.isUppercase }) else { return false }
        let links: Set<String> = ["of", "and", "for", "the", "on", "in", "&"]
        let initials = long.split(separator: " ").filter { !links.contains($0.lowercased()) }.compactMap(\.first)
        return initials.allSatisfy(\.isUppercase) && String(initials) == letters
    }
}
