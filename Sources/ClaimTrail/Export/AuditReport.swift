/// The text form of a sourcing audit, for reading in a terminal.
public enum AuditReport {
    public static func table(_ audit: SourceAudit) -> String {
        var text =
            "Source #\(audit.source.id): \(TerminalText.line(audit.source.title))\n"
            + "\(audit.attributions) attributions\n\n"
        text += TextTable(
            headers: ["sourced as", "attributions", "share"],
            rows: SourcingCategory.allCases.map { category in
                let count = audit.byCategory[category.rawValue] ?? 0
                let share = audit.attributions == 0 ? 0 : 100 * count / audit.attributions
                return [category.rawValue, String(count), "\(share)%"]
            }
        ).render()
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
            "  #\(relay.attributionID) on claim #\(relay.claimID): \(TerminalText.line(relay.chain)); "
                + "primary source in store: "
                + (relay.primarySourceInStore
                    ? "yes (" + relay.primarySourceIDs.map { "source #\($0)" }.joined(separator: ", ") + ")" : "no")
                + "\n"
        }.joined()
        return text
    }
}
