/// RFC 4180 CSV: CRLF line ends, and fields quoted when they hold a comma, a quote or a line break.
public enum CSV {
    public static func line(_ fields: [String]) -> String {
        var bytes: [UInt8] = []
        append(fields, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one record's UTF-8 bytes: written straight into an output buffer, no string built
    /// per field, since an export writes millions of them.
    static func append(_ fields: [String], to bytes: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(comma) }
            var field = field
            field.withUTF8 { utf8 in
                guard utf8.contains(where: { $0 == comma || $0 == quote || $0 == 0x0D || $0 == 0x0A }) else {
                    bytes.append(contentsOf: utf8)
                    return
                }
                bytes.append(quote)
                for byte in utf8 {
                    if byte == quote { bytes.append(quote) }
                    bytes.append(byte)
                }
                bytes.append(quote)
            }
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
}
