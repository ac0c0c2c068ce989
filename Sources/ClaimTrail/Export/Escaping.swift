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
    /// - Parameter plain: the bytes of UTF-8 that no rule replaces, whatever scalar they belong
    ///   to: a scalar whose first byte is plain is kept without being decoded.
    func escaped(plain: PlainBytes = .none, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var text = self
        return text.withUTF8 { utf8 in
            var escaped: [UInt8]?
            let kept = Self.forEachReplacement(in: utf8, plain: plain, replacement) { run, replaced in
                if escaped == nil {
                    escaped = []
                    escaped?.reserveCapacity(utf8.count + 16)
                }
                escaped?.append(contentsOf: run)
                escaped?.append(contentsOf: replaced.utf8)
            }
            guard var escaped else { return nil }
            escaped.append(contentsOf: utf8[kept...])
            return String(decoding: escaped, as: UTF8.self)
        } ?? self
    }

    /// Appends what `escaped(plain:_:)` gives to `output`, by the same loop, with no string made
    /// in between: a page written as bytes (`HTMLReport`'s tables) escapes straight into them.
    func appendEscaped(
        to output: inout [UInt8],
        plain: PlainBytes = .none,
        _ replacement: (Unicode.Scalar) -> String?
    ) {
        var text = self
        text.withUTF8 { utf8 in
            let kept = Self.forEachReplacement(in: utf8, plain: plain, replacement) { run, replaced in
                output.append(contentsOf: run)
                output.append(contentsOf: replaced.utf8)
            }
            output.append(contentsOf: utf8[kept...])
        }
    }

    /// Walks `utf8` (valid UTF-8, as every `String` is) and calls `body` for each scalar replaced,
    /// with the run of bytes kept since the last one and the replacement; returns where the run
    /// after the last replacement starts.
    private static func forEachReplacement(
        in utf8: UnsafeBufferPointer<UInt8>,
        plain: PlainBytes,
        _ replacement: (Unicode.Scalar) -> String?,
        _ body: (Slice<UnsafeBufferPointer<UInt8>>, String) -> Void
    ) -> Int {
        var kept = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            defer { index += length }
            if plain.contains(byte) { continue }
            var value = length == 1 ? UInt32(byte) : UInt32(byte) & (0x7F >> length)
            for next in utf8[(index + 1)..<(index + length)] { value = value << 6 | UInt32(next & 0x3F) }
            guard let scalar = Unicode.Scalar(value), let replaced = replacement(scalar) else { continue }
            body(utf8[kept..<index], replaced)
            kept = index + length
        }
        return kept
    }
}
