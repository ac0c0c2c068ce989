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

    /// Trims a text field and turns blank into nil, so "" never masquerades as a value.
    static func clean(_ text: String?) -> String? {
        guard let trimmed = text?.trimmed(), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
