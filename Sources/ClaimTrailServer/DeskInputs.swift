import ClaimTrail

// What a client sends to record something, by JSON (snake_case keys) or by form (same field
// names): each is turned into the same library calls as the matching command.

/// An input that also comes from the claim page's form, whose fields have the JSON names.
protocol FormDecodable: Decodable, Sendable {
    init(form: Form) throws
}

/// `POST /api/claims`: like `claim add`.
struct NewClaim: Decodable, Sendable {
    var text: String
    var topic: String?
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

    init(form: Form) throws {
        speaker = form["speaker"]
        // A ticked checkbox sends its value ("1"); a program may send "true".
        newSpeaker = ["1", "true", "on"].contains(form["new_speaker"]?.lowercased() ?? "")
        speakerKind = try form.word("speaker_kind", as: SpeakerKind.self)
        speakerRole = form["speaker_role"]
        guard let source = form["source"] else { throw ClaimTrailError.invalid("give the source") }
        self.source = source
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

    init(form: Form) throws {
        guard let counterClaim = form["counter_claim"] else { throw ClaimTrailError.invalid("give the counter-claim") }
        self.counterClaim = counterClaim
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

    init(form: Form) throws {
        guard let rating = form["rating"] else { throw ClaimTrailError.invalid("give a rating") }
        self.rating = rating
        reviewer = form["reviewer"]
        score = try form.number("score")
        best = try form.number("best")
        worst = try form.number("worst")
        date = form["date"]
        url = form["url"]
    }
}

/// What a write answers: the id of what was recorded, and whether it was new.
struct Recorded: Codable, Sendable {
    var id: Int64
    var created: Bool
}
