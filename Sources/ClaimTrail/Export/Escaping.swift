extension String {
    /// This text with each scalar that `replacement` maps to a string replaced by it. The one
    /// loop behind every format's escaping (HTML, DOT, JSON); only their rules differ.
    ///
    /// It walks Unicode scalars, never `Character`s: a character is a grapheme cluster, so a
    /// prepended mark before `<` or a combining mark after `"` makes one character that is
    /// neither, and an escaper matching characters would let the markup byte through.
    func escaped(_ replacement: (Unicode.Scalar) -> String?) -> String {
        var escaped = ""
        escaped.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if let replaced = replacement(scalar) {
                escaped += replaced
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
