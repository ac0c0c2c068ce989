/// How a Swift property name becomes a key of claimtrail's JSON: the snake_case of the CSV
/// columns (`counterClaimIDs` → `counter_claim_ids`, `sourceURL` → `source_url`,
/// `bodySHA256` → `body_sha256`).
///
/// Foundation's `convertToSnakeCase` splits a plural acronym before its `s`
/// (`counter_claim_i_ds`); here an `s` that ends an acronym stays with it.
public enum ReportKey {
    public static func snakeCase(_ name: String) -> String {
        // Swift names are ASCII: the same rule on bytes, without the Unicode property lookups
        // that made key names most of the cost of a page's JSON.
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSnakeCase(Array(name.utf8)) }
        let scalars = Array(name.unicodeScalars)
        var key = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if isUpper(scalar) && index > 0 && startsWord(at: index, in: scalars) { key.append("_") }
            key.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
        return String(key)
    }

    private static func asciiSnakeCase(_ name: [UInt8]) -> String {
        let upper = { (byte: UInt8) in byte >= 0x41 && byte <= 0x5A }
        let lower = { (byte: UInt8) in byte >= 0x61 && byte <= 0x7A }
        var key: [UInt8] = []
        key.reserveCapacity(name.count + 4)
        for (index, byte) in name.enumerated() {
            guard upper(byte) else {
                key.append(byte)
                continue
            }
            if index > 0 {
                let previous = name[index - 1]
                let startsWord: Bool
                if !upper(previous) {
                    startsWord = previous != 0x5F
                } else if index + 1 < name.count, lower(name[index + 1]) {
                    startsWord = !(name[index + 1] == 0x73 && (index + 2 == name.count || upper(name[index + 2])))
                } else {
                    startsWord = false
                }
                if startsWord { key.append(0x5F) }
            }
            key.append(byte + 0x20)
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// Whether the capital at `index` begins a word: after a small letter or digit (`claimID`),
    /// or as the last capital of an acronym followed by a small word (`HTMLReport`), but not
    /// before a plural `s` (`IDs`).
    private static func startsWord(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        let previous = scalars[index - 1]
        if !isUpper(previous) { return previous != "_" }
        guard index + 1 < scalars.count, isLower(scalars[index + 1]) else { return false }
        let pluralAcronym = scalars[index + 1] == "s" && (index + 2 == scalars.count || isUpper(scalars[index + 2]))
        return !pluralAcronym
    }

    private static func isUpper(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isUppercase }
    private static func isLower(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isLowercase }
}
