/// The attribution graph in Graphviz DOT: speakers point at the claims they assert (green),
/// deny (red) or question (orange); counter-claims point at what they contradict (dashed).
public enum DOTGraph {
    public static func render(from store: ClaimStore, scope: ClaimScope) throws -> String {
        try store.read { try render(claims: try store.claims(in: scope), from: store) }
    }

    private static func render(claims: [Claim], from store: ClaimStore) throws -> String {
        var lines = [
            "digraph claimtrail {", "  rankdir=LR;", "  node [fontname=\"Helvetica\", fontsize=10];",
            "  edge [fontname=\"Helvetica\", fontsize=9];",
        ]
        var speakers: [String: String] = [:]
        var edges: [String] = []
        for claim in claims {
            let id = claim.id
            lines.append("  \(quoted("claim\(id)")) [shape=note, label=\(quoted("#\(id) " + wrap(claim.text)))];")
            for row in try store.provenance.rows(.claim(id)) {
                let (node, label) =
                    row.speakerID.map { ("speaker\($0)", row.speaker ?? "") }
                    ?? ("source\(row.sourceID)", "\(ProvenanceRow.unattributed)\n\(row.sourceTitle)")
                speakers[node] = row.speakerRole.map { "\(label)\n(\($0))" } ?? label
                edges.append(
                    "  \(quoted(node)) -> \(quoted("claim\(id)")) [color=\(color(row.stance)), label=\(quoted(row.stance.rawValue))];"
                )
            }
        }
        for (node, label) in speakers.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(quoted(node)) [shape=box, style=rounded, label=\(quoted(wrap(label)))];")
        }
        lines += edges
        for relation in try store.relations(among: claims.map(\.id)) {
            let style = relation.kind == .contradicts ? "dashed, color=red" : "dotted, color=darkgreen"
            lines.append(
                "  \(quoted("claim\(relation.from)")) -> \(quoted("claim\(relation.to)")) [style=\(style), label=\(quoted(relation.kind.rawValue))];"
            )
        }
        return (lines + ["}"]).joined(separator: "\n") + "\n"
    }

    private static func color(_ stance: Stance) -> String {
        switch stance {
        case .asserts: "darkgreen"
        case .denies: "red"
        case .questions: "orange"
        }
    }

    /// A DOT string literal: backslashes and quotes escaped, line breaks (LF, or CR LF) as DOT's
    /// `\n`, and carriage returns and NULs dropped.
    static func quoted(_ text: String) -> String {
        let escaped = text.escaped {
            switch $0 {
            case "\\": "\\\\"
            case "\"": "\\\""
            case "\n": "\\n"
            case "\r", "\0": ""
            default: nil
            }
        }
        return "\"" + escaped + "\""
    }

    /// Breaks long labels into lines of about 32 characters at spaces.
    private static func wrap(_ text: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty && line.count + word.count > 32 {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        return (lines + [line]).joined(separator: "\n")
    }
}
