import Foundation

/// Pretty-printed JSON written as it is produced, in the layout of `JSONValue.rendered()`
/// (JSONEncoder's: two spaces a level, `"key" : value`, keys of each record sorted), so that a
/// document too large to hold as a tree reads as the same document did when it was built whole.
///
/// Only the records are sorted; the members of a streamed object come in the order written.
struct PrettyJSONStream {
    private let emit: (String) throws -> Void
    /// Per open object or array, its closing bracket and whether it has a member yet.
    private var open: [(closer: String, hasMembers: Bool)] = []
    /// An array opened with `omittedWhenEmpty`, written only when its first element comes: what
    /// comes before its bracket (its key, or nothing for an element).
    private var pendingArray: String?

    init(_ emit: @escaping (String) throws -> Void) { self.emit = emit }

    /// Opens the document, or an object as the next member of the open one.
    mutating func open(_ key: String? = nil) throws {
        try emit(try separator() + (key.map { Self.quoted($0) + " : " } ?? "") + "{")
        open.append(("}", false))
    }

    /// Opens an array as the next member of the open object (or, without a key, as the next
    /// element of the open array), its elements given by `element`. With `omittedWhenEmpty`, an
    /// array that gets no element is left out, as `JSONValue.fields` leaves out a nil value: its
    /// key is written with its first element.
    mutating func openArray(_ key: String?, omittedWhenEmpty: Bool = false) throws {
        pendingArray = key.map { Self.quoted($0) + " : " } ?? ""
        if !omittedWhenEmpty { try openPendingArray() }
    }

    /// Writes the next element of the open array, laid out at its depth.
    mutating func element(_ value: some PrettyJSONLayout) throws { try write(value, key: nil) }

    /// Writes one member of the open object, its value laid out at this depth.
    mutating func member(_ key: String, _ value: JSONValue) throws { try write(value, key: key) }

    /// Writes a report's node (`JSONReport`'s layout) as the next member, or without a key as
    /// the next element.
    mutating func node(_ node: ReportNode, key: String?) throws { try write(node, key: key) }

    private mutating func write(_ value: some PrettyJSONLayout, key: String?) throws {
        try openPendingArray()
        var text = try separator() + (key.map { Self.quoted($0) + " : " } ?? "")
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
        guard let prefix = pendingArray else { return }
        pendingArray = nil
        try emit(try separator() + prefix + "[")
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

/// A JSON tree `PrettyJSONStream` lays out: the exports' `JSONValue` and the reports' `ReportNode`.
protocol PrettyJSONLayout {
    /// This value laid out as JSONEncoder lays it out when it sits `depth` levels deep.
    func appendPretty(to text: inout String, depth: Int)
}

extension PrettyJSONLayout {
    /// An array laid out as JSONEncoder lays it out (an empty one as a bracket, a blank line, a bracket).
    /// Appended piece by piece, without interpolation: every streamed trace row has empty lists.
    static func appendPretty(_ items: [Self], to text: inout String, depth: Int) {
        let outer = String(repeating: "  ", count: depth)
        guard !items.isEmpty else {
            text += "[\n\n"
            text += outer
            text += "]"
            return
        }
        let inner = outer + "  "
        text += "[\n"
        for (index, item) in items.enumerated() {
            text += (index > 0 ? ",\n" : "") + inner
            item.appendPretty(to: &text, depth: depth + 1)
        }
        text += "\n"
        text += outer
        text += "]"
    }

    /// An object laid out as JSONEncoder lays it out with `sortedKeys`.
    static func appendPretty(_ fields: [String: Self], to text: inout String, depth: Int) {
        let outer = String(repeating: "  ", count: depth)
        guard !fields.isEmpty else {
            text += "{\n\n"
            text += outer
            text += "}"
            return
        }
        let inner = outer + "  "
        text += "{\n"
        for (index, key) in fields.keys.sorted().enumerated() {
            text += (index > 0 ? ",\n" : "") + inner
            JSONValue.appendPrettyQuoted(key, to: &text)
            text += " : "
            fields[key]!.appendPretty(to: &text, depth: depth + 1)
        }
        text += "\n"
        text += outer
        text += "}"
    }
}

extension JSONValue: PrettyJSONLayout {
    /// This value laid out as `rendered()` lays it out when it sits `depth` levels deep.
    func appendPretty(to text: inout String, depth: Int) {
        switch self {
        case .string(let string): Self.appendPrettyQuoted(string, to: &text)
        case .int(let number): text += String(number)
        case .array(let items): Self.appendPretty(items, to: &text, depth: depth)
        case .object(let fields): Self.appendPretty(fields, to: &text, depth: depth)
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

extension ReportNode: PrettyJSONLayout {
    /// This node laid out as `JSONReport.encode` lays it out when it sits `depth` levels deep.
    func appendPretty(to text: inout String, depth: Int) {
        switch self {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .int(let number): text += String(number)
        // Reports hold few fractions: JSONEncoder writes them, so that they read as its own.
        case .double(let number):
            text += (try? JSONEncoder().encode(number)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
        case .string(let string): JSONValue.appendPrettyQuoted(string, to: &text)
        case .array(let items): Self.appendPretty(items, to: &text, depth: depth)
        case .object(let fields): Self.appendPretty(fields, to: &text, depth: depth)
        }
    }
}
