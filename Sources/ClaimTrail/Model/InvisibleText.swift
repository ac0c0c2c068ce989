extension Unicode.Scalar {
    /// Whether the scalar shows nothing by itself: white space, a control, a format character (a
    /// zero-width space or joiner, a bidirectional mark or override, a byte-order mark), or another
    /// default-ignorable code point (a Hangul filler, a variation selector). Text made only of these
    /// looks blank in every table, page and report, so it cannot stand for a claim, a name or a quote.
    var isInvisible: Bool {
        if isWhitespace { return true }
        switch properties.generalCategory {
        case .control, .format: return true
        default: return properties.isDefaultIgnorableCodePoint
        }
    }

    /// `U+200B`: how an error names a scalar that cannot be shown.
    var codePoint: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension String {
    /// Whether the text is empty or made only of invisible scalars (`isInvisible`).
    var showsNothing: Bool { unicodeScalars.allSatisfy(\.isInvisible) }
}
