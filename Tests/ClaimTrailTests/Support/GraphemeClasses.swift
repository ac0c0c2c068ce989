/// Unicode's grapheme-break property classes (UAX #29), each as the scalars found by scanning
/// the whole code space by their properties, so escaping tests draw their input from every
/// kind of scalar that joins a neighbour into one `Character` rather than from a fixed list.
enum GraphemeClass: String, CaseIterable {
    case extend, spacingMark, prepend, zwj, regionalIndicator
    case hangulL, hangulV, hangulT, hangulLV, hangulLVT
    case control, carriageReturn, lineFeed

    /// Every scalar of the class. For the joining classes, the scalars their properties name
    /// that also join in this Swift's grapheme breaking (the few exceptions UAX #29 lists, and
    /// the Unicode version's changes, fall out): those are the ones that hid markup.
    var scalars: [Unicode.Scalar] {
        let candidates = propertyScalars
        if joinsBefore { return candidates.filter { "\($0)<".count == 1 } }
        if joinsAfter { return candidates.filter { "\"\($0)".count == 1 } }
        return candidates
    }

    private var propertyScalars: [Unicode.Scalar] {
        switch self {
        case .extend: Self.all.filter { $0.properties.isGraphemeExtend || $0.properties.isEmojiModifier }
        case .spacingMark:
            Self.all.filter { $0.properties.generalCategory == .spacingMark && !$0.properties.isGraphemeExtend }
        case .prepend: Self.prependRanges.flatMap { $0.compactMap(Unicode.Scalar.init) }
        case .zwj: ["\u{200D}"]
        case .regionalIndicator: Self.scalars(0x1F1E6...0x1F1FF)
        case .hangulL: Self.scalars(0x1100...0x115F) + Self.scalars(0xA960...0xA97C)
        case .hangulV: Self.scalars(0x1160...0x11A7) + Self.scalars(0xD7B0...0xD7C6)
        case .hangulT: Self.scalars(0x11A8...0x11FF) + Self.scalars(0xD7CB...0xD7FB)
        case .hangulLV: Self.scalars(0xAC00...0xD7A3).filter { ($0.value - 0xAC00) % 28 == 0 }
        case .hangulLVT: Self.scalars(0xAC00...0xD7A3).filter { ($0.value - 0xAC00) % 28 != 0 }
        case .control:
            Self.all.filter { scalar in
                switch scalar.properties.generalCategory {
                case .control: scalar != "\r" && scalar != "\n"
                case .lineSeparator, .paragraphSeparator: true
                case .format:
                    !scalar.properties.isGraphemeExtend && scalar != "\u{200D}"
                        && !Self.prependRanges.contains { $0.contains(Int(scalar.value)) }
                default: false
                }
            }
        case .carriageReturn: ["\r"]
        case .lineFeed: ["\n"]
        }
    }

    /// At most `count` scalars of the class, spread evenly over it, the first and last included.
    func samples(_ count: Int) -> [Unicode.Scalar] {
        let scalars = self.scalars
        guard scalars.count > count, count > 1 else { return scalars }
        return (0..<count).map { scalars[$0 * (scalars.count - 1) / (count - 1)] }
    }

    /// Whether a scalar of this class joins the character before it (marks, ZWJ) or after it
    /// (Prepend): the shapes that hid a markup character inside a `Character`.
    var joinsBefore: Bool { self == .prepend }
    var joinsAfter: Bool { [.extend, .spacingMark, .zwj].contains(self) }

    /// Prepend, which no single property names: UAX #29 lists it as Indic_Syllabic_Category
    /// Consonant_Preceding_Repha and Consonant_Prefixed, and these Cf format characters.
    static let prependRanges: [ClosedRange<Int>] = [
        0x0600...0x0605, 0x06DD...0x06DD, 0x070F...0x070F, 0x0890...0x0891, 0x08E2...0x08E2,
        0x0D4E...0x0D4E, 0x110BD...0x110BD, 0x110CD...0x110CD, 0x111C2...0x111C3, 0x1193F...0x1193F,
        0x11941...0x11941, 0x11A3A...0x11A3A, 0x11A84...0x11A89, 0x11D46...0x11D46, 0x11F02...0x11F02,
    ]

    private static let all: [Unicode.Scalar] = scalars(0...0x10FFFF)

    private static func scalars(_ range: ClosedRange<UInt32>) -> [Unicode.Scalar] {
        range.compactMap(Unicode.Scalar.init)
    }
}

/// Texts that put each sample of each class before and after each of `specials`, alone and
/// inside words: `m<`, `<m`, `m<m`, `am<mb`.
func graphemeAttacks(on specials: [Unicode.Scalar], samplesPerClass: Int) -> [(GraphemeClass, String)] {
    var texts: [(GraphemeClass, String)] = []
    for graphemeClass in GraphemeClass.allCases {
        for mark in graphemeClass.samples(samplesPerClass) {
            for special in specials {
                let (m, s) = (String(mark), String(special))
                texts += [m + s, s + m, m + s + m, "a" + m + s + m + "b"].map { (graphemeClass, $0) }
            }
        }
    }
    return texts
}
