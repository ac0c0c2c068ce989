import ClaimTrail
import Hummingbird

/// Reports to download, as `export` writes them: `GET /export?format=F` with `claim=ID` (the
/// claim, and for all but CSV the claims linked to it) or `contested=1`, else the whole store.
/// Any signed-in account may download. Each is streamed from one read transaction.
struct DownloadRoutes {
    let store: StoreAccess

    /// The formats a desk hands on: spreadsheets, claimtrail itself, PROV tools, fact-check feeds.
    enum Format: String, CaseIterable {
        case csv, json
        case provJSON = "prov-json"
        case claimreview

        var contentType: String {
            switch self {
            case .csv: "text/csv; charset=utf-8"
            case .json, .provJSON: "application/json; charset=utf-8"
            case .claimreview: "application/ld+json; charset=utf-8"
            }
        }

        var fileExtension: String {
            switch self {
            case .csv: "csv"
            case .json: "json"
            case .provJSON: "prov.json"
            case .claimreview: "claimreview.jsonld"
            }
        }

        /// Writes the report of `scope` to `output`; as CSV, a claim's rows are its own alone.
        func write(_ scope: ClaimScope, from store: ClaimStore, to output: TextOutput) throws {
            switch self {
            case .csv:
                let rows: ProvenanceQuery.Scope =
                    switch scope {
                    case .claim(let id): .claim(id)
                    case .contested: .claims(try store.claimIDs(in: .contested))
                    case .all: .all
                    }
                try ProvenanceReport.writeCSV(from: store, scope: rows, to: output)
            case .json: try InterchangeDocument.write(from: store, scope: scope, to: output)
            case .provJSON: try ProvDocument.write(from: store, scope: scope) { try output.write($0) }
            case .claimreview: try ClaimReviewDocument.write(from: store, scope: scope) { try output.write($0) }
            }
        }
    }

    func add(to router: Router<DeskContext>) {
        for path in ["/export", "/api/export"] {
            router.on(path, query: ["format", "claim", "contested"]) { _, context, query in
                try await download(query, context)
            }
        }
    }

    /// One claim at most, as `export --claim` takes one: `claim=1&claim=2` is refused (`QueryInput`).
    private func download(_ query: QueryInput, _ context: DeskContext) async throws -> Response {
        _ = try await context.signedIn(store).require(.viewer)
        let name = query["format"] ?? "csv"
        guard let format = Format(rawValue: name) else {
            let formats = Format.allCases.map(\.rawValue).joined(separator: ", ")
            throw ClaimTrailError.invalid("format must be one of \(formats), not “\(name)”")
        }
        let claimID = try query["claim"].map { text in
            guard let id = Int64(text), id > 0 else { throw ClaimTrailError.invalid("claim must be a claim id") }
            return id
        }
        let contested = ["1", "true", "yes"].contains(query["contested"] ?? "")
        let scope: ClaimScope = claimID.map { .claim($0) } ?? (contested ? .contested : .all)
        // Asked before the headers go: a claim that does not exist is a 404, not an empty file.
        if let claimID {
            guard try await store.read({ try $0.claim(id: claimID) }) != nil else {
                throw ClaimTrailError.notFound("no claim #\(claimID)")
            }
        }
        let file = "claimtrail-\(claimID.map { "claim-\($0)" } ?? (contested ? "contested" : "all"))"
        return Response(
            status: .ok,
            headers: [
                .contentType: format.contentType,
                .contentDisposition: "attachment; filename=\"\(file).\(format.fileExtension)\"",
            ],
            body: store.stream { store, output in try format.write(scope, from: store, to: output) }
        )
    }
}
