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
            router.on("\(prefix)/contested", query: ["topic", "status", "assignee", "offset", "limit"]) {
                _,
                context,
                query in try await contested(query, context)
            }
            router.on("\(prefix)/claims/:id", query: ["offset"]) { _, context, query in
                try await claim(try Self.pathID(context, "claim"), context, offset: try query.count("offset") ?? 0)
            }
            router.on("\(prefix)/speakers/:id", query: ["offset"]) { _, context, query in
                try await speaker(context, offset: try query.count("offset") ?? 0)
            }
            router.on("\(prefix)/sources/:id/audit") { _, context, _ in try await audit(context) }
            router.on("\(prefix)/search", query: ["q", "offset"]) { _, context, query in
                try await search(query, context)
            }
            router.on("\(prefix)/review", query: ["source"]) { _, context, query in
                try await review(context, source: query.filled("source"))
            }
            router.on("\(prefix)/queue", query: ["status", "offset"]) { _, context, query in
                try await myQueue(query, context)
            }
        }
        router.on("/api/me") { _, context, _ in try Response.json(try await context.signedIn(store).require(.viewer)) }
    }

    private func contested(_ query: QueryInput, _ context: DeskContext) async throws -> Response {
        // The filter form's empty (or blank) field means any topic, status or holder, as a blank
        // form field does; a status is its name or the desk's label, as `contested --status` takes it.
        let (topic, assignee) = (query.filled("topic"), query.filled("assignee"))
        let offset = try query.count("offset") ?? 0
        let limit = min(try query.count("limit", from: 1) ?? Self.pageSize, 200)
        return try await serve(context) { store, _ in
            let status = try query.filled("status").map(store.resolveStatus)
            // One more than shown, to know whether a next page exists.
            let claims = try store.contestedClaims(
                topic: topic,
                status: status,
                assignee: assignee,
                limit: limit + 1,
                offset: offset
            )
            return ContestedPage(
                claims: Array(claims.prefix(limit)),
                topic: topic,
                status: status?.rawValue,
                assignee: assignee,
                offset: offset,
                limit: limit,
                hasMore: claims.count > limit
            )
        }
    }

    /// The claim page, its timeline from `offset`; after a refused form, with the refusal above it.
    func claim(
        _ id: Int64,
        _ context: DeskContext,
        offset: Int = 0,
        refusal: (any Error)? = nil
    ) async throws -> Response {
        try await serve(context, refusal: refusal) { store, _ in
            let trace = try store.traceClaim("#\(id)", limit: ClaimPage.timelineLimit, offset: offset)
            let labels = try store.statusLabels()
            return ClaimPage(
                trace: trace,
                verdicts: try store.verdicts(claimID: trace.claim.id),
                statusLabel: labels[trace.status] ?? trace.status.rawValue,
                statusLabels: labels,
                offset: offset
            )
        }
    }

    /// The extractor's proposals waiting for review, least confident first (`review list`), only
    /// `source`'s when given (an id, URL or title, as `review list --source` takes it); after a
    /// refused decision, with the refusal above them.
    func review(_ context: DeskContext, source: String? = nil, refusal: (any Error)? = nil) async throws -> Response {
        try await serve(context, refusal: refusal) { store, _ in
            let source = try source.map { typed in
                // A source the query names that does not exist is a bad query (400), not a missing page.
                do { return try store.resolveSource(typed) } catch ClaimTrailError.notFound(let message) {
                    throw ClaimTrailError.invalid(message)
                }
            }
            return ReviewPage(proposals: try store.pendingProposals(sourceID: source?.id), source: source)
        }
    }

    /// The open claims the signed-in account holds: `queue --mine`, with the account as the
    /// recorder, a page at a time from `offset`, only those with `status` when given.
    private func myQueue(_ query: QueryInput, _ context: DeskContext) async throws -> Response {
        let offset = try query.count("offset") ?? 0
        return try await serve(context) { store, account in
            let status = try query.filled("status").map(store.resolveStatus)
            let filter = QueueFilter(assignee: account.name, status: status, limit: QueuePage.limit + 1, offset: offset)
            // One more than shown, to know whether a next page exists.
            let claims = try store.queue(filter)
            return QueuePage(
                assignee: account.name,
                status: status?.rawValue,
                claims: Array(claims.prefix(QueuePage.limit)),
                offset: offset,
                hasMore: claims.count > QueuePage.limit
            )
        }
    }

    private func speaker(_ context: DeskContext, offset: Int) async throws -> Response {
        try await serve(context) { store, _ in
            SpeakerPage(
                trace: try store.traceSpeaker(
                    "#\(try Self.pathID(context, "speaker"))",
                    limit: SpeakerPage.limit,
                    offset: offset
                ),
                offset: offset
            )
        }
    }

    private func audit(_ context: DeskContext) async throws -> Response {
        try await serve(context) { store, _ in
            try store.audit(source: "#\(try Self.pathID(context, "source"))")
        }
    }

    private func search(_ query: QueryInput, _ context: DeskContext) async throws -> Response {
        let words = query["q"] ?? ""
        // With no words the page is the search form; the API refuses them, as `search` does.
        let blank = words.isBlank && !context.wantsJSON
        let offset = try query.count("offset") ?? 0
        return try await serve(context) { store, _ in
            guard !blank else { return SearchPage(query: words, hits: [], note: nil, offset: offset, hasMore: false) }
            let limit = SearchPage.limit
            // One more than shown, to know whether a next page exists.
            let hits = try store.search(words, limit: limit + 1, offset: offset)
            return SearchPage(
                query: words,
                hits: Array(hits.prefix(limit)),
                note: try store.searchCapNote(words, limit: limit, offset: offset),
                offset: offset,
                hasMore: hits.count > limit
            )
        }
    }

    /// Signs in, reads a page and renders it, as a page or as JSON, in one read transaction on
    /// one read thread: rendering a busy claim's page takes milliseconds, and on an event loop it
    /// would hold up every connection that loop serves. Any signed-in account may read.
    /// - Parameter refusal: why a form on this page was just refused: shown above the page, with
    ///   the error's status. JSON gets the error itself.
    /// - Parameter read: builds the page for the signed-in account.
    private func serve<Page: DeskPage>(
        _ context: DeskContext,
        refusal: (any Error)? = nil,
        read: @escaping @Sendable (ClaimStore, Account) throws -> Page
    ) async throws -> Response {
        if let refusal, context.wantsJSON { throw refusal }
        let notice = refusal.map(ErrorMiddleware.describe)
        return try await store.read { store in
            var context = context
            try context.signIn(in: store)
            let (wantsJSON, viewer) = (context.wantsJSON, context.viewer)
            let page = try read(store, try context.require(.viewer))
            return try Response.page(
                page,
                title: page.title,
                wantsJSON: wantsJSON,
                viewer: viewer,
                notice: notice.map { (status: $0.0, message: $0.1) }
            ) { page.appendHTML($0, to: &$1) }
        }
    }

    /// The id in the path: digits only, else there is no such thing (404).
    static func pathID(_ context: DeskContext, _ what: String) throws -> Int64 {
        let text = context.parameters.get("id") ?? ""
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let id = Int64(text) else {
            throw ClaimTrailError.notFound("no \(what) “\(text)”")
        }
        return id
    }
}
