/// An attribution relation found in article text: who (speaker), through which cue, said what
/// (content), with the content's place in the input as UTF-8 byte offsets.
public struct ProposedAttribution: Codable, Equatable, Sendable {
    public enum Mode: String, Codable, Sendable {
        /// Verbatim, inside quotation marks.
        case direct
        /// Reported in the writer's words.
        case indirect
        /// Reported, with some words quoted: said Russia would provide the “most active” support.
        case mixed
    }

    public var speaker: String
    public var speakerRole: String?
    public var cue: String
    public var content: String
    public var mode: Mode
    /// UTF-8 byte offset where the content starts in the input.
    public var start: Int
    /// UTF-8 byte offset just past the content.
    public var end: Int
}

extension ProposedAttribution: Tabular {
    public static let columns = ["speaker", "speaker_role", "cue", "content", "mode", "start", "end"]
    public var cells: [String] {
        [speaker, speakerRole ?? "", cue, content, mode.rawValue, String(start), String(end)]
    }
}

extension ProposedAttribution {
    /// How sure the rules are of this proposal, from 0 to 1: a plain score, not a probability.
    /// A verbatim quote with a named speaker scores highest. Reported speech is less sure
    /// (where the content starts and ends is guessed), and so is a speaker given only as a
    /// description ("a senior official") or found in lower-cased, tokenised text. A very short
    /// content is often a fragment. `review list` shows the least sure first.
    public var confidence: Double {
        var score =
            switch mode {
            case .direct: 0.9
            case .mixed: 0.75
            case .indirect: 0.65
            }
        if speakerIsDescription { score -= 0.2 }
        if !speaker.contains(where: \.isUppercase) { score -= 0.1 }
        if content.split(whereSeparator: \.isWhitespace).count < 5 { score -= 0.1 }
        return (max(0.05, min(1, score)) * 100).rounded() / 100
    }

    /// Whether the speaker is a description rather than a name: "a senior defense official",
    /// "two officials". Such a speaker is recorded as anonymous.
    public var speakerIsDescription: Bool { Self.isDescription(speaker) }

    static func isDescription(_ speaker: String) -> Bool {
        let first = speaker.lowercased().split(separator: " ").first.map(String.init) ?? ""
        return ["a", "an", "one", "two", "three", "several", "some", "many"].contains(first)
    }
}
