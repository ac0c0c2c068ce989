import Foundation

/// A record's stable id: a UUID version 7 (RFC 9562), written in canonical lower-case text.
///
/// Integer ids are the store's own: an export → import renumbers them. A uid is given once, when
/// the record is created, travels with it in every export, and never changes, so two stores (or last
/// week's published report) can name the same record. Version 7 puts the creation time in the first
/// 48 bits, so uids sort in the order they were made.
public struct UID: Hashable, Sendable, CustomStringConvertible {
    /// The canonical form: `xxxxxxxx-xxxx-7xxx-[89ab]xxx-xxxxxxxxxxxx`, lower case.
    public let text: String

    public var description: String { text }

    /// Checks the canonical text of a version 7 UUID. Upper case is accepted and lowered.
    public init?(_ text: String) {
        let lowered = text.lowercased()
        let bytes = Array(lowered.utf8)
        guard bytes.count == 36 else { return nil }
        for (index, byte) in bytes.enumerated() {
            let isHex = (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
            switch index {
            case 8, 13, 18, 23: guard byte == UInt8(ascii: "-") else { return nil }
            case 14: guard byte == UInt8(ascii: "7") else { return nil }
            case 19: guard "89ab".utf8.contains(byte) else { return nil }
            default: guard isHex else { return nil }
            }
        }
        self.text = lowered
    }

    /// The uid in `text`, or a one-line error naming what was given.
    public static func parse(_ text: String) throws -> UID {
        guard let uid = UID(text) else {
            throw ClaimTrailError.invalid(
                "“\(text)” is not a uid (a UUID version 7: xxxxxxxx-xxxx-7xxx-[89ab]xxx-xxxxxxxxxxxx)"
            )
        }
        return uid
    }

    /// The milliseconds since 1970 in the first 48 bits.
    public var milliseconds: UInt64 {
        let hex = text.utf8.filter { $0 != UInt8(ascii: "-") }.prefix(12)
        return UInt64(String(decoding: hex, as: UTF8.self), radix: 16) ?? 0
    }

    /// A new uid stamped with the current time.
    public static func make() -> UID {
        generator.next(milliseconds: UInt64(max(Date().timeIntervalSince1970 * 1000, 0)))
    }

    /// The 16 bytes of a version 7 UUID as text.
    static func formatted(_ bytes: [UInt8]) -> UID {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if [4, 6, 8, 10].contains(index) { text.append(UInt8(ascii: "-")) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return UID(unchecked: String(decoding: text, as: UTF8.self))
    }

    private init(unchecked text: String) {
        self.text = text
    }

    private static let generator = UIDGenerator()
}
