/// A reconciliation file: names with the Wikidata items they are thought to be, such as a
/// Quotebank or OpenRefine export. CSV with the header `name,qid` or `name,qid,description`, or
/// JSON Lines of `{"name": …, "qid": …, "description": …}` (`.jsonl`, `.ndjson`).
public enum ReconciliationFile {
    public struct Entry: Sendable {
        public var name: String
        public var item: WikidataID
        public var description: String?
        /// `file:line`, for messages.
        public var location: String
    }

    /// Every entry of the file at `path`. A bad header, a missing name or a malformed item is an
    /// error naming the line, so nothing is proposed from a file half read.
    public static func read(atPath path: String) throws -> [Entry] {
        if path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") {
            var entries: [Entry] = []
            try ImportFile(path: path, layout: .lines).forEachRecord { record in
                try record.requireOnly(["name", "qid", "description"])
                entries.append(
                    try entry(
                        name: try record.requiredString("name"),
                        item: try record.requiredString("qid"),
                        description: try record.string("description"),
                        location: record.location
                    )
                )
            }
            return entries
        }
        let records = try CSVReader.records(try TextFile.read(atPath: path), path: path)
        guard let header = records.first?.fields.map({ $0.trimmed().lowercased() }),
            header == ["name", "qid"] || header == ["name", "qid", "description"]
        else {
            throw ClaimTrailError.importFailed(
                location: "\(path):1",
                reason: "the header must be name,qid or name,qid,description"
            )
        }
        return try records.dropFirst().map { record in
            let location = "\(path):\(record.line)"
            guard record.fields.count == header.count else {
                throw ClaimTrailError.importFailed(
                    location: location,
                    reason: "\(record.fields.count) fields where the header has \(header.count)"
                )
            }
            return try entry(
                name: record.fields[0],
                item: record.fields[1],
                description: header.count > 2 ? record.fields[2] : nil,
                location: location
            )
        }
    }

    private static func entry(name: String, item: String, description: String?, location: String) throws -> Entry {
        do {
            guard let name = Reference.clean(name) else { throw ClaimTrailError.invalid("a name is needed") }
            return Entry(
                name: name,
                item: try WikidataID.parse(item.trimmed()),
                description: Reference.clean(description),
                location: location
            )
        } catch let error as ClaimTrailError {
            throw ClaimTrailError.importFailed(location: location, reason: error.description)
        }
    }
}
