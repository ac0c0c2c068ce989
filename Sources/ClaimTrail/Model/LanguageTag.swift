/// BCP 47 language tags (RFC 5646), as ClaimReview's `inLanguage` carries them: `en`, `pt-BR`,
/// `zh-Hant-TW`, `sr-Latn`, `es-419`.
///
/// The check is the RFC's syntax for a well-formed tag (section 2.1 and 2.2.9): a language, then
/// optional script, region, variants, extensions and private use, in that order, with no variant
/// and no extension singleton given twice; or a private-use tag (`x-…`); or one of the
/// grandfathered tags the RFC lists whole (`i-klingon`, `en-GB-oed`, `sgn-BE-FR`). Whether a subtag
/// is in IANA's registry is not checked, so new regions and variants keep working. Case is
/// normalised the way the RFC recommends (`EN-us` is stored as `en-US`).
public enum LanguageTag {
    /// The tag in its recommended case, or an error naming what is wrong.
    public static func validate(_ tag: String) throws -> String {
        guard let normalized = normalize(tag) else {
            throw ClaimTrailError.invalid(
                "“\(tag)” is not a BCP 47 language tag (e.g. en, pt-BR, zh-Hant-TW, es-419)"
            )
        }
        return normalized
    }

    /// The irregular grandfathered tags of RFC 5646 section 2.2.8, which no rule of the syntax
    /// accepts, in the registry's case. (The regular ones, such as `zh-min-nan`, fit the syntax.)
    static let irregular = [
        "en-GB-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo", "i-navajo",
        "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-BE-FR", "sgn-BE-NL", "sgn-CH-DE",
    ]

    static func normalize(_ tag: String) -> String? {
        if let grandfathered = irregular.first(where: { $0.lowercased() == tag.lowercased() }) { return grandfathered }
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard subtags.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(isAlphanumeric) }) else { return nil }
        var index = 0
        var output: [String] = []
        func next(_ accepts: (String) -> Bool, _ shape: (String) -> String) -> Bool {
            guard index < subtags.count, accepts(subtags[index]) else { return false }
            output.append(shape(subtags[index]))
            index += 1
            return true
        }
        if subtags[0].lowercased() == "x" { return privateUse(subtags) }
        guard next({ letters($0, 2...8) }, { $0.lowercased() }) else { return nil }
        var extlangs = 0
        while extlangs < 3, subtags[0].utf8.count <= 3, next({ letters($0, 3...3) }, { $0.lowercased() }) {
            extlangs += 1
        }
        _ = next({ letters($0, 4...4) }, { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() })
        _ = next({ letters($0, 2...2) || digits($0, 3) }, { $0.uppercased() })
        var variants: Set<String> = []
        while index < subtags.count, isVariant(subtags[index]) {
            // A variant given twice ("de-1901-1901") is not well-formed (section 2.2.5).
            guard variants.insert(subtags[index].lowercased()).inserted else { return nil }
            _ = next(isVariant, { $0.lowercased() })
        }
        var singletons: Set<String> = []
        while index < subtags.count, subtags[index].utf8.count == 1, subtags[index].lowercased() != "x" {
            // Each extension singleton at most once ("en-a-bb-a-cc" is refused, section 2.2.6).
            guard singletons.insert(subtags[index].lowercased()).inserted else { return nil }
            output.append(subtags[index].lowercased())
            index += 1
            var length = 0
            while next({ (2...8).contains($0.utf8.count) }, { $0.lowercased() }) { length += 1 }
            guard length > 0 else { return nil }
        }
        if index < subtags.count {
            guard let rest = privateUse(Array(subtags[index...])) else { return nil }
            output.append(rest)
            index = subtags.count
        }
        return output.joined(separator: "-")
    }

    private static func privateUse(_ subtags: [String]) -> String? {
        guard subtags.count > 1, subtags[0].lowercased() == "x",
            subtags.dropFirst().allSatisfy({ (1...8).contains($0.utf8.count) })
        else { return nil }
        return subtags.map { $0.lowercased() }.joined(separator: "-")
    }

    private static func isVariant(_ subtag: String) -> Bool {
        let bytes = Array(subtag.utf8)
        return (5...8).contains(bytes.count) || (bytes.count == 4 && isDigit(bytes[0]))
    }

    private static func letters(_ subtag: String, _ lengths: ClosedRange<Int>) -> Bool {
        lengths.contains(subtag.utf8.count) && subtag.utf8.allSatisfy(isLetter)
    }

    private static func digits(_ subtag: String, _ length: Int) -> Bool {
        subtag.utf8.count == length && subtag.utf8.allSatisfy(isDigit)
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }
}
