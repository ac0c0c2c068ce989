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
            router.get("\(prefix)/claims/:id") { request, context in
                let offset = try Self.count(request.uri.queryParameters["offset"], name: "offset") ?? 0
                return try await claim(try Self.pathID(context, "claim"), context, offset: offset)
            }
            router.get("\(prefix)/speakers/:id") { request, context in
                try await speaker(
                    context,
                    offset: try Self.count(request.uri.queryParameters["offset"], name: "offset") ?? 0
                )
            }
            router.get("\(prefix)/sources/:id/audit") { _, context in try await audit(context) }
            router.get("\(prefix)/search") { request, context in try await search(request, context) }
            router.get("\(prefix)/review") { _, context in try await review(context) }
            router.get("\(prefix)/queue") { _, context in try await myQueue(context) }
        }
        router.get("/api/me") { _, context in try Response.json(try await context.signedIn(store).require(.viewer)) }
    }

    private func contested(_ request: Request, _ context: DeskContext) async throws -> Response {
        let query = request.uri.queryParameters
        return try await serve(context) { store, _ in
            // The filter form's empty (or blank) field means any topic, status or holder, as a blank
            // form field does; a status is its name or the desk's label, as `contested --status` takes it.
            let filter = { (name: Substring) in query[name].map(String.init).flatMap { $0.isBlank ? nil : $0 } }
            let (topic, assignee) = (filter("topic"), filter("assignee"))
            let status = try filter("status").map(store.resolveStatus)
            let offset = try Self.count(query["offset"], name: "offset") ?? 0
            let limit = min(try Self.count(query["limit"], name: "limit", from: 1) ?? Self.pageSize, 200)
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

    /// The extractor's proposals waiting for review, least confident first (`review list`); after a
    /// refused decision, with the refusal above them.
    func review(_ context: DeskContext, refusal: (any Error)? = nil) async throws -> Response {
        try await serve(context, refusal: refusal) { store, _ in
            ReviewPage(proposals: try store.pendingProposals())
        }
    }

    /// The open claims the signed-in account holds: `queue --mine`, with the account as the recorder.
    private func myQueue(_ context: DeskContext) async throws -> Response {
        try await serve(context) { store, account in
            let claims = try store.queue(QueueFilter(assignee: account.name, limit: QueuePage.limit))
            return QueuePage(assignee: account.name, claims: claims)
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

    private func search(_ request: Request, _ context: DeskContext) async throws -> Response {
        let query = request.uri.queryParameters["q"].map(String.init) ?? ""
        // With no words the page is the search form; the API refuses them, as `search` does.
        let blank = query.isBlank && !context.wantsJSON
        let offset = try Self.count(request.uri.queryParameters["offset"], name: "offset") ?? 0
        return try await serve(context) { store, _ in
            guard !blank else { return SearchPage(query: query, hits: [], note: nil, offset: offset, hasMore: false) }
            let limit = SearchPage.limit
            // One more than shown, to know whether a next page exists.
            let hits = try store.search(query, limit: limit + 1, offset: offset)
            return SearchPage(
                query: query,
                hits: Array(hits.prefix(limit)),
                note: try store.searchCapNote(query, limit: limit, offset: offset),
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

    /// A count from the query string: a whole number from `minimum`, or a clear error. A page's
    /// limit starts at 1: a page of none would link to itself as the next one.
    static func count(_ text: Substring?, name: String, from minimum: Int = 0) throws -> Int? {
        try text.map { text in
            guard let number = Int(text), number >= minimum else {
                throw ClaimTrailError.invalid("\(name) must be a whole number from \(minimum)")
            }
            return number
        }
    }
}
