import ClaimTrail
import Dispatch
import Hummingbird
import NIOConcurrencyHelpers

extension StoreAccess {
    /// A response body that a report writes as it reads, in one read transaction on a read
    /// thread: each chunk of about 64 KiB goes to the client before the next is made, so a
    /// download of the whole store holds a few chunks in memory, never the report.
    ///
    /// The headers (200) are sent before the report is read, so a failure part way (the store
    /// is damaged, the client went away) cannot become an error page: the response is cut short
    /// instead, without its last chunk, and an HTTP client reports it as incomplete rather than
    /// keeping half a report as if whole.
    func stream(_ report: @escaping @Sendable (ClaimStore, TextOutput) throws -> Void) -> ResponseBody {
        ResponseBody { writer in
            let (chunks, continuation) = AsyncThrowingStream.makeStream(of: ByteBuffer.self)
            let credit = ChunkCredit(chunks: 4)
            let producer = Task {
                do {
                    try await self.read { store in
                        let output = TextOutput.chunks { bytes in
                            try credit.take()
                            continuation.yield(ByteBuffer(bytes: bytes))
                        }
                        try report(store, output)
                        try output.close()
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            // However this ends, the read thread must not wait for credit that will never come.
            defer { credit.cancel() }
            for try await chunk in chunks {
                try await writer.write(chunk)
                credit.give()
            }
            await producer.value
            try await writer.finish(nil)
        }
    }
}

/// How many chunks the report may make ahead of the client: the read thread blocks (it is not an
/// event loop) until the client has taken one, so a slow client slows the report instead of
/// letting it pile up in memory.
private final class ChunkCredit: Sendable {
    private let available: DispatchSemaphore
    private let cancelled = NIOLockedValueBox(false)

    init(chunks: Int) { available = DispatchSemaphore(value: chunks) }

    /// Waits for room for one more chunk; throws once the client is gone.
    func take() throws {
        available.wait()
        if cancelled.withLockedValue({ $0 }) { throw CancellationError() }
    }

    func give() { available.signal() }

    /// Wakes a waiting `take`, and every later one, to throw.
    func cancel() {
        cancelled.withLockedValue { $0 = true }
        available.signal()
    }
}
