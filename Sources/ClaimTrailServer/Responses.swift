import ClaimTrail
import Hummingbird

extension Response {
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response.text(text, type: "text/html; charset=utf-8", status: status)
    }

    /// JSON as claimtrail writes it everywhere: snake_case keys, sorted.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response.text(try JSONReport.encode(value), type: "application/json; charset=utf-8", status: status)
    }

    static func text(_ text: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: type],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text))
        )
    }

    /// 303 See Other: after a form post, the browser loads `location` with GET.
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// A page in the site's frame, or the value itself when JSON was asked for.
    /// - Parameter refusal: why a form on this page was just refused: shown above the page, with
    ///   the error's status, so the editor reads it next to the form to correct. JSON gets the error.
    static func page(
        _ value: some Encodable,
        title: String,
        context: DeskContext,
        refusal: (any Error)? = nil,
        html: (Viewer) -> String
    ) throws -> Response {
        if let refusal, context.wantsJSON { throw refusal }
        guard !context.wantsJSON else { return try json(value) }
        let viewer = Viewer(account: context.account, formToken: context.formToken)
        guard let refusal else { return .html(PageLayout.page(title: title, viewer: viewer, body: html(viewer))) }
        let (status, message) = ErrorMiddleware.describe(refusal)
        let notice = "<p class=\"error\" role=\"alert\">\(PageLayout.escape(message))</p>\n"
        return .html(PageLayout.page(title: title, viewer: viewer, body: notice + html(viewer)), status: status)
    }
}
