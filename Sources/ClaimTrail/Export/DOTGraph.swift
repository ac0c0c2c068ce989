/// The attribution graph in Graphviz DOT: speakers point at the claims they assert (green),
/// deny (red) or question (orange); counter-claims point at what they contradict (dashed).
public enum DOTGraph: StoreDocument {
    /// Writes the graph as it reads the store, in one snapshot: claim nodes go straight out, the
    /// edges wait in a `SpillFile` until the speaker nodes, which are few and written sorted, are
    /// out. Memory holds the speaker nodes, never the attributions.
    public static func write(from store: ClaimStore, scope: ClaimScope, to emit: (String) throws -> Void) throws {
        try store.read {
            try emit(
                """
                digraph claimtrail {
                  rankdir=LR;
                  node [fontname="Helvetica", fontsize=10];
                  edge [fontname="Helvetica", fontsize=9];

                """
            )
            var speakers: [String: String] = [:]
            // Retracted sources (few) with the claims they carry, drawn after the speakers.
            var retracted: [Int64: (title: String, claims: Set<Int64>)] = [:]
            let edges = try SpillFile()
            let ids = try store.claimIDs(in: scope)
            let provenance = store.provenance
            for id in ids {
                guard let claim = try store.claim(id: id) else { continue }
                try emit("  \(quoted("claim\(id)")) [shape=note, label=\(quoted("#\(id) " + wrap(claim.text)))];\n")
                try provenance.forEach(.claim(id)) { row in
                    let (node, label) =
                        row.speakerID.map { ("speaker\($0)", row.speaker ?? "") }
                        ?? ("source\(row.sourceID)", "\(ProvenanceRow.unattributed)\n\(row.sourceTitle)")
                    speakers[node] = row.speakerRole.map { "\(label)\n(\($0))" } ?? label
                    var edge = "color=\(color(row.stance)), label=\(quoted(row.stance.rawValue))"
                    if row.sourceRetractedOn != nil {
                        retracted[row.sourceID, default: (row.sourceTitle, [])].claims.insert(id)
                        edge =
                            "color=\(color(row.stance)), style=dashed, "
                            + "label=\(quoted(row.stance.rawValue + "\n(retracted source)"))"
                    }
                    try edges.write("  \(quoted(node)) -> \(quoted("claim\(id)")) [\(edge)];\n")
                }
            }
            for (node, label) in speakers.sorted(by: { $0.key < $1.key }) {
                try emit("  \(quoted(node)) [shape=box, style=rounded, label=\(quoted(wrap(label)))];\n")
            }
            try edges.copy(to: emit)
            try writeRetracted(retracted, from: store, to: emit)
            for relation in try store.relations(among: ids) {
                let style = relation.kind == .contradicts ? "dashed, color=red" : "dotted, color=darkgreen"
                try emit(
                    "  \(quoted("claim\(relation.from)")) -> \(quoted("claim\(relation.to)")) "
                        + "[style=\(style), label=\(quoted(relation.kind.rawValue))];\n"
                )
            }
            try emit("}\n")
        }
    }

    /// Each retracted source as a dashed red node saying when and why, linked to the claims it carries.
    private static func writeRetracted(
        _ sources: [Int64: (title: String, claims: Set<Int64>)],
        from store: ClaimStore,
        to emit: (String) throws -> Void
    ) throws {
        for (id, source) in sources.sorted(by: { $0.key < $1.key }) {
            let notice = try store.publisherNotice(ofSource: id)
            let label = ["RETRACTED \(notice.retractedOn ?? "")", source.title, notice.retractionReason ?? ""]
                .map(wrap).joined(separator: "\n")
            let node = quoted("retracted\(id)")
            try emit("  \(node) [shape=box, style=dashed, color=red, fontcolor=red, label=\(quoted(label))];\n")
            for claim in source.claims.sorted() {
                try emit("  \(node) -> \(quoted("claim\(claim)")) [style=dashed, color=red, arrowhead=none];\n")
            }
        }
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
