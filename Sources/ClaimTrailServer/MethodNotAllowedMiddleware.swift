import Hummingbird

/// A known path asked with a method it does not take (`DELETE /contested`, `GET /api/claims`)
/// answers 405 with `Allow`, so that a client learns what the path takes; only a path no route
/// has is 404. The router itself answers 404 to both, so this turns its "no route" into 405
/// when another method has one.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = DeskContext

    /// Each route's path split into segments (`{id}` for a capture), with the methods it takes.
    private let routes: [(segments: [Substring], methods: Set<HTTPRequest.Method>)]

    init(_ routes: [Router<DeskContext>.RouteDescription]) {
        var methods: [String: Set<HTTPRequest.Method>] = [:]
        for route in routes {
            methods[route.path.description, default: []].insert(route.method)
            // The router answers HEAD wherever it has GET.
            if route.method == .get { methods[route.path.description, default: []].insert(.head) }
        }
        self.routes = methods.map { (Self.segments($0.key), $0.value) }
    }

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && error.body == nil {
            let allowed = allowedMethods(request.uri.path)
            guard !allowed.isEmpty, !allowed.contains(request.method) else { throw error }
            throw MethodNotAllowed(method: request.method, allowed: allowed.map(\.rawValue).sorted())
        }
    }

    /// The methods the routes matching `path` take; none for a path no route has.
    func allowedMethods(_ path: String) -> Set<HTTPRequest.Method> {
        let asked = Self.segments(path)
        return routes.filter { route in
            route.segments.count == asked.count
                && zip(route.segments, asked).allSatisfy { $0.first == "{" || $0 == $1 }
        }.reduce(into: []) { $0.formUnion($1.methods) }
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }
}

/// A method the path does not take, with the ones it does (the `Allow` header).
struct MethodNotAllowed: Error {
    let method: HTTPRequest.Method
    let allowed: [String]

    var message: String { "\(method.rawValue) is not allowed here; this path takes \(allowed.joined(separator: ", "))" }
}
