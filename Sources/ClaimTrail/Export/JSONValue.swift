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

    /// The value on one line, keys sorted, slashes and non-ASCII as they are: one record of a
    /// JSON Lines file. Written here rather than by JSONEncoder, whose key sorting compares
    /// through ICU and took most of the time of generating a benchmark dataset.
    public var line: String {
        var text = ""
        append(to: &text)
        return text
    }

    private func append(to text: inout String) {
        switch self {
        case .string(let string): Self.appendQuoted(string, to: &text)
        case .int(let number): text += String(number)
        case .array(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                item.append(to: &text)
            }
            text += "]"
        case .object(let fields):
            text += "{"
            for (index, key) in fields.keys.sorted().enumerated() {
                if index > 0 { text += "," }
                Self.appendQuoted(key, to: &text)
                text += ":"
                fields[key]!.append(to: &text)
            }
            text += "}"
        }
    }

    /// A JSON string literal (RFC 8259, section 7): quotes, backslashes and control characters
    /// escaped, everything else as it is.
    static func appendQuoted(_ string: String, to text: inout String) {
        text += "\""
        text += string.escaped(plain: plainInJSON, quotedEscape)
        text += "\""
    }

    private static let plainInJSON = PlainBytes(isPlainInJSON)

    /// Whether a byte of UTF-8 stands for itself in a JSON string, whatever scalar it belongs to:
    /// every byte of a scalar above U+007F does (none is escaped), and every ASCII one but the
    /// quote, the backslash and the controls.
    static func isPlainInJSON(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != 0x22 && byte != 0x5C
    }

    /// How a JSON string writes `scalar`: quote, backslash and controls escaped, the rest as it is (nil).
    static func quotedEscape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            guard scalar.value < 0x20 else { return nil }
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }

    /// Pretty, key-sorted JSON: the same store always gives the same bytes.
    public func rendered() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
