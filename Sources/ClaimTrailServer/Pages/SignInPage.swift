/// The sign-in form. It carries a form token of its own, matched against a cookie set with it,
/// so that another site cannot sign a browser in to an account of its choosing.
enum SignInPage {
    static func html(formToken: String, next: String, message: String?) -> String {
        let escape = PageLayout.escape
        var html = "<h1>Sign in</h1>\n"
        if let message { html += "<p class=\"error\">\(escape(message))</p>\n" }
        html += """
            <form class="panel" method="post" action="/login">
            <input type="hidden" name="csrf" value="\(escape(formToken))">
            <input type="hidden" name="next" value="\(escape(next))">
            <label>Name <input name="name" autocomplete="username" required></label>
            <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
            <button>Sign in</button>
            </form>

            """
        return html
    }
}
