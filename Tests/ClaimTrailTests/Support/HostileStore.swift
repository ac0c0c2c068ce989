@testable import ClaimTrail

/// A store whose every text field is hostile: quotes of both kinds, markup, line breaks,
/// commas, SQL, non-Latin scripts, RTL marks and emoji, with a relay, a counter-claim and a verdict.
enum HostileStore {
    static let claimText = "The “missile” <script>alert('claim')</script> plan,\nin two lines"
    static let counterText = "Нет никакого удара — “no strike” & <b>no plan</b>"
    static let speakerName = "Мария Захарова \u{200F}(\"MFA\")"
    static let quote = "She said: \"<img src=x onerror=alert(1)>\", then “left”,\r\nquietly 👋"
    static let sourceTitle = "Report: <i>Kalibr</i>, \"strike\" & فريق"

    static func fill(_ store: ClaimStore) throws {
        let source = try store.addSource(
            SourceDraft(
                title: sourceTitle,
                url: "https://example.org/a?x=1&y=\"2\"",
                outlet: "Outlet\nDesk",
                author: "Jean-Pierre O’Neil",
                published: "2018-08-28"
            )
        )
        let speaker = try store.addSpeaker(
            SpeakerDraft(
                name: speakerName,
                kind: .person,
                role: "spokeswoman <MFA>",
                aliases: ["Zakharova"]
            )
        )
        let outlet = try store.addSpeaker(SpeakerDraft(name: "TASS \\ agency", kind: .media))
        let claim = try store.claim(claimText, topic: "top\"ic")
        let counter = try store.claim(counterText)
        let relay = try store.attribute(claim, outlet, in: source, quote: "relay, \"quoted\"")
        try store.attribute(claim, speaker, in: source, .asserts, quote: quote, date: "2018-08-27", via: relay)
        try store.attribute(claim, nil, in: source, .denies)
        try store.attribute(counter, speaker, in: source, .questions, quote: "¿Qué? <script>x</script>")
        _ = try store.addRelation(from: counter, to: claim, kind: .contradicts, sourceID: source)
        try store.setVerdict(
            Verdict(
                rating: "False <b>",
                score: 1,
                best: 5,
                worst: 1,
                reviewer: "Desk “Ω”",
                date: "2018-09-01",
                url: "https://example.org/review"
            ),
            on: claim,
            by: "test"
        )
    }
}
