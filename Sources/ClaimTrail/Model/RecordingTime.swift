import Foundation

/// A moment in the store's own history (`--as-of`): when things were recorded, not when they
/// were said (`--date`). The store keeps time to the second (`recorded_at`, `changed_at`), so a
/// moment is a whole second, in UTC, and includes everything recorded during that second.
///
/// Accepted: the forms `--date` takes (`ISODate`). A date alone means the end of that day, UTC:
/// `--as-of 2024-03-01` is what the store held when that day was over.
public struct RecordingTime: Equatable, Sendable, CustomStringConvertible {
    /// `YYYY-MM-DDTHH:MM:SSZ`, as `recorded_at` and `changed_at` are written, so text comparison orders it.
    public let text: String
    /// Whether it was given as a date alone (the end of that day).
    public let isWholeDay: Bool

    public var description: String { text }

    /// Parses `--as-of`; a bad value is one line naming the option.
    public init(_ argument: String) throws {
        guard let stored = ISODate.normalized(argument.trimmed()) else {
            throw ClaimTrailError.invalid(
                "bad --as-of “\(argument)” (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM], UTC if no offset)"
            )
        }
        isWholeDay = stored.count == 10
        text = isWholeDay ? stored + "T23:59:59Z" : stored
    }

    /// Milliseconds since 1970 at the end of this second: a uid (version 7) made up to then has a
    /// time no later, so records without a timestamp column are dated by their uid.
    var lastMillisecond: Int64 {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let seconds = Int64(formatter.date(from: text)?.timeIntervalSince1970 ?? 0)
        return seconds * 1000 + 999
    }

    /// The first 12 hex digits of a uid (its 48-bit millisecond time, uid text without the dash)
    /// made at `lastMillisecond`: a uid whose prefix compares greater was made later.
    var uidTimePrefix: String {
        let hex = String(lastMillisecond, radix: 16)
        return String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    }

    /// Refuses a moment still to come: the store cannot show what it has not recorded yet. A date
    /// alone may be today (its end is then now).
    func requirePast(now: Date = Date()) throws {
        guard !ISODate.isFuture(shown, now: now) else {
            throw ClaimTrailError.invalid(
                "--as-of \(shown) is in the future (now is \(ISODate.stamp(now))); nothing to show"
            )
        }
    }

    /// The moment as the user gave it: a day, or a time.
    var shown: String { isWholeDay ? String(text.prefix(10)) : text }
}
