import Foundation

/// `JSONReport`'s output for a report whose lists of attributions are too long to hold (a
/// trace with `--limit 0`): the report is built with those lists empty, and each is written
/// from the store in its place as the rows are read. The bytes are those of `JSONReport.encode`
/// of the report built whole; only one row is held at a time.
struct StreamedJSONReport {
    /// For an object of the report that has an `attributions` list, the rows that fill it.
    let rows: ([String: ReportNode]) -> ProvenanceQuery.Scope?
    let query: ProvenanceQuery
    let limit: Int?

    init(rows: @escaping ([String: ReportNode]) -> ProvenanceQuery.Scope?, query: ProvenanceQuery, limit: Int?) {
        self.rows = rows
        self.query = query
        self.limit = limit
    }

    func write(_ report: some Encodable, to emit: (String) throws -> Void) throws {
        try write(try ReportTreeEncoder.tree(of: report), depth: 0, to: emit)
        try emit("\n")
    }

    private func write(_ node: ReportNode, depth: Int, to emit: (String) throws -> Void) throws {
        let inner = String(repeating: "  ", count: depth + 1)
        let closing = "\n" + String(repeating: "  ", count: depth)
        switch node {
        case .object(let fields) where streams(node):
            let scope = fields["attributions"] == nil ? nil : rows(fields)
            try emit("{")
            for (index, key) in fields.keys.sorted().enumerated() {
                var quoted = ""
                JSONValue.appendQuoted(key, to: &quoted)
                try emit((index > 0 ? ",\n" : "\n") + inner + quoted + " : ")
                if key == "attributions", let scope {
                    try writeRows(scope, depth: depth + 1, to: emit)
                } else {
                    try write(fields[key]!, depth: depth + 1, to: emit)
                }
            }
            try emit(closing + "}")
        case .array(let items) where streams(node):
            try emit("[")
            for (index, item) in items.enumerated() {
                try emit((index > 0 ? ",\n" : "\n") + inner)
                try write(item, depth: depth + 1, to: emit)
            }
            try emit(closing + "]")
        default: try emit(try encoded(node, depth: depth))
        }
    }

    /// The rows of `scope` as a JSON array at `depth`, written one by one.
    private func writeRows(_ scope: ProvenanceQuery.Scope, depth: Int, to emit: (String) throws -> Void) throws {
        let inner = String(repeating: "  ", count: depth + 1)
        var count = 0
        try emit("[")
        try query.forEach(scope, limit: limit) { row in
            try emit(
                (count > 0 ? ",\n" : "\n") + inner
                    + (try encoded(try ReportTreeEncoder.tree(of: row), depth: depth + 1))
            )
            count += 1
        }
        // JSONEncoder writes an empty array as `[`, a blank line, `]`.
        try emit((count == 0 ? "\n\n" : "\n") + String(repeating: "  ", count: depth) + "]")
    }

    /// Whether a list of rows to stream lies in `node`.
    private func streams(_ node: ReportNode) -> Bool {
        switch node {
        case .object(let fields):
            fields["attributions"] != nil && rows(fields) != nil || fields.values.contains(where: streams)
        case .array(let items): items.contains(where: streams)
        default: false
        }
    }

    /// `node` as `JSONReport` lays it out when it sits `depth` levels deep.
    private func encoded(_ node: ReportNode, depth: Int) throws -> String {
        var text = ""
        try node.appendPretty(to: &text, depth: depth)
        return text
    }
}
