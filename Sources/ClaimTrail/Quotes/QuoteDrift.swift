/// How a quote changed as it was relayed: `Russian MoD → TASS → Reuters`, with the words dropped,
/// added or changed at each hop. A row of `quotes drift`.
public struct QuoteDrift: Codable, Equatable, Sendable {
    /// The last relay: the attribution no other relays on.
    public var attributionID: Int64
    public var claimID: Int64
    /// The first speaker, then the outlet (or title) of each source the quote passed through.
    public var path: [String]
    /// The quote as the last relay has it.
    public var quote: String
    public var hops: [Hop]

    /// One relay: the quote as `to` has it, against the quote as `from` had it.
    public struct Hop: Codable, Equatable, Sendable {
        public var fromAttributionID: Int64
        public var toAttributionID: Int64
        public var from: String
        public var to: String
        /// Empty when the quote came through unchanged.
        public var changes: [WordChange]
    }

    /// `Russian MoD → TASS → Reuters: “…” at Reuters: dropped “allegedly”`.
    public var line: String {
        "\(path.joined(separator: " → ")): “\(quote)” \(drift)"
    }

    /// What changed at each hop, or `unchanged`.
    public var drift: String {
        let changed = hops.filter { !$0.changes.isEmpty }
        guard !changed.isEmpty else { return "unchanged" }
        return changed.map { "at \($0.to): \(WordChange.text($0.changes))" }.joined(separator: " | ")
    }
}

extension QuoteDrift: Tabular {
    public static let columns = ["attribution_id", "claim_id", "path", "drift", "quote"]

    public var cells: [String] {
        [String(attributionID), String(claimID), path.joined(separator: " → "), drift, quote]
    }
}
