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
        try await store.write { store in
            let claim = try store.resolveClaim("#\(claimID)").id
            let source = try store.resolveSource(input.source).id
            let speaker = try input.speaker.nonBlank.map { name in
                if let known = try store.resolveSpeaker(name) { return known.id }
                guard input.newSpeaker == true else {
                    throw ClaimTrailError.notFound(
                        "no speaker “\(name)”; tick “a new speaker” (new_speaker in JSON) to create one"
                    )
                }
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
        try await store.write { store in
            let disputed = try store.resolveClaim("#\(claimID)").id
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
        try await store.write { store in
            let claim = try store.resolveClaim("#\(claimID)").id
            let verdict = Verdict(
                rating: input.rating,
                score: input.score,
                best: input.best,
                worst: input.worst,
                reviewer: input.reviewer.nonBlank ?? account.name,
                date: input.date,
                url: input.url
            )
            let created = try store.setVerdict(verdict, on: claim)
            try store.logAddition(.verdict(claimID: claim, reviewer: verdict.reviewer), by: account.name)
            return Recorded(id: claim, created: created)
        }
    }
}

extension String? {
    /// nil for a missing or blank field: JSON's `""` means what a form's empty field means.
    fileprivate var nonBlank: String? {
        flatMap { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) ? nil : $0 }
    }
}
