import Foundation

/// Checks dates before they are stored, and writes a time as one instant in UTC, so that equal
/// instants are one value and text comparison orders them by time.
///
/// Accepted: `YYYY-MM-DD`, or that followed by `THH:MM`, optional `:SS` (00 to 59: a leap second
/// cannot be ordered as text), and an optional `Z` or `±HH:MM` offset; a time without an offset is
/// taken as UTC. The date must exist in the calendar. A date alone is stored as given; a date with a
/// time is stored as `YYYY-MM-DDTHH:MM:SSZ`, so `2018-01-02T01:00+01:00` becomes `2018-01-02T00:00:00Z`.
public enum ISODate {
    /// The value as claimtrail stores it, or an error naming `field`.
    public static func validate(_ text: String, field: String = "date") throws -> String {
        let value = text.trimmed()
        guard let stored = normalized(value) else {
            throw ClaimTrailError.invalid(
                "bad \(field) “\(text)” (expected YYYY-MM-DD, optionally with THH:MM[:SS][Z|±HH:MM])"
            )
        }
        return stored
    }

    /// How far ahead of this machine's clock another's may run: a time up to this many seconds after
    /// now is taken as now, from a laptop whose clock is a little fast, not as the future.
    static let clockLeeway: TimeInterval = 300

    /// How far ahead of UTC the earliest time zone runs (UTC+14, Kiribati): a day that has begun
    /// somewhere is not in the future, since a date alone is a day where it was said or printed.
    static let earliestZoneOffset: TimeInterval = 14 * 3600

    /// `text` as `validate` stores it, refused when it lies in the future: something said, published
    /// or retracted cannot be (a typed `2062` for `2026` would head every timeline). A time may run
    /// `clockLeeway` ahead of this clock; a date alone may be the day that has begun in the earliest
    /// time zone.
    public static func validatePast(_ text: String, field: String, now: Date = Date()) throws -> String {
        let stored = try validate(text, field: field)
        let latest = stored.utf8.count == 10 ? now + earliestZoneOffset : now + clockLeeway
        guard !isLater(stored, than: stamp(latest)) else {
            throw ClaimTrailError.invalid("\(field) \(stored) is in the future (now is \(stamp(now)))")
        }
        return stored
    }

    /// A date a record arrives with (published, said, reviewed): refused in the future when the record
    /// is new input (`validatePast`), and taken as history, checked only as a date, when `kept` says a
    /// store held the record before: it arrives with that store's uid, from its export or a sync.
    /// A store may hold a later date than now, from before such dates were refused (or by a clock
    /// set wrong), and a copy of it must import as it is rather than fail on its own past; `check`
    /// lists such dates wherever they land (`StoreCheck.dateProblems`). A record without a uid is
    /// typed or written by hand, where `2062` for `2026` is the mistake this refusal catches.
    public static func validateArriving(_ text: String, field: String, kept: Bool) throws -> String {
        kept ? try validate(text, field: field) : try validatePast(text, field: field)
    }

    /// Whether a value as `validate` stores it is later than `now`: a date alone after that day
    /// (UTC), a time after that second. What is recorded, retracted or changed cannot be.
    static func isFuture(_ stored: String, now: Date = Date()) -> Bool {
        isLater(stored, than: stamp(now))
    }

    /// Whether a value as `validate` stores it is later than the time `stamp` (a date alone: its day).
    static func isLater(_ stored: String, than stamp: String) -> Bool {
        stored.utf8.count == 10 ? stored > stamp.prefix(10) : stored > stamp
    }

    /// `date` as the store writes a time, `YYYY-MM-DDTHH:MM:SSZ`, by arithmetic: an import checks a
    /// time on every row, and a date formatter costs microseconds to make.
    static func stamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let (days, second) = (seconds.floorDivided(by: 86_400), seconds.floorModulo(86_400))
        let day = civilDate(daysSinceEpoch: days)
        return digits(day.year, 4) + "-" + digits(day.month, 2) + "-" + digits(day.day, 2) + "T"
            + digits(second / 3600, 2) + ":" + digits(second / 60 % 60, 2) + ":" + digits(second % 60, 2) + "Z"
    }

    static func isValid(_ value: String) -> Bool {
        normalized(value) != nil
    }

    /// A valid date alone as it is; a valid date and time as the same instant in UTC; nil otherwise.
    static func normalized(_ value: String) -> String? {
        let bytes = Array(value.utf8)
        guard bytes.count >= 10, let year = number(bytes, 0, 4), bytes[4] == UInt8(ascii: "-"),
            let month = number(bytes, 5, 2), bytes[7] == UInt8(ascii: "-"),
            let day = number(bytes, 8, 2),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        guard bytes.count > 10 else { return value }
        guard let minutes = minutesIntoDay(Array(bytes[10...])) else { return nil }
        let total = daysSinceEpoch(year: year, month: month, day: day) * 1440 + minutes.local - minutes.offset
        let (days, minuteOfDay) = (total.floorDivided(by: 1440), total.floorModulo(1440))
        let date = civilDate(daysSinceEpoch: days)
        guard (0...9999).contains(date.year) else { return nil }
        return digits(date.year, 4) + "-" + digits(date.month, 2) + "-" + digits(date.day, 2) + "T"
            + digits(minuteOfDay / 60, 2) + ":" + digits(minuteOfDay % 60, 2) + ":" + digits(minutes.second, 2) + "Z"
    }

    /// `THH:MM[:SS][Z|±HH:MM]` as minutes after midnight, the second, and the offset's minutes east of UTC.
    private static func minutesIntoDay(_ bytes: [UInt8]) -> (local: Int, second: Int, offset: Int)? {
        guard bytes.count >= 6, bytes[0] == UInt8(ascii: "T"),
            let hour = number(bytes, 1, 2), hour < 24, bytes[3] == UInt8(ascii: ":"),
            let minute = number(bytes, 4, 2), minute < 60
        else { return nil }
        var rest = Array(bytes[6...])
        var second = 0
        if rest.first == UInt8(ascii: ":") {
            guard let value = number(rest, 1, 2), value < 60 else { return nil }
            second = value
            rest = Array(rest.dropFirst(3))
        }
        let local = hour * 60 + minute
        if rest.isEmpty || rest == [UInt8(ascii: "Z")] { return (local, second, 0) }
        guard rest.count == 6, rest[0] == UInt8(ascii: "+") || rest[0] == UInt8(ascii: "-"),
            let offsetHour = number(rest, 1, 2), offsetHour < 24, rest[3] == UInt8(ascii: ":"),
            let offsetMinute = number(rest, 4, 2), offsetMinute < 60
        else { return nil }
        let offset = offsetHour * 60 + offsetMinute
        return (local, second, rest[0] == UInt8(ascii: "+") ? offset : -offset)
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's `days_from_civil`).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear.floorDivided(by: 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `daysSinceEpoch` (Howard Hinnant's `civil_from_days`).
    private static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
    }

    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(width - text.count, 0)) + text
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

extension Int {
    /// Division rounding toward negative infinity, for days and minutes before 1970.
    fileprivate func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    fileprivate func floorModulo(_ divisor: Int) -> Int {
        self - floorDivided(by: divisor) * divisor
    }
}
