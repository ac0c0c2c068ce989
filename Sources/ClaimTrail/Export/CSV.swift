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
            append(field: field, cells: cells, to: &bytes)
        }
        endRecord(&bytes)
    }

    /// Appends one field, quoted when it needs to be, without its separator.
    static func append(field: String, cells: Cells, to bytes: inout [UInt8]) {
        var field = field
        field.withUTF8 { append(field: $0, cells: cells, to: &bytes) }
    }

    /// Appends one field given as UTF-8 bytes (a column's text as SQLite holds it), quoted when it
    /// needs to be, without its separator: the one place where a cell's bytes are written.
    static func append(field utf8: UnsafeBufferPointer<UInt8>, cells: Cells, to bytes: inout [UInt8]) {
        let prefix = cells == .neutralised && isFormula(utf8)
        guard needsQuotes(utf8) else {
            if prefix { bytes.append(apostrophe) }
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(quote)
        if prefix { bytes.append(apostrophe) }
        // Copied in runs, each up to and with a quote, which is then doubled.
        var start = 0
        for index in utf8.indices where utf8[index] == quote {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...index]))
            bytes.append(quote)
            start = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        bytes.append(quote)
    }

    /// Whether the field holds a comma, a quote or a line break. Every byte of every cell passes
    /// here, and almost all of them lie above the comma, which one comparison rules out.
    private static func needsQuotes(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in utf8 where byte <= comma {
            if byte == comma || byte == quote || byte == 0x0D || byte == 0x0A { return true }
        }
        return false
    }

    /// Appends stored text given as its UTF-8 bytes as a field: byte for byte when well-formed,
    /// else repaired as `String(decoding:as:)` repairs it, so that the field reads as the text
    /// would have read as a `String`.
    static func append(text utf8: UnsafeBufferPointer<UInt8>, cells: Cells, to bytes: inout [UInt8]) {
        guard utf8.isWellFormedUTF8 else {
            return append(field: String(decoding: utf8, as: UTF8.self), cells: cells, to: &bytes)
        }
        append(field: utf8, cells: cells, to: &bytes)
    }

    /// Appends a whole number as a field: digits and a sign never need quoting, and a number is
    /// never neutralised.
    static func append(field number: Int64, to bytes: inout [UInt8]) { bytes.appendDecimal(number) }

    /// The comma between two fields.
    static func separate(_ bytes: inout [UInt8]) { bytes.append(comma) }

    /// The CRLF that ends a record.
    static func endRecord(_ bytes: inout [UInt8]) {
        bytes.append(0x0D)
        bytes.append(0x0A)
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
