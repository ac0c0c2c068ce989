/// The kinds of record that carry a uid, with the table each is stored in.
public enum UIDEntity: String, CaseIterable, Sendable {
    case source, speaker, claim, attribution, relation, verdict

    var table: String { self == .relation ? "claim_relation" : rawValue }

    /// "a speaker's", for messages about a uid of the wrong kind.
    var possessive: String { "\(self == .attribution ? "an" : "a") \(rawValue)’s" }
}
