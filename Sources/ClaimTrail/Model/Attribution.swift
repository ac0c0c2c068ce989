/// What a new attribution is recorded with: who said the claim, in which source, and how.
public struct AttributionDraft: Sendable {
    public var claimID: Int64
    /// nil for an unattributed statement: the source's own voice, or a hedge like "reportedly".
    public var speakerID: Int64?
    public var sourceID: Int64
    public var stance: Stance
    public var mode: Mode
    public var quote: String?
    /// The reporting cue: "said", "told the press", "according to".
    public var cue: String?
    /// When it was said, if the source says; otherwise reports fall back to the source's date.
    public var date: String?
    /// The attribution this one was relayed through, e.g. the outlet that carried a ministry's words.
    public var viaID: Int64?

    public init(
        claimID: Int64,
        speakerID: Int64?,
        sourceID: Int64,
        stance: Stance = .asserts,
        mode: Mode = .indirect,
        quote: String? = nil,
        cue: String? = nil,
        date: String? = nil,
        viaID: Int64? = nil
    ) {
        self.claimID = claimID
        self.speakerID = speakerID
        self.sourceID = sourceID
        self.stance = stance
        self.mode = mode
        self.quote = quote
        self.cue = cue
        self.date = date
        self.viaID = viaID
    }
}
