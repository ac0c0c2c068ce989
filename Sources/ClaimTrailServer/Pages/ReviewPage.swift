import ClaimTrail
import Foundation

/// The extractor's proposals waiting for review, least confident first (`review list`), each
/// with the forms to accept it (correcting the speaker, the claim or the stance) or reject it;
/// only one source's with `?source=`, as `review list --source` lists them.
struct ReviewPage: TextDeskPage {
    var title: String { "Review queue" }
    var proposals: [ProposalItem]
    /// The source the proposals were asked for, when one was.
    var sourceID: Int64?
    var sourceTitle: String?

    init(proposals: [ProposalItem], source: Source?) {
        self.proposals = proposals
        (sourceID, sourceTitle) = (source?.id, source?.title)
    }

    func html(_ viewer: Viewer) -> String {
        let (escape, isolate) = (PageLayout.escape, PageLayout.isolate)
        var html = "<h1>Review queue</h1>\n"
        let scope = sourceID.map { id in
            " in <a href=\"/sources/\(id)/audit\">\(isolate(sourceTitle ?? ""))</a> "
                + "(<a href=\"/review\">all sources</a>)"
        }
        guard !proposals.isEmpty else { return html + "<p>No proposals are waiting for review\(scope ?? "").</p>\n" }
        html += "<p>\(proposals.count) proposals\(scope ?? ""), least confident first.</p>\n"
        for proposal in proposals {
            let id = proposal.attributionID
            html += "<div class=\"proposal\" id=\"proposal-\(id)\">\n<h2>Proposal #\(id) "
            html += "<small>confidence \(String(format: "%.2f", proposal.confidence))</small></h2>\n"
            let speaker = proposal.speakerID.map { "<a href=\"/speakers/\($0)\">\(isolate(proposal.speaker))</a>" }
            html += "<p>\(speaker ?? "\(isolate(proposal.speaker)) <small>(new)</small>")"
            html += proposal.cue.map { " <em>\(isolate($0))</em>" } ?? ""
            html += ": <q>\(isolate(proposal.content))</q></p>\n"
            html += "<p class=\"meta\">In <a href=\"/sources/\(proposal.sourceID)/audit\">"
            html += "\(isolate(proposal.sourceTitle))</a> · \(escape(proposal.mode)) · claim "
            html += "<a href=\"/claims/\(proposal.claimID)\">#\(proposal.claimID)</a> · proposed by "
            html += "\(isolate(proposal.proposedBy)) at \(escape(proposal.proposedAt))</p>\n"
            guard viewer.canWrite else {
                html += "</div>\n"
                continue
            }
            let corrections = [
                PageLayout.field("speaker", "Speaker, if not as found"),
                "<label><input type=\"checkbox\" name=\"new_speaker\" value=\"1\"> a new speaker</label>\n",
                PageLayout.field("claim", "Stored claim (#id or text), if another"),
                PageLayout.field("content_as_claim", "Or the claim in these words"),
                PageLayout.choice(
                    "stance",
                    "Stance",
                    [("", "as proposed")] + Stance.allCases.map { ($0.rawValue, $0.rawValue) }
                ),
            ].joined()
            html += PageLayout.form(
                action: "/proposals/\(id)/accept",
                viewer: viewer,
                fields: corrections,
                button: "Accept",
                kind: "panel"
            )
            html += PageLayout.form(
                action: "/proposals/\(id)/reject",
                viewer: viewer,
                fields: PageLayout.field("reason", "Reason", required: true),
                button: "Reject",
                kind: "panel"
            )
            html += "</div>\n"
        }
        return html
    }
}
