/// An `Encoder` that builds the JSON tree of a report, for `JSONReport`.
///
/// It exists for one reason: Swift's synthesized `Encodable` writes an optional property with
/// `encodeIfPresent`, which JSONEncoder answers by leaving the key out. A report's reader then
/// cannot tell "no topic" from "this record has no such field". Here `encodeIfPresent` writes
/// `null`, so every record of a kind carries the same keys. Property names are snake_cased on
/// the way (`ReportKey.snakeCase`); the keys of a dictionary are data, and are kept as they are.
final class ReportTreeEncoder: Encoder {
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any] = [:]
    private let slot: ReportNode.Slot

    /// An encoder filling `slot`; tests build a value's tree through its own `encode(to:)` with it.
    init(slot: ReportNode.Slot, codingPath: [any CodingKey]) {
        self.slot = slot
        self.codingPath = codingPath
    }

    /// The tree of `value`.
    static func tree(of value: some Encodable) throws -> ReportNode {
        let root = ReportNode.Slot()
        try root.store(value, codingPath: [])
        return root.node
    }

    fileprivate static func encode(
        _ value: some Encodable,
        into slot: ReportNode.Slot,
        codingPath: [any CodingKey]
    )
        throws
    {
        switch value {
        case let row as ProvenanceRow: slot.content = .value(.row(row))
        case let text as String: slot.content = .value(.string(text))
        case let flag as Bool: slot.content = .value(.bool(flag))
        case let number as Double: slot.content = .value(.double(try finite(number, codingPath)))
        case let number as Float: slot.content = .value(.double(try finite(Double(number), codingPath)))
        case let number as any BinaryInteger:
            slot.content = .value(Int64(exactly: number).map(ReportNode.int) ?? .double(Double(number)))
        case let dictionary as [String: any Encodable]:
            let object = slot.object()
            for (key, item) in dictionary { try object.slot(named: key).store(item, codingPath: codingPath) }
        default: try value.encode(to: ReportTreeEncoder(slot: slot, codingPath: codingPath))
        }
    }

    /// `number`, refused when JSON cannot hold it (NaN, infinity), as JSONEncoder refuses it.
    private static func finite(_ number: Double, _ codingPath: [any CodingKey]) throws -> Double {
        guard number.isFinite else {
            throw EncodingError.invalidValue(
                number,
                EncodingError.Context(codingPath: codingPath, debugDescription: "\(number) is not a JSON number")
            )
        }
        return number
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedContainer<Key>(object: slot.object(), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(array: slot.array(), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(slot: slot, codingPath: codingPath)
    }

    private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let object: ReportNode.Object
        let codingPath: [any CodingKey]

        private func child(_ key: Key) -> ReportNode.Slot {
            let slot = ReportNode.Slot()
            object.fields[ReportKey.snakeCase(key.stringValue)] = slot
            return slot
        }

        mutating func encodeNil(forKey key: Key) throws { child(key).content = .value(.null) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try child(key).store(value, codingPath: codingPath + [key])
        }

        /// The one place nil differs from JSONEncoder: the key is kept, with null.
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            guard let value else { return try encodeNil(forKey: key) }
            try encode(value, forKey: key)
        }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value, key) }

        private mutating func present<T: Encodable>(_ value: T?, _ key: Key) throws {
            try encodeIfPresent(value, forKey: key)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type,
            forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(
                KeyedContainer<NestedKey>(object: child(key).object(), codingPath: codingPath + [key])
            )
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            UnkeyedContainer(array: child(key).array(), codingPath: codingPath + [key])
        }

        mutating func superEncoder() -> any Encoder {
            ReportTreeEncoder(slot: object.slot(named: "super"), codingPath: codingPath)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            ReportTreeEncoder(slot: child(key), codingPath: codingPath + [key])
        }
    }

    private struct UnkeyedContainer: UnkeyedEncodingContainer {
        let array: ReportNode.Array
        let codingPath: [any CodingKey]
        var count: Int { array.items.count }

        private func next() -> ReportNode.Slot {
            let slot = ReportNode.Slot()
            array.items.append(slot)
            return slot
        }

        mutating func encodeNil() throws { next().content = .value(.null) }

        mutating func encode<T: Encodable>(_ value: T) throws { try next().store(value, codingPath: codingPath) }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type
        ) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(KeyedContainer<NestedKey>(object: next().object(), codingPath: codingPath))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            UnkeyedContainer(array: next().array(), codingPath: codingPath)
        }

        mutating func superEncoder() -> any Encoder { ReportTreeEncoder(slot: next(), codingPath: codingPath) }
    }

    private struct SingleValueContainer: SingleValueEncodingContainer {
        let slot: ReportNode.Slot
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws { slot.content = .value(.null) }

        mutating func encode<T: Encodable>(_ value: T) throws { try slot.store(value, codingPath: codingPath) }
    }
}

extension ReportNode.Slot {
    fileprivate func store(_ value: some Encodable, codingPath: [any CodingKey]) throws {
        try ReportTreeEncoder.encode(value, into: self, codingPath: codingPath)
    }
}
