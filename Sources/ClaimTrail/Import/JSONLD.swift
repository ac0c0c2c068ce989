import Foundation

/// Reading schema.org JSON-LD as publishers write it: a value may be a string, an object or a
/// list of them, and a type may carry a prefix ("schema:Claim", "https://schema.org/Claim").
enum JSONLD {
    /// The node's type without prefix.
    static func type(of node: [String: Any]) -> String? {
        let raw = (node["@type"] as? String) ?? (node["@type"] as? [Any])?.first as? String
        return raw.map { String($0.split(whereSeparator: { $0 == "/" || $0 == ":" || $0 == "#" }).last ?? "") }
    }

    /// A property as a list of nodes; a bare string is read as a node with that name.
    static func nodes(_ value: Any?) -> [[String: Any]] {
        switch value {
        case let node as [String: Any]: [node]
        case let name as String: [["name": name]]
        case let list as [Any]: list.flatMap { nodes($0) }
        default: []
        }
    }

    /// A property as text: strings as they are, numbers written out, a node by its name.
    static func text(_ value: Any?) -> String? {
        switch value {
        case let text as String: text
        case let number as NSNumber: number.stringValue
        case let node as [String: Any]: text(node["name"]) ?? text(node["@value"])
        case let list as [Any]: list.lazy.compactMap { text($0) }.first
        default: nil
        }
    }

    /// A property as a whole number, nil when absent: a JSON number (see `WholeNumber`) or a
    /// string of ASCII digits (`"3"`). Anything else, such as `true`, `[3]`, `" 3"`, `"0x10"` or
    /// `"３"`, is an error naming the field, never a guess at what number was meant.
    static func int(_ value: Any?, field: String) throws -> Int? {
        switch value {
        case nil, is NSNull:
            return nil
        case let number as NSNumber where !WholeNumber.isBoolean(number):
            if let whole = try WholeNumber.parse(number.stringValue, field: field) { return whole }
        case let text as String where WholeNumber.isPlainInteger(text):
            return try WholeNumber.parse(text, field: field)
        default:
            break
        }
        throw ClaimTrailError.invalid("field “\(field)” is \(shown(value)), not a whole number")
    }

    /// A value as an error message quotes it: a string in quotes, a boolean or number as written.
    private static func shown(_ value: Any?) -> String {
        switch value {
        case let text as String: "\"\(text)\""
        case let number as NSNumber where WholeNumber.isBoolean(number): number.boolValue ? "true" : "false"
        case let number as NSNumber: number.stringValue
        case is [Any]: "a list"
        default: "an object"
        }
    }

    /// Refuses a node holding, at any depth, a text longer than an import allows in one field.
    static func checkFieldSizes(_ value: Any?, field: String) throws {
        switch value {
        case let text as String:
            guard text.utf8.count <= ImportRecord.fieldLimit else {
                throw ClaimTrailError.invalid(
                    "field “\(field)” is \(text.utf8.count) bytes; the limit is \(ImportRecord.fieldLimit) bytes"
                )
            }
        case let node as [String: Any]:
            for (key, value) in node { try checkFieldSizes(value, field: field.isEmpty ? key : "\(field).\(key)") }
        case let list as [Any]:
            for item in list { try checkFieldSizes(item, field: field) }
        default: break
        }
    }

    /// A date as claimtrail stores it: the value if valid ISO 8601, else its calendar day.
    static func date(_ value: Any?) throws -> String? {
        guard let text = text(value)?.trimmed(), !text.isEmpty else { return nil }
        if ISODate.isValid(text) { return text }
        return try ISODate.validate(String(text.prefix(10)))
    }
}
