extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes are well-formed UTF-8 (the Unicode Standard's table 3-7): no stray
    /// continuation byte, no overlong form, no surrogate, nothing past U+10FFFF, no sequence cut
    /// short. A writer that copies stored text byte for byte checks this first, so that text a
    /// tool other than claimtrail stored ill-formed comes out repaired, as a `String` repairs it.
    var isWellFormedUTF8: Bool {
        var index = 0
        while index < count {
            let lead = self[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var second: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF1...0xF3: length = 4
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            default: return false
            }
            guard count - index >= length, second.contains(self[index + 1]) else { return false }
            for offset in 2..<length where !(0x80...0xBF).contains(self[index + offset]) { return false }
            index += length
        }
        return true
    }
}
