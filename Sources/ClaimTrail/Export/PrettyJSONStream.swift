/// Pretty-printed JSON written as it is produced, in the layout of `JSONValue.rendered()`
/// (JSONEncoder's: two spaces a level, `"key" : value`, keys of each record sorted), so that a
/// document too large to hold as a tree reads as the same document did when it was built whole.
///
/// Only the records are sorted; the members of a streamed object come in the order written.
struct PrettyJSONStream {
    private let emit: (String) throws -> Void
    /// Per open object or array, its closing bracket and whether it has a member yet.
    private var open: [(closer: String, hasMembers: Bool)] = []
    /// An array opened with `omittedWhenEmpty`, written only when its first element comes.
    private var pendingArray: String?

    init(_ emit: @escaping (String) throws -> Void) { self.emit = emit }

    /// Opens the document, or an object as the next member of the open one.
    mutating func open(_ key: String? = nil) throws {
        try emit(try separator() + (key.map { Self.quoted($0) + " : " } ?? "") + "{")
        open.append(("}", false))
    }

    /// Opens an array as the next member of the open object, its elements given by `element`.
    /// With `omittedWhenEmpty`, an array that gets no element is left out, as `JSONValue.fields`
    /// leaves out a nil value: its key is written with its first element.
    mutating func openArray(_ key: String, omittedWhenEmpty: Bool = false) throws {
        pendingArray = key
        if !omittedWhenEmpty { try openPendingArray() }
    }

    /// Writes the next element of the open array, laid out at its depth.
    mutating func element(_ value: JSONValue) throws {
        try openPendingArray()
        var text = try separator()
        value.appendPretty(to: &text, depth: open.count)
        try emit(text)
    }

    /// Writes one member of the open object, its value laid out at this depth.
    mutating func member(_ key: String, _ value: JSONValue) throws {
        var text = try separator() + Self.quoted(key) + " : "
        value.appendPretty(to: &text, depth: open.count)
        try emit(text)
    }

    /// Opens a member whose contents are written by `body`, such as a part kept in a `SpillFile`.
    mutating func raw(_ key: String, _ body: (_ emit: (String) throws -> Void) throws -> Void) throws {
        try emit(try separator() + Self.quoted(key) + " : ")
        try body(emit)
    }

    /// Closes the open object or array (an array left out when empty: nothing); JSONEncoder
    /// writes an empty one as the bracket, a blank line, the closing bracket.
    mutating func close() throws {
        if pendingArray != nil {
            pendingArray = nil
            return
        }
        let (closer, hadMembers) = open.removeLast()
        let indent = String(repeating: "  ", count: open.count)
        try emit((hadMembers ? "\n" : "\n\n") + indent + closer + (open.isEmpty ? "\n" : ""))
    }

    private mutating func openPendingArray() throws {
        guard let key = pendingArray else { return }
        pendingArray = nil
        try emit(try separator() + Self.quoted(key) + " : [")
        open.append(("]", false))
    }

    /// The comma and line break before the next member, at the open object's depth.
    private mutating func separator() throws -> String {
        guard let hadMembers = open.last?.hasMembers else { return "" }
        open[open.count - 1].hasMembers = true
        return (hadMembers ? ",\n" : "\n") + String(repeating: "  ", count: open.count)
    }

    private static func quoted(_ text: String) -> String {
        var quoted = ""
        JSONValue.appendPrettyQuoted(text, to: &quoted)
        return quoted
    }
}

extension JSONValue {
    /// This value laid out as `rendered()` lays it out when it sits `depth` levels deep.
    func appendPretty(to text: inout String, depth: Int) {
        switch self {
        case .string(let string): Self.appendPrettyQuoted(string, to: &text)
        case .int(let number): text += String(number)
        case .array(let items):
            PrettyJSONLayout.appendArray(items, depth: depth, to: &text) { $0.appendPretty(to: &$1, depth: $2) }
        case .object(let fields):
            PrettyJSONLayout.appendObject(fields, depth: depth, to: &text) { $0.appendPretty(to: &$1, depth: $2) }
        }
    }

    /// `text` quoted as JSONEncoder quotes it, which `rendered()` uses: as `appendQuoted`, but
    /// backspace and form feed by their short escapes.
    static func appendPrettyQuoted(_ string: String, to text: inout String) {
        text += "\""
        text += string.escaped(plain: isPlainInJSON) { scalar in
            switch scalar {
            case "\u{8}": return "\\b"
            case "\u{C}": return "\\f"
            default: return quotedEscape(scalar)
            }
        }
        text += "\""
    }
}
