import ClaimTrail
import Hummingbird

/// The pages, each also JSON (under `/api/`, with a `.json` suffix, or when JSON is accepted),
/// built from the library values the matching command prints. Any signed-in account may read.
struct ReadRoutes {
    let store: StoreAccess

    /// Claims per page of the contested list, unless `limit` asks for fewer (at most 200).
    static let pageSize = 50

    func add(to router: Router<DeskContext>) {
        for prefix in ["", "/api"] {
            router.get("\(prefix)/contested") { request, context in try await contested(request, context) }
            router.get("\(prefix)/claims/:id") { _, context in
                try await claim(try Self.pathID(context, "claim"), context)
            }
            router.get("\(prefix)/speakers/:id") { _, context in try await speaker(context) }
            router.get("\(prefix)/sources/:id/audit") { _, context in try await audit(context) }
            router.get("\(prefix)/search") { request, context in try await search(request, context) }
            router.get("\(prefix)/review") { _, context in try await review(context) }
            router.get("\(prefix)/queue") { _, context in try await myQueue(context) }
        }
        router.get("/api/me") { _, context in try Response.json(try context.require(.viewer)) }
    }

    private func contested(_ request: Request, _ context: DeskContext) async throws -> Response {
        _ = try context.require(.viewer)
        let query = request.uri.queryParameters
        let topic = query["topic"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let offset = try Self.count(query["offset"], name: "offset") ?? 0
        let limit = min(try Self.count(query["limit"], name: "limit") ?? Self.pageSize, 200)
        let page = try await store.read { store in
            // One more than shown, to know whether a next page exists.
            let claims = try store.contestedClaims(topic: topic, limit: limit + 1, offset: offset)
            return ContestedPage(
                claims: Array(claims.prefix(limit)),
                topic: topic,
                offset: offset,
                limit: limit,
                hasMore: claims.count > limit
            )
        }
        return try .page(page, title: "Contested claims", context: context, html: page.html)
    }

    /// The claim page; after a refused form, with the refusal above it.
    func claim(_ id: Int64, _ context: DeskContext, refusal: (any Error)? = nil) async throws -> Response {
        _ = try context.require(.viewer)
        let page = try await store.read { store in
            let trace = try store.traceClaim("#\(id)", limit: 200)
            let labels = try store.statusLabels()
            return ClaimPage(
                trace: trace,
                verdicts: try store.verdicts(claimID: trace.claim.id),
                statusLabel: labels[trace.status] ?? trace.status.rawValue,
                statusLabels: labels
            )
        }
        return try .page(
            page,
            title: "Claim #\(page.trace.claim.id)",
            context: context,
            refusal: refusal,
            html: page.html
        )
    }

    /// The extractor's proposals waiting for review, least confident first (`review list`); after a
    /// refused decision, with the refusal above them.
    func review(_ context: DeskContext, refusal: (any Error)? = nil) async throws -> Response {
        _ = try context.require(.viewer)
        let page = ReviewPage(proposals: try await store.read { try $0.pendingProposals() })
        return try .page(page, title: "Review queue", context: context, refusal: refusal, html: page.html)
    }

    /// The open claims the signed-in account holds: `queue --mine`, with the account as the recorder.
    private func myQueue(_ context: DeskContext) async throws -> Response {
        let account = try context.require(.viewer)
        let claims = try await store.read {
            try $0.queue(QueueFilter(assignee: account.name, limit: QueuePage.limit))
        }
        let page = QueuePage(assignee: account.name, claims: claims)
        return try .page(page, title: "My queue", context: context, html: page.html)
    }

    private func speaker(_ context: DeskContext) async throws -> Response {
        _ = try context.require(.viewer)
        let id = try Self.pathID(context, "speaker")
        let trace = try await store.read { try $0.traceSpeaker("#\(id)", limit: 200) }
        return try .page(trace, title: trace.speaker.name, context: context) { SpeakerPage.html(trace, $0) }
    }

    private func audit(_ context: DeskContext) async throws -> Response {
        _ = try context.require(.viewer)
        let id = try Self.pathID(context, "source")
        let audit = try await store.read { try $0.audit(source: "#\(id)") }
        return try .page(audit, title: "Sourcing of \(audit.source.title)", context: context) {
            SourceAuditPage.html(audit, $0)
        }
    }

    private func search(_ request: Request, _ context: DeskContext) async throws -> Response {
        _ = try context.require(.viewer)
        let query = request.uri.queryParameters["q"].map(String.init) ?? ""
        let hits =
            query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            ? [] : try await store.read { try $0.search(query, limit: 50) }
        let page = SearchPage(query: query, hits: hits)
        return try .page(page, title: "Search", context: context, html: page.html)
    }

    /// The id in the path: digits only, else there is no such thing (404).
    static func pathID(_ context: DeskContext, _ what: String) throws -> Int64 {
        let text = context.parameters.get("id") ?? ""
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let id = Int64(text) else {
            throw ClaimTrailError.notFound("no \(what) “\(text)”")
        }
        return id
    }

    /// A count from the query string: a whole number from 0, or a clear error.
    static func count(_ text: Substring?, name: String) throws -> Int? {
        try text.map { text in
            guard let number = Int(text), number >= 0 else {
                throw ClaimTrailError.invalid("\(name) must be a whole number from 0")
            }
            return number
        }
    }
}
