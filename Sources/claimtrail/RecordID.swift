import ArgumentParser

/// A stored record's id given as an option's value (`--via 12`, `--counters 3`): a whole number from
/// 1, as SQLite gives them. Zero or a negative number names nothing, and is refused as a bad command
/// line, in words (`NegativeNumbers`), rather than looked up.
struct RecordID: ExpressibleByArgument, Sendable {
    let value: Int64

    init?(argument: String) {
        guard let value = Int64(argument), value > 0 else { return nil }
        self.value = value
    }
}
