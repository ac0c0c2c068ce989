import Foundation

/// A buffered UTF-8 writer to standard output or to a file.
///
/// A file is written beside its destination and moved into place on `close()`, so a failed
/// export never leaves a half-written report where the last good one was.
public final class TextOutput {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let destination: (temporary: String, final: String)?
    private static let flushThreshold = 1 << 16

    public static func standardOutput() -> TextOutput {
        TextOutput(handle: .standardOutput, destination: nil)
    }

    public static func file(atPath path: String) throws -> TextOutput {
        let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw ClaimTrailError.invalid("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        return TextOutput(
            handle: FileHandle(fileDescriptor: descriptor, closeOnDealloc: true),
            destination: (temporary, path)
        )
    }

    private init(handle: FileHandle, destination: (temporary: String, final: String)?) {
        self.handle = handle
        self.destination = destination
    }

    deinit {
        // Closed without `close()`: an error interrupted the report, so discard the partial file.
        if let destination { try? FileManager.default.removeItem(atPath: destination.temporary) }
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Writes one CSV record.
    public func writeCSV(_ fields: [String], cells: CSV.Cells) throws {
        CSV.append(fields, cells: cells, to: &buffer)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw ClaimTrailError.invalid(
                "cannot write \(destination?.final ?? "standard output"): \(error.localizedDescription)"
            )
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, and for a file moves it into place in one atomic step.
    public func close() throws {
        try flush()
        guard let destination else { return }
        try? handle.close()
        guard rename(destination.temporary, destination.final) == 0 else {
            throw ClaimTrailError.invalid("cannot write \(destination.final): \(String(cString: strerror(errno)))")
        }
    }
}
