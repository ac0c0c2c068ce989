import Foundation

/// Whole numbers read from import files, such as a verdict's score.
///
/// A publisher may write a number as `3`, `3.0`, `3e0` or `"3"`. One that is not whole or does not
/// fit an `Int` (`2.5`, `1e300`, `1.5e19`, `"inf"`, `"NaN"`) is refused with a message naming the
/// field: converting it with `Int(_:)` would trap, and rounding it would record another number.
enum WholeNumber {
    /// The whole number `text` spells, or nil when it spells no number at all (`"False"`).
    static func parse(_ text: String, field: String) throws -> Int? {
        if let value = Int(text) { return value }
        guard let number = Double(text) else { return nil }
        guard let value = Int(exactly: number) else {
            throw ClaimTrailError.invalid(
                "field “\(field)” is \(text), not a whole number between \(Int.min) and \(Int.max)"
            )
        }
        return value
    }

    /// Whether `text` is digits alone, ASCII, with an optional leading minus: the only whole
    /// numbers a string may spell, so `" 3"`, `"3\u{0}"`, `"0x10"` and `"٣"` are not read as 3.
    static func isPlainInteger(_ text: String) -> Bool {
        let digits = text.utf8.first == UInt8(ascii: "-") ? text.utf8.dropFirst() : text.utf8[...]
        return !digits.isEmpty && digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// Whether a number read from JSON was `true` or `false`, which Foundation also keeps as an
    /// NSNumber (1 and 0): a boolean is not a score.
    static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }
}
