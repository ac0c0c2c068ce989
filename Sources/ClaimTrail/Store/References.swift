import Foundation

/// How users point at stored things: `42` or `#42` is an id, anything else is a name, title or URL.
public enum Reference {
    /// The id in `42` or `#42`, or nil when the text is a name.
    static func id(in text: String) -> Int64? {
        let trimmed = text.trimmed()
        let digits = trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int64(digits)
    }

    /// A text the store requires (a claim's wording, a title, a name), cleaned. Blank is refused with
    /// `missing`; so is a text that shows nothing (`visible`), and one that begins with a NUL (U+0000):
    /// SQLite's `length()` stops at the first NUL, so the store's own check takes it for blank. A NUL
    /// further in is kept as it is.
    /// - Parameter what: the field, as the error names it: "a claim's text".
    public static func required(_ text: String?, _ what: String, missing: String) throws -> String {
        guard let clean = try visible(text, what) else { throw ClaimTrailError.invalid(missing) }
        guard clean.unicodeScalars.first != "\0" else {
            throw ClaimTrailError.invalid("\(what) begins with a NUL character (U+0000); remove it")
        }
        return clean
    }

    /// An optional text that must show something when given (a quote, an alias): cleaned, nil when
    /// blank, and refused when made only of invisible characters (a zero-width space, a bidirectional
    /// mark, a byte-order mark), which every listing would show as blank.
    /// - Parameter what: the field, as the error names it: "a quote".
    static func visible(_ text: String?, _ what: String) throws -> String? {
        guard let clean = clean(text) else { return nil }
        guard clean.showsNothing else { return clean }
        let shown = clean.unicodeScalars.prefix(3).map(\.codePoint) + (clean.unicodeScalars.count > 3 ? ["…"] : [])
        throw ClaimTrailError.invalid(
            "\(what) shows nothing: it holds only invisible characters (\(shown.joined(separator: " ")))"
        )
    }

    /// A text that narrows a listing (a topic, an assignee), cleaned; nil lists everything. A blank one
    /// is refused rather than ignored: `--topic "$TOPIC"` with an unset variable would otherwise list
    /// every claim as if they were that topic's. (A web form's empty field means "any": its route
    /// passes nil.)
    /// - Parameter what: the filter, as the error names it: "topic".
    static func filter(_ text: String?, _ what: String) throws -> String? {
        guard let text else { return nil }
        guard let clean = try visible(text, "a \(what) to filter by") else {
            throw ClaimTrailError.invalid(
                "a \(what) to filter by is blank; give one, or leave the filter out to list all"
            )
        }
        return clean
    }

    /// Trims a text field and turns blank into nil, so "" never masquerades as a value.
    static func clean(_ text: String?) -> String? {
        guard let trimmed = text?.trimmed(), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
