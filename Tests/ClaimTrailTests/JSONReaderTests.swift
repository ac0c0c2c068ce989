import Foundation
import Testing

@testable import ClaimTrail

@Suite("JSON reader for import files")
struct JSONReaderTests {
    /// Parses with claimtrail's reader and with Foundation's, and writes both back out the same
    /// way: the two must agree on every value.
    @Test(
        "reads what Foundation's JSONSerialization reads, the same way",
        arguments: [
            #"{"a": "plain", "b": "“curly” – en dash, Мария, محمد, 🗞", "c": null, "#
                + #""d": [1, -2, 3.5, 1e3, 0, -0.25e-2]}"#,
            #"{"escapes": "quote \" backslash \\ slash \/ \b\f\n\r\t tab", "#
                + #""bmp": "\u00e9\u2019", "pair": "\ud83d\uddde"}"#,
            #"[{"nested": {"deeper": [[], {}, [true, false, null]]}}, "x", 9007199254740993]"#,
            #"  {"spaced"  :  [ 1 , 2 ]  ,  "k" : "v" }  "#,
            #""just a string""#,
        ]
    )
    func agreesWithFoundation(_ json: String) throws {
        let ours = try Array(json.utf8).withUnsafeBytes { try JSONReader.parse($0) }
        let foundation = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        #expect(try Self.written(ours) == Self.written(foundation))
    }

    @Test(
        "refuses what is not JSON, saying where",
        arguments: [
            #"{"a": 1,}"#, #"{"a" 1}"#, #"{a: 1}"#, #"[1, 2"#, #""unterminated"#, #"{"a": tru}"#, #"01"#, #"1."#,
            #""bad \x escape""#, #""\ud83d alone""#, "\"raw \u{01} control\"", #"{"a": 1} trailing"#, "",
            String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
        ]
    )
    func refusesMalformed(_ json: String) {
        let error = #expect(throws: JSONReader.Malformed.self) {
            _ = try Array(json.utf8).withUnsafeBytes { try JSONReader.parse($0) }
        }
        #expect(error?.reason.contains("at byte") == true)
    }

    @Test(
        "refuses a key given twice in one object, naming it: Foundation would keep one value silently",
        arguments: [
            #"{"dup": 1, "dup": 2}"#, #"{"a": {"text": "x", "other": 1, "text": "y"}}"#,
            #"[{"k": 1}, {"k": 2, "\u006b": 3}]"#,
        ]
    )
    func refusesDuplicateKeys(_ json: String) {
        let error = #expect(throws: JSONReader.Malformed.self) {
            _ = try Array(json.utf8).withUnsafeBytes { try JSONReader.parse($0) }
        }
        #expect(error?.reason.hasPrefix("duplicate key “") == true, "\(error?.reason ?? "")")
    }

    @Test(
        "a \\u escape is exactly four hex digits: no sign, no fewer",
        arguments: [#""\u+123""#, #""\u12""#, #""\u-0012""#, #""\u-012""#, #""\u 123""#, #""\u12g4""#, #""\u""#]
    )
    func refusesLooseUnicodeEscapes(_ json: String) {
        let error = #expect(throws: JSONReader.Malformed.self) {
            _ = try Array(json.utf8).withUnsafeBytes { try JSONReader.parse($0) }
        }
        #expect(error?.reason.hasPrefix("a \\u escape needs four hex digits") == true, "\(json)")
        let text = try? Array(#""\u00E9\u00e9""#.utf8).withUnsafeBytes { try JSONReader.parse($0) } as? String
        #expect(text == "éé")
    }

    @Test("refuses bytes that are not UTF-8, in a plain string and in one with escapes")
    func refusesInvalidUTF8() {
        // A lone Latin-1 byte, an encoded surrogate, an overlong slash, a stray continuation byte, and
        // a cut-off four-byte sequence the same length as the U+FFFD that would replace it.
        let bad: [[UInt8]] = [
            [0xE9], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xE2, 0x80, 0x9C, 0x80], [0xF0, 0x90, 0x80, 0x41],
        ]
        for body in bad {
            for bytes in [[0x22] + body + [0x22], [0x22, 0x5C, 0x6E] + body + [0x22]] {
                let error = #expect(throws: JSONReader.Malformed.self) {
                    _ = try bytes.withUnsafeBytes { try JSONReader.parse($0) }
                }
                #expect(error?.reason.hasPrefix("not valid UTF-8") == true, "\(bytes)")
            }
        }
    }

    @Test(
        "lines read through a small buffer: split across reads, longer than it, last one unterminated",
        arguments: [1, 7, 64]
    )
    func lines(chunkSize: Int) throws {
        let text = "{\"a\": 1}\n\n“curly” – Мария\r\n" + String(repeating: "x", count: 150) + "\nlast"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString).jsonl")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        var lines: [String] = []
        var numbers: [Int] = []
        try LineReader.forEachLine(ofFileAt: file.path, chunkSize: chunkSize) { number, bytes in
            numbers.append(number)
            lines.append(String(decoding: bytes, as: UTF8.self))
        }
        // Split by bytes: as Characters, "\r\n" is one and would not split.
        let expected = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        #expect(lines == expected.map { String(decoding: $0, as: UTF8.self) })
        #expect(numbers == Array(1...lines.count))
    }

    @Test("a JSON line written by hand reads back as the value it was, keys sorted, whatever the text")
    func handWrittenLine() throws {
        let texts = [
            "quote \" backslash \\ slash / tab\t line\n return\r crlf\r\n", "controls \u{0}\u{1}\u{8}\u{c}\u{1f}\u{7f}",
            "“curly” – Мария, محمد, 李, 🗞 \u{200F}", "",
        ]
        let value = JSONValue.fields([
            "b": .string(texts[0]), "a": .array(texts.map(JSONValue.string)), "n": .int(-42),
            "o": .fields(["z": .string(texts[1]), "y": .text(nil), "x": .array([])]),
        ])
        let line = value.line
        #expect(
            line.hasPrefix(
                #"{"a":["quote \" backslash \\ slash / tab\t line\n return\r crlf\r\n","controls \u0000\u0001"#
            )
        )
        #expect(
            !line.contains("\n")
                && line.hasSuffix(#""n":-42,"o":{"x":[],"z":"controls \u0000\u0001\u0008\u000c\u001f\#u{7f}"}}"#)
        )
        let ours = try Array(line.utf8).withUnsafeBytes { try JSONReader.parse($0) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let foundation = try JSONSerialization.jsonObject(with: try encoder.encode(value))
        #expect(try Self.written(ours) == Self.written(foundation))
    }

    private static func written(_ value: Any) throws -> String {
        String(
            decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]),
            as: UTF8.self
        )
    }
}
