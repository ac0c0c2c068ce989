/// Pretty-printed JSON written as it is produced, in the layout of `JSONValue.rendered()`
/// (JSONEncoder's: two spaces a level, `"key" : value`, keys of each record sorted), so that a
/// document too large to hold as a tree reads as the same document did when it was built whole.
///
/// Only the records are sorted; the members of a streamed object come in the order written.
struct PrettyJSONStream {
    private let emit: (String) throws -> Void
    /// Per open object, whether it has a member yet.
    private var started: [Bool] = []

    init(_ emit: @escaping (String) throws -> Void) { self.emit = emit }

    /// Opens the document, or an object as the next member of the open one.
    mutating func open(_ key: String? = nil) throws {
        try emit(try separator() + (key.map { Self.quoted($0) + " : " } ?? "") + "{")
        started.append(false)
    }

    /// Writes one member of the open object, its value laid out at this depth.
    mutating func member(_ key: String, _ value: JSONValue) throws {
        var text = try separator() + Self.quoted(key) + " : "
        value.appendPretty(to: &text, depth: started.count)
        try emit(text)
    }

    /// Opens a member whose contents are written by `body`, such as a part kept in a `SpillFile`.
    mutating func raw(_ key: String, _ body: (_ emit: (String) throws -> Void) throws -> Void) throws {
        try emit(try separator() + Self.quoted(key) + " : ")
        try body(emit)
    }

    /// Closes the open object; JSONEncoder writes an empty one as `{`, a blank line, `}`.
    mutating func close() throws {
        let hadMembers = started.removeLast()
        let indent = String(repeating: "  ", count: started.count)
        try emit((hadMembers ? "\n" : "\n\n") + indent + "}" + (started.isEmpty ? "\n" : ""))
    }

    /// The comma and line break before the next member, at the open object's depth.
    private mutating func separator() throws -> String {
        guard let hadMembers = started.last else { return "" }
        started[started.count - 1] = true
        return (hadMembers ? ",\n" : "\n") + String(repeating: "  ", count: started.count)
    }

    private static func quoted(_ text: String) -> String {
        var quoted = ""
        JSONValue.appendQuoted(text, to: &quoted)
        return quoted
    }
}

extension JSONValue {
    /// This value laid out as `rendered()` lays it out when it sits `depth` levels deep.
    func appendPretty(to text: inout String, depth: Int) {
        let inner = String(repeating: "  ", count: depth + 1)
        let outer = String(repeating: "  ", count: depth)
        switch self {
        case .string(let string): Self.appendQuoted(string, to: &text)
        case .int(let number): text += String(number)
        case .array(let items):
            guard !items.isEmpty else {
                text += "[\n\n\(outer)]"
                return
            }
            text += "[\n"
            for (index, item) in items.enumerated() {
                text += (index > 0 ? ",\n" : "") + inner
                item.appendPretty(to: &text, depth: depth + 1)
            }
            text += "\n\(outer)]"
        case .object(let fields):
            guard !fields.isEmpty else {
                text += "{\n\n\(outer)}"
                return
            }
            text += "{\n"
            for (index, key) in fields.keys.sorted().enumerated() {
                text += (index > 0 ? ",\n" : "") + inner
                Self.appendQuoted(key, to: &text)
                text += " : "
                fields[key]!.appendPretty(to: &text, depth: depth + 1)
            }
            text += "\n\(outer)}"
        }
    }
}
