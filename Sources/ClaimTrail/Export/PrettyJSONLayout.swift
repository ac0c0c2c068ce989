/// JSONEncoder's pretty layout (two spaces a level, `"key" : value`, keys sorted, an empty array
/// or object as its brackets around a blank line), for the writers that produce the same bytes
/// without JSONEncoder: `JSONValue` and `ReportNode` lay out their arrays and objects here.
enum PrettyJSONLayout {
    /// `items` as an array that sits `depth` levels deep, each written by `append` one level deeper.
    static func appendArray<Item>(
        _ items: [Item],
        depth: Int,
        to text: inout String,
        _ append: (Item, inout String, _ depth: Int) throws -> Void
    ) rethrows {
        let outer = String(repeating: "  ", count: depth)
        guard !items.isEmpty else {
            text += "[\n\n\(outer)]"
            return
        }
        let inner = outer + "  "
        text += "[\n"
        for (index, item) in items.enumerated() {
            text += (index > 0 ? ",\n" : "") + inner
            try append(item, &text, depth + 1)
        }
        text += "\n\(outer)]"
    }

    /// `fields` as an object that sits `depth` levels deep, keys sorted, each value written by
    /// `append` one level deeper.
    static func appendObject<Value>(
        _ fields: [String: Value],
        depth: Int,
        to text: inout String,
        _ append: (Value, inout String, _ depth: Int) throws -> Void
    ) rethrows {
        let outer = String(repeating: "  ", count: depth)
        guard !fields.isEmpty else {
            text += "{\n\n\(outer)}"
            return
        }
        let inner = outer + "  "
        text += "{\n"
        for (index, key) in fields.keys.sorted().enumerated() {
            text += (index > 0 ? ",\n" : "") + inner
            JSONValue.appendPrettyQuoted(key, to: &text)
            text += " : "
            try append(fields[key]!, &text, depth + 1)
        }
        text += "\n\(outer)}"
    }
}
