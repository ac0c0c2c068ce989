import Foundation

/// Pretty-printed JSON written as it is produced, in the layout of `JSONValue.rendered()`
/// (JSONEncoder's: two spaces a level, `"key" : value`, keys of each record sorted), so that a
/// document too large to hold as a tree reads as the same document did when it was built whole.
///
/// Only the records are sorted; the members of a streamed object come in the order written.
struct PrettyJSONStream {
    /// Lays out each piece where it goes, and the text of a `raw` member.
    private let lay: ((inout [UInt8]) -> Void) throws -> Void
    private let emitText: (String) throws -> Void
    /// Per open object or array, its closing bracket and whether it has a member yet.
    private var open: [(closer: StaticString, hasMembers: Bool)] = []
    /// An array opened with `omittedWhenEmpty`, written only when its first element comes, and
    /// its key (nil for an element of the open array).
    private var pendingArray: (pending: Bool, key: String?) = (false, nil)

    /// A stream that lays each piece out in bytes and emits it whole, as a string.
    init(_ emit: @escaping (String) throws -> Void) {
        emitText = emit
        // The piece being written, kept for its capacity.
        var piece: [UInt8] = []
        lay = { layOut in
            layOut(&piece)
            defer { piece.removeAll(keepingCapacity: true) }
            try emit(String(decoding: piece, as: UTF8.self))
        }
    }

    /// A stream that lays each piece out straight in `output`'s buffer: no string is made of it
    /// (making one, which checks its UTF-8 again, took a trace's JSON 17 % of its time), and no
    /// piece is laid out aside and copied (another 8 %).
    init(into output: TextOutput) {
        emitText = output.write
        lay = { layOut in try output.append(layOut) }
    }

    /// Opens the document, or an object as the next member of the open one.
    mutating func open(_ key: String? = nil) throws {
        let start = start(key)
        try lay { json in
            start.append(to: &json)
            json.append(UInt8(ascii: "{"))
        }
        open.append(("}", false))
    }

    /// Opens an array as the next member of the open object (or, without a key, as the next
    /// element of the open array), its elements given by `element`. With `omittedWhenEmpty`, an
    /// array that gets no element is left out, as `JSONValue.fields` leaves out a nil value: its
    /// key is written with its first element.
    mutating func openArray(_ key: String?, omittedWhenEmpty: Bool = false) throws {
        pendingArray = (true, key)
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
        let (start, depth) = (start(key), open.count)
        try lay { json in
            start.append(to: &json)
            value.appendPretty(to: &json, depth: depth)
        }
    }

    /// Opens a member whose contents are written by `body`, such as a part kept in a `SpillFile`.
    mutating func raw(_ key: String, _ body: (_ emit: (String) throws -> Void) throws -> Void) throws {
        let start = start(key)
        try lay { start.append(to: &$0) }
        try body(emitText)
    }

    /// Closes the open object or array (an array left out when empty: nothing); JSONEncoder
    /// writes an empty one as the bracket, a blank line, the closing bracket.
    mutating func close() throws {
        if pendingArray.pending {
            pendingArray = (false, nil)
            return
        }
        let (closer, hadMembers) = open.removeLast()
        let depth = open.count
        try lay { json in
            json.append(ascii: hadMembers ? "\n" : "\n\n")
            PrettyJSON.indent(depth, to: &json)
            json.append(ascii: closer)
            if depth == 0 { json.append(UInt8(ascii: "\n")) }
        }
    }

    private mutating func openPendingArray() throws {
        guard pendingArray.pending else { return }
        let key = pendingArray.key
        pendingArray = (false, nil)
        let start = start(key)
        try lay { json in
            start.append(to: &json)
            json.append(UInt8(ascii: "["))
        }
        open.append(("]", false))
    }

    /// How the next member starts: with its comma and line break, at the open object's depth
    /// (none for the document), and its key.
    private struct Start {
        let separator: StaticString?
        let depth: Int
        let key: String?

        func append(to json: inout [UInt8]) {
            if let separator {
                json.append(ascii: separator)
                PrettyJSON.indent(depth, to: &json)
            }
            if let key { PrettyJSON.appendKey(key, to: &json) }
        }
    }

    /// Counts the next member of the open object or array, and tells how it starts.
    private mutating func start(_ key: String?) -> Start {
        guard let hadMembers = open.last?.hasMembers else { return Start(separator: nil, depth: 0, key: key) }
        open[open.count - 1].hasMembers = true
        return Start(separator: hadMembers ? ",\n" : "\n", depth: open.count, key: key)
    }
}

/// A JSON tree `PrettyJSONStream` lays out: the exports' `JSONValue` and the reports' `ReportNode`.
protocol PrettyJSONLayout {
    /// This value's UTF-8, laid out as JSONEncoder lays it out when it sits `depth` levels deep.
    func appendPretty(to json: inout [UInt8], depth: Int)
}

/// The pieces of JSONEncoder's pretty layout, appended as bytes: a trace writes hundreds of
/// thousands of rows, and appending them to a `String` piece by piece took most of its time.
enum PrettyJSON {
    /// Two spaces a level.
    static func indent(_ depth: Int, to json: inout [UInt8]) { json.appendSpaces(2 * depth) }

    /// A key and the ` : ` after it.
    static func appendKey(_ key: String, to json: inout [UInt8]) {
        appendQuoted(key, to: &json)
        json.append(ascii: " : ")
    }

    /// `string` quoted as JSONEncoder quotes it: quote, backslash and controls escaped (backspace
    /// and form feed by their short escapes), the rest as it is. Escaped by byte: every byte
    /// escaped is ASCII, and no byte of a scalar above U+007F is.
    static func appendQuoted(_ string: String, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var start = 0
            for index in utf8.indices where !JSONValue.isPlainInJSON(utf8[index]) {
                json.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                appendEscape(utf8[index], to: &json)
                start = index + 1
            }
            json.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        json.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(_ byte: UInt8, to json: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): json.append(ascii: "\\\"")
        case UInt8(ascii: "\\"): json.append(ascii: "\\\\")
        case 0x08: json.append(ascii: "\\b")
        case 0x0C: json.append(ascii: "\\f")
        case UInt8(ascii: "\n"): json.append(ascii: "\\n")
        case UInt8(ascii: "\r"): json.append(ascii: "\\r")
        case UInt8(ascii: "\t"): json.append(ascii: "\\t")
        default:
            let hex: StaticString = "0123456789abcdef"
            json.append(ascii: "\\u00")
            json.append(hex.utf8Start[Int(byte >> 4)])
            json.append(hex.utf8Start[Int(byte & 0xF)])
        }
    }

    /// A number, as `String(number)` writes it.
    static func append(_ number: Int64, to json: inout [UInt8]) { json.appendDecimal(number) }
}

extension PrettyJSONLayout {
    /// An array laid out as JSONEncoder lays it out (an empty one as a bracket, a blank line, a bracket).
    static func appendPretty(_ items: [Self], to json: inout [UInt8], depth: Int) {
        guard !items.isEmpty else {
            json.append(ascii: "[\n\n")
            PrettyJSON.indent(depth, to: &json)
            json.append(UInt8(ascii: "]"))
            return
        }
        json.append(ascii: "[\n")
        for (index, item) in items.enumerated() {
            if index > 0 { json.append(ascii: ",\n") }
            PrettyJSON.indent(depth + 1, to: &json)
            item.appendPretty(to: &json, depth: depth + 1)
        }
        json.append(UInt8(ascii: "\n"))
        PrettyJSON.indent(depth, to: &json)
        json.append(UInt8(ascii: "]"))
    }

    /// An object laid out as JSONEncoder lays it out with `sortedKeys`.
    static func appendPretty(_ fields: [String: Self], to json: inout [UInt8], depth: Int) {
        guard !fields.isEmpty else {
            json.append(ascii: "{\n\n")
            PrettyJSON.indent(depth, to: &json)
            json.append(UInt8(ascii: "}"))
            return
        }
        json.append(ascii: "{\n")
        for (index, key) in fields.keys.sorted().enumerated() {
            if index > 0 { json.append(ascii: ",\n") }
            PrettyJSON.indent(depth + 1, to: &json)
            PrettyJSON.appendKey(key, to: &json)
            fields[key]!.appendPretty(to: &json, depth: depth + 1)
        }
        json.append(UInt8(ascii: "\n"))
        PrettyJSON.indent(depth, to: &json)
        json.append(UInt8(ascii: "}"))
    }
}

extension JSONValue: PrettyJSONLayout {
    /// This value laid out as `rendered()` lays it out when it sits `depth` levels deep.
    func appendPretty(to json: inout [UInt8], depth: Int) {
        switch self {
        case .string(let string): PrettyJSON.appendQuoted(string, to: &json)
        case .int(let number): PrettyJSON.append(number, to: &json)
        case .array(let items): Self.appendPretty(items, to: &json, depth: depth)
        case .object(let fields): Self.appendPretty(fields, to: &json, depth: depth)
        }
    }
}

extension ReportNode: PrettyJSONLayout {
    /// This node laid out as `JSONReport.encode` lays it out when it sits `depth` levels deep.
    func appendPretty(to json: inout [UInt8], depth: Int) {
        switch self {
        case .null: json.append(ascii: "null")
        case .bool(let flag): json.append(ascii: flag ? "true" : "false")
        case .int(let number): PrettyJSON.append(number, to: &json)
        // Reports hold few fractions: JSONEncoder writes them, so that they read as its own.
        case .double(let number): json.append(contentsOf: (try? JSONEncoder().encode(number)) ?? Data("null".utf8))
        case .string(let string): PrettyJSON.appendQuoted(string, to: &json)
        case .array(let items): Self.appendPretty(items, to: &json, depth: depth)
        case .object(let fields): Self.appendPretty(fields, to: &json, depth: depth)
        case .row(let row): row.appendPretty(to: &json, depth: depth)
        }
    }
}
