/// Records proposed attributions in the store: each content becomes a claim (to be reworded by a
/// fact-checker), each speaker is found by name or alias or created, described speakers as anonymous.
public struct ExtractionRecorder {
    public let store: ClaimStore
    public let recordedBy: String

    public init(store: ClaimStore, recordedBy: String) {
        self.store = store
        self.recordedBy = recordedBy
    }

    public struct Summary: Sendable { public var attributions = 0, claims = 0, speakers = 0 }

    public func record(_ proposals: [ProposedAttribution], source: Int64) throws -> Summary {
        var summary = Summary()
        for proposal in proposals {
            let claim = try store.addClaim(text: proposal.content)
            if claim.created { summary.claims += 1 }
            let speaker: Int64
            if let known = try store.resolveSpeaker(proposal.speaker) {
                speaker = known.id
            } else {
                let described = ["a", "an", "one", "two", "several", "some"].contains(
                    proposal.speaker.lowercased().split(separator: " ").first.map(String.init) ?? ""
                )
                speaker = try store.addSpeaker(
                    SpeakerDraft(
                        name: proposal.speaker,
                        kind: described ? .anonymous : .unknown,
                        role: proposal.speakerRole
                    )
                )
                summary.speakers += 1
            }
            let draft = AttributionDraft(
                claimID: claim.id,
                speakerID: speaker,
                sourceID: source,
                stance: .asserts,
                mode: proposal.mode == .direct ? .direct : .indirect,
                quote: proposal.content,
                cue: proposal.cue
            )
            if try store.addAttribution(draft, recordedBy: recordedBy).created { summary.attributions += 1 }
        }
        return summary
    }
}
