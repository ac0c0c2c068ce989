/// Everything one speaker is recorded as saying, in time order.
public struct SpeakerTrace: Codable, Equatable, Sendable {
    public var speaker: Speaker
    /// In time order, undated ones last; the first page when limited.
    public var attributions: [ProvenanceRow]
    /// How many attributions the speaker has in all.
    public var totalAttributions: Int
}

extension ClaimStore {
    /// - Parameter limit: at most this many attributions (the earliest), or all when nil.
    public func traceSpeaker(_ reference: String, limit: Int? = nil) throws -> SpeakerTrace {
        guard let speaker = try resolveSpeaker(reference) else {
            throw ClaimTrailError.notFound("no speaker “\(reference)”")
        }
        let total = try database.cached("SELECT attributions FROM speaker_stats WHERE speaker_id = ?").first([speaker.id]) { $0.int(0) } ?? 0
        return SpeakerTrace(speaker: speaker, attributions: try provenance.rows(.speaker(speaker.id), limit: limit),
                            totalAttributions: total)
    }
}
