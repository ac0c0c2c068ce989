/// The bytes of UTF-8 an escaping rule keeps without a look at their scalar (`String.escaped`),
/// as a set of 256 bits built once from the rule's test: the escaping loop tests each byte with
/// a shift and a mask, where calling the test as a closure retained and released it at every
/// byte, most of what escaping a claim page cost.
struct PlainBytes: Sendable {
    private var words: [UInt64] = [0, 0, 0, 0]

    /// No byte is plain: every scalar is decoded and given to the rule.
    static let none = PlainBytes { _ in false }

    init(_ isPlain: (UInt8) -> Bool) {
        for byte in UInt8.min...UInt8.max where isPlain(byte) { words[Int(byte >> 6)] |= 1 << (byte & 63) }
    }

    func contains(_ byte: UInt8) -> Bool {
        words.withUnsafeBufferPointer { $0[Int(byte >> 6)] >> (byte & 63) & 1 == 1 }
    }
}
