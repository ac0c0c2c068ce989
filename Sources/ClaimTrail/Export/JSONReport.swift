import Foundation

/// JSON as claimtrail's read commands write it: keys in snake_case (the CSV column names, by
/// `ReportKey`), every optional field present (null when missing), sorted, pretty-printed,
/// slashes left unescaped, so output is stable, diffs well, and every record of a kind has the
/// same keys.
public enum JSONReport {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try utf8(value), as: UTF8.self)
    }

    /// The same JSON as UTF-8, for a caller that sends it on as bytes (the server's answers):
    /// made a `String`, a claim page's JSON was read through once more to be validated.
    public static func utf8<T: Encodable>(_ value: T) throws -> [UInt8] {
        var json: [UInt8] = []
        try ReportTreeEncoder.tree(of: value).appendPretty(to: &json, depth: 0)
        json.append(UInt8(ascii: "\n"))
        return json
    }
}
