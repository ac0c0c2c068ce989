import Foundation

/// The review queue for reading in a terminal: what a reviewer decides on (who, through which cue,
/// what, how sure), with the rest of a proposal left to CSV and JSON.
public enum ProposalReport {
    /// - Parameter width: the terminal's width, or nil to cut nothing.
    public static func table(_ items: [ProposalItem], width: Int? = nil) -> String {
        guard !items.isEmpty else { return "No proposals waiting for review.\n" }
        return TextTable(
            headers: ["id", "confidence", "source", "speaker", "cue", "content", "mode"],
            rows: items.map { item in
                [
                    String(item.attributionID), String(format: "%.2f", item.confidence), "#\(item.sourceID)",
                    item.speaker + (item.speakerID == nil ? " (new)" : ""), item.cue ?? "", item.content, item.mode,
                ]
            }
        ).render(width: width)
    }
}
