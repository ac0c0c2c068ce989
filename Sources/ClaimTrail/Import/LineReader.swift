import Foundation

/// Reads a file line by line through one buffer, so that a JSON Lines import holds a chunk of
/// the file at a time, not the whole file: a 10-million-line file is 3.5 GB.
enum LineReader {
    /// Calls `body` with each line's number (from 1) and bytes, without its line feed. The bytes
    /// are only valid during the call.
    /// - Parameter chunkSize: the buffer's size; it doubles for a line longer than it.
    static func forEachLine(
        ofFileAt path: String,
        chunkSize: Int = 1 << 20,
        _ body: (Int, UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let descriptor = try RegularFile.open(path)
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var filled = 0
        var lineNumber = 0
        var atEnd = false
        while !atEnd {
            let count = try buffer.withUnsafeMutableBytes { bytes in
                let count = read(descriptor, bytes.baseAddress! + filled, bytes.count - filled)
                guard count >= 0 else { throw ClaimTrailError.invalid("\(path): cannot be read") }
                return count
            }
            filled += count
            atEnd = count == 0
            // Every complete line in the buffer; at the end, what follows the last line feed too.
            let consumed = try buffer.withUnsafeBytes { bytes in
                var start = 0
                while start < filled,
                    let end = bytes[start..<filled].firstIndex(of: UInt8(ascii: "\n")) ?? (atEnd ? filled : nil)
                {
                    lineNumber += 1
                    try body(lineNumber, UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                    start = end + 1
                }
                return min(start, filled)
            }
            // Keep the unfinished line at the front, and make room when it fills the buffer.
            buffer.withUnsafeMutableBytes { bytes in
                bytes.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[consumed..<filled]))
            }
            filled -= consumed
            if filled == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
        }
    }
}
