import Foundation

/// A buffered UTF-8 writer to standard output, to a file, or to a consumer of chunks.
///
/// A file is written through an `AtomicOutputFile` and moved into place on `close()`, so a
/// failed export never leaves a half-written report where the last good one was.
public final class TextOutput {
    private let handle: FileHandle?
    private var buffer: [UInt8] = []
    private let file: AtomicOutputFile?
    /// Where chunks go when there is no file handle: the server's response to a download.
    private let consume: (([UInt8]) throws -> Void)?
    private static let flushThreshold = 1 << 16

    public static func standardOutput() -> TextOutput {
        TextOutput(handle: .standardOutput, file: nil, consume: nil)
    }

    /// - Parameter store: the store the command has open, which the file must never replace.
    public static func file(atPath path: String, protecting store: String? = nil) throws -> TextOutput {
        let file = try AtomicOutputFile(replacing: path, store: store)
        let handle = FileHandle(fileDescriptor: file.descriptor, closeOnDealloc: false)
        return TextOutput(handle: handle, file: file, consume: nil)
    }

    /// Hands the text to `consume` in chunks of about 64 KiB as it is written, so that a report
    /// sent over the network is never held whole. An error `consume` throws (the receiver went
    /// away) stops the report.
    public static func chunks(_ consume: @escaping ([UInt8]) throws -> Void) -> TextOutput {
        TextOutput(handle: nil, file: nil, consume: consume)
    }

    private init(handle: FileHandle?, file: AtomicOutputFile?, consume: (([UInt8]) throws -> Void)?) {
        self.handle = handle
        self.file = file
        self.consume = consume
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

    /// Lets `body` append bytes straight to the buffer: a record written field by field, with
    /// no string built for it.
    func append(_ body: (inout [UInt8]) throws -> Void) throws {
        try body(&buffer)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        if let consume {
            try consume(buffer)
            buffer.removeAll(keepingCapacity: true)
            return
        }
        do {
            try handle?.write(contentsOf: buffer)
        } catch {
            throw ClaimTrailError.invalid(
                "cannot write \(file?.path ?? "standard output"): \(error.localizedDescription)"
            )
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, and for a file moves it into place in one atomic step. A file dropped without
    /// `close()` (an error interrupted the report) is discarded by its `AtomicOutputFile`.
    public func close() throws {
        try flush()
        try file?.commit()
    }
}
