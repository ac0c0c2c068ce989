/// The text form of a claim's origins: each first-hand statement, with the relays made from it
/// indented below it, so "14 outlets" reads as the few statements they came from.
public enum OriginsReport {
    public static func text(_ origins: ClaimOrigins) -> String {
        var text = "Claim #\(origins.claimID): \(shown(origins.claim))\n"
        text += ClaimOrigins.counts(origins.sources, origins.independentOrigins, origins.firstHandDenials) + "\n"
        if origins.origins.isEmpty { text += "\nNo first-hand statements asserting the claim recorded.\n" }
        for origin in origins.origins { text += "\n" + tree(origin, depth: 0) }
        if !origins.likelyOneOrigin.isEmpty {
            text += "\nLikely one origin (same speaker, day and quote in different sources, no via):\n"
            for group in origins.likelyOneOrigin {
                text += "  " + group.map { "#\($0)" }.joined(separator: ", ") + "\n"
            }
        }
        if !origins.circularCitations.isEmpty {
            text += "\nCircular citation:\n"
            for circle in origins.circularCitations {
                text += "  \(shown(circle.sources.joined(separator: " ← "))) (attribution #\(circle.attributionID))\n"
            }
        }
        return text
    }

    /// One node's line, "#id date speaker in source: “quote”", then its relays one step further in.
    private static func tree(_ node: ClaimOrigins.Node, depth: Int) -> String {
        let indent = depth == 0 ? "" : String(repeating: "   ", count: depth - 1) + "└─ "
        var line = "#\(node.attributionID) \(node.date ?? "undated") "
        line += "\(node.speaker ?? ProvenanceRow.unattributed) in \(node.source)"
        line += node.quote.map { ": “\($0)”" } ?? ""
        return indent + shown(line) + "\n" + node.relays.map { tree($0, depth: depth + 1) }.joined()
    }

    private static func shown(_ text: String) -> String { TerminalText.line(text) }
}
