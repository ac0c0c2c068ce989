/// `JSONReport`'s output for a report whose lists of attributions are too long to hold (a
/// trace with `--limit 0`): the report is built with those lists empty, and each is written
/// from the store in its place as the rows are read, through `PrettyJSONStream`. The bytes are
/// those of `JSONReport.encode` of the report built whole; only one row is held at a time.
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
        let tree = try ReportTreeEncoder.tree(of: report)
        try withoutActuallyEscaping(emit) { emit in
            var stream = PrettyJSONStream(emit)
            // The document is an object, opened here even when it holds no rows to stream.
            guard case .object(let fields) = tree else { return try emit(try JSONReport.encode(report)) }
            try write(fields, key: nil, to: &stream)
        }
    }

    /// `node` as the next member (`key`) or element of what `stream` has open.
    private func write(_ node: ReportNode, key: String?, to stream: inout PrettyJSONStream) throws {
        switch node {
        case .object(let fields) where streams(node): try write(fields, key: key, to: &stream)
        case .array(let items) where streams(node):
            try stream.openArray(key)
            for item in items { try write(item, key: nil, to: &stream) }
            try stream.close()
        default:
            try stream.node(node, key: key)
        }
    }

    /// An object whose `attributions`, when `rows` names them, are read from the store row by row.
    private func write(_ fields: [String: ReportNode], key: String?, to stream: inout PrettyJSONStream) throws {
        let scope = fields["attributions"] == nil ? nil : rows(fields)
        try stream.open(key)
        for key in fields.keys.sorted() {
            if key == "attributions", let scope {
                try stream.openArray(key)
                try query.forEach(scope, limit: limit) { try stream.element($0) }
                try stream.close()
            } else {
                try write(fields[key]!, key: key, to: &stream)
            }
        }
        try stream.close()
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
}
