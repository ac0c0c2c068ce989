extension String {
    /// This text with each scalar that `replacement` maps to a string replaced by it. The one
    /// loop behind the DOT, JSON and HTML escaping; only their rules differ.
    ///
    /// It walks Unicode scalars, never `Character`s: a character is a grapheme cluster, so a
    /// prepended mark before `<` or a combining mark after `"` makes one character that is
    /// neither, and an escaper matching characters would let the markup byte through. The
    /// scalars are read from the text's UTF-8 bytes, and decoded only where a rule needs them:
    /// reading a `String`'s scalars instead took a claim page's escaping a sixth of its cost.
    ///
    /// The runs of bytes that stay are copied whole, and text with nothing to escape (most of
    /// it) is returned as it is: a busy page escapes thousands of fields.
    ///
    /// - Parameter plain: when given, a byte of UTF-8 that no rule replaces, whatever scalar it
    ///   belongs to: a scalar whose first byte is plain is kept without being decoded.
    func escaped(plain: ((UInt8) -> Bool)? = nil, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var text = self
        return text.withUTF8 { Self.escaped($0, plain: plain, replacement) } ?? self
    }

    /// The escaped text of `utf8` (valid UTF-8, as every `String` is), or nil when nothing changes.
    private static func escaped(
        _ utf8: UnsafeBufferPointer<UInt8>,
        plain: ((UInt8) -> Bool)?,
        _ replacement: (Unicode.Scalar) -> String?
    ) -> String? {
        var escaped: [UInt8]?
        var kept = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            defer { index += length }
            if let plain, plain(byte) { continue }
            var value = length == 1 ? UInt32(byte) : UInt32(byte) & (0x7F >> length)
            for next in utf8[(index + 1)..<(index + length)] { value = value << 6 | UInt32(next & 0x3F) }
            guard let scalar = Unicode.Scalar(value), let replaced = replacement(scalar) else { continue }
            if escaped == nil {
                escaped = []
                escaped?.reserveCapacity(utf8.count + 16)
            }
            escaped?.append(contentsOf: utf8[kept..<index])
            escaped?.append(contentsOf: replaced.utf8)
            kept = index + length
        }
        guard var escaped else { return nil }
        escaped.append(contentsOf: utf8[kept...])
        return String(decoding: escaped, as: UTF8.self)
    }
}
