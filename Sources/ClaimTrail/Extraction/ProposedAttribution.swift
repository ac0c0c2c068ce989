import Foundation

/// An attribution relation found in article text: who (speaker), through which cue, said what
/// (content), with the content's place in the input as UTF-8 byte offsets, and how sure the rules are.
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
    /// How certain the speaker and content are, from 0 to 1 (see `AttributionConfidence`), so that a
    /// review queue can show the doubtful proposals first. Annotated (gold) relations are certain: 1.
    public var confidence: Double = 1

    enum CodingKeys: String, CodingKey {
        case speaker, speakerRole, cue, content, mode, start, end, confidence
    }

    public init(
        speaker: String,
        speakerRole: String?,
        cue: String,
        content: String,
        mode: Mode,
        start: Int,
        end: Int,
        confidence: Double = 1
    ) {
        self.speaker = speaker
        self.speakerRole = speakerRole
        self.cue = cue
        self.content = content
        self.mode = mode
        self.start = start
        self.end = end
        self.confidence = confidence
    }

    /// Gold files written before confidences existed have none; an annotated relation is certain.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            speaker: try container.decode(String.self, forKey: .speaker),
            speakerRole: try container.decodeIfPresent(String.self, forKey: .speakerRole),
            cue: try container.decode(String.self, forKey: .cue),
            content: try container.decode(String.self, forKey: .content),
            mode: try container.decode(Mode.self, forKey: .mode),
            start: try container.decode(Int.self, forKey: .start),
            end: try container.decode(Int.self, forKey: .end),
            confidence: try container.decodeIfPresent(Double.self, forKey: .confidence) ?? 1
        )
    }
}

extension ProposedAttribution {
    /// The mode the attribution is recorded with, and the mode every report shows for the proposal:
    /// a mixed quote ("said Russia would provide the “most active” support") is reported speech,
    /// `indirect`, as the store has no mixed mode. Only the extractor's evaluation tells them apart.
    public var recordedMode: ClaimTrail.Mode { mode == .direct ? .direct : .indirect }

    /// The JSON the `extract` command prints: the mode as recorded (see `recordedMode`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(speaker, forKey: .speaker)
        try container.encode(speakerRole, forKey: .speakerRole)
        try container.encode(cue, forKey: .cue)
        try container.encode(content, forKey: .content)
        try container.encode(recordedMode.rawValue, forKey: .mode)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(confidence, forKey: .confidence)
    }
}

extension ProposedAttribution: Tabular {
    public static let columns = ["speaker", "speaker_role", "cue", "content", "mode", "start", "end", "confidence"]
    public var cells: [String] {
        [
            speaker, speakerRole ?? "", cue, content, recordedMode.rawValue, String(start), String(end),
            String(format: "%.2f", confidence),
        ]
    }
}

extension ProposedAttribution {
    /// Whether the speaker is a description rather than a name: "a senior defense official",
    /// "two officials". Such a speaker is recorded as anonymous.
    public var speakerIsDescription: Bool { Self.isDescription(speaker) }

    static func isDescription(_ speaker: String) -> Bool {
        let first = speaker.lowercased().split(separator: " ").first.map(String.init) ?? ""
        return ["a", "an", "one", "two", "three", "several", "some", "many"].contains(first)
    }
}
