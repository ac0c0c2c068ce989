/// A person's review of the extractor's proposals: accept (correcting the speaker, claim or
/// stance in the same step) or reject with a reason.
///
/// Each decision is one conditional write on the proposal (`… WHERE decision IS NULL`), so of two
/// reviewers deciding the same proposal at once exactly one wins, and the other is told who did,
/// and when. The attribution keeps its id; the change log keeps the row as the extractor proposed
/// it, and `attribution_proposal` keeps the speaker and content as found in the text.
public struct ProposalReview {
    public let store: ClaimStore
    public let reviewer: String

    public init(store: ClaimStore, reviewer: String) {
        self.store = store
        self.reviewer = reviewer
    }

    /// What a reviewer corrects while accepting; nil keeps what was proposed.
    public struct Correction: Sendable {
        /// A stored speaker (id, name or alias).
        public var speaker: String?
        /// Create `speaker` when no stored speaker has that name.
        public var newSpeaker = false
        /// A stored claim (id or text) the proposal is an attribution of.
        public var claim: String?
        /// A new wording of the claim, recorded as a claim (or found, if stored).
        public var contentAsClaim: String?
        public var stance: Stance?
        /// The kind of a speaker this accept creates, or of a stored one still of kind `unknown`;
        /// nil lets the extractor's reading of the name decide (`ProposedAttribution.speakerKind`).
        public var speakerKind: SpeakerKind?

        public init(
            speaker: String? = nil,
            newSpeaker: Bool = false,
            claim: String? = nil,
            contentAsClaim: String? = nil,
            stance: Stance? = nil,
            speakerKind: SpeakerKind? = nil
        ) {
            self.speaker = speaker
            self.newSpeaker = newSpeaker
            self.claim = claim
            self.contentAsClaim = contentAsClaim
            self.stance = stance
            self.speakerKind = speakerKind
        }
    }

    /// Accepts each proposal once, in the order given: an id named twice is one decision, not a
    /// second one refused as "already accepted". Call inside `write`, so that all go or none.
    public func accept(_ ids: [Int64], correction: Correction = Correction()) throws {
        for id in Self.once(ids) { try accept(id, correction: correction) }
    }

    /// Rejects each proposal once, in the order given. Call inside `write`.
    public func reject(_ ids: [Int64], reason: String) throws {
        for id in Self.once(ids) { try reject(id, reason: reason) }
    }

    /// The ids in their first order, each once.
    public static func once(_ ids: [Int64]) -> [Int64] {
        var seen = Set<Int64>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// Accepts a proposal: from now on it counts like any attribution. Call inside `write`.
    public func accept(_ id: Int64, correction: Correction = Correction()) throws {
        let proposal = try pending(id)
        if correction.claim != nil && correction.contentAsClaim != nil {
            throw ClaimTrailError.invalid("give --claim or --content-as-claim, not both")
        }
        let claimID =
            try correction.claim.map { try store.resolveClaim($0).id }
            ?? correction.contentAsClaim.map { try store.addClaim(text: $0).id } ?? proposal.claimID
        let speakerID =
            try correction.speaker.map {
                try chosenSpeaker($0, create: correction.newSpeaker, kind: correction.speakerKind)
            } ?? proposal.speakerID.map { try kindGiven(correction.speakerKind, to: $0) }
            ?? proposedSpeaker(proposal, kind: correction.speakerKind)
        let stance = correction.stance ?? proposal.stance
        if let twin = try store.database.cached(
            """
            SELECT id FROM attribution WHERE claim_id = ? AND speaker_id IS ? AND source_id = ? AND stance = ?
                AND quote IS ?
              AND via_id IS NULL AND said_on IS ? AND state = 'accepted'
            """
        ).first(
            [claimID, speakerID, proposal.sourceID, stance.rawValue, proposal.quote, proposal.saidOn],
            { $0.int64(0) }
        ) {
            throw ClaimTrailError.invalid(
                "attribution #\(twin) already records this; reject #\(id) instead (nothing was written)"
            )
        }
        try decide(id, .accepted, reason: nil)
        try store.logged("attribution", id, action: "edit", by: reviewer, reason: "accepted proposal") {
            // Re-recorded with the same id and uid, so that the insert triggers count it: the
            // accepted attribution is the proposal, and a uid never changes.
            try store.database.execute("DELETE FROM attribution WHERE id = ?", [id])
            try store.database.execute(
                """
                INSERT INTO attribution (id, claim_id, speaker_id, source_id, stance, mode, quote, cue, said_on,
                                         recorded_at, recorded_by, state, uid)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'accepted', ?)
                """,
                [
                    id, claimID, speakerID, proposal.sourceID, stance.rawValue,
                    proposal.mode, proposal.quote, proposal.cue, proposal.saidOn, proposal.recordedAt,
                    proposal.recordedBy, proposal.uid,
                ]
            )
            return claimID
        }
        try QuoteLocations(database: store.database).record(ofAttributionsIn: id...id)
        try store.confirmClaim(claimID)
        if claimID != proposal.claimID { try dropUnusedProposedClaim(proposal.claimID) }
    }

    /// Rejects a proposal. It stays in the store and the log, so it is not proposed again.
    public func reject(_ id: Int64, reason: String) throws {
        guard let reason = Reference.clean(reason) else { throw ClaimTrailError.invalid("a rejection needs a reason") }
        _ = try pending(id)
        try decide(id, .rejected, reason: reason)
        try store.logged("attribution", id, action: "edit", by: reviewer, reason: "rejected proposal: \(reason)") {
            try store.database.execute(
                "UPDATE attribution SET state = 'rejected' WHERE id = ? AND state = 'proposed'",
                [id]
            )
            return try store.database.cached("SELECT claim_id FROM attribution WHERE id = ?").first([id]) {
                $0.int64(0)
            }
        }
    }

    /// The proposal as it stands, if it is still waiting for review; otherwise why not.
    private func pending(_ id: Int64) throws -> Pending {
        guard
            let found = try store.database.cached(
                """
                SELECT a.claim_id, a.speaker_id, a.source_id, a.stance, a.mode, a.quote, a.cue, a.said_on,
                    a.recorded_at,
                       a.recorded_by, p.attribution_id IS NOT NULL, p.speaker, p.speaker_role, a.uid
                FROM attribution a LEFT JOIN attribution_proposal p ON p.attribution_id = a.id WHERE a.id = ?
                """
            ).first(
                [id],
                { row in
                    (
                        Pending(
                            id: id,
                            claimID: row.int64(0),
                            speakerID: row.optionalInt64(1),
                            sourceID: row.int64(2),
                            stance: Stance(rawValue: row.string(3)) ?? .asserts,
                            mode: row.string(4),
                            quote: row.text(5),
                            cue: row.text(6),
                            saidOn: row.text(7),
                            recordedAt: row.string(8),
                            recordedBy: row.string(9),
                            speaker: row.text(11) ?? "",
                            speakerRole: row.text(12),
                            uid: row.text(13)
                        ),
                        row.bool(10)
                    )
                }
            )
        else { throw ClaimTrailError.notFound("no attribution #\(id)") }
        guard found.1 else {
            throw ClaimTrailError.invalid("attribution #\(id) is not a proposal; there is nothing to review")
        }
        if let earlier = try decision(id) { throw ClaimTrailError.invalid(earlier) }
        return found.0
    }

    /// Records the decision, if nobody has decided yet: the conditional write that settles a race.
    private func decide(_ id: Int64, _ decision: AttributionState, reason: String?) throws {
        try store.database.execute(
            """
            UPDATE attribution_proposal SET decision = ?, decided_by = ?, reason = ?,
                decided_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
            WHERE attribution_id = ? AND decision IS NULL
            """,
            [decision.rawValue, reviewer, reason, id]
        )
        guard store.database.changes == 1 else {
            throw ClaimTrailError.invalid(try self.decision(id) ?? "attribution #\(id) is not a proposal")
        }
    }

    /// "attribution #5 was already accepted by ana at …", or nil while undecided.
    private func decision(_ id: Int64) throws -> String? {
        try store.database.cached(
            "SELECT decision, decided_by, decided_at, reason FROM attribution_proposal WHERE attribution_id = ?"
        ).first([id]) { row -> String? in
            guard let decision = row.text(0) else { return nil }
            let reason = row.text(3).map { " (\($0))" } ?? ""
            return "attribution #\(id) was already \(decision) by \(row.string(1)) at \(row.string(2))\(reason); "
                + "nothing was written"
        } ?? nil
    }

    private func chosenSpeaker(_ reference: String, create: Bool, kind: SpeakerKind?) throws -> Int64 {
        if let speaker = try store.resolveSpeaker(reference) { return try kindGiven(kind, to: speaker.id) }
        guard create, Reference.id(in: reference) == nil else {
            throw try store.unknownSpeaker(reference, creatable: true)
        }
        return try store.addSpeaker(
            SpeakerDraft(name: reference, kind: kind ?? ProposedAttribution.speakerKind(reference, role: nil))
        )
    }

    /// The speaker as the extractor named it: found by name or alias, or created with `kind`, else
    /// the kind the extractor reads in the name (a description such as "a senior official" is an
    /// anonymous speaker with that role, a named person a person).
    private func proposedSpeaker(_ proposal: Pending, kind: SpeakerKind?) throws -> Int64 {
        if let speaker = try store.resolveSpeaker(proposal.speaker) { return try kindGiven(kind, to: speaker.id) }
        return try store.addSpeaker(
            SpeakerDraft(
                name: proposal.speaker,
                kind: kind ?? ProposedAttribution.speakerKind(proposal.speaker, role: proposal.speakerRole),
                role: proposal.speakerRole
            )
        )
    }

    /// A stored speaker given `kind`: set, logged, when its kind was never recorded (`unknown`);
    /// refused when it already has another, which `speaker edit --kind` changes.
    private func kindGiven(_ kind: SpeakerKind?, to speakerID: Int64) throws -> Int64 {
        guard let kind, let speaker = try store.speaker(id: speakerID), speaker.kind != kind else { return speakerID }
        guard speaker.kind == .unknown else {
            throw ClaimTrailError.invalid(
                "speaker #\(speakerID) “\(speaker.name)” is already recorded as \(speaker.kind.rawValue); "
                    + "change that with `speaker edit --kind` (nothing was written)"
            )
        }
        try store.editSpeaker(speakerID, name: nil, kind: kind, role: nil, by: reviewer, reason: "kind given on review")
        return speakerID
    }

    /// A claim created for a proposal that was then attached to another claim is removed, when
    /// nothing else uses it.
    private func dropUnusedProposedClaim(_ id: Int64) throws {
        let unused =
            try store.database.cached(
                """
                SELECT proposed = 1 AND NOT EXISTS (SELECT 1 FROM attribution WHERE claim_id = ?1)
                   AND NOT EXISTS (SELECT 1 FROM claim_relation WHERE ?1 IN (from_claim_id, to_claim_id))
                   AND NOT EXISTS (SELECT 1 FROM verdict WHERE claim_id = ?1)
                   AND NOT EXISTS (SELECT 1 FROM claim_note WHERE claim_id = ?1)
                   AND NOT EXISTS (SELECT 1 FROM claim_merge WHERE into_id = ?1)
                FROM claim WHERE id = ?1
                """
            ).first([id]) { $0.bool(0) } ?? false
        guard unused else { return }
        for table in ["claim_voice", "claim_source", "claim_stats"] {
            try store.database.execute("DELETE FROM \(table) WHERE claim_id = ?", [id])
        }
        try store.database.execute("DELETE FROM claim WHERE id = ?", [id])
    }

    /// A proposal waiting for review, as stored.
    private struct Pending {
        var id, claimID: Int64
        var speakerID: Int64?
        var sourceID: Int64
        var stance: Stance
        var mode: String
        var quote, cue, saidOn: String?
        var recordedAt, recordedBy: String
        /// The speaker as the extractor named it.
        var speaker: String
        var speakerRole: String?
        /// Kept by the accepted attribution.
        var uid: String?
    }
}

extension ClaimStore {
    /// Deletes an attribution as `attribution delete` asks. A proposal still waiting for review is
    /// rejected instead, with the reason given: it stays in the store and the log, so that the next
    /// `extract --propose` of the same text does not propose it again. A rejected proposal is kept
    /// for the same reason, and is refused.
    public func deleteOrRejectAttribution(_ id: Int64, by: String, reason: String?) throws {
        let state = try database.cached("SELECT state FROM attribution WHERE id = ?").first([id]) { $0.string(0) }
        switch state.flatMap(AttributionState.init(rawValue:)) {
        case .proposed:
            try ProposalReview(store: self, reviewer: by).reject(id, reason: Reference.clean(reason) ?? "deleted")
        case .rejected:
            throw ClaimTrailError.invalid(
                "attribution #\(id) is a rejected proposal, kept so that it is not proposed again; nothing was written"
            )
        case .accepted, nil:
            try deleteAttribution(id, by: by, reason: reason)
        }
    }
}
