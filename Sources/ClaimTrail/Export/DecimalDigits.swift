extension [UInt8] {
    /// Appends a whole number's decimal digits (and its sign): set out on the stack and appended
    /// in one copy, with no string built, since the CSV and JSON writers append millions of them.
    mutating func appendDecimal(_ number: Int64) {
        // Room for Int64.min: a sign and 19 digits.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        Swift.withUnsafeMutableBytes(of: &digits) { digits in
            var start = digits.count
            var magnitude = number.magnitude
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if number < 0 {
                start -= 1
                digits[start] = UInt8(ascii: "-")
            }
            append(contentsOf: UnsafeRawBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Appends ASCII text given as a literal, such as JSON's punctuation and keys.
    mutating func append(ascii text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends `count` spaces, copied from a run of them: JSON's indents and a table's padding
    /// come once or more per row, and appending a repeated space a byte at a time took a trace's
    /// JSON 7 % of its instructions.
    mutating func appendSpaces(_ count: Int) {
        var count = count
        while count > 0 {
            let run = Swift.min(count, spaces.count)
            spaces.withUnsafeBufferPointer { append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<run])) }
            count -= run
        }
    }
}

/// The run `appendSpaces` copies from (an extension of a generic type holds no stored constant).
private let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)
