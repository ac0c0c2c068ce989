/// How a Swift property name becomes a key of claimtrail's JSON: the snake_case of the CSV
/// columns (`counterClaimIDs` → `counter_claim_ids`, `sourceURL` → `source_url`,
/// `bodySHA256` → `body_sha256`).
///
/// Foundation's `convertToSnakeCase` splits a plural acronym before its `s`
/// (`counter_claim_i_ds`); here an `s` that ends an acronym stays with it.
enum ReportKey {
    static func snakeCase(_ name: String) -> String {
        let scalars = Array(name.unicodeScalars)
        var key = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if isUpper(scalar) && index > 0 && startsWord(at: index, in: scalars) { key.append("_") }
            key.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
        return String(key)
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
