import Foundation

/// JSON as claimtrail writes it: snake_case keys (the CSV column names), sorted, pretty-printed,
/// slashes left unescaped, so output is stable and diffs well.
public enum JSONReport {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
