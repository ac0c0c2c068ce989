import ClaimTrail

/// The frame of every page: no script, one style sheet from this site, and every stored text
/// escaped by `HTMLReport.escape`, the HTML report's own escaping, and isolated as the report
/// isolates it (`HTMLReport.isolate`), so a page shows exactly what the report would.
enum PageLayout {
    static func escape(_ text: String) -> String { HTMLReport.escape(text) }
    static func isolate(_ text: String) -> String { HTMLReport.isolate(text) }

    /// A page in the frame, as the bytes sent: `body` appends the page's own part.
    static func page(title: String, viewer: Viewer, body: (inout [UInt8]) -> Void) -> [UInt8] {
        var page: [UInt8] = []
        page.reserveCapacity(1 << 16)
        page.append(
            contentsOf: """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>\(escape(title)) · claimtrail</title>
                <link rel="stylesheet" href="/style.css">
                </head>
                <body>
                \(navigation(viewer))
                <main>

                """.utf8
        )
        body(&page)
        page.append(contentsOf: "\n</main>\n</body>\n</html>\n".utf8)
        return page
    }

    /// A page in the frame around text.
    static func page(title: String, viewer: Viewer, body: String) -> [UInt8] {
        page(title: title, viewer: viewer) { $0.append(contentsOf: body.utf8) }
    }

    /// The links to the page before and the page after, for a page of `limit` items from `offset`:
    /// `href` is the address of the page starting at a given offset, and `earlier`/`later` the links' words.
    static func pager(
        offset: Int,
        limit: Int,
        hasMore: Bool,
        earlier: String,
        later: String,
        href: (Int) -> String
    ) -> String {
        var links: [String] = []
        if offset > 0 { links.append("<a href=\"\(href(max(offset - limit, 0)))\">\(earlier)</a>") }
        if hasMore { links.append("<a href=\"\(href(offset + limit))\">\(later)</a>") }
        return links.isEmpty ? "" : "<p class=\"pager\">\(links.joined())</p>\n"
    }

    /// Links to download a report of what the page shows (`query`: `claim=7`, `contested=1`), in
    /// each format `/export` offers.
    static func downloads(_ query: String) -> String {
        let formats = [("csv", "CSV"), ("json", "JSON"), ("prov-json", "PROV-JSON"), ("claimreview", "ClaimReview")]
        let links = formats.map { "<a href=\"/export?format=\($0.0)&amp;\(query)\">\($0.1)</a>" }
        return "<p class=\"meta\">Download: \(links.joined(separator: " · "))</p>\n"
    }

    private static func navigation(_ viewer: Viewer) -> String {
        var html = "<nav><a href=\"/contested\">Contested claims</a> · "
        if viewer.account != nil {
            html += "<a href=\"/queue\">My queue</a> · <a href=\"/review\">Review queue</a> · "
        }
        html += "<form class=\"inline\" method=\"get\" action=\"/search\">"
        html += "<input name=\"q\" type=\"search\" aria-label=\"Search\" placeholder=\"Search\"> "
        html += "<button>Search</button></form>"
        if let account = viewer.account {
            html += " · \(isolate(account.name)) (\(account.role.rawValue)) "
            if viewer.formToken != nil {
                html += form(action: "/logout", viewer: viewer, fields: "", button: "Sign out", kind: "inline")
            }
        }
        return html + "</nav>"
    }

    /// A POST form carrying the session's form token, which every form must.
    /// - Parameter kind: the form's class: `inline` in running text, `panel` boxed.
    static func form(action: String, viewer: Viewer, fields: String, button: String, kind: String) -> String {
        """
        <form class="\(kind)" method="post" action="\(escape(action))">\
        <input type="hidden" name="csrf" value="\(escape(viewer.formToken ?? ""))">\
        \(fields)<button>\(escape(button))</button></form>
        """
    }

    /// A labelled text input, filled in with `value` if given.
    static func field(_ name: String, _ label: String, required: Bool = false, value: String? = nil) -> String {
        let filled = value.map { " value=\"\(escape($0))\"" } ?? ""
        return "<label>\(escape(label)) <input name=\"\(name)\"\(filled)\(required ? " required" : "")></label>\n"
    }

    /// A labelled box for text of several lines.
    static func textArea(_ name: String, _ label: String, required: Bool = false) -> String {
        "<label>\(escape(label)) <textarea name=\"\(name)\" rows=\"3\"\(required ? " required" : "")>"
            + "</textarea></label>\n"
    }

    /// A labelled choice among fixed values, each shown as itself.
    static func choice(_ name: String, _ label: String, _ values: [String]) -> String {
        choice(name, label, values.map { ($0, $0) })
    }

    /// A labelled choice among fixed values, each shown by its label; `selected` is chosen at first.
    static func choice(
        _ name: String,
        _ label: String,
        _ options: [(value: String, label: String)],
        selected: String? = nil
    ) -> String {
        let options = options.map { option in
            let chosen = option.value == selected ? " selected" : ""
            return "<option value=\"\(escape(option.value))\"\(chosen)>\(escape(option.label))</option>"
        }
        return "<label>\(escape(label)) <select name=\"\(name)\">\(options.joined())</select></label>\n"
    }

    /// The style sheet: the HTML report's, plus what forms and navigation need.
    static let style =
        HTMLReport.style + """

            nav{border-bottom:1px solid #ccc;padding-bottom:.5em}form.inline{display:inline}
            form.panel{border:1px solid #ddd;padding:.6em;margin:.8em 0}\
            form.panel label{display:inline-block;margin:.2em .6em .2em 0}
            .error{background:#fdecea;padding:.4em .6em}.pager a{margin-right:1em}
            .proposal{margin-top:1.5em}textarea{width:30em;max-width:100%}
            """
}

/// A page the server reads from the store and shows as HTML, or as JSON (the value itself).
protocol DeskPage: Encodable, Sendable {
    var title: String { get }
    /// Appends the page's own part (what goes in `<main>`) to the bytes sent.
    func appendHTML(_ viewer: Viewer, to page: inout [UInt8])
}

/// A page whose own part is built as text.
protocol TextDeskPage: DeskPage {
    func html(_ viewer: Viewer) -> String
}

extension TextDeskPage {
    func appendHTML(_ viewer: Viewer, to page: inout [UInt8]) { page.append(contentsOf: html(viewer).utf8) }
}

/// Who is looking at a page: the signed-in account, and the form token its forms must carry.
struct Viewer: Sendable {
    var account: Account?
    var formToken: String?

    var canWrite: Bool { (account?.role ?? .viewer) >= .editor }
}
