import ArgumentParser

/// A count given on the command line (`--limit`, `--claims`, …): a whole number from 0 to
/// `maximum`. Every command reads its counts through this type, so a negative or absurd number is
/// refused once, here, as a bad command line (exit 64), before any code could trap on it.
struct Count: ExpressibleByArgument, ExpressibleByIntegerLiteral, Sendable {
    /// Far above any real list or benchmark, and small enough for any arithmetic done with it.
    static let maximum = 100_000_000

    let value: Int

    init(integerLiteral value: Int) {
        self.value = value
    }

    init?(argument: String) {
        guard let value = Int(argument), (0...Self.maximum).contains(value) else { return nil }
        self.value = value
    }

    var defaultValueDescription: String { String(value) }

    /// The count as a limit on rows, where 0 means no limit.
    var rowLimit: Int? { value == 0 ? nil : value }
}
