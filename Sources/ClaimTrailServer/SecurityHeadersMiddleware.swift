import Hummingbird

/// Headers on every response, errors included: only this site's own resources may load (no
/// inline script or style, so injected markup cannot run), no other site may frame the pages or
/// be the target of their forms, and types are not sniffed.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = DeskContext

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = "default-src 'self'; frame-ancestors 'none'; form-action 'self'"
        response.headers[.xContentTypeOptions] = "nosniff"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

extension HTTPFields {
    /// The value of a header HTTPTypes has no constant for, by its lower-case name.
    func value(named name: String) -> String? {
        first { $0.name.canonicalName == name }?.value
    }
}
