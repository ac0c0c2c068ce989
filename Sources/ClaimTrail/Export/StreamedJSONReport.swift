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

    /// Writes `report` into `output`'s buffer.
    /// - Parameters:
    ///   - observe: told of each row of the document's own `attributions` as it is written.
    ///   - completed: the report as those rows complete it, whose members after `attributions`
    ///     are written in place of `report`'s: a claim trace's spread and undated counts, which
    ///     sort after its rows, are gathered as the rows go out, so the rows are read only once.
    func write(
        _ report: some Encodable,
        to output: TextOutput,
        observing observe: (ProvenanceRecord) throws -> Void = { _ in },
        completed: () throws -> (any Encodable)? = { nil }
    ) throws {
        let tree = try ReportTreeEncoder.tree(of: report)
        var stream = PrettyJSONStream(into: output)
        // The document is an object, opened here even when it holds no rows to stream.
        guard case .object(let fields) = tree else { return try output.write(try JSONReport.encode(report)) }
        try write(fields, key: nil, to: &stream, observing: observe) {
            guard let report = try completed(), case .object(let fields) = try ReportTreeEncoder.tree(of: report)
            else { return nil }
            return fields
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

    /// An object whose `attributions`, when `rows` names them, are read from the store row by
    /// row, each shown to `observe`; the members after them are `completed`'s when it has them.
    private func write(
        _ fields: [String: ReportNode],
        key: String?,
        to stream: inout PrettyJSONStream,
        observing observe: (ProvenanceRecord) throws -> Void = { _ in },
        completed: () throws -> [String: ReportNode]? = { nil }
    ) throws {
        try stream.open(key)
        guard fields["attributions"] != nil, let scope = rows(fields) else {
            for key in fields.keys.sorted() { try write(fields[key]!, key: key, to: &stream) }
            return try stream.close()
        }
        for key in fields.keys.sorted() where key < "attributions" { try write(fields[key]!, key: key, to: &stream) }
        try stream.openArray("attributions")
        try query.forEachRecord(scope, limit: limit) { record in
            try observe(record)
            try stream.element(try record.row())
        }
        try stream.close()
        // The completed report may have members the first lacked (JSONEncoder leaves out a nil).
        let rest = try completed() ?? fields
        for key in rest.keys.sorted() where key > "attributions" { try write(rest[key]!, key: key, to: &stream) }
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
