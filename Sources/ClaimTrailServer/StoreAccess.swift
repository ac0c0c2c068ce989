import ClaimTrail
import NIOConcurrencyHelpers
import NIOPosix

/// How request handlers reach the store. `ClaimStore` is one blocking SQLite connection for one
/// thread at a time, and async handlers run on the event loops, which must never block. So every
/// store call runs on a thread pool instead:
///
/// - reads on `readers` threads, each taking an idle read connection (or opening one), so at most
///   `readers` read connections exist; each call is one read transaction, one snapshot;
/// - writes on ONE thread with ONE connection, so the server's writes queue here, in order,
///   instead of on SQLite's lock (the CLI's writes still wait on the lock's busy timeout).
public final class StoreAccess: Sendable {
    /// One connection, used by one pool thread at a time: the pools hand it over, never share it.
    private final class Connection: @unchecked Sendable {
        let store: ClaimStore
        init(_ store: ClaimStore) { self.store = store }
    }

    public let path: String
    private let writer: Connection
    private let idleReaders: NIOLockedValueBox<[Connection]>
    private let readPool: NIOThreadPool
    private let writePool: NIOThreadPool

    /// Opens the store, which must exist and not be newer than this claimtrail: the same one-line
    /// errors as every command, before the server listens.
    public init(path: String, readers: Int) throws {
        self.path = path
        writer = Connection(try ClaimStore.open(at: path))
        idleReaders = NIOLockedValueBox([])
        readPool = NIOThreadPool(numberOfThreads: max(readers, 1))
        writePool = NIOThreadPool(numberOfThreads: 1)
        readPool.start()
        writePool.start()
    }

    /// Runs `body` in one read transaction on a read connection.
    public func read<T: Sendable>(_ body: @escaping @Sendable (ClaimStore) throws -> T) async throws -> T {
        try await readPool.runIfActive {
            let connection = try self.idleReaders.withLockedValue { $0.popLast() } ?? self.openReader()
            defer { self.idleReaders.withLockedValue { $0.append(connection) } }
            return try connection.store.read { try body(connection.store) }
        }
    }

    /// A read connection that maps the store file into memory: a page read is then a memory
    /// access, not a `pread` system call copying the page, which was an eighth of a claim page's
    /// cost. Reads only: SQLite writes through the file either way. Opened from the writer's
    /// connection, never by inspecting the file again, which would drop the writer's locks
    /// (`ClaimStore.anotherConnection`).
    private func openReader() throws -> Connection {
        let store = try writer.store.anotherConnection()
        try store.database.execute("PRAGMA mmap_size = \(Self.mappedBytes)")
        return Connection(store)
    }

    /// How much of the store a read connection maps: all of a store of 10M attributions.
    private static let mappedBytes = 8 << 30

    /// Runs `body` in one write transaction on the write connection, after every write before it.
    public func write<T: Sendable>(_ body: @escaping @Sendable (ClaimStore) throws -> T) async throws -> T {
        try await writePool.runIfActive {
            try self.writer.store.write { try body(self.writer.store) }
        }
    }

    /// Lets the calls under way finish, then stops the threads.
    public func shutdown() async throws {
        try await readPool.shutdownGracefully()
        try await writePool.shutdownGracefully()
    }
}
