import ClaimTrail

/// One claim: the HTML report's section for it (timeline, verdicts, counter-claims, what it
/// contradicts and what supports it), its history, and the forms an editor records with.
struct ClaimPage: DeskPage {
    var title: String { "Claim #\(trace.claim.id)" }
    var trace: ClaimTrace
    var verdicts: [Verdict]
    /// The desk's name for the claim's verification status (`status labels`).
    var statusLabel: String
    /// The desk's names for every status, for the status form (not part of the JSON).
    var statusLabels: [VerificationStatus: String]

    /// Where the page's stretch of the claim's timeline starts (`?offset=`); not part of the JSON.
    var offset = 0

    /// Attributions of the claim, and of each claim linked to it, that one page shows: a page
    /// of the timeline at a time, with links to the pages before and after, so that the busiest
    /// claim's page (83,000 attributions at 1M) costs what an ordinary one does.
    static let timelineLimit = 50

    private enum CodingKeys: String, CodingKey {
        case trace, verdicts, statusLabel
    }

    /// The report's section goes into the page's bytes as it is written; the rest of the page is
    /// text, appended once.
    func appendHTML(_ viewer: Viewer, to page: inout [UInt8]) {
        HTMLReport.section(
            trace,
            verdicts: verdicts,
            labels: statusLabels,
            link: { "/claims/\($0)" },
            speakerLink: { "/speakers/\($0)" },
            into: &page
        )
        page.append(contentsOf: rest(viewer).utf8)
    }

    /// What follows the section: the pager, the downloads, the history and an editor's forms.
    private func rest(_ viewer: Viewer) -> String {
        let (escape, isolate) = (PageLayout.escape, PageLayout.isolate)
        let id = trace.claim.id
        var html = timelinePager
        html += PageLayout.downloads("claim=\(id)")
        if !trace.history.isEmpty {
            html += "<h3>History</h3>\n<ul>\n"
            for change in trace.history {
                html += "<li>\(escape(change.at)) \(isolate(change.by)): \(escape(change.action)) "
                html += "\(escape(change.entity)) #\(change.entityID): \(isolate(change.summary))"
                html += (change.reason.map { " (\(isolate($0)))" } ?? "") + "</li>\n"
            }
            html += "</ul>\n"
        }
        guard viewer.canWrite else { return html }
        // Every status is offered by the desk's name; the store refuses a move that skips a step.
        let statuses = VerificationStatus.allCases.map { ($0.rawValue, statusLabels[$0] ?? $0.rawValue) }
        let status =
            PageLayout.choice("status", "Move to", statuses, selected: trace.status.rawValue)
            + PageLayout.field("note", "Why (for the log)")
        // The holder the page shows travels with both forms: a claim taken by someone else meanwhile is refused.
        let shownHolder = "<input type=\"hidden\" name=\"held_by\" value=\"\(escape(trace.assignee ?? ""))\">"
        let assign =
            PageLayout.field("assignee", "Give it to", required: true, value: viewer.account?.name) + shownHolder
        for (title, path, fields, button) in [
            ("Record an attribution", "attributions", Self.attributeFields, "Record"),
            ("Record a counter-claim", "counter-claims", Self.counterFields, "Record"),
            ("Verification status", "status", status, "Set status"),
            ("Who holds it", "assignee", assign, "Assign"),
            ("Add a note", "notes", Self.noteFields, "Add note"),
            ("Give a verdict", "verdicts", Self.verdictFields, "Save verdict"),
        ] {
            html += "<h3>\(title)</h3>\n"
            html += PageLayout.form(
                action: "/claims/\(id)/\(path)",
                viewer: viewer,
                fields: fields,
                button: button,
                kind: "panel"
            )
            if path == "assignee", let holder = trace.assignee {
                html += PageLayout.form(
                    action: "/claims/\(id)/assignee",
                    viewer: viewer,
                    fields: "Held by \(isolate(holder)). " + shownHolder,
                    button: "Unassign",
                    kind: "panel"
                )
            }
        }
        return html
    }

    // The fields of the forms that are the same on every claim's page, built once rather than on each
    // page an editor opens (they were a sixth of a page's rendering).

    private static let attributeFields = [
        PageLayout.field("speaker", "Speaker (id, name or alias; empty if nobody is named)"),
        "<label><input type=\"checkbox\" name=\"new_speaker\" value=\"1\"> a new speaker</label>\n",
        PageLayout.choice("speaker_kind", "of kind", SpeakerKind.allCases.map(\.rawValue)),
        PageLayout.field("source", "Source (id, URL or title)", required: true),
        PageLayout.choice("stance", "Stance", Stance.allCases.map(\.rawValue)),
        PageLayout.choice("mode", "Mode", Mode.allCases.map(\.rawValue)),
        PageLayout.field("quote", "Quote"), PageLayout.field("cue", "Cue"),
        PageLayout.field("date", "Said on (YYYY-MM-DD)"), PageLayout.field("via", "Via attribution id"),
    ].joined()

    private static let counterFields =
        PageLayout.field("counter_claim", "Counter-claim (text, or #id)", required: true)
        + PageLayout.field("source", "Source (optional)")

    private static let noteFields = PageLayout.textArea("text", "Note", required: true)

    private static let verdictFields = [
        PageLayout.field("rating", "Rating", required: true), PageLayout.field("reviewer", "Reviewer"),
        PageLayout.textArea("explanation", "Explanation"), PageLayout.field("language", "Language (en, pt-BR)"),
        PageLayout.field("appearance_url", "Where the claim was seen (URL)"),
        PageLayout.field("score", "Score"), PageLayout.field("best", "Best"), PageLayout.field("worst", "Worst"),
        PageLayout.field("date", "Date"), PageLayout.field("url", "Review URL"),
    ].joined()

    /// Which stretch of the timeline the page shows, with links to the stretches around it.
    private var timelinePager: String {
        guard offset > 0 || trace.attributions.count < trace.totalAttributions else { return "" }
        let (id, total) = (trace.claim.id, trace.totalAttributions)
        guard !trace.attributions.isEmpty else {
            // Past the end (a hand-typed or stale offset): say so, and lead back to the first and
            // the last stretch with rows in it.
            let last = max(total - 1, 0) / Self.timelineLimit * Self.timelineLimit
            var html =
                "<p class=\"pager\">No attributions on this page; the claim has \(total > 0 ? "\(total)" : "none"). "
            html += "<a href=\"/claims/\(id)\">← First page</a>"
            if last > 0 { html += " <a href=\"/claims/\(id)?offset=\(last)\">Last page</a>" }
            return html + "</p>\n"
        }
        var html = "<p class=\"pager\">Attributions \(offset + 1)–\(offset + trace.attributions.count) of \(total). "
        if offset > 0 {
            let earlier = max(offset - Self.timelineLimit, 0)
            html += "<a href=\"/claims/\(id)\(earlier > 0 ? "?offset=\(earlier)" : "")\">← Earlier</a> "
        }
        if offset + trace.attributions.count < total {
            html += "<a href=\"/claims/\(id)?offset=\(offset + Self.timelineLimit)\">Later →</a>"
        }
        return html + "</p>\n"
    }
}
