import Foundation

/// A part of a report written out of order: text kept in an anonymous temporary file until the
/// report reaches its place, so that a report whose parts come from one pass over the rows (the
/// edges of a DOT graph, the relations of a PROV document) still holds only a buffer in memory.
///
/// The file comes from `tmpfile()`: it has no name, so nothing is left behind however the
/// process ends (SIGKILL included), and it is gone when closed. A reader that wants a path (a
/// sync reads the other store's export back as an import file) opens it through /proc/self/fd.
final class SpillFile {
    private let file: UnsafeMutablePointer<FILE>
    /// Whether anything was written: an empty part is often left out of a report.
    private(set) var isEmpty = true

    init() throws {
        guard let file = tmpfile() else {
            throw ClaimTrailError.invalid("cannot create a temporary file: \(String(cString: strerror(errno)))")
        }
        self.file = file
    }

    deinit { fclose(file) }

    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Writes bytes as they come, such as a `TextOutput`'s chunks, which may split a character.
    func write(bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write(bytes: $0) }
    }

    private func write(bytes: UnsafeRawBufferPointer) throws {
        guard !bytes.isEmpty else { return }
        isEmpty = false
        guard fwrite(bytes.baseAddress, 1, bytes.count, file) == bytes.count else { throw Self.failure("write") }
    }

    /// Writes `bytes` as one record, which `forEachRecord` gives back whole: its length, then
    /// its bytes.
    func writeRecord(_ bytes: [UInt8]) throws {
        try withUnsafeBytes(of: UInt32(bytes.count).littleEndian) { try write(bytes: $0) }
        try write(bytes: bytes)
    }

    /// Passes each record `writeRecord` wrote, from the start, to `body`; its bytes are valid
    /// only while `body` runs.
    func forEachRecord(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard fflush(file) == 0, fseek(file, 0, SEEK_SET) == 0 else { throw Self.failure("read") }
        var length: UInt32 = 0
        var record = [UInt8](repeating: 0, count: 1 << 12)
        while withUnsafeMutableBytes(of: &length, { fread($0.baseAddress, 4, 1, file) }) == 1 {
            let count = Int(UInt32(littleEndian: length))
            if record.count < count { record = [UInt8](repeating: 0, count: count) }
            try record.withUnsafeMutableBytes { bytes in
                guard count == 0 || fread(bytes.baseAddress, count, 1, file) == 1 else { throw Self.failure("read") }
                try body(UnsafeRawBufferPointer(rebasing: bytes[..<count]))
            }
        }
        guard ferror(file) == 0 else { throw Self.failure("read") }
    }

    /// A path that opens the file anew, from its start, with everything written so far (Linux).
    func readablePath() throws -> String {
        guard fflush(file) == 0 else { throw Self.failure("write") }
        return "/proc/self/fd/\(fileno(file))"
    }

    /// Passes everything written, from the start, to `emit` in chunks of whole characters.
    func copy(to emit: (String) throws -> Void) throws {
        guard fflush(file) == 0, fseek(file, 0, SEEK_SET) == 0 else { throw Self.failure("read") }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var carried: [UInt8] = []
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 { break }
            var bytes = carried + chunk[..<count]
            // A chunk may end inside a UTF-8 sequence: its start waits for the next chunk.
            let complete = Self.completePrefix(bytes)
            carried = Array(bytes[complete...])
            bytes.removeSubrange(complete...)
            try emit(String(decoding: bytes, as: UTF8.self))
        }
        guard ferror(file) == 0 else { throw Self.failure("read") }
        if !carried.isEmpty { try emit(String(decoding: carried, as: UTF8.self)) }
    }

    /// The length of `bytes` up to the start of an unfinished UTF-8 sequence at its end.
    private static func completePrefix(_ bytes: [UInt8]) -> Int {
        var start = bytes.count
        // Back over at most three continuation bytes to the sequence's first byte.
        while start > 0, bytes.count - start < 4, bytes[start - 1] & 0xC0 == 0x80 { start -= 1 }
        guard start > 0 else { return bytes.count }
        let lead = bytes[start - 1]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return bytes.count - (start - 1) >= length ? bytes.count : start - 1
    }

    private static func failure(_ what: String) -> ClaimTrailError {
        .invalid("cannot \(what) a temporary file: \(String(cString: strerror(errno)))")
    }
}
