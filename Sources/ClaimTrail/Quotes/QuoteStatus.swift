/// How a direct quote stands against its source's body.
public enum QuoteStatus: String, Codable, CaseIterable, Sendable {
    /// Found as written, once quotes, dashes and spaces are folded.
    case verbatim
    /// Not found as written; the closest passage shares enough of its words (`QuoteLocator.threshold`).
    case altered
    /// No passage of the body comes close.
    case notFound = "not_found"
    /// The source has no body to look in.
    case noBody = "no_body"
}

/// Where a quote was found in a body, and how.
public struct QuoteFinding: Equatable, Sendable {
    public var status: QuoteStatus
    /// The matched passage, in UTF-8 bytes of the body; nil when not found.
    public var span: Range<Int>?
    /// What the quote changed in the passage; empty unless altered.
    public var changes: [WordChange]
    /// The share of the quote's words the passage holds, from 0 to 1.
    public var similarity: Double
}
