import Foundation

/// Makes version 7 uids that increase strictly within one process, even when many are made in one
/// millisecond (an import makes thousands): RFC 9562's method 1, the 12 bits after the version a
/// counter that starts at a random value each millisecond, and borrows the next millisecond when full.
final class UIDGenerator: @unchecked Sendable {
    private let lock = NSLock()
    private var lastMilliseconds: UInt64 = 0
    private var counter: UInt16 = 0

    func next(milliseconds now: UInt64) -> UID {
        lock.lock()
        defer { lock.unlock() }
        if now > lastMilliseconds {
            lastMilliseconds = now
            // A random start that leaves room for at least 2048 more in this millisecond.
            counter = UInt16.random(in: 0..<0x800)
        } else if counter < 0xfff {
            counter += 1
        } else {
            lastMilliseconds += 1
            counter = 0
        }
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: lastMilliseconds >> (8 * (5 - index))) }
        bytes[6] = 0x70 | UInt8(counter >> 8)
        bytes[7] = UInt8(truncatingIfNeeded: counter)
        // One draw from the system's generator for all eight bytes: each draw is a system call,
        // and drawn byte by byte they were a twentieth of a large import's time.
        let random = UInt64.random(in: .min ... .max)
        for index in 8..<16 { bytes[index] = UInt8(truncatingIfNeeded: random >> (8 * (index - 8))) }
        bytes[8] = 0x80 | (bytes[8] & 0x3f)
        return UID.formatted(bytes)
    }
}
