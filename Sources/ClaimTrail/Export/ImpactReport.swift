/// The text form of an impact: each list under its heading, stored text cleaned for the terminal.
public enum ImpactReport {
    public static func text(_ impact: Impact) -> String {
        var text = "Impact of \(impact.subject)\n"
        text += "\nAttributions (\(impact.attributions.count))\n" + attributions(impact.attributions)
        text += "\nRelayed downstream (\(impact.relayed.count))\n" + attributions(impact.relayed)
        text += "\nClaims whose standing changes (\(impact.claims.count))\n"
        text += impact.claims.map {
            "  #\($0.claimID) \(shown($0.claim)): \($0.changes.map(\.rawValue).joined(separator: ", "))\n"
        }.joined()
        text += "\nVerdicts (\(impact.verdicts.count))\n"
        text += impact.verdicts.map {
            "  claim #\($0.claimID): \(shown($0.rating)) (\(shown($0.reviewer)))"
                + "\($0.url.map { " " + shown($0) } ?? "")\n"
        }.joined()
        return text
    }

    private static func attributions(_ rows: [Impact.Attribution]) -> String {
        rows.map { row in
            let via = row.viaID.map { ", via #\($0)" } ?? ""
            return "  #\(row.attributionID) claim #\(row.claimID): "
                + shown("\(row.speaker ?? ProvenanceRow.unattributed) in \(row.source)") + via + "\n"
        }.joined()
    }

    private static func shown(_ text: String) -> String { TerminalText.line(text) }
}
