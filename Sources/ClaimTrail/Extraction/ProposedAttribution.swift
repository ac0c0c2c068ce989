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
