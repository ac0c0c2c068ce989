/// RFC 4180 CSV: CRLF line ends, and fields quoted when they hold a comma, a quote or a line break.
public enum CSV {
    /// How cells that a spreadsheet would read as a formula are written.
    ///
    /// Fact-checkers open these reports in spreadsheets, which run a cell beginning with `=`,
    /// `+`, `-` or `@` (or a tab or CR before one) as a formula: a quote such as
    /// `=HYPERLINK("http://…")` would become a live link, or worse.
    public enum Cells: Sendable {
        /// Such a cell gets a leading `'` (OWASP's advice), which spreadsheets show as text. A cell
        /// that is only a number (`-3`, `-3.87`, a search rank) is left as it is: a spreadsheet
        /// reads it as that number and runs nothing, and a numeric column stays numeric.
        case neutralised
        /// Every cell byte for byte, for programs that read the CSV (`--raw-cells`).
        case raw
    }

    public static func line(_ fields: [String], cells: Cells = .neutralised) -> String {
        var bytes: [UInt8] = []
        append(fields, cells: cells, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one record's UTF-8 bytes: written straight into an output buffer, no string built
    /// per field, since an export writes millions of them.
    static func append(_ fields: [String], cells: Cells, to bytes: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(comma) }
            var field = field
            field.withUTF8 { utf8 in
                let prefix = cells == .neutralised && isFormula(utf8)
                guard utf8.contains(where: { $0 == comma || $0 == quote || $0 == 0x0D || $0 == 0x0A }) else {
                    if prefix { bytes.append(apostrophe) }
                    bytes.append(contentsOf: utf8)
                    return
                }
                bytes.append(quote)
                if prefix { bytes.append(apostrophe) }
                for byte in utf8 {
                    if byte == quote { bytes.append(quote) }
                    bytes.append(byte)
                }
                bytes.append(quote)
            }
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    /// Whether a spreadsheet would read the cell as a formula: it begins with `=`, `+`, `-`, `@`,
    /// a tab or a CR, and is not just a number.
    static func isFormula(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = cell.first, formulaStarts.contains(first) else { return false }
        return !isNumber(cell)
    }

    private static let formulaStarts: [UInt8] = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
    ]

    /// A sign, digits, and optionally a point and more digits: `-3`, `+12`, `-3.87`.
    private static func isNumber(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = cell.dropFirst(cell.first == UInt8(ascii: "-") || cell.first == UInt8(ascii: "+") ? 1 : 0)
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        let whole = digits.prefix(while: isDigit)
        guard !whole.isEmpty else { return false }
        digits = digits.dropFirst(whole.count)
        guard digits.first == UInt8(ascii: ".") else { return digits.isEmpty }
        let fraction = digits.dropFirst().prefix(while: isDigit)
        return !fraction.isEmpty && digits.count == fraction.count + 1
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'")
}
