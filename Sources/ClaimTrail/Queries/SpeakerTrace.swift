/// Everything one speaker is recorded as saying, in time order.
public struct SpeakerTrace: Codable, Equatable, Sendable {
    public var speaker: Speaker
    public var attributions: [ProvenanceRow]
}

extension ClaimStore {
    public func traceSpeaker(_ reference: String) throws -> SpeakerTrace {
        guard let speaker = try resolveSpeaker(reference) else {
            throw ClaimTrailError.notFound("no speaker “\(reference)”")
        }
        return SpeakerTrace(speaker: speaker,
                            attributions: try provenance.rows(.speaker(speaker.id)).sorted(by: ProvenanceRow.timelineOrder))
    }
}
