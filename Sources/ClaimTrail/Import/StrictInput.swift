/// What a program sends, checked as `import` checks each of its records: JSON by the import's own
/// reader, which refuses malformed JSON and a key given twice (a second value would silently
/// replace the first), and the fields by its record's `requireOnly`, which refuses a field it does
/// not know, so that a typo is reported rather than dropped. The server reads every request body
/// through this before decoding it.
public enum StrictInput {
    /// Throws `ClaimTrailError.invalid`, naming the key as written, unless `json` is one JSON
    /// object with no key twice and no key outside `fields`.
    public static func checkJSON(_ json: UnsafeRawBufferPointer, fields: Set<String>) throws {
        let value: Any
        do {
            value = try JSONReader.parse(json)
        } catch {
            throw ClaimTrailError.invalid("malformed JSON: \(error.reason)")
        }
        guard let object = value as? [String: Any] else { throw ClaimTrailError.invalid("expected a JSON object") }
        try checkFields(object.keys, fields: fields)
    }

    /// Throws `ClaimTrailError.invalid` naming the first of `names` (in sorted order) outside `fields`.
    public static func checkFields(_ names: some Sequence<String>, fields: Set<String>) throws {
        try ImportRecord.requireOnly(fields, in: names)
    }
}
