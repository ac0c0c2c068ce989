import Foundation

/// JSON as claimtrail's read commands write it: keys in snake_case (the CSV column names, by
/// `ReportKey`), every optional field present (null when missing), sorted, pretty-printed,
/// slashes left unescaped, so output is stable, diffs well, and every record of a kind has the
/// same keys.
public enum JSONReport {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        var json: [UInt8] = []
        try ReportTreeEncoder.tree(of: value).appendPretty(to: &json, depth: 0)
        json.append(UInt8(ascii: "\n"))
        return String(decoding: json, as: UTF8.self)
    }
}
