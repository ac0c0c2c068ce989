/// One attribution with everything a reader needs to judge it: the claim and whether it is
/// contested, who said it and how, the source, and the chain it was relayed through.
///
/// It is the row of the CSV report and the entry of both traces, so all of them agree.
public struct ProvenanceRow: Codable, Equatable, Sendable {
    public var claimID: Int64
    public var claim: String
    public var topic: String?
    public var contested: Bool
    public var counterClaimIDs: [Int64]
    /// Claims that support this one.
    public var supportedByClaimIDs: [Int64]
    public var attributionID: Int64
    public var stance: Stance
    public var speakerID: Int64?
    /// nil for an unattributed statement.
    public var speaker: String?
    public var speakerKind: SpeakerKind?
    public var speakerRole: String?
    public var mode: Mode
    public var cue: String?
    public var quote: String?
    public var sourceID: Int64
    public var sourceTitle: String
    public var sourceOutlet: String?
    public var sourceAuthor: String?
    public var sourceURL: String?
    public var published: String?
    public var saidOn: String?
    /// The attribution this one was relayed through.
    public var viaID: Int64?
    /// Speakers from this attribution's own to the first relay and onward: [ministry, TASS, Reuters].
    public var viaChain: [String]
    public var recordedAt: String
    public var recordedBy: String
    /// `accepted`, or `proposed` when proposals were asked for.
    public var state: AttributionState
    /// The claim's verification status, and who holds it: the desk's columns of the report.
    public var status: VerificationStatus
    public var assignee: String?
    /// The day the source was retracted by its publisher (`source retract`), or nil.
    public var sourceRetractedOn: String?
    /// How a direct quote stands against its source's body (`quotes verify`); nil for any other row.
    public var quoteCheck: QuoteStatus?
    /// What an altered quote changed in its passage of the body; empty otherwise.
    public var quoteChanges: [WordChange] = []

    /// The best date for a timeline: when it was said, else when the source was published.
    public var date: String? { saidOn ?? published }

    /// "Russian MoD ← TASS ← Reuters", read as "as relayed by"; empty when not relayed.
    public var viaChainText: String { viaChain.joined(separator: Self.viaSeparator) }

    /// Between the names of a via chain's text.
    static let viaSeparator = " ← "

    /// The speaker's name, or `(unattributed)`: whose voice the row is, as reports show it.
    public var voice: String { speaker ?? Self.unattributed }

    /// Shown where a speaker's name would be for a statement nobody is named for.
    public static let unattributed = "(unattributed)"
}
