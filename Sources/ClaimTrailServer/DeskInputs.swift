import ClaimTrail

// What a client sends to record something, by JSON (snake_case keys) or by form (same field
// names): each is turned into the same library calls as the matching command.

/// An input read from JSON whose fields are all named in its `CodingKeys`, so that a key the
/// client sends beyond them (a typo, a field of another route) can be refused.
protocol StrictDecodable: Decodable, Sendable {
    associatedtype CodingKeys: CodingKey & CaseIterable
}

extension StrictDecodable {
    /// The keys a client may send: the fields' names in snake_case, as claimtrail writes them.
    static var fieldNames: Set<String> { Set(CodingKeys.allCases.map { ReportKey.snakeCase($0.stringValue) }) }
}

/// An input that also comes from the claim page's form, whose fields have the JSON names.
protocol FormDecodable: StrictDecodable {
    init(form: Form) throws
}

/// `POST /api/claims`: like `claim add`.
struct NewClaim: StrictDecodable {
    var text: String
    var topic: String?

    enum CodingKeys: CodingKey, CaseIterable { case text, topic }
}

/// `POST …/attributions`: like `attribute`. An unknown speaker is created only when asked.
struct NewAttribution: FormDecodable {
    /// Id, name or alias; nil when nobody is named.
    var speaker: String?
    var newSpeaker: Bool?
    var speakerKind: SpeakerKind?
    var speakerRole: String?
    var source: String
    var stance: Stance?
    var mode: Mode?
    var quote: String?
    var cue: String?
    var date: String?
    var via: Int64?

    enum CodingKeys: CodingKey, CaseIterable {
        case speaker, newSpeaker, speakerKind, speakerRole, source, stance, mode, quote, cue, date, via
    }

    init(form: Form) throws {
        speaker = form["speaker"]
        newSpeaker = form.ticked("new_speaker")
        speakerKind = try form.word("speaker_kind", as: SpeakerKind.self)
        speakerRole = form["speaker_role"]
        source = try form.required("source", "give the source")
        stance = try form.word("stance", as: Stance.self)
        mode = try form.word("mode", as: Mode.self)
        quote = form["quote"]
        cue = form["cue"]
        date = form["date"]
        via = try form.number("via").map(Int64.init)
    }
}

/// `POST …/counter-claims`: like `counter`, creating the counter-claim when it is new text.
struct NewCounterClaim: FormDecodable {
    /// `#id`, or the counter-claim's text.
    var counterClaim: String
    var source: String?

    enum CodingKeys: CodingKey, CaseIterable {
        case counterClaim, source
    }

    init(form: Form) throws {
        counterClaim = try form.required("counter_claim", "give the counter-claim")
        source = form["source"]
    }
}

/// `POST …/verdicts`: like `verdict`; the reviewer defaults to the signed-in account.
struct NewVerdict: FormDecodable {
    var rating: String
    var reviewer: String?
    var score: Int?
    var best: Int?
    var worst: Int?
    var date: String?
    var url: String?
    /// Why this rating, in a sentence or two (ClaimReview's `ratingExplanation`).
    var explanation: String?
    /// The review's language, a BCP 47 tag.
    var language: String?
    /// Where the reviewed claim was seen.
    var appearanceUrl: String?

    enum CodingKeys: CodingKey, CaseIterable {
        case rating, reviewer, score, best, worst, date, url, explanation, language, appearanceUrl
    }

    init(form: Form) throws {
        rating = try form.required("rating", "give a rating")
        reviewer = form["reviewer"]
        score = try form.number("score")
        best = try form.number("best")
        worst = try form.number("worst")
        date = form["date"]
        url = form["url"]
        explanation = form["explanation"]
        language = form["language"]
        appearanceUrl = form["appearance_url"]
    }
}

/// `POST …/status`: like `claim status`; the status by its name or the desk's label for it.
struct NewStatus: FormDecodable {
    var status: String
    /// Why, kept in the change log.
    var note: String?

    enum CodingKeys: CodingKey, CaseIterable {
        case status, note
    }

    init(form: Form) throws {
        status = try form.required("status", "give a status")
        note = form["note"]
    }
}

/// `POST …/assignee`: like `claim assign --to`, or like `claim unassign` without an assignee.
struct NewAssignee: FormDecodable {
    /// Who holds the claim now; nil gives it to nobody.
    var assignee: String?
    /// Who the page showed holding it ("" for nobody), so that a claim someone took meanwhile is not
    /// silently taken back (`ClaimStore.assign`); nil checks nothing.
    var heldBy: String?

    enum CodingKeys: CodingKey, CaseIterable {
        case assignee, heldBy
    }

    init(form: Form) throws {
        assignee = form["assignee"]
        heldBy = form.fields["held_by"]
    }
}

/// `POST …/notes`: like `claim note`, signed by the signed-in account.
struct NewNote: FormDecodable {
    var text: String

    enum CodingKeys: CodingKey, CaseIterable {
        case text
    }

    init(form: Form) throws {
        text = try form.required("text", "give the note's text")
    }
}

/// `POST …/proposals/{id}/accept`: like `review accept`, with the same corrections, all optional.
struct ProposalAcceptance: FormDecodable {
    /// A stored speaker's id, name or alias, instead of the one the extractor found.
    var speaker: String?
    /// Create `speaker` when nobody has that name.
    var newSpeaker: Bool?
    /// A stored claim (`#id` or its text) the proposal is an attribution of.
    var claim: String?
    /// The claim in these words instead of the quoted content.
    var contentAsClaim: String?
    var stance: Stance?

    enum CodingKeys: CodingKey, CaseIterable {
        case speaker, newSpeaker, claim, contentAsClaim, stance
    }

    init(form: Form) throws {
        speaker = form["speaker"]
        newSpeaker = form.ticked("new_speaker")
        claim = form["claim"]
        contentAsClaim = form["content_as_claim"]
        stance = try form.word("stance", as: Stance.self)
    }
}

/// `POST …/proposals/{id}/reject`: like `review reject`; the reason is required.
struct ProposalRejection: FormDecodable {
    var reason: String

    enum CodingKeys: CodingKey, CaseIterable {
        case reason
    }

    init(form: Form) throws {
        reason = try form.required("reason", "give a reason for rejecting")
    }
}

/// What a write answers: the id of what was recorded, and whether it was new.
struct Recorded: Codable, Sendable {
    var id: Int64
    var created: Bool
}
