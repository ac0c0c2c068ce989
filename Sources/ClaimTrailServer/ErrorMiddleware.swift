import ClaimTrail
import Hummingbird
import NIOCore

/// Turns every failure into an answer a person or a program can act on: a JSON object
/// `{"error": …, "status": …}` or a page with the message, never a stack trace. A browser that
/// is not signed in is sent to the sign-in page instead.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = DeskContext

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            if error as? AccessError == .signInRequired, !context.wantsJSON {
                let next = RequestInput.percentEncoded(request.uri.path)
                return .redirect(to: "/login?next=\(next)")
            }
            let (status, message) = Self.describe(error)
            if status == .internalServerError {
                context.logger.error("\(request.method) \(request.uri.path) failed: \(String(reflecting: error))")
            }
            var response: Response
            if context.wantsJSON {
                response = try Response.json(ErrorBody(error: message, status: status.code), status: status)
            } else {
                let viewer = context.viewer
                // The browser keeps what was typed in a form: going back is how to correct it.
                let correct = request.method == .post ? "<p>Go back to correct the form and send it again.</p>\n" : ""
                let body =
                    "<h1>\(status.code) \(PageLayout.escape(status.reasonPhrase))</h1>\n"
                    + "<p class=\"error\">\(PageLayout.escape(message))</p>\n" + correct
                response = .html(
                    PageLayout.page(title: status.reasonPhrase, viewer: viewer, body: body),
                    status: status
                )
            }
            if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
            if case .signInPaused = error as? AccessError { response.headers[.retryAfter] = "60" }
            if let error = error as? MethodNotAllowed {
                response.headers[.allow] = error.allowed.joined(separator: ", ")
            }
            return response
        }
    }

    /// The status and the one-line message for an error.
    static func describe(_ error: any Error) -> (HTTPResponse.Status, String) {
        switch error {
        case let error as AccessError:
            let status: HTTPResponse.Status =
                switch error {
                case .signInRequired, .wrongPassword: .unauthorized
                case .forbidden, .badFormToken: .forbidden
                case .signInPaused: .tooManyRequests
                }
            return (status, error.message)
        case let error as ClaimTrailError:
            let status: HTTPResponse.Status =
                switch error {
                case .notFound: .notFound
                case .invalid, .ambiguous, .importFailed: .badRequest
                case .busy, .readOnlyStore, .noStore, .notAStore, .newerStore: .serviceUnavailable
                }
            return (status, error.description)
        case let error as MethodNotAllowed:
            return (.methodNotAllowed, error.message)
        case is NIOTooManyBytesError:
            return (.contentTooLarge, "the request body is over \(ServerSettings.maximumBodySize / 1024) KiB")
        case let error as HTTPError where error.status == .notFound && error.body == nil:
            return (.notFound, "no such page")
        case let error as HTTPError:
            return (error.status, error.body ?? error.status.reasonPhrase)
        default:
            return (.internalServerError, "internal error; the server's log has the details")
        }
    }
}

/// The JSON form of an error.
struct ErrorBody: Codable, Sendable {
    var error: String
    var status: Int
}
