import Foundation

/// Rows done, rate and time left, on one line of stderr that a long import or export rewrites in
/// place, as sqlite-utils and csvkit users expect. Nothing is written in the first second, so
/// quick commands stay silent, nor when there is nowhere to write (`write` nil: stderr is not a
/// terminal, or `--quiet`), so that logs and pipes never get carriage returns.
public final class ProgressLine {
    private let noun: String
    private let write: ((String) -> Void)?
    private let started = Date()
    private var shownAt: TimeInterval?

    /// - Parameters:
    ///   - noun: what is counted, in the plural ("attributions").
    ///   - write: where the line goes; nil shows nothing.
    public init(counting noun: String, write: ((String) -> Void)?) {
        self.noun = noun
        self.write = write
    }

    /// Shows `done`, at most four times a second. `fraction` is how much of the work is done
    /// (0…1), when known, for the time left.
    public func update(_ done: Int, fraction: Double? = nil) {
        guard let write, done % 256 == 0 else { return }
        let elapsed = -started.timeIntervalSinceNow
        guard elapsed >= 1, elapsed - (shownAt ?? 0) >= 0.25 else { return }
        shownAt = elapsed
        write("\r" + Self.line(done: done, noun: noun, elapsed: elapsed, fraction: fraction) + "\u{1B}[K")
    }

    /// Shows the step a long run of a few steps is at ("claim counters, step 2 of 7 · 14 s"), for
    /// work such as `check` whose statements each read the whole store and count no rows. As with
    /// rows, nothing is shown in the first second.
    public func step(_ name: String, _ number: Int, of steps: Int) {
        guard let write else { return }
        let elapsed = -started.timeIntervalSinceNow
        guard elapsed >= 1 else { return }
        shownAt = elapsed
        write("\r\(name), step \(number) of \(steps) · \(Self.duration(elapsed))\u{1B}[K")
    }

    /// Clears the line, if one was shown, so that what follows starts on a clean line.
    public func finish() {
        guard let write, shownAt != nil else { return }
        write("\r\u{1B}[K")
    }

    /// "250,000 attributions · 41,000/s · 12 s left": the rate is over the whole run so far, and
    /// the time left is the rest of `fraction` at that pace.
    public static func line(done: Int, noun: String, elapsed: TimeInterval, fraction: Double?) -> String {
        let rate = elapsed > 0 ? Int((Double(done) / elapsed).rounded()) : 0
        var parts = ["\(grouped(done)) \(noun)", "\(grouped(rate))/s"]
        if let fraction, fraction > 0, fraction <= 1 {
            parts.append("\(duration(elapsed * (1 - fraction) / fraction)) left")
        }
        return parts.joined(separator: " · ")
    }

    /// Thousands separated by commas, whatever the locale, like the rest of claimtrail's output.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return (number < 0 ? "-" : "") + text
    }

    /// "42 s", "3 min 05 s", "1 h 02 min".
    static func duration(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min \(String(format: "%02d", whole % 60)) s" }
        return "\(whole / 3600) h \(String(format: "%02d", whole % 3600 / 60)) min"
    }
}
