/// One difference between a quote and the words it was compared with (its source, or the quote it
/// was relayed from): words the quote added, words it dropped, or words it put in place of others.
public struct WordChange: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case added, dropped, changed
    }

    public var kind: Kind
    /// The words of the compared text the quote leaves out or replaces; nil when added.
    public var from: String?
    /// The words the quote has instead or in addition; nil when dropped.
    public var to: String?

    public init(kind: Kind, from: String?, to: String?) {
        self.kind = kind
        self.from = from
        self.to = to
    }

    /// `dropped “allegedly”`, `added “very”`, `“fifty” → “fifteen”`.
    public var text: String {
        switch kind {
        case .added: "added “\(to ?? "")”"
        case .dropped: "dropped “\(from ?? "")”"
        case .changed: "“\(from ?? "")” → “\(to ?? "")”"
        }
    }

    /// Several changes as one line, `; ` between them.
    public static func text(_ changes: [WordChange]) -> String {
        changes.map(\.text).joined(separator: "; ")
    }
}
