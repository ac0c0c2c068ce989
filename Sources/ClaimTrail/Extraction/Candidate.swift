/// A relation being assembled: its content may come in parts (a quote split around its cue).
struct Candidate {
    var speaker: SpeakerPhrase
    var cue: String
    var contents: [Range<String.Index>]
    var mode: ProposedAttribution.Mode
    var position: String.Index
    var cueRange: Range<String.Index>?
    /// Where the words attributing a quote end, to join a second part that follows at once.
    var attributionEnd: String.Index? = nil
    /// The number of its sentence in the article, for how far back a pronoun may point.
    var sentence = 0
    /// Whether the speaker is a transcript label ("LATAIF:"), credited only to a name the article gives.
    var isLabel = false
    /// The product of the `AttributionConfidence` factors for the steps taken to reach the speaker.
    var steps = 1.0

    func proposal(in text: String) -> ProposedAttribution {
        let start = contents.first!.lowerBound
        let end = contents.last!.upperBound
        return ProposedAttribution(
            speaker: speaker.name,
            speakerRole: speaker.role,
            cue: cue,
            content: contents.map { String(text[$0]) }.joined(separator: " "),
            mode: mode,
            start: text.utf8.distance(from: text.startIndex, to: start),
            end: text.utf8.distance(from: text.startIndex, to: end),
            confidence: AttributionConfidence.of(mode: mode, speaker: speaker, steps: steps)
        )
    }
}

extension Candidate {
    /// A quotation whose speaker is not known yet: its cue may come in a later paragraph.
    static let unattributed = Candidate(
        speaker: SpeakerPhrase(name: ""),
        cue: "",
        contents: [],
        mode: .direct,
        position: "".startIndex,
        cueRange: nil
    )

    /// A quotation with no cue of its own that carries on `previous`: same speaker, same cue. Carried
    /// on from a lead-in ("X issued the following statement:"), the lead-in is its cue.
    init(continuing previous: Candidate, with content: Range<String.Index>) {
        self.init(
            speaker: previous.speaker,
            cue: previous.cue,
            contents: [content],
            mode: .direct,
            position: content.lowerBound,
            cueRange: nil,
            steps: previous.steps * (previous.contents.isEmpty ? 1 : AttributionConfidence.continued)
        )
    }

    /// A quotation with no cue after a sentence that introduces its speaker: "Bill Cheney is chief
    /// economist at the bank. “This is a big deal.”" — as uncertain as a pronoun resolved across sentences.
    /// Without content, the introduction itself, which a quotation in the next paragraph carries on.
    init(introduced person: SpeakerPhrase, with content: Range<String.Index>?) {
        self.init(
            speaker: person,
            cue: "",
            contents: content.map { [$0] } ?? [],
            mode: .direct,
            position: content?.lowerBound ?? "".startIndex,
            cueRange: nil,
            steps: AttributionConfidence.pronounResolved
        )
    }

    /// Whether this relation's content holds `position`: a report found there is nested in this one
    /// ("Hassan said the company expected …").
    func holds(_ position: String.Index) -> Bool { contents.contains { $0.contains(position) } }

    /// This waiting quotation, credited to the speaker of a later paragraph of the same quotation.
    func carryingOn(_ attributed: Candidate) -> Candidate {
        var candidate = self
        candidate.speaker = attributed.speaker
        candidate.cue = attributed.cue
        candidate.steps = attributed.steps * AttributionConfidence.continued
        return candidate
    }
}
