import Foundation
import Testing

@testable import ClaimTrail

/// `claimtrail serve`, the real binary on a loopback port, spoken to over HTTP.
@Suite("claimtrail serve", .serialized)
struct ServeTests {
    @Test("reads need an account: 401 for the API, the sign-in page for a browser")
    func readsNeedAnAccount() throws {
        let desk = try DeskFixture()
        let server = try RunningServer(database: desk.path)
        let api = try server.send("GET", "/api/contested")
        #expect(api.status == 401)
        #expect((api.json as? [String: Any])?["error"] as? String == "sign in first")
        let page = try server.send("GET", "/claims/1")
        #expect(page.status == 303)
        #expect(page.header("Location") == "/login?next=%2Fclaims%2F1")
        let wrongToken = try server.send("GET", "/api/claims/1", headers: ["Authorization": "Bearer ct_forged"])
        #expect(wrongToken.status == 401)
        let viewer = try server.send("GET", "/api/claims/1", headers: desk.bearer("vera"))
        #expect(viewer.status == 200)
        let trace = (viewer.json as? [String: Any])?["trace"] as? [String: Any]
        #expect((trace?["claim"] as? [String: Any])?["text"] as? String == "The bridge was closed on Monday")
        for reply in [api, page, viewer] {
            #expect(reply.header("Content-Security-Policy")?.hasPrefix("default-src 'self'") == true)
            #expect(reply.header("X-Content-Type-Options") == "nosniff")
        }
        #expect(server.stop() == 0)
    }

    @Test("a busy claim's page shows one stretch of its timeline, with links to the stretches around it")
    func busyClaimPageIsBounded() throws {
        let desk = try DeskFixture()
        try desk.addBusyClaim()
        let total = try desk.count("SELECT COUNT(*) FROM attribution WHERE claim_id = 2 AND state = 'accepted'")
        #expect(total > 1000)
        let server = try RunningServer(database: desk.path)
        let first = try server.send("GET", "/claims/2", headers: desk.bearer("vera"))
        #expect(first.status == 200)
        #expect(first.body.contains("Attributions 1–50 of \(total). <a href=\"/claims/2?offset=50\">Later →</a>"))
        #expect(first.body.utf8.count < 100_000, "\(first.body.utf8.count) bytes")
        let second = try server.send("GET", "/api/claims/2?offset=50", headers: desk.bearer("vera"))
        let trace = (second.json as? [String: Any])?["trace"] as? [String: Any]
        let ids = (trace?["attributions"] as? [[String: Any]] ?? []).compactMap { $0["attribution_id"] as? Int }
        let stored = try desk.texts(
            """
            SELECT id FROM attribution WHERE claim_id = 2 AND state = 'accepted'
            ORDER BY seen_on IS NULL, seen_on, id LIMIT 50 OFFSET 50
            """
        )
        #expect(ids.map(String.init) == stored)
        let page = try server.send("GET", "/claims/2?offset=50", headers: desk.bearer("vera"))
        #expect(page.body.contains("Attributions 51–100 of \(total). <a href=\"/claims/2\">← Earlier</a>"))
        // Past the end the page says there is nothing here, how many there are, and leads back to the
        // first stretch and to the last one with rows in it.
        let past = try server.send("GET", "/claims/2?offset=\(total + 500)", headers: desk.bearer("vera"))
        let last = (total - 1) / 50 * 50
        #expect(
            past.body.contains(
                "No attributions on this page; the claim has \(total). <a href=\"/claims/2\">← First page</a> "
                    + "<a href=\"/claims/2?offset=\(last)\">Last page</a>"
            ),
            "\(past.body)"
        )
        #expect(!past.body.contains("none of"))
        #expect(try server.send("GET", "/api/claims/2?offset=-1", headers: desk.bearer("vera")).status == 400)
        #expect(server.stop() == 0)
    }

    @Test("a viewer's write is refused with 403 and writes nothing; an editor's is recorded as the editor")
    func rolesDecideWrites() throws {
        let desk = try DeskFixture()
        let server = try RunningServer(database: desk.path)
        let json = ["Content-Type": "application/json"]
        let attribution = #"{"speaker": "Port authority", "new_speaker": true, "source": "1", "stance": "asserts"}"#
        let viewerClaim = try server.send(
            "POST",
            "/api/claims",
            headers: desk.bearer("vera").merging(json) { $1 },
            body: #"{"text": "A viewer's claim"}"#
        )
        #expect(viewerClaim.status == 403)
        let viewerAttribution = try server.send(
            "POST",
            "/api/claims/1/attributions",
            headers: desk.bearer("vera").merging(json) { $1 },
            body: attribution
        )
        #expect(viewerAttribution.status == 403)
        #expect(try desk.count("SELECT COUNT(*) FROM claim") == 1)
        #expect(try desk.count("SELECT COUNT(*) FROM attribution") == 0)
        #expect(try desk.count("SELECT COUNT(*) FROM speaker") == 0)

        let unknownSpeaker = try server.send(
            "POST",
            "/api/claims/1/attributions",
            headers: desk.bearer("ed").merging(json) { $1 },
            body: #"{"speaker": "Port authority", "source": "1"}"#
        )
        #expect(unknownSpeaker.status == 404)
        #expect(try desk.count("SELECT COUNT(*) FROM speaker") == 0)
        // Over HTTP there is no --as: a recorded_by in the body is refused, and nothing is written.
        let impostor = try server.send(
            "POST",
            "/api/claims/1/attributions",
            headers: desk.bearer("ed").merging(json) { $1 },
            body: attribution.dropLast() + #", "recorded_by": "someone else", "as": "someone else"}"#
        )
        #expect(impostor.status == 400)
        #expect(((impostor.json as? [String: Any])?["error"] as? String)?.contains("unknown field “as”") == true)
        #expect(try desk.count("SELECT COUNT(*) FROM attribution") == 0)
        let editor = try server.send(
            "POST",
            "/api/claims/1/attributions",
            headers: desk.bearer("ed").merging(json) { $1 },
            body: attribution
        )
        #expect(editor.status == 201, "\(editor.body)")
        let id = (editor.json as? [String: Any])?["id"] as? Int ?? -1
        #expect(try desk.texts("SELECT recorded_by FROM attribution WHERE id = ?", [Int64(id)]) == ["ed"])
        #expect(server.stop() == 0)
    }

    @Test("two editors assigning one claim from the pages they loaded: the second is told, not silently obeyed")
    func assignmentRace() throws {
        let desk = try DeskFixture()
        let server = try RunningServer(database: desk.path)
        // Both load the claim page while nobody holds the claim.
        let forms = try ["ed", "ada"].map { name in
            let session = try signIn(server, name, DeskFixture.password)
            let cookie = ["Cookie": "claimtrail_session=\(session.value)"]
            let page = try server.send("GET", "/claims/1", headers: cookie)
            #expect(hiddenField("held_by", in: page.body) == "")
            let token = try #require(hiddenField("csrf", in: page.body))
            return (["Content-Type": "application/x-www-form-urlencoded"].merging(cookie) { $1 }, token)
        }
        let (edForm, edToken) = forms[0]
        let (adaForm, adaToken) = forms[1]
        let taken = try server.send(
            "POST",
            "/claims/1/assignee",
            headers: edForm,
            body: "assignee=ed&held_by=&csrf=\(edToken)"
        )
        #expect(taken.status == 303)
        let late = try server.send(
            "POST",
            "/claims/1/assignee",
            headers: adaForm,
            body: "assignee=ada&held_by=&csrf=\(adaToken)"
        )
        #expect(late.status == 400)
        #expect(late.body.contains("is held by “ed” now, not by nobody as the page showed"))
        #expect(try desk.texts("SELECT assignee FROM claim WHERE id = 1") == ["ed"])
        // Reloaded, the page shows ed; taking it over from there is a choice made knowingly.
        let reloaded = try server.send("GET", "/claims/1", headers: adaForm)
        #expect(hiddenField("held_by", in: reloaded.body) == "ed")
        let takeover = try server.send(
            "POST",
            "/claims/1/assignee",
            headers: adaForm,
            body: "assignee=ada&held_by=ed&csrf=\(adaToken)"
        )
        #expect(takeover.status == 303)
        // The API checks only when told what the client showed.
        let json = desk.bearer("ed").merging(["Content-Type": "application/json"]) { $1 }
        let stale = try server.send(
            "POST",
            "/api/claims/1/assignee",
            headers: json,
            body: #"{"assignee": "ed", "held_by": "ed"}"#
        )
        #expect(stale.status == 400)
        #expect(try desk.texts("SELECT assignee FROM claim WHERE id = 1") == ["ada"])
        #expect(
            try server.send("POST", "/api/claims/1/assignee", headers: json, body: #"{"assignee": "ed"}"#).status == 200
        )
        #expect(try desk.texts("SELECT assignee FROM claim WHERE id = 1") == ["ed"])
        #expect(server.stop() == 0)
    }

    @Test("forms need the session's form token; a forged post is refused and writes nothing")
    func formsNeedTheFormToken() throws {
        let desk = try DeskFixture()
        let server = try RunningServer(database: desk.path)
        let session = try signIn(server, "ed", DeskFixture.password)
        #expect(session.header.contains("HttpOnly"))
        #expect(session.header.contains("SameSite=Strict"))
        #expect(!session.header.contains("Secure"))
        let cookie = ["Cookie": "claimtrail_session=\(session.value)"]
        let page = try server.send("GET", "/claims/1", headers: cookie)
        #expect(page.status == 200)
        let formToken = try #require(hiddenField("csrf", in: page.body))
        let form = ["Content-Type": "application/x-www-form-urlencoded"].merging(cookie) { $1 }
        let forged = try server.send("POST", "/claims/1/verdicts", headers: form, body: "rating=False&reviewer=Desk")
        #expect(forged.status == 403)
        let wrong = try server.send(
            "POST",
            "/claims/1/verdicts",
            headers: form,
            body: "rating=False&reviewer=Desk&csrf=\(String(repeating: "0", count: formToken.count))"
        )
        #expect(wrong.status == 403)
        #expect(try desk.count("SELECT COUNT(*) FROM verdict") == 0)
        let real = try server.send("POST", "/claims/1/verdicts", headers: form, body: "rating=False&csrf=\(formToken)")
        #expect(real.status == 303)
        #expect(try desk.texts("SELECT reviewer || ': ' || rating FROM verdict") == ["ed: False"])
        let attribution = "speaker=Harbour+master&source=1&stance=denies&csrf=\(formToken)"
        let unticked = try server.send(
            "POST",
            "/claims/1/attributions",
            headers: form,
            body: attribution + "&new_speaker=false"
        )
        #expect(unticked.status == 404)
        #expect(try desk.count("SELECT COUNT(*) FROM speaker") == 0)
        let ticked = try server.send(
            "POST",
            "/claims/1/attributions",
            headers: form,
            body: attribution + "&new_speaker=1"
        )
        #expect(ticked.status == 303)
        #expect(
            try desk.texts(
                """
                SELECT s.name || ' ' || a.stance || ' ' || a.recorded_by
                FROM attribution a JOIN speaker s ON s.id = a.speaker_id
                """
            )
                == ["Harbour master denies ed"]
        )

        // A viewer's session sees no forms, and its crafted post is refused.
        let viewer = try signIn(server, "vera", DeskFixture.password)
        let viewerCookie = ["Cookie": "claimtrail_session=\(viewer.value)"]
        let viewerPage = try server.send("GET", "/claims/1", headers: viewerCookie)
        #expect(!viewerPage.body.contains("action=\"/claims/1/"))
        let viewerToken = try #require(hiddenField("csrf", in: viewerPage.body))
        let crafted = try server.send(
            "POST",
            "/claims/1/counter-claims",
            headers: ["Content-Type": "application/x-www-form-urlencoded"].merging(viewerCookie) { $1 },
            body: "counter_claim=It+was+open&csrf=\(viewerToken)"
        )
        #expect(crafted.status == 403)
        #expect(try desk.count("SELECT COUNT(*) FROM claim") == 1)
        #expect(server.stop() == 0)
    }

    @Test("status, assignment, notes, verdicts and review decisions, through the API and the pages' forms")
    func deskWorkflow() throws {
        let desk = try DeskFixture()
        try desk.addDeskWork()
        let server = try RunningServer(database: desk.path)
        let json = desk.bearer("ed").merging(["Content-Type": "application/json"]) { $1 }
        func post(_ path: String, _ body: String) throws -> HTTPReply {
            try server.send("POST", path, headers: json, body: body)
        }
        // A skipped step is refused with the desk's label; one step by the label is taken.
        let skipped = try post("/api/claims/1/status", #"{"status": "checked"}"#)
        #expect(skipped.status == 400)
        #expect(
            (skipped.json as? [String: Any])?["error"] as? String
                == "claim #1 cannot move from unchecked to checked: unchecked → checked skips a step "
                + "(the order is unchecked → in_progress → needs_second_look → checked → published, "
                + "one step either way)"
        )
        #expect(try post("/api/claims/1/status", #"{"status": "being checked", "note": "on it"}"#).status == 200)
        #expect(try post("/api/claims/1/assignee", #"{"assignee": "ed"}"#).status == 200)
        #expect(try post("/api/claims/1/notes", #"{"text": "Called the port"}"#).status == 201)
        let verdict =
            #"{"rating": "False", "explanation": "It was open", "language": "en", "#
            + #""appearance_url": "https://x.test/p"}"#
        #expect(try post("/api/claims/1/verdicts", verdict).status == 201)
        #expect(try post("/api/claims/1/verdicts", #"{"rating": "False", "language": "not a tag!"}"#).status == 400)
        #expect(try desk.texts("SELECT status || ' ' || assignee FROM claim WHERE id = 1") == ["in_progress ed"])
        #expect(try desk.texts("SELECT written_by || ': ' || text FROM claim_note") == ["ed: Called the port"])
        #expect(
            try desk.texts(
                "SELECT reviewer || ' ' || explanation || ' ' || language || ' ' || appearance_url FROM verdict"
            )
                == ["ed It was open en https://x.test/p"]
        )
        // My queue is the signed-in account's: the editor holds claim #1, the viewer nothing.
        let mine = try server.send("GET", "/api/queue", headers: desk.bearer("ed")).json as? [String: Any]
        let claims = mine?["claims"] as? [[String: Any]]
        #expect(claims?.map { $0["claim_id"] as? Int } == [1])
        #expect(claims?.first?["status_label"] as? String == "Being checked")
        let theirs = try server.send("GET", "/queue.json", headers: desk.bearer("vera")).json as? [String: Any]
        #expect((theirs?["claims"] as? [Any])?.isEmpty == true)
        #expect(try post("/api/claims/1/assignee", "{}").status == 200)
        #expect(try desk.texts("SELECT ifnull(assignee, 'nobody') FROM claim WHERE id = 1") == ["nobody"])

        // The review queue, least confident first; a decision by the API, then one by the form.
        let review = try server.send("GET", "/api/review", headers: desk.bearer("vera")).json as? [String: Any]
        let listed = (review?["proposals"] as? [[String: Any]])?.compactMap { $0["attribution_id"] as? Int } ?? []
        let stored = try desk.texts("SELECT attribution_id FROM attribution_proposal ORDER BY confidence, 1")
        #expect(listed.map(String.init) == stored)
        try #require(listed.count == 2)
        let rejected = try post("/api/proposals/\(listed[1])/reject", #"{"reason": "not a claim"}"#)
        #expect(rejected.status == 200)
        #expect(try post("/api/proposals/\(listed[1])/reject", #"{"reason": "again"}"#).status == 400)
        #expect(try post("/api/proposals/\(listed[0])/accept", #"{"new_speaker": true}"#).status == 400)
        // Both a stored claim and new words: named as the form and the JSON name them, not as options.
        let both = try post(
            "/api/proposals/\(listed[0])/accept",
            ##"{"claim": "#1", "content_as_claim": "New words"}"##
        )
        #expect(both.status == 400)
        #expect(
            (both.json as? [String: Any])?["error"] as? String
                == "give a stored claim or the claim in these words (claim or content_as_claim in JSON), not both"
        )
        let session = try signIn(server, "ed", DeskFixture.password)
        let cookie = ["Cookie": "claimtrail_session=\(session.value)"]
        let page = try server.send("GET", "/review", headers: cookie)
        #expect(page.body.contains("action=\"/proposals/\(listed[0])/accept\""))
        #expect(!page.body.contains("action=\"/proposals/\(listed[1])/"))
        let formToken = try #require(hiddenField("csrf", in: page.body))
        let form = ["Content-Type": "application/x-www-form-urlencoded"].merging(cookie) { $1 }
        let unknown = try server.send(
            "POST",
            "/proposals/\(listed[0])/accept",
            headers: form,
            body: "speaker=Port+office&csrf=\(formToken)"
        )
        // Refused on the page itself, with the store's message, and nothing decided.
        #expect(unknown.status == 404)
        #expect(unknown.body.contains("<h1>Review queue</h1>"))
        #expect(unknown.body.contains("<p class=\"error\" role=\"alert\">no speaker"))
        // The way to create it is the form's box, not the command line's option.
        #expect(unknown.body.contains("tick “a new speaker”") && !unknown.body.contains("--new-speaker"))
        let accepted = try server.send(
            "POST",
            "/proposals/\(listed[0])/accept",
            headers: form,
            body: "speaker=Port+office&new_speaker=1&stance=denies&csrf=\(formToken)"
        )
        #expect(accepted.status == 303)
        #expect(accepted.header("Location") == "/review")
        #expect(
            try desk.texts(
                """
                SELECT a.state || ' ' || ifnull(s.name, '-') || ' ' || a.stance || ' ' || ifnull(p.decided_by, '-')
                FROM attribution a JOIN attribution_proposal p ON p.attribution_id = a.id
                LEFT JOIN speaker s ON s.id = a.speaker_id ORDER BY p.confidence, a.id
                """
            ) == ["accepted Port office denies ed", "rejected - asserts ed"]
        )
        // An illegal status move by the form is shown on the claim page, which keeps its forms.
        let claimPage = try server.send("GET", "/claims/1", headers: cookie)
        let claimToken = try #require(hiddenField("csrf", in: claimPage.body))
        #expect(claimPage.body.contains("<option value=\"in_progress\" selected>Being checked</option>"))
        let illegal = try server.send(
            "POST",
            "/claims/1/status",
            headers: form,
            body: "status=published&csrf=\(claimToken)"
        )
        #expect(illegal.status == 400)
        #expect(illegal.body.contains("claim #1 cannot move from Being checked to published"))
        #expect(illegal.body.contains("action=\"/claims/1/status\""))
        #expect(try desk.texts("SELECT status FROM claim WHERE id = 1") == ["in_progress"])
        #expect(server.stop() == 0)
    }

    @Test("five wrong passwords make the account wait, even for the right one")
    func wrongPasswordsPause() throws {
        let desk = try DeskFixture()
        let server = try RunningServer(database: desk.path)
        for _ in 1..<ClaimStore.signInAttempts {
            #expect(try signInReply(server, "ed", "wrong password!").status == 401)
        }
        #expect(try signInReply(server, "ed", "wrong password!").status == 429)
        let right = try signInReply(server, "ed", DeskFixture.password)
        #expect(right.status == 429)
        #expect(right.cookie("claimtrail_session") == nil)
        #expect(try signInReply(server, "nobody", "wrong password!").status == 401)
        #expect(server.stop() == 0)
    }

    @Test(
        "a password file as Windows editors save it, with a byte order mark or CRLF line ends, signs in as typed",
        arguments: [("wendy", [0xEF, 0xBB, 0xBF], "\n"), ("walt", [], "\r\n")]
    )
    func passwordFileFromWindows(name: String, start: [UInt8], lineEnd: String) throws {
        let desk = try DeskFixture()
        let file = desk.temporary.directory.appendingPathComponent("\(name).txt").path
        let saved = Data(start + Array((DeskFixture.password + lineEnd + "second line" + lineEnd).utf8))
        #expect(FileManager.default.createFile(atPath: file, contents: saved))
        try desk.run(["user", "add", name, "--role", "viewer", "--password-file", file])
        let server = try RunningServer(database: desk.path)
        #expect(try signInReply(server, name, DeskFixture.password).status == 303)
        #expect(server.stop() == 0)
    }

    @Test("hostile text round-trips through the API and is shown as text")
    func hostileText() throws {
        let desk = try DeskFixture()
        let server = try RunningServer(database: desk.path)
        let hostile = "<script>alert(1)</script> \u{202E}dias\u{202C} \"quoted\" & 'x' \u{301}<b>bold</b> nul:\u{0}."
        let body = String(decoding: try JSONSerialization.data(withJSONObject: ["text": hostile]), as: UTF8.self)
        let created = try server.send(
            "POST",
            "/api/claims",
            headers: desk.bearer("ed").merging(["Content-Type": "application/json"]) { $1 },
            body: body
        )
        #expect(created.status == 201, "\(created.body)")
        let id = (created.json as? [String: Any])?["id"] as? Int ?? -1
        let read = try server.send("GET", "/claims/\(id).json", headers: desk.bearer("vera"))
        let trace = (read.json as? [String: Any])?["trace"] as? [String: Any]
        #expect((trace?["claim"] as? [String: Any])?["text"] as? String == hostile)
        let page = try server.send("GET", "/claims/\(id)", headers: desk.bearer("vera"))
        #expect(page.status == 200)
        #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.body.contains("\u{202E}dias\u{202C} &quot;quoted&quot; &amp; &#39;x&#39;"))
        #expect(!page.body.contains("<script"))
        #expect(!page.body.contains("<b>bold"))
        #expect(!page.body.contains("\u{0}"))
        let search = try server.send("GET", "/api/search?q=alert", headers: desk.bearer("vera"))
        let hits = (search.json as? [String: Any])?["hits"] as? [[String: Any]]
        #expect(hits?.first?["id"] as? Int == id)
        #expect(try server.send("GET", "/api/search?q=alert%00x", headers: desk.bearer("vera")).status == 200)
        #expect(server.stop() == 0)
    }

    @Test("a search ranked among the newest matches only says so on its page and in its JSON, as the CLI does")
    func cappedSearchSaysSo() throws {
        let desk = try DeskFixture()
        let store = try ClaimStore.open(at: desk.path)
        try store.write {
            for number in 0...ClaimStore.searchCandidates {
                _ = try store.addClaim(text: "Convoy number \(number) crossed the border")
            }
        }
        let server = try RunningServer(database: desk.path)
        let json = try server.send("GET", "/api/search?q=convoy", headers: desk.bearer("vera"))
        let note = try #require((json.json as? [String: Any])?["note"] as? String)
        #expect(note.contains("more than \(ClaimStore.searchCandidates) claims match"), "\(note)")
        // The page lists as many hits as the API, so the CLI asked for as many says the same.
        let cli = try Binary.run(["search", "convoy", "--limit", "50"], database: desk.path)
        #expect(cli.status == 0 && cli.stderr.contains(note), "\(cli.stderr)")
        let page = try server.send("GET", "/search?q=convoy", headers: desk.bearer("vera"))
        #expect(page.status == 200 && page.body.contains("<p class=\"meta\">\(note).</p>"))
        // No words: the API refuses them in the CLI's words; the page is the search form.
        let cliRefusal = try Binary.run(["search", " "], database: desk.path)
        #expect(cliRefusal.status == 1 && cliRefusal.stderr.contains("give words to search for"))
        for query in ["", "%20%09", "none"] {
            let path = query == "none" ? "/api/search" : "/api/search?q=\(query)"
            let refused = try server.send("GET", path, headers: desk.bearer("vera"))
            let error = (refused.json as? [String: Any])?["error"] as? String
            #expect(refused.status == 400 && error == "give words to search for", "\(path): \(refused.body)")
        }
        let form = try server.send("GET", "/search?q=", headers: desk.bearer("vera"))
        #expect(form.status == 200 && form.body.contains("name=\"q\""))
        // A word with fewer matches is ranked over all of them: no note.
        let rare = try server.send("GET", "/api/search?q=bridge", headers: desk.bearer("vera"))
        let rareJSON = try #require(rare.json as? [String: Any])
        #expect((rareJSON["hits"] as? [Any])?.isEmpty == false && (rareJSON["note"] ?? NSNull()) is NSNull)
        let rarePage = try server.send("GET", "/search?q=bridge", headers: desk.bearer("vera"))
        #expect(rarePage.status == 200 && !rarePage.body.contains("more than"))
        #expect(server.stop() == 0)
    }

    @Test("serve on a missing store, on a port in use or on a host that does not resolve fails with one line")
    func startupErrors() throws {
        let desk = try DeskFixture()
        let unknown = try Binary.run(["serve", "--db", desk.path, "--host", "256.1.1.1", "--port", "0"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "Error: cannot listen on 256.1.1.1:0: no such host\n", "\(unknown.stderr)")
        let missing = try Binary.run(["serve", "--db", desk.path + ".missing", "--port", "0"])
        #expect(missing.status == 1)
        #expect(missing.stderr.split(separator: "\n").count == 1)
        #expect(missing.stderr.contains("no store at"))
        let server = try RunningServer(database: desk.path)
        let busy = try Binary.run(["serve", "--db", desk.path, "--port", String(server.port)])
        #expect(busy.status == 1)
        #expect(busy.stderr.split(separator: "\n").count == 1, "\(busy.stderr)")
        #expect(busy.stderr.contains("the port is in use"))
        #expect(server.stop() == 0)
    }

    @Test("a revoked token and a disabled account's token and session are refused")
    func revokedAndDisabled() throws {
        let desk = try DeskFixture()
        let server = try RunningServer(database: desk.path)
        let session = try signIn(server, "ed", DeskFixture.password)
        let cookie = ["Cookie": "claimtrail_session=\(session.value)"]
        // Pages sign in within the read that builds them: each read sees the change at once.
        let reads = ["/api/me", "/claims/1", "/api/claims/1", "/contested", "/export?format=claimreview"]
        for path in reads {
            #expect(try server.send("GET", path, headers: desk.bearer("vera")).status == 200, "\(path)")
            #expect(try server.send("GET", path, headers: cookie).status == 200, "\(path)")
        }
        try desk.run(["user", "token", "vera", "--revoke", "1"])
        for path in reads {
            // A page sends a browser to sign in; the API answers 401.
            let refused = path.hasPrefix("/api/") ? 401 : 303
            #expect(try server.send("GET", path, headers: desk.bearer("vera")).status == refused, "\(path)")
        }
        try desk.run(["user", "disable", "ed"])
        #expect(try server.send("GET", "/api/me", headers: desk.bearer("ed")).status == 401)
        for path in reads where !path.hasPrefix("/api/") {
            #expect(try server.send("GET", path, headers: cookie).status == 303, "\(path)")
        }
        #expect(try signInReply(server, "ed", DeskFixture.password).status == 401)
        #expect(server.stop() == 0)
    }

    @Test("SIGTERM lets a request under way finish, then the server exits 0")
    func gracefulShutdown() async throws {
        let desk = try DeskFixture()
        let server = try RunningServer(database: desk.path)
        let port = server.port
        let form = try server.send("GET", "/login")
        let token = hiddenField("csrf", in: form.body) ?? ""
        let cookie = form.cookie("claimtrail_signin")?.value ?? ""
        // A sign-in checks bcrypt for a good fraction of a second: long enough to be under way.
        let before = server.sockets()
        let signIn = Task.detached {
            try HTTPReply.exchange(
                port: port,
                method: "POST",
                path: "/login",
                headers: [
                    "Content-Type": "application/x-www-form-urlencoded", "Cookie": "claimtrail_signin=\(cookie)",
                ],
                body: "name=ed&password=not+the+password&csrf=\(token)"
            )
        }
        // SIGTERM once the server has accepted the sign-in's connection, and a moment later, when it has
        // read the request. Sent at a fixed time after the task began, on a loaded machine the signal
        // could come before the connection did, which a stopping server rightly refuses.
        let waited = ContinuousClock.now
        while server.sockets().isSubset(of: before), ContinuousClock.now - waited < .seconds(120) {
            try await Task.sleep(for: .milliseconds(10))
        }
        try await Task.sleep(for: .milliseconds(150))
        #expect(server.stop() == 0)
        #expect(try await signIn.value.status == 401)
    }

    @Test("cookies are Secure behind TLS, or when a trusted proxy says https; bodies are limited")
    func cookiesAndLimits() throws {
        let desk = try DeskFixture()
        let plain = try RunningServer(database: desk.path)
        let forwarded = ["X-Forwarded-Proto": "https"]
        #expect(
            try plain.send("GET", "/login", headers: forwarded).cookie("claimtrail_signin")?.header.contains("Secure")
                == false
        )
        let huge = "{\"text\": \"" + String(repeating: "x", count: 100_000) + "\"}"
        let json = desk.bearer("ed").merging(["Content-Type": "application/json"]) { $1 }
        #expect(try plain.send("POST", "/api/claims", headers: json, body: huge).status == 413)
        let text = desk.bearer("ed").merging(["Content-Type": "text/plain"]) { $1 }
        #expect(try plain.send("POST", "/api/claims", headers: text, body: #"{"text": "x"}"#).status == 415)
        let broken = try plain.send("POST", "/api/claims", headers: json, body: #"{"topic": "x"}"#)
        #expect(broken.status == 400)
        #expect(
            (broken.json as? [String: Any])?["error"] as? String
                == "the request body is not the JSON expected: “text” is missing"
        )
        // A field is named as the client wrote it (snake_case), not by its Swift property's name.
        // A value of the wrong kind, nested or not, is named as the rest are, not in the decoder's words.
        for (path, body, error) in [
            ("/api/claims/1/counter-claims", #"{"source": "1"}"#, "“counter_claim” is missing"),
            (
                "/api/claims/1/attributions", #"{"source": "1", "new_speaker": "yes"}"#,
                "“new_speaker” must be true or false"
            ),
            ("/api/claims", #"{"text": {"a": [1]}}"#, "“text” must be a string"),
            ("/api/claims", #"{"text": ["x"]}"#, "“text” must be a string"),
            ("/api/claims", #"{"text": null}"#, "“text” must be a string"),
            ("/api/claims/1/attributions", #"{"source": "1", "via": {"id": 1}}"#, "“via” must be a whole number"),
            (
                "/api/claims/1/attributions", #"{"source": "1", "stance": "sideways"}"#,
                "“stance” is not one of the values it takes"
            ),
        ] {
            let refused = try plain.send("POST", path, headers: json, body: body)
            let message = (refused.json as? [String: Any])?["error"] as? String ?? ""
            #expect(
                refused.status == 400 && message == "the request body is not the JSON expected: \(error)",
                "\(path): \(message)"
            )
        }
        #expect(try desk.count("SELECT COUNT(*) FROM claim") == 1)
        #expect(plain.stop() == 0)

        let proxied = try RunningServer(database: desk.path, arguments: ["--trusted-proxy", "127.0.0.1"])
        #expect(
            try proxied.send("GET", "/login", headers: forwarded).cookie("claimtrail_signin")?.header.contains("Secure")
                == true
        )
        #expect(try proxied.send("GET", "/login").cookie("claimtrail_signin")?.header.contains("Secure") == false)
        #expect(proxied.stop() == 0)
        let behind = try RunningServer(database: desk.path, arguments: ["--behind-tls"])
        #expect(try behind.send("GET", "/login").cookie("claimtrail_signin")?.header.contains("Secure") == true)
        #expect(behind.stop() == 0)
    }

    @Test("every path in the served openapi.yaml is a route of the server")
    func openAPICoversRoutes() throws {
        let desk = try DeskFixture()
        let server = try RunningServer(database: desk.path)
        let spec = try server.send("GET", "/openapi.yaml")
        #expect(spec.status == 200)
        // Paths are the keys two spaces in under `paths:`; methods four spaces in under each.
        var routes: [(method: String, path: String)] = []
        var path: String?
        for line in spec.body.split(separator: "\n").drop(while: { $0 != "paths:" }).dropFirst() {
            if !line.hasPrefix(" ") { break }
            if line.hasPrefix("  /") { path = String(line.dropFirst(2).dropLast()) }
            for method in ["get", "post"] where line == "    \(method):" {
                routes.append((method.uppercased(), path ?? ""))
            }
        }
        #expect(routes.count > 20)
        for route in routes {
            let reply = try server.send(
                route.method,
                route.path.replacingOccurrences(of: "{id}", with: "1"),
                headers: desk.bearer("vera").merging(["Accept": "application/json"]) { $1 },
                body: route.method == "POST" ? "" : nil
            )
            // A 404 may be the store's ("no speaker #1"); a route the server lacks says "no such page".
            let error = (reply.json as? [String: Any])?["error"] as? String
            #expect(error != "no such page" && ![405, 500].contains(reply.status), "\(route.method) \(route.path)")
        }
        #expect(server.stop() == 0)
    }

    // MARK: Helpers

    @Test("contested pages: a limit of 0 is refused (it would page to itself); a blank topic means any topic")
    func contestedPaging() throws {
        let desk = try DeskFixture()
        let server = try RunningServer(database: desk.path)
        let json = desk.bearer("vera").merging(["Accept": "application/json"]) { $1 }
        let empty = try server.send("GET", "/contested?limit=0", headers: json)
        #expect(empty.status == 400)
        #expect(empty.body.contains("limit must be a whole number from 1"), "\(empty.body)")
        let blank = try server.send("GET", "/contested?topic=%20&limit=1", headers: json)
        #expect(blank.status == 200, "\(blank.body)")
        #expect((blank.json as? [String: Any])?["topic"] is NSNull)
        #expect(server.stop() == 0)
    }

    @Test("a form field of invisible characters is refused as the API and the command line refuse it")
    func invisibleFormFields() throws {
        let desk = try DeskFixture()
        let server = try RunningServer(database: desk.path)
        let (form, formToken) = try formSession(server, "ed")
        // U+200B, which Foundation counts as white space: the store's rule decides, not the form's.
        for (path, body, message) in [
            ("/claims/1/notes", "text=%E2%80%8B", "a note shows nothing"),
            ("/claims/1/attributions", "source=1&quote=%E2%80%8B", "a quote shows nothing"),
        ] {
            let reply = try server.send("POST", path, headers: form, body: body + "&csrf=\(formToken)")
            #expect(reply.status == 400, "\(path)")
            #expect(reply.body.contains(message), "\(path): \(reply.body)")
        }
        #expect(server.stop() == 0)
        #expect(try desk.count("SELECT COUNT(*) FROM attribution") + desk.count("SELECT COUNT(*) FROM claim_note") == 0)
    }

    /// Headers that post a form as `name`, signed in, and the form token of the claim page.
    private func formSession(_ server: RunningServer, _ name: String) throws -> ([String: String], String) {
        let cookie = ["Cookie": "claimtrail_session=\(try signIn(server, name, DeskFixture.password).value)"]
        let page = try server.send("GET", "/claims/1", headers: cookie)
        let token = try #require(hiddenField("csrf", in: page.body))
        return (["Content-Type": "application/x-www-form-urlencoded"].merging(cookie) { $1 }, token)
    }

    private func signInReply(_ server: RunningServer, _ name: String, _ password: String) throws -> HTTPReply {
        let form = try server.send("GET", "/login")
        let token = hiddenField("csrf", in: form.body) ?? ""
        let cookie = form.cookie("claimtrail_signin")?.value ?? ""
        let body =
            "name=\(name)&password=\(password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        return try server.send(
            "POST",
            "/login",
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": "claimtrail_signin=\(cookie)"],
            body: body + "&csrf=\(token)&next=%2Fclaims%2F1"
        )
    }

    private func signIn(
        _ server: RunningServer,
        _ name: String,
        _ password: String
    ) throws -> (
        value: String, header: String
    ) {
        let reply = try signInReply(server, name, password)
        #expect(reply.status == 303)
        #expect(reply.header("Location") == "/claims/1")
        return try #require(reply.cookie("claimtrail_session"))
    }

    private func hiddenField(_ name: String, in html: String) -> String? {
        guard let start = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[start.upperBound...].prefix { $0 != "\"" })
    }
}
