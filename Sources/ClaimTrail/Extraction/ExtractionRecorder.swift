/// Records the extractor's proposals in the store as `proposed` attributions, which count for
/// nothing until a person accepts them (`ProposalReview`).
///
/// Each proposal keeps what the extractor found (speaker, content, confidence, offsets, rules
/// version). Its claim is the stored claim with the same wording (the content without the
/// punctuation the cut left at its edges, `ClaimWording`), or a new claim hidden from
/// listings until accepted. Its speaker is linked when the name finds exactly one speaker; an
/// unknown speaker is created only when the proposal is accepted. A text proposed again for the
/// same source by the same speaker (content and speaker folded) is skipped whatever became of the
/// first proposal, so a rejected proposal does not come back, while the same words in another
/// voice are a proposal of their own; so is one the store already records (same claim,
/// speaker and source), say from an import of the same article.
public struct ExtractionRecorder {
    public let store: ClaimStore
    public let recordedBy: String

    public init(store: ClaimStore, recordedBy: String) {
        self.store = store
        self.recordedBy = recordedBy
    }

    public struct Summary: Sendable {
        /// The ids of the attributions proposed now, in the text's order.
        public var proposed: [Int64] = []
        /// Proposals skipped: the same content was proposed for this source before, or the store
        /// already records it.
        public var alreadyKnown = 0
        public var newClaims = 0
    }

    public func propose(_ proposals: [ProposedAttribution], source: Int64) throws -> Summary {
        guard try store.source(id: source) != nil else { throw ClaimTrailError.notFound("no source #\(source)") }
        var summary = Summary()
        for proposal in proposals {
            let contentKey = TextKey.fold(proposal.content)
            let speakerKey = TextKey.fold(proposal.speaker)
            let known = try store.database.cached(
                """
                SELECT p.speaker FROM attribution_proposal p JOIN attribution a ON a.id = p.attribution_id
                WHERE p.content_key = ? AND a.source_id = ?
                """
            ).map([contentKey, source]) { TextKey.fold($0.string(0)) }.contains(speakerKey)
            let speaker = try? store.resolveSpeaker(proposal.speaker)
            guard !known, try !isRecorded(proposal, speaker: speaker?.id, source: source) else {
                summary.alreadyKnown += 1
                continue
            }
            let claim = try store.addClaim(text: ClaimWording.clean(proposal.content), proposed: true)
            if claim.created { summary.newClaims += 1 }
            try store.database.execute(
                """
                INSERT INTO attribution (claim_id, speaker_id, source_id, stance, mode, quote, cue, recorded_by, state,
                                         uid)
                VALUES (?, ?, ?, 'asserts', ?, ?, ?, ?, 'proposed', ?)
                """,
                [
                    claim.id, speaker?.id, source,
                    proposal.recordedMode.rawValue,
                    proposal.content, proposal.cue, recordedBy, UID.make().text,
                ]
            )
            let id = store.database.lastInsertRowID
            try store.database.execute(
                """
                INSERT INTO attribution_proposal (attribution_id, speaker, speaker_role, content, content_key,
                    confidence,
                                                  content_start, content_end, extractor_version, proposed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    id, proposal.speaker, proposal.speakerRole, proposal.content, contentKey, proposal.confidence,
                    proposal.start, proposal.end, AttributionExtractor.version, recordedBy,
                ]
            )
            summary.proposed.append(id)
        }
        return summary
    }

    /// Whether an accepted attribution already says this: the content's claim, by this speaker,
    /// in this source.
    private func isRecorded(_ proposal: ProposedAttribution, speaker: Int64?, source: Int64) throws -> Bool {
        guard let speaker, let claim = try store.claimID(normalized: TextKey.fold(ClaimWording.clean(proposal.content)))
        else {
            return false
        }
        return try store.database.cached(
            """
            SELECT EXISTS (SELECT 1 FROM attribution
                           WHERE claim_id = ? AND speaker_id = ? AND source_id = ? AND state = 'accepted')
            """
        ).first([claim, speaker, source]) { $0.bool(0) } ?? false
    }
}
