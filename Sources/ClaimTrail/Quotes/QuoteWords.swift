/// A text cut into words for the close comparison of a quote with its source, each word in lower
/// case with its UTF-8 byte span in the text.
///
/// A word is a run of letters, digits and marks (an apostrophe inside it included: “don’t”). Scripts
/// written without spaces (Chinese, Japanese kana) have a word per character, and a symbol or
/// emoji is a word of its own, its joiners and modifiers with it, so that every script can be
/// compared word by word. Other punctuation separates words and is not compared.
struct QuoteWords {
    struct Word {
        /// Lower case, apostrophes made plain: what two words are compared by.
        var key: String
        var start, end: Int
    }

    private(set) var words: [Word] = []

    init(_ text: String) {
        var offset = 0
        var current = String.UnicodeScalarView()
        var start = 0
        var isSymbol = false
        func finish() {
            while current.last == "'" { current.removeLast() }
            if !current.isEmpty { words.append(Word(key: String(current).lowercased(), start: start, end: offset)) }
            current.removeAll()
        }
        func begin(symbol: Bool) {
            finish()
            start = offset
            isSymbol = symbol
        }
        for scalar in text.unicodeScalars {
            switch Self.kind(of: scalar) {
            case .letter:
                if current.isEmpty || isSymbol { begin(symbol: false) }
                current.append(scalar)
            case .apostrophe where !current.isEmpty && !isSymbol:
                current.append("'")
            case .joiner where !current.isEmpty:
                current.append(scalar)
            case .single:
                if !(isSymbol && current.last == "\u{200D}") { begin(symbol: true) }
                current.append(scalar)
            default:
                finish()
            }
            offset += UTF8.width(scalar)
        }
        finish()
    }

    var count: Int { words.count }
    var keys: [String] { words.map(\.key) }

    /// Whether `value` (a folded scalar) continues the word it follows, as a letter, digit or mark does:
    /// not a character of a script written without spaces, a symbol or punctuation.
    static func isWordScalar(_ value: UInt32) -> Bool {
        Unicode.Scalar(value).map { kind(of: $0) == .letter } ?? false
    }

    private enum Kind { case letter, apostrophe, joiner, single, separator }

    private static func kind(of scalar: Unicode.Scalar) -> Kind {
        let value = scalar.value
        // Han, kana, CJK compatibility ideographs and the supplementary ideograph planes.
        if (0x3040...0x30FF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0x20000...0x3FFFF).contains(value)
        {
            return .single
        }
        if value == 0x27 || value == 0x2019 { return .apostrophe }
        // Zero-width joiner, variation selectors, skin tones and tag characters belong to the emoji before.
        if value == 0x200D || (0xFE00...0xFE0F).contains(value) || (0x1F3FB...0x1F3FF).contains(value)
            || (0xE0020...0xE007F).contains(value)
        {
            return .joiner
        }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return .letter }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber: return .letter
        case .otherSymbol, .mathSymbol, .currencySymbol: return .single
        default: return properties.isEmojiPresentation ? .single : .separator
        }
    }
}
