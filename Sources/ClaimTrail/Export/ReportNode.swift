import Foundation

/// A JSON value of a report, as `ReportTreeEncoder` builds it and `appendPretty` then writes it.
enum ReportNode: Encodable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([ReportNode])
    case object([String: ReportNode])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .int(let number): try container.encode(number)
        case .double(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        case .array(let items): try container.encode(items)
        case .object(let fields): try container.encode(fields)
        }
    }

    /// This value as JSONEncoder lays it out (pretty-printed, keys sorted, slashes as they are)
    /// when it sits `depth` levels deep: the same bytes, written directly. JSONEncoder took most
    /// of the time of a claim's JSON page, walking the tree again through `Encodable`.
    /// - Throws: for a number that JSON cannot hold (NaN, infinity), as JSONEncoder does.
    func appendPretty(to text: inout String, depth: Int) throws {
        switch self {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .int(let number): text += String(number)
        // Rare in a report; JSONEncoder writes them, so that their digits stay its digits.
        case .double(let number): text += String(decoding: try JSONEncoder().encode(number), as: UTF8.self)
        case .string(let string): JSONValue.appendPrettyQuoted(string, to: &text)
        case .array(let items):
            try PrettyJSONLayout.appendArray(items, depth: depth, to: &text) { try $0.appendPretty(to: &$1, depth: $2) }
        case .object(let fields):
            try PrettyJSONLayout.appendObject(fields, depth: depth, to: &text) {
                try $0.appendPretty(to: &$1, depth: $2)
            }
        }
    }

    /// A place in the tree being built. Containers hand out slots and fill them later, so the
    /// tree is built of references and frozen into values at the end.
    final class Slot {
        enum Content {
            case value(ReportNode)
            case object(Object)
            case array(Array)
        }

        var content = Content.value(.null)

        /// The object this slot holds, made one if it holds something else.
        func object() -> Object {
            if case .object(let object) = content { return object }
            let object = Object()
            content = .object(object)
            return object
        }

        /// The array this slot holds, made one if it holds something else.
        func array() -> Array {
            if case .array(let array) = content { return array }
            let array = Array()
            content = .array(array)
            return array
        }

        var node: ReportNode {
            switch content {
            case .value(let value): value
            case .object(let object): .object(object.fields.mapValues(\.node))
            case .array(let array): .array(array.items.map(\.node))
            }
        }
    }

    final class Object {
        var fields: [String: Slot] = [:]

        func slot(named name: String) -> Slot {
            let slot = Slot()
            fields[name] = slot
            return slot
        }
    }

    final class Array {
        var items: [Slot] = []
    }
}
