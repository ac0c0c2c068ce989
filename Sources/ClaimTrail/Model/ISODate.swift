import Foundation

/// Checks dates before they are stored, so that text comparison orders them correctly.
///
/// Accepted: `YYYY-MM-DD`, or that followed by `THH:MM`, optional `:SS`, and an optional
/// `Z` or `±HH:MM` offset. The date must exist in the calendar.
public enum ISODate {
    public static func validate(_ text: String, field: String = "date") throws -> String {
        let value = text.trimmed()
        guard isValid(value) else {
            throw ClaimTrailError.invalid(
                "bad \(field) “\(text)” (expected YYYY-MM-DD, optionally with THH:MM[:SS][Z|±HH:MM])"
            )
        }
        return value
    }

    static func isValid(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count >= 10, let year = number(bytes, 0, 4), bytes[4] == UInt8(ascii: "-"),
            let month = number(bytes, 5, 2), bytes[7] == UInt8(ascii: "-"),
            let day = number(bytes, 8, 2),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return false }
        return bytes.count == 10 || isValidTime(Array(bytes[10...]))
    }

    private static func isValidTime(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 6, bytes[0] == UInt8(ascii: "T"),
            let hour = number(bytes, 1, 2), hour < 24, bytes[3] == UInt8(ascii: ":"),
            let minute = number(bytes, 4, 2), minute < 60
        else { return false }
        var rest = bytes[6...]
        if rest.first == UInt8(ascii: ":") {
            guard rest.count >= 3, let second = number(Array(rest), 1, 2), second < 61 else { return false }
            rest = rest.dropFirst(3)
        }
        if rest.isEmpty || Array(rest) == [UInt8(ascii: "Z")] { return true }
        let offset = Array(rest)
        return offset.count == 6 && (offset[0] == UInt8(ascii: "+") || offset[0] == UInt8(ascii: "-"))
            && (number(offset, 1, 2) ?? 99) < 24 && offset[3] == UInt8(ascii: ":")
            && (number(offset, 4, 2) ?? 99) < 60
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ length: Int) -> Int? {
        guard start + length <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<start + length] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
