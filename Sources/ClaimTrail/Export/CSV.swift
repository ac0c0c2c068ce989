/// RFC 4180 CSV: CRLF line ends, and fields quoted when they hold a comma, a quote or a line break.
public enum CSV {
    /// How cells that a spreadsheet would read as a formula are written.
    ///
    /// Fact-checkers open these reports in spreadsheets, which run a cell beginning with `=`,
    /// `+`, `-` or `@` (or a tab or CR before one) as a formula: a quote such as
    /// `=HYPERLINK("http://…")` would become a live link, or worse.
    public enum Cells: Sendable {
        /// Such a cell gets a leading `'` (OWASP's advice), which spreadsheets show as text. Every
        /// such cell, `-3` included: a cell written from stored text may be any text, and the
        /// numbers claimtrail writes itself (ids, counts) are never negative.
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
                let prefix = cells == .neutralised && utf8.first.map(startsFormula) == true
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

    /// `=`, `+`, `-`, `@`, tab and CR: the first bytes that make a spreadsheet read a formula.
    private static func startsFormula(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "@") || byte == 0x09 || byte == 0x0D
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'")
}
