import Foundation

/// The closed vocabularies of the model. Their raw values are what the store, the CLI and
/// every export use, so a fact-checker sees the same word everywhere.

/// Who a speaker is. `anonymous` is a described but unnamed speaker ("a senior defense official").
public enum SpeakerKind: String, CaseIterable, Codable, Sendable {
    case person, organization, government, media, anonymous, unknown
}

/// Where a speaker stands on a claim.
public enum Stance: String, CaseIterable, Codable, Sendable {
    case asserts, denies, questions
}

/// How the words reached the page: quoted verbatim, reported, or paraphrased by the writer.
public enum Mode: String, CaseIterable, Codable, Sendable {
    case direct, indirect, paraphrase
}

/// How one claim bears on another.
public enum RelationKind: String, CaseIterable, Codable, Sendable {
    /// The counter-claim link: the first claim disputes the second.
    case contradicts
    case supports
}

/// Parses a vocabulary word with a message that lists the accepted words.
func parseVocabulary<T: RawRepresentable & CaseIterable>(_ word: String, field: String) throws -> T
where T.RawValue == String {
    if let value = T(rawValue: word) { return value }  // as written, the usual case: no folding needed
    let folded = word.trimmed().lowercased()
    if let value = T(rawValue: folded) { return value }
    let accepted = T.allCases.map(\.rawValue).joined(separator: ", ")
    throw ClaimTrailError.invalid("unknown \(field) “\(word)” (expected one of: \(accepted))")
}
