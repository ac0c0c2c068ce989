import Foundation

/// Reads an import file into records: a JSON document, or JSON Lines with one record per line.
///
/// The file is checked as a whole before anything is written: it must exist, be a regular
/// file, and be valid UTF-8; each problem is reported with the file and line.
struct ImportFile {
    enum Layout: String, Sendable {
        /// `{"sources": [...], "speakers": [...], "claims": [...], "attributions": [...]}`,
        /// or an array of typed records.
        case document
        /// One typed record per line: `{"type": "claim", "text": "..."}`.
        case lines
    }

    let path: String
    /// What messages call the file: its path, unless it has none worth showing (a sync's export of
    /// the other store, read from a file without a name).
    let name: String
    let layout: Layout
    /// The parsed document, for the document layout; lines are read and parsed one at a time.
    private let document: Any?

    /// The sections of a JSON document, in the order they are applied: each refers only to earlier ones.
    static let sections = [
        ("sources", "source"), ("speakers", "speaker"), ("claims", "claim"),
        ("attributions", "attribution"), ("relations", "relation"), ("merges", "merge"), ("changes", "change"),
    ]

    init(path: String, layout: Layout? = nil, name: String? = nil) throws {
        close(try RegularFile.open(path))  // refused now, before any work, if it is not a readable file
        self.path = path
        self.name = name ?? path
        let layout = layout ?? (path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") ? .lines : .document)
        self.layout = layout
        guard layout == .document else {
            document = nil  // lines are read, checked and parsed one at a time
            return
        }
        let data = try RegularFile.contents(path)
        try Self.checkUTF8(data, path: path)
        let json = data.starts(with: Self.byteOrderMark) ? data.dropFirst(Self.byteOrderMark.count) : data
        document = try json.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws -> Any in
            try Self.parse(bytes, at: path, isWholeFile: true)
        }
    }

    /// The ClaimReview nodes, when the document is schema.org JSON-LD rather than claimtrail's own form:
    /// a node, an array of nodes, or an `@graph`.
    var claimReviews: [[String: Any]]? {
        let nodes: [Any]? =
            switch document {
            case let object as [String: Any] where object["@graph"] != nil: object["@graph"] as? [Any]
            case let object as [String: Any] where object["@type"] != nil: [object]
            case let list as [Any] where (list.first as? [String: Any])?["@type"] != nil: list
            default: nil
            }
        return nodes?.compactMap { $0 as? [String: Any] }.filter { JSONLD.type(of: $0) == "ClaimReview" }
    }

    /// Calls `body` with each record, in the order it must be applied.
    /// - Parameter progress: called after each record with how much of the file is done (0…1).
    func forEachRecord(progress: (Double) -> Void = { _ in }, _ body: (ImportRecord) throws -> Void) throws {
        switch layout {
        case .lines:
            var info = stat()
            let size = Double(max(stat(path, &info) == 0 ? info.st_size : 1, 1))
            var consumed = 0
            try LineReader.forEachLine(ofFileAt: path) { lineNumber, whole in
                consumed += whole.count + 1
                defer { progress(Double(consumed) / size) }
                let location = "\(name):\(lineNumber)"
                let line =
                    lineNumber == 1 && whole.starts(with: Self.byteOrderMark)
                    ? .init(rebasing: whole.dropFirst(3)) : whole
                guard line.contains(where: { !Self.isSpace($0) }) else { return }
                guard let object = try Self.parse(line, at: location) as? [String: Any] else {
                    throw ClaimTrailError.importFailed(location: location, reason: "each line must be a JSON object")
                }
                try body(ImportRecord(fields: object, location: location))
            }
        case .document:
            if let list = document as? [Any] {
                for (index, item) in list.enumerated() {
                    try body(try Self.object(item, at: "\(name): [\(index)]"))
                    progress(Double(index + 1) / Double(list.count))
                }
            } else if let object = document as? [String: Any] {
                let known = Set(Self.sections.map(\.0))
                if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
                    throw ClaimTrailError.importFailed(
                        location: name,
                        reason:
                            "unknown section “\(unknown)” (expected: \(Self.sections.map(\.0).joined(separator: ", ")))"
                    )
                }
                let total = Double(max(Self.sections.compactMap { (object[$0.0] as? [Any])?.count }.reduce(0, +), 1))
                var done = 0
                for (section, type) in Self.sections {
                    guard let value = object[section] else { continue }
                    guard let items = value as? [Any] else {
                        throw ClaimTrailError.importFailed(location: name, reason: "“\(section)” must be an array")
                    }
                    for (index, item) in items.enumerated() {
                        let record = try Self.object(item, at: "\(name): \(section)[\(index)]")
                        try body(record.fields["type"] == nil ? record.with("type", type) : record)
                        done += 1
                        progress(Double(done) / total)
                    }
                }
            } else {
                throw ClaimTrailError.importFailed(location: name, reason: "expected a JSON object or array")
            }
        }
    }

    /// The UTF-8 byte order mark (U+FEFF), which some editors write at the start of a file; it is
    /// skipped there, since JSON has no place for it.
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private static func object(_ item: Any, at location: String) throws -> ImportRecord {
        guard let object = item as? [String: Any] else {
            throw ClaimTrailError.importFailed(location: location, reason: "expected a JSON object")
        }
        return ImportRecord(fields: object, location: location)
    }

    /// - Parameter isWholeFile: `json` is the whole file at `location`, so an error names its line too.
    private static func parse(
        _ json: UnsafeRawBufferPointer,
        at location: String,
        isWholeFile: Bool = false
    ) throws -> Any {
        do {
            return try JSONReader.parse(json)
        } catch {
            let isText = String(validating: json, as: UTF8.self) != nil
            let line = 1 + json.prefix(error.offset).lazy.filter { $0 == UInt8(ascii: "\n") }.count
            throw ClaimTrailError.importFailed(
                location: isWholeFile ? "\(location):\(line)" : location,
                reason: isText ? "malformed JSON: \(error.reason)" : "not valid UTF-8"
            )
        }
    }

    /// Finds the first line that is not UTF-8, so the error can name it.
    private static func checkUTF8(_ data: Data, path: String) throws {
        guard String(validating: data, as: UTF8.self) == nil else { return }
        try LineReader.forEachLine(ofFileAt: path) { lineNumber, line in
            if String(validating: line, as: UTF8.self) == nil {
                throw ClaimTrailError.importFailed(location: "\(path):\(lineNumber)", reason: "not valid UTF-8")
            }
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}
