import Foundation

/// How users point at stored things: `42` or `#42` is an id, anything else is a name, title or URL.
enum Reference {
    /// The id in `42` or `#42`, or nil when the text is a name.
    static func id(in text: String) -> Int64? {
        let trimmed = text.trimmed()
        let digits = trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int64(digits)
    }

    /// A text the store requires (a claim's wording, a title, a name), cleaned. Blank is refused with
    /// `missing`, and so is a text that begins with a NUL (U+0000): SQLite's `length()` stops at the
    /// first NUL, so the store's own check takes it for blank. A NUL further in is kept as it is.
    /// - Parameter what: the field, as the error names it: "a claim's text".
    static func required(_ text: String?, _ what: String, missing: String) throws -> String {
        guard let clean = clean(text) else { throw ClaimTrailError.invalid(missing) }
        guard clean.unicodeScalars.first != "\0" else {
            throw ClaimTrailError.invalid("\(what) begins with a NUL character (U+0000); remove it")
        }
        return clean
    }

    /// Trims a text field and turns blank into nil, so "" never masquerades as a value.
    static func clean(_ text: String?) -> String? {
        guard let trimmed = text?.trimmed(), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
