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
}
