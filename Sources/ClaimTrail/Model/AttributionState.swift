/// Whether an attribution counts. Only `accepted` attributions appear in counts, reports and
/// exports; the extractor's proposals wait as `proposed` until a person accepts or rejects them,
/// and rejected ones are kept so that the same text is not proposed again.
public enum AttributionState: String, CaseIterable, Codable, Sendable {
    case proposed, accepted, rejected
}
