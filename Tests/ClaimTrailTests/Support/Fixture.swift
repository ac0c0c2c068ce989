@testable import ClaimTrail

/// Small helpers to record test data in one line each.
extension ClaimStore {
    func source(_ title: String, published: String? = nil) throws -> Int64 {
        try addSource(SourceDraft(title: title, published: published))
    }

    func speaker(_ name: String, kind: SpeakerKind = .person, role: String? = nil) throws -> Int64 {
        try addSpeaker(SpeakerDraft(name: name, kind: kind, role: role))
    }

    func claim(_ text: String, topic: String? = nil) throws -> Int64 {
        try addClaim(text: text, topic: topic).id
    }

    @discardableResult
    func attribute(
        _ claim: Int64,
        _ speaker: Int64?,
        in source: Int64,
        _ stance: Stance = .asserts,
        quote: String? = nil,
        date: String? = nil,
        via: Int64? = nil
    ) throws -> Int64 {
        try addAttribution(
            AttributionDraft(
                claimID: claim,
                speakerID: speaker,
                sourceID: source,
                stance: stance,
                quote: quote,
                date: date,
                viaID: via
            ),
            recordedBy: "tester"
        ).id
    }
}

extension ProposedAttribution {
    /// The extractor's proposal of a direct quote by `speaker`, found at the start of its text.
    static func quote(_ content: String, by speaker: String) -> ProposedAttribution {
        ProposedAttribution(
            speaker: speaker,
            speakerRole: nil,
            cue: "said",
            content: content,
            mode: .direct,
            start: 0,
            end: content.utf8.count
        )
    }
}
