/// The text form of a sourcing audit, for reading in a terminal.
public enum AuditReport {
    /// "1 attribution", "2 attributions": the count an audit's table starts with.
    static func attributions(_ count: Int) -> String { "\(count) attribution\(count == 1 ? "" : "s")" }

    /// - Parameter width: the terminal's width, or nil to cut nothing.
    public static func table(_ audit: SourceAudit, width: Int? = nil) -> String {
        var text = "Source #\(audit.source.id): \(TerminalText.line(audit.source.title))\n"
        text += "Published: \(audit.source.published ?? "undated")\n"
        if let day = audit.retractedOn {
            text += "RETRACTED \(day): \(TerminalText.line(audit.retractionReason ?? ""))\n"
        }
        text += "\(attributions(audit.attributions))\n\n"
        text += sourcingTable(audit.byCategory, width: width)
        let sections: [(String, [Claim])] = [
            ("Claims resting on one voice", audit.singleVoiceClaims),
            ("Claims contested in the store", audit.contestedClaims),
        ]
        for (title, claims) in sections {
            text +=
                "\n\(title): \(claims.count)\n" + claims.map { "  #\($0.id) \(TerminalText.line($0.text))\n" }.joined()
        }
        text += "\nRelayed attributions: \(audit.relayed.count)\n"
        text += audit.relayed.map { relay in
            "  #\(relay.attributionID) on claim #\(relay.claimID): "
                + "\(TerminalText.line(relay.viaChain.joined(separator: " ← "))); primary source in store: "
                + (relay.primarySourceInStore
                    ? "yes (" + relay.primarySourceIDs.map { "source #\($0)" }.joined(separator: ", ") + ")" : "no")
                + "\n"
        }.joined()
        return text
    }

    /// How many attributions are sourced each way, and their shares in whole percentages that add
    /// up to 100; shared by the audit of a stored article and of a draft.
    static func sourcingTable(_ byCategory: [String: Int], width: Int?) -> String {
        let counts = SourcingCategory.allCases.map { byCategory[$0.rawValue] ?? 0 }
        let shares = Percentages.largestRemainder(counts)
        return TextTable(
            headers: ["sourced as", "attributions", "share"],
            rows: SourcingCategory.allCases.indices.map { index in
                [SourcingCategory.allCases[index].rawValue, String(counts[index]), "\(shares[index])%"]
            }
        ).render(width: width)
    }
}
