import ClaimTrail
import Hummingbird

extension Response {
    static func html(_ page: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        body(ByteBuffer(bytes: page), type: "text/html; charset=utf-8", status: status)
    }

    /// JSON as claimtrail writes it everywhere: snake_case keys, sorted.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        body(ByteBuffer(bytes: try JSONReport.utf8(value)), type: "application/json; charset=utf-8", status: status)
    }

    static func text(_ text: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        body(ByteBuffer(string: text), type: type, status: status)
    }

    private static func body(_ bytes: ByteBuffer, type: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: type], body: ResponseBody(byteBuffer: bytes))
    }

    /// 303 See Other: after a form post, the browser loads `location` with GET.
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// A page in the site's frame, or the value itself when JSON was asked for.
    /// - Parameter notice: why a form on this page was just refused (the error's status and
    ///   message): shown above the page, with that status, so the editor reads it next to the form
    ///   to correct.
    static func page(
        _ value: some Encodable,
        title: String,
        wantsJSON: Bool,
        viewer: Viewer,
        notice: (status: HTTPResponse.Status, message: String)? = nil,
        html: (Viewer, inout [UInt8]) -> Void
    ) throws -> Response {
        guard !wantsJSON else { return try json(value) }
        let page = PageLayout.page(title: title, viewer: viewer) { page in
            if let notice {
                let paragraph = "<p class=\"error\" role=\"alert\">\(PageLayout.escape(notice.message))</p>\n"
                page.append(contentsOf: paragraph.utf8)
            }
            html(viewer, &page)
        }
        return .html(page, status: notice?.status ?? .ok)
    }
}
