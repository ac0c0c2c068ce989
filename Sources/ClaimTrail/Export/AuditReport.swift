/// The text form of a sourcing audit, for reading in a terminal.
public enum AuditReport {
    public static func table(_ audit: SourceAudit) -> String {
        var text = "Source #\(audit.source.id): \(audit.source.title)\n\(audit.attributions) attributions\n\n"
        text += sourcingTable(audit.byCategory, of: audit.attributions)
        let sections: [(String, [Claim])] = [
            ("Claims resting on one voice", audit.singleVoiceClaims),
            ("Claims contested in the store", audit.contestedClaims),
        ]
        for (title, claims) in sections {
            text += "\n\(title): \(claims.count)\n" + claims.map { "  #\($0.id) \($0.text)\n" }.joined()
        }
        text += "\nRelayed attributions: \(audit.relayed.count)\n"
        text += audit.relayed.map { relay in
            "  #\(relay.attributionID) on claim #\(relay.claimID): \(relay.chain); primary source in store: "
                + (relay.primarySourceInStore
                    ? "yes (" + relay.primarySourceIDs.map { "source #\($0)" }.joined(separator: ", ") + ")" : "no")
                + "\n"
        }.joined()
        return text
    }

    /// How many attributions are sourced each way, and their share of `attributions`; shared by the
    /// audit of a stored article and of a draft.
    static func sourcingTable(_ byCategory: [String: Int], of attributions: Int) -> String {
        TextTable(
            headers: ["sourced as", "attributions", "share"],
            rows: SourcingCategory.allCases.map { category in
                let count = byCategory[category.rawValue] ?? 0
                let share = attributions == 0 ? 0 : 100 * count / attributions
                return [category.rawValue, String(count), "\(share)%"]
            }
        ).render()
    }
}
