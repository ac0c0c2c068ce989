import Foundation

/// One object from an import file, with typed access to its fields.
///
/// Every accessor explains a bad value in terms of the field, and unknown fields are refused,
/// so a typo like "stanse" is reported instead of silently dropped.
struct ImportRecord {
    let fields: [String: Any]
    /// Where the record is, for messages: "data.jsonl:12" or "data.json: attributions[3]".
    let location: String

    /// The largest text a field may hold; a quote or claim beyond it is a mistake, not data.
    static let fieldLimit = 1 << 20
    /// Article bodies may be longer than any quote.
    static let bodyLimit = 32 << 20

    func requireOnly(_ allowed: Set<String>) throws {
        try Self.requireOnly(allowed, in: fields.keys)
    }

    /// Refuses the first of `names` (in sorted order) that is not `allowed`, listing those that are.
    static func requireOnly(_ allowed: Set<String>, in names: some Sequence<String>) throws {
        if let unknown = names.filter({ !allowed.contains($0) }).min() {
            throw ClaimTrailError.invalid(
                "unknown field “\(unknown)” (expected: \(allowed.sorted().joined(separator: ", ")))"
            )
        }
    }

    func string(_ key: String, limit: Int = fieldLimit) throws -> String? {
        switch fields[key] {
        case nil, is NSNull: return nil
        case let text as String:
            guard text.utf8.count <= limit else {
                throw ClaimTrailError.invalid("field “\(key)” is \(text.utf8.count) bytes; the limit is \(limit) bytes")
            }
            return text
        default: throw ClaimTrailError.invalid("field “\(key)” must be a string")
        }
    }

    func requiredString(_ key: String) throws -> String {
        guard let text = try string(key), text.unicodeScalars.contains(where: { !$0.isWhitespace }) else {
            throw ClaimTrailError.invalid("field “\(key)” is required and must not be empty")
        }
        return text
    }

    func strings(_ key: String) throws -> [String] {
        switch fields[key] {
        case nil, is NSNull: return []
        case let list as [Any]:
            return try list.map { item in
                guard let text = item as? String, text.utf8.count <= Self.fieldLimit else {
                    throw ClaimTrailError.invalid("field “\(key)” must be a list of strings")
                }
                return text
            }
        default: throw ClaimTrailError.invalid("field “\(key)” must be a list of strings")
        }
    }

    /// A field holding either a string or a list of strings-or-objects, as a list of records.
    func records(_ key: String) throws -> [ImportRecord] {
        let items: [Any] =
            switch fields[key] {
            case nil, is NSNull: []
            case let list as [Any]: list
            case let single?: [single]
            }
        return try items.enumerated().map { index, item in
            let place = "\(location): \(key)[\(index)]"
            switch item {
            case let text as String: return ImportRecord(fields: ["claim": text], location: place)
            case let object as [String: Any]: return ImportRecord(fields: object, location: place)
            default: throw ClaimTrailError.invalid("field “\(key)” must list claim texts or objects")
            }
        }
    }

    /// A field holding a list of objects, each a record of its own located under this one.
    func objects(_ key: String) throws -> [ImportRecord] {
        guard let value = fields[key], !(value is NSNull) else { return [] }
        guard let list = value as? [Any] else {
            throw ClaimTrailError.invalid("field “\(key)” must be a list of objects")
        }
        return try list.enumerated().map { index, item in
            guard let object = item as? [String: Any] else {
                throw ClaimTrailError.invalid("field “\(key)” must be a list of objects")
            }
            return ImportRecord(fields: object, location: "\(location): \(key)[\(index)]")
        }
    }

    func int(_ key: String) throws -> Int? {
        switch fields[key] {
        case nil, is NSNull: return nil
        case let number as NSNumber where !WholeNumber.isBoolean(number):
            if let value = try WholeNumber.parse(number.stringValue, field: key) { return value }
        default: break
        }
        throw ClaimTrailError.invalid("field “\(key)” must be a whole number")
    }

    /// The same record with `key` set, e.g. a nested attribution given its claim.
    func with(_ key: String, _ value: Any) -> ImportRecord {
        var fields = fields
        fields[key] = value
        return ImportRecord(fields: fields, location: location)
    }

    func object(_ key: String) throws -> ImportRecord? {
        switch fields[key] {
        case nil, is NSNull: return nil
        case let object as [String: Any]: return ImportRecord(fields: object, location: "\(location): \(key)")
        default: throw ClaimTrailError.invalid("field “\(key)” must be an object")
        }
    }

    func vocabulary<T: RawRepresentable & CaseIterable>(_ key: String, default value: T) throws -> T
    where T.RawValue == String {
        try string(key).map { try parseVocabulary($0, field: key) } ?? value
    }
}
