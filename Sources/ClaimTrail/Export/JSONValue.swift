import Foundation

/// A JSON tree built by hand, for formats whose keys are not Swift names
/// ("prov:generatedEntity", "@type"). Nil values are dropped from objects, so optional
/// fields simply do not appear.
public indirect enum JSONValue: Encodable, Equatable, Sendable {
    case string(String)
    case int(Int64)
    case array([JSONValue])
    case object([String: JSONValue])

    /// An object from pairs whose nil values are left out.
    public static func fields(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        var fields: [String: JSONValue] = [:]
        for (key, value) in pairs { if let value { fields[key] = value } }
        return .object(fields)
    }

    /// A string, or nothing for nil.
    public static func text(_ text: String?) -> JSONValue? { text.map(JSONValue.string) }

    /// A number, or nothing for nil.
    public static func number(_ number: Int?) -> JSONValue? { number.map { .int(Int64($0)) } }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .int(let number): try container.encode(number)
        case .array(let items): try container.encode(items)
        case .object(let fields): try container.encode(fields)
        }
    }

    /// Pretty, key-sorted JSON: the same store always gives the same bytes.
    public func rendered() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
