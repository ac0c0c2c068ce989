/// A JSON value of a report, as `ReportTreeEncoder` builds it and JSONEncoder then writes it.
enum ReportNode: Encodable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([ReportNode])
    case object([String: ReportNode])
    /// A row of attributions, kept as it is and written field by field (`appendPretty`): a tree
    /// of its 32 fields per row, keys sorted again at every row, was most of a claim page's JSON.
    indirect case row(ProvenanceRow)

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
        case .row(let row): try container.encode(row.reportNode)
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
