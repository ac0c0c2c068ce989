import Hummingbird

/// Serves every page as JSON too: `/claims/7.json` is `/claims/7` answered in JSON, as is any
/// path under `/api/` and any request that accepts `application/json`. It sits in front of the
/// router, so that routes are declared once.
struct JSONSuffixResponder<Inner: HTTPResponder>: HTTPResponder where Inner.Context == DeskContext {
    let inner: Inner

    func respond(to request: Request, context: DeskContext) async throws -> Response {
        var context = context
        var request = request
        let path = request.uri.path
        if path.hasSuffix(".json") {
            var head = request.head
            let query = request.uri.query.map { "?" + $0 } ?? ""
            head.path = String(path.dropLast(".json".count)) + query
            request = Request(head: head, body: request.body)
            context.wantsJSON = true
        }
        if path.hasPrefix("/api/") || (request.headers[.accept] ?? "").contains("application/json") {
            context.wantsJSON = true
        }
        return try await inner.respond(to: request, context: context)
    }
}
