import ClaimTrail

/// The writes a desk makes through the server, shared by the forms and the JSON API. Each is one
/// write transaction of the same library calls as the matching command, recorded as the
/// signed-in account: over HTTP there is no `--as`.
enum DeskActions {
    static func addClaim(_ input: NewClaim, by account: Account, store: StoreAccess) async throws -> Recorded {
        try await store.write { store in
            let claim = try store.addClaim(text: input.text, topic: input.topic)
            if claim.created { try store.logAddition(.claim(claim.id), by: account.name) }
            return Recorded(id: claim.id, created: claim.created)
        }
    }

    static func attribute(
        _ input: NewAttribution,
        to claimID: Int64,
        by account: Account,
        store: StoreAccess
    ) async throws -> Recorded {
        try await store.write(about: claimID) { store, claim in
            let source = try store.resolveSource(input.source).id
            let speaker = try input.speaker.nonBlank.map { name in
                if let known = try store.resolveSpeaker(name) { return known.id }
                guard input.newSpeaker == true else { throw try unknownSpeaker(name, in: store) }
                return try store.addSpeaker(
                    SpeakerDraft(name: name, kind: input.speakerKind ?? .unknown, role: input.speakerRole)
                )
            }
            let draft = AttributionDraft(
                claimID: claim,
                speakerID: speaker,
                sourceID: source,
                stance: input.stance ?? .asserts,
                mode: input.mode ?? .indirect,
                quote: input.quote,
                cue: input.cue,
                date: input.date,
                viaID: input.via
            )
            let attribution = try store.addAttribution(draft, recordedBy: account.name)
            return Recorded(id: attribution.id, created: attribution.created)
        }
    }

    static func counter(
        _ input: NewCounterClaim,
        to claimID: Int64,
        by account: Account,
        store: StoreAccess
    ) async throws -> Recorded {
        try await store.write(about: claimID) { store, disputed in
            // `#12` names a stored claim; any other text is the counter-claim's wording.
            let text = input.counterClaim
            let isReference = text.count > 1 && text.hasPrefix("#") && text.dropFirst().allSatisfy(\.isWholeNumber)
            let counter: Int64
            if isReference {
                counter = try store.resolveClaim(text).id
            } else {
                let added = try store.addClaim(text: text)
                if added.created { try store.logAddition(.claim(added.id), by: account.name) }
                counter = added.id
            }
            let source = try input.source.map { try store.resolveSource($0).id }
            let relation = try store.addRelation(from: counter, to: disputed, kind: .contradicts, sourceID: source)
            if relation.created { try store.logAddition(.relation(relation.id), by: account.name) }
            return Recorded(id: counter, created: relation.created)
        }
    }

    static func verdict(
        _ input: NewVerdict,
        on claimID: Int64,
        by account: Account,
        store: StoreAccess
    ) async throws -> Recorded {
        try await store.write(about: claimID) { store, claim in
            let verdict = Verdict(
                rating: input.rating,
                score: input.score,
                best: input.best,
                worst: input.worst,
                reviewer: input.reviewer.nonBlank ?? account.name,
                date: input.date,
                url: input.url,
                explanation: input.explanation.nonBlank,
                language: input.language.nonBlank,
                appearanceURL: input.appearanceUrl.nonBlank
            )
            let created = try store.setVerdict(verdict, on: claim, by: account.name)
            if created { try store.logAddition(.verdict(claimID: claim, reviewer: verdict.reviewer), by: account.name) }
            return Recorded(id: claim, created: created)
        }
    }

    /// Moves the claim one step, by the rules `claim status` follows; an illegal move is refused
    /// with the store's own message, which names the statuses by the desk's labels.
    static func status(
        _ input: NewStatus,
        of claimID: Int64,
        by account: Account,
        store: StoreAccess
    ) async throws
        -> Recorded
    {
        try await store.write(about: claimID) { store, claim in
            try store.setStatus(
                try store.resolveStatus(input.status),
                of: claim,
                by: account.name,
                note: input.note.nonBlank
            )
            return Recorded(id: claim, created: false)
        }
    }

    /// Gives the claim to someone, or to nobody, as `claim assign` and `claim unassign` do.
    static func assign(
        _ input: NewAssignee,
        _ claimID: Int64,
        by account: Account,
        store: StoreAccess
    ) async throws
        -> Recorded
    {
        try await store.write(about: claimID) { store, claim in
            try store.assign(claim, to: input.assignee.nonBlank, by: account.name, heldBy: input.heldBy)
            return Recorded(id: claim, created: false)
        }
    }

    /// Adds a note signed by the account; answers with the note's id.
    static func note(
        _ input: NewNote,
        on claimID: Int64,
        by account: Account,
        store: StoreAccess
    ) async throws
        -> Recorded
    {
        try await store.write(about: claimID) { store, claim in
            Recorded(id: try store.addNote(input.text, to: claim, by: account.name), created: true)
        }
    }

    /// A speaker name that matches nobody, with the closest names as the command line gives them, and
    /// how to create it here: the form's box or `new_speaker`, not the command line's `--new-speaker`.
    private static func unknownSpeaker(_ name: String, in store: ClaimStore) throws -> ClaimTrailError {
        .notFound("\(try store.unknownSpeaker(name)); tick “a new speaker” (new_speaker in JSON) to create one")
    }

    /// Accepts an extraction proposal as `review accept` does, with the account as reviewer.
    static func accept(
        _ input: ProposalAcceptance,
        proposal id: Int64,
        by account: Account,
        store: StoreAccess
    )
        async throws -> Recorded
    {
        try await store.write { store in
            let correction = ProposalReview.Correction(
                speaker: input.speaker.nonBlank,
                newSpeaker: input.newSpeaker ?? false,
                claim: input.claim.nonBlank,
                contentAsClaim: input.contentAsClaim.nonBlank,
                stance: input.stance
            )
            if correction.claim != nil && correction.contentAsClaim != nil {
                // The store's refusal names the command line's options, which do not exist here.
                throw ClaimTrailError.invalid(
                    "give a stored claim or the claim in these words (claim or content_as_claim in JSON), not both"
                )
            }
            if correction.newSpeaker && correction.speaker == nil {
                throw ClaimTrailError.invalid("“a new speaker” needs the speaker's name")
            }
            if let name = correction.speaker, !correction.newSpeaker, try store.resolveSpeaker(name) == nil {
                throw try unknownSpeaker(name, in: store)
            }
            try ProposalReview(store: store, reviewer: account.name).accept(id, correction: correction)
            return Recorded(id: id, created: false)
        }
    }

    /// Rejects an extraction proposal as `review reject` does, with the account as reviewer.
    static func reject(
        _ input: ProposalRejection,
        proposal id: Int64,
        by account: Account,
        store: StoreAccess
    )
        async throws -> Recorded
    {
        try await store.write { store in
            try ProposalReview(store: store, reviewer: account.name).reject(id, reason: input.reason)
            return Recorded(id: id, created: false)
        }
    }
}

extension StoreAccess {
    /// One write transaction about the claim with this id, which must exist (else 404).
    fileprivate func write<T: Sendable>(
        about claimID: Int64,
        _ body: @escaping @Sendable (ClaimStore, Int64) throws -> T
    ) async throws -> T {
        try await write { store in try body(store, try store.resolveClaim("#\(claimID)").id) }
    }
}

extension String? {
    /// nil for a missing or blank field: JSON's `""` means what a form's empty field means.
    fileprivate var nonBlank: String? {
        flatMap { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) ? nil : $0 }
    }
}
