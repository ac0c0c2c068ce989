/// BCP 47 language tags (RFC 5646), as ClaimReview's `inLanguage` carries them: `en`, `pt-BR`,
/// `zh-Hant-TW`, `sr-Latn`, `es-419`.
///
/// The check is the RFC's syntax for a language tag: a language, then optional script, region,
/// variants, extensions and private use, in that order. Whether a subtag is in IANA's registry
/// is not checked, so new regions and variants keep working. Case is normalised the way the
/// RFC recommends (`EN-us` is stored as `en-US`).
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

    static func normalize(_ tag: String) -> String? {
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
        guard next({ letters($0, 2...3) || letters($0, 5...8) }, { $0.lowercased() }) else { return nil }
        var extlangs = 0
        while extlangs < 3, subtags[0].utf8.count <= 3, next({ letters($0, 3...3) }, { $0.lowercased() }) {
            extlangs += 1
        }
        _ = next({ letters($0, 4...4) }, { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() })
        _ = next({ letters($0, 2...2) || digits($0, 3) }, { $0.uppercased() })
        while next(isVariant, { $0.lowercased() }) {}
        while index < subtags.count, subtags[index].utf8.count == 1, subtags[index].lowercased() != "x" {
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
