import ArgumentParser
import ClaimTrail

/// `--as-of`, on the reports that can show the store as it was recorded at a moment: what the
/// desk knew then (recording time), not what was said then (`--date`).
struct PastOptions: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Show the store as it was recorded at this moment (UTC; a date alone is the end of that day).",
            valueName: "timestamp"
        )
    )
    var asOf: String?

    /// The moment asked for, or nil for now; a bad one is an error of its own (exit 1), not a usage error.
    var time: RecordingTime? { get throws { try asOf.map(RecordingTime.init) } }
}

extension StoreOptions {
    /// `read`, as the store was recorded at `past`'s moment.
    func read<T>(_ past: PastOptions, _ body: (ClaimStore) throws -> T) throws -> T {
        let time = try past.time
        let store = try open()
        return try store.read(asOf: time) { try body(store) }
    }
}
