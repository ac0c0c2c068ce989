import Foundation

/// The forms of a draft audit: a table for the terminal, JSON and a self-contained HTML page for a
/// newsroom's own tools.
public enum DraftAuditReport {
    /// - Parameter width: the terminal's width, or nil to cut nothing.
    public static func table(_ audit: DraftAudit, width: Int? = nil) -> String {
        var text = "Draft: \(AuditReport.attributions(audit.attributions))\n\n"
        text += AuditReport.sourcingTable(audit.byCategory, width: width)
        text += "\nClaims in the draft\n"
        text += TextTable(
            headers: ["speaker", "claim", "sourced as", "single voice", "confidence", "closest stored claim"],
            rows: audit.rows.map { row in
                [
                    row.speaker ?? "(unattributed)", row.content, row.category.rawValue, row.singleVoice ? "yes" : "",
                    row.confidence.map { String(format: "%.2f", $0) } ?? "",
                    row.matches.first.map { "#\($0.id) (\(String(format: "%.2f", $0.similarity)))" } ?? "",
                ]
            }
        ).render(width: width)
        text += "\nWarnings: \(audit.warnings.count)\n"
        // Stored text, cleaned for the terminal as every line for a person is (`TerminalText`).
        let shown = TerminalText.line
        for warning in audit.warnings {
            text += "  \(shown(warning.message))\n"
            for counter in warning.counterClaims {
                text += "    counter-claim #\(counter.id) “\(shown(counter.text))”\n"
            }
            for verdict in warning.verdicts {
                text += "    verdict by \(shown(verdict.reviewer)): \(shown(verdict.rating))\n"
            }
        }
        return text
    }

    public static func html(_ audit: DraftAudit) -> String {
        let escape = HTMLReport.escape
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>claimtrail draft audit</title></head>
            <body>
            <h1>Draft audit</h1>
            <p>\(audit.attributions) attributions</p>
            <h2>Warnings</h2>

            """
        html += audit.warnings.isEmpty ? "<p>None.</p>\n" : "<ul>\n"
        for warning in audit.warnings {
            html += "<li><strong>\(escape(warning.message))</strong><br>in the draft: <q>\(escape(warning.content))</q>"
            for counter in warning.counterClaims {
                html += "<br>counter-claim #\(counter.id): \(escape(counter.text))"
            }
            for verdict in warning.verdicts {
                html += "<br>verdict by \(escape(verdict.reviewer)): \(escape(verdict.rating))"
            }
            html += "</li>\n"
        }
        if !audit.warnings.isEmpty { html += "</ul>\n" }
        html += "<h2>Claims in the draft</h2>\n<table>\n<tr><th>Speaker</th><th>Claim</th><th>Sourced as</th></tr>\n"
        for row in audit.rows {
            html += "<tr><td>\(escape(row.speaker ?? "(unattributed)"))</td><td>\(escape(row.content))</td>"
            html += "<td>\(escape(row.category.rawValue))\(row.singleVoice ? ", single voice" : "")</td></tr>\n"
        }
        return html + "</table>\n</body>\n</html>\n"
    }
}

extension DraftAudit.Warning: Encodable {
    /// The stored fields and the message built from them, for tools that show it as it is.
    private enum CodingKeys: String, CodingKey {
        case message, content, claimID, claim, similarity, disputedBy, counterClaims, verdicts
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(message, forKey: .message)
        try container.encode(content, forKey: .content)
        try container.encode(claimID, forKey: .claimID)
        try container.encode(claim, forKey: .claim)
        try container.encode(similarity, forKey: .similarity)
        try container.encode(disputedBy, forKey: .disputedBy)
        try container.encode(counterClaims, forKey: .counterClaims)
        try container.encode(verdicts, forKey: .verdicts)
    }
}
