/// How far a proposal can be trusted, from the evidence its rules had. Not a calibrated probability: an
/// order for the review queue, so that an editor checks the doubtful proposals first.
///
/// News style gives the strongest evidence when a quotation and a name stand in one sentence; reported
/// speech leaves the content's edges to the rules; a description ("officials", "a report") names no one
/// a fact-checker can call; and every step across sentences (a pronoun, "the minister", a paragraph that
/// carries on a quote without a cue) can pick the wrong person.
enum AttributionConfidence {
    /// A quotation: its words are exact, only the speaker can be wrong.
    static let direct = 0.95
    /// Reported speech with some words quoted: the quotation marks fix part of the content.
    static let mixed = 0.85
    /// Reported speech: where the content starts and ends is the rules' guess.
    static let indirect = 0.8

    /// The speaker is described, not named: "officials", "a senior diplomat", "the report".
    static let described = 0.9
    /// A quote with no cue of its own, carried on from the quote before it.
    static let continued = 0.85
    /// "He", "she", "they" resolved to an earlier speaker.
    static let pronounResolved = 0.75
    /// "The minister", "the official" resolved to an earlier speaker.
    static let descriptionResolved = 0.7
    /// A pronoun or description that found no speaker to point back to; it stays as written.
    static let unresolved = 0.5

    /// The confidence of a relation in `mode`, spoken by `speaker`, with the `steps` it took (each a
    /// factor above); rounded to two decimals so that outputs stay readable and stable.
    static func of(mode: ProposedAttribution.Mode, speaker: SpeakerPhrase, steps: Double) -> Double {
        let base: Double
        switch mode {
        case .direct: base = direct
        case .mixed: base = mixed
        case .indirect: base = indirect
        }
        let value = base * (speaker.isNamed ? 1 : described) * steps
        return (value * 100).rounded() / 100
    }
}
