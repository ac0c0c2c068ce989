import Foundation

/// The proposals waiting for review, least sure first, so that a reviewer's attention goes where
/// the extractor is most likely wrong.
public struct ProposalItem: Equatable, Sendable {
    public var attributionID: Int64
    public var confidence: Double
    public var sourceID: Int64
    public var sourceTitle: String
    /// The linked speaker's name, else the name as found in the text (to be created on accept).
    public var speaker: String
    public var speakerID: Int64?
    public var cue: String?
    public var content: String
    public var mode: String
    public var claimID: Int64
    /// UTF-8 byte offsets of the content in the source text.
    public var start: Int
    public var end: Int
    public var extractorVersion: String
    public var proposedAt: String
    public var proposedBy: String
}

extension ClaimStore {
    /// Proposals waiting for review, in one source or all, least confident first.
    public func pendingProposals(sourceID: Int64? = nil) throws -> [ProposalItem] {
        try database.cached(
            """
            SELECT a.id, p.confidence, a.source_id, s.title, coalesce(sp.name, p.speaker), a.speaker_id, a.cue,
                   p.content, a.mode, a.claim_id, p.content_start, p.content_end, p.extractor_version, p.proposed_at,
                   p.proposed_by
            FROM attribution a
            JOIN attribution_proposal p ON p.attribution_id = a.id
            JOIN source s ON s.id = a.source_id
            LEFT JOIN speaker sp ON sp.id = a.speaker_id
            WHERE a.state = 'proposed' AND (?1 IS NULL OR a.source_id = ?1)
            ORDER BY p.confidence, a.id
            """
        ).map([sourceID]) { row in
            ProposalItem(
                attributionID: row.int64(0),
                confidence: row.double(1),
                sourceID: row.int64(2),
                sourceTitle: row.string(3),
                speaker: row.string(4),
                speakerID: row.optionalInt64(5),
                cue: row.text(6),
                content: row.string(7),
                mode: row.string(8),
                claimID: row.int64(9),
                start: row.int(10),
                end: row.int(11),
                extractorVersion: row.string(12),
                proposedAt: row.string(13),
                proposedBy: row.string(14)
            )
        }
    }
}

extension ProposalItem: Tabular, Encodable {
    public static let columns = [
        "attribution_id", "confidence", "source_id", "source_title", "speaker", "speaker_id", "cue", "content", "mode",
        "claim_id", "start", "end", "extractor_version", "proposed_at", "proposed_by",
    ]

    public var cells: [String] {
        [
            String(attributionID), String(format: "%.2f", confidence), String(sourceID), sourceTitle, speaker,
            speakerID.map(String.init) ?? "", cue ?? "", content, mode, String(claimID), String(start), String(end),
            extractorVersion, proposedAt, proposedBy,
        ]
    }
}
