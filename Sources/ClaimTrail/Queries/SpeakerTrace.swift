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
    /// - Parameter offset: the attributions start after this many (a later page of the server's).
    public func traceSpeaker(_ reference: String, limit: Int? = nil, offset: Int = 0) throws -> SpeakerTrace {
        try read { try traceSpeaker(try requireSpeaker(reference), limit: limit, offset: offset) }
    }

    private func traceSpeaker(_ speaker: Speaker, limit: Int?, offset: Int) throws -> SpeakerTrace {
        SpeakerTrace(
            speaker: speaker,
            attributions: try provenance.rows(.speaker(speaker.id), limit: limit, offset: offset),
            totalAttributions: try attributionCount(speakerID: speaker.id)
        )
    }

    /// What a speaker trace's CSV holds, to stream rather than build; and how many attributions
    /// the speaker has in all.
    public func speakerTraceRows(_ reference: String) throws -> (scope: ProvenanceQuery.Scope, total: Int) {
        let id = try requireSpeaker(reference).id
        return (.speaker(id), try attributionCount(speakerID: id))
    }

    private func attributionCount(speakerID: Int64) throws -> Int {
        try database.cached("SELECT attributions FROM speaker_stats WHERE speaker_id = ?").first([speakerID]) {
            $0.int(0)
        } ?? 0
    }
}
