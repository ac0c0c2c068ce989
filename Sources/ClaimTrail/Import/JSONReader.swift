import Foundation

/// Parses JSON (RFC 8259) into the values `JSONSerialization` gives: `[String: Any]`, `[Any]`,
/// `String`, `NSNumber` and `NSNull`.
///
/// An import of a million lines parses a million small objects, and Foundation's parser spent
/// a tenth of the import's time on it: it builds a tree of its own first and then converts
/// it. This reads the bytes once, and copies a string's bytes only once when it has no escapes.
struct JSONReader {
    struct Malformed: Error {
        let reason: String
        /// Where the reader stopped, as an offset from the first byte.
        let offset: Int
    }

    /// Deeper nesting is refused rather than allowed to exhaust the stack.
    static let maximumDepth = 512

    private let bytes: UnsafeRawBufferPointer
    private var position = 0
    private var depth = 0

    /// Parses one JSON value filling all of `bytes`, and refuses bytes that are not UTF-8.
    static func parse(_ bytes: UnsafeRawBufferPointer) throws(Malformed) -> Any {
        var reader = JSONReader(bytes: bytes)
        let value = try reader.value()
        reader.skipSpace()
        guard reader.position == bytes.count else { throw reader.failure("unexpected text after the value") }
        return value
    }

    private init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    private mutating func value() throws(Malformed) -> Any {
        skipSpace()
        guard position < bytes.count else { throw failure("unexpected end of text") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return try string()
        case UInt8(ascii: "t"):
            try literal("true")
            return NSNumber(value: true)
        case UInt8(ascii: "f"):
            try literal("false")
            return NSNumber(value: false)
        case UInt8(ascii: "n"):
            try literal("null")
            return NSNull()
        default: return try number()
        }
    }

    private mutating func object() throws(Malformed) -> [String: Any] {
        try enter()
        defer { depth -= 1 }
        var object: [String: Any] = [:]
        position += 1
        skipSpace()
        if consume(UInt8(ascii: "}")) { return object }
        repeat {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw failure("expected a quoted key")
            }
            let key = try string()
            skipSpace()
            guard consume(UInt8(ascii: ":")) else { throw failure("expected “:” after a key") }
            // A second value for a key would silently replace the first: refuse it instead.
            guard object.updateValue(try value(), forKey: key) == nil else { throw failure("duplicate key “\(key)”") }
            skipSpace()
        } while consume(UInt8(ascii: ","))
        guard consume(UInt8(ascii: "}")) else { throw failure("expected “,” or “}”") }
        return object
    }

    private mutating func array() throws(Malformed) -> [Any] {
        try enter()
        defer { depth -= 1 }
        var array: [Any] = []
        position += 1
        skipSpace()
        if consume(UInt8(ascii: "]")) { return array }
        repeat {
            array.append(try value())
            skipSpace()
        } while consume(UInt8(ascii: ","))
        guard consume(UInt8(ascii: "]")) else { throw failure("expected “,” or “]”") }
        return array
    }

    private mutating func string() throws(Malformed) -> String {
        position += 1
        let start = position
        // The common case: no escapes, so the bytes are the string.
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                defer { position += 1 }
                return try text(Self.decode(UnsafeRawBufferPointer(rebasing: bytes[start..<position])))
            case UInt8(ascii: "\\"):
                return try escapedString(from: start)
            case 0..<0x20:
                throw failure("control character in a string")
            default:
                position += 1
            }
        }
        throw failure("unterminated string")
    }

    private mutating func escapedString(from start: Int) throws(Malformed) -> String {
        var utf8 = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try text(utf8.withUnsafeBytes(Self.decode))
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { break }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): utf8.append(contentsOf: String(try unicodeEscape()).utf8)
                default: throw failure("unknown escape “\\\(Character(Unicode.Scalar(escape)))”")
                }
            case 0..<0x20:
                throw failure("control character in a string")
            default:
                utf8.append(byte)
            }
        }
        throw failure("unterminated string")
    }

    /// A string's bytes as text, or nil if they are not UTF-8.
    ///
    /// `String(decoding:)` checks UTF-8 at native speed (`String(validating:)` takes a generic
    /// path, a twentieth of an import), but repairs bad bytes with U+FFFD instead of failing.
    /// The bytes are valid exactly when nothing was repaired: when the text is the same bytes.
    private static func decode(_ utf8: UnsafeRawBufferPointer) -> String? {
        var text = String(decoding: utf8, as: UTF8.self)
        return text.withUTF8 { UnsafeRawBufferPointer($0).hasSameBytes(as: utf8) } ? text : nil
    }

    /// Outside strings any byte above ASCII is a syntax error, so checking the strings checks
    /// the whole input.
    private func text(_ decoded: String?) throws(Malformed) -> String {
        guard let decoded else { throw failure("not valid UTF-8") }
        return decoded
    }

    /// The scalar of a `\uXXXX` escape, joining a UTF-16 surrogate pair written as two escapes.
    private mutating func unicodeEscape() throws(Malformed) -> Character {
        let unit = try hexUnit()
        if (0xD800..<0xDC00).contains(unit) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                bytes[position + 1] == UInt8(ascii: "u")
            else {
                throw failure("unpaired surrogate in a \\u escape")
            }
            position += 2
            let low = try hexUnit()
            guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate in a \\u escape") }
            let scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            return Character(Unicode.Scalar(scalar)!)
        }
        guard let scalar = Unicode.Scalar(unit) else { throw failure("unpaired surrogate in a \\u escape") }
        return Character(scalar)
    }

    /// Exactly four hex digits: no sign, no fewer (`UInt16(_:radix:)` would take `+123` or `-0`).
    private mutating func hexUnit() throws(Malformed) -> UInt16 {
        var unit: UInt16 = 0
        for _ in 0..<4 {
            guard position < bytes.count, let digit = Self.hexDigit(bytes[position]) else {
                throw failure("a \\u escape needs four hex digits")
            }
            unit = unit << 4 | digit
            position += 1
        }
        return unit
    }

    private static func hexDigit(_ byte: UInt8) -> UInt16? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt16(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt16(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt16(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private mutating func number() throws(Malformed) -> NSNumber {
        let start = position
        var isInteger = true
        func digits() -> Int {
            let first = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                position += 1
            }
            return position - first
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        let whole = position
        guard digits() > 0, bytes[whole] != UInt8(ascii: "0") || position == whole + 1 else {
            throw failure("expected a value")
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            isInteger = false
            guard digits() > 0 else { throw failure("expected digits after “.”") }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            isInteger = false
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits() > 0 else { throw failure("expected digits in the exponent") }
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if isInteger, let integer = Int64(text) { return NSNumber(value: integer) }
        return NSNumber(value: Double(text) ?? .nan)
    }

    private mutating func literal(_ word: StaticString) throws(Malformed) {
        let length = word.utf8CodeUnitCount
        guard position + length <= bytes.count,
            UnsafeRawBufferPointer(rebasing: bytes[position..<position + length]).elementsEqual(
                UnsafeRawBufferPointer(start: word.utf8Start, count: length)
            )
        else {
            throw failure("expected a value")
        }
        position += length
    }

    private mutating func enter() throws(Malformed) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw failure("nested more than \(Self.maximumDepth) deep") }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private func failure(_ reason: String) -> Malformed {
        Malformed(reason: "\(reason) at byte \(position + 1)", offset: position)
    }
}
