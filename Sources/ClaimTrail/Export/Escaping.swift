extension String {
    /// This text with each scalar that `replacement` maps to a string replaced by it. The one
    /// loop behind the DOT and JSON escaping; only their rules differ (HTML's reads bytes instead:
    /// `HTMLReport.escape`).
    ///
    /// It walks Unicode scalars, never `Character`s: a character is a grapheme cluster, so a
    /// prepended mark before `<` or a combining mark after `"` makes one character that is
    /// neither, and an escaper matching characters would let the markup byte through.
    ///
    /// The runs of scalars that stay are copied whole, and text with nothing to escape (most
    /// of it) is returned as it is: a busy page escapes thousands of fields.
    ///
    /// - Parameter plain: when given, a byte of UTF-8 that no rule replaces, whatever scalar it
    ///   belongs to: text of such bytes only is returned after one pass over its bytes, without
    ///   the walk over its scalars, which took a claim page a tenth of its time.
    func escaped(plain: ((UInt8) -> Bool)? = nil, _ replacement: (Unicode.Scalar) -> String?) -> String {
        if let plain, utf8.withContiguousStorageIfAvailable({ $0.allSatisfy(plain) }) ?? utf8.allSatisfy(plain) {
            return self
        }
        let scalars = unicodeScalars
        var escaped: String?
        var kept = scalars.startIndex
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let next = scalars.index(after: index)
            if let replaced = replacement(scalars[index]) {
                if escaped == nil {
                    escaped = String()
                    escaped?.reserveCapacity(utf8.count + 16)
                }
                escaped?.append(String(scalars[kept..<index]))
                escaped?.append(replaced)
                kept = next
            }
            index = next
        }
        guard var escaped else { return self }
        escaped.append(String(scalars[kept...]))
        return escaped
    }
}
