extension ClaimStore {
    /// Runs `body` with a 64 MiB page cache, then gives back the one the connection had.
    ///
    /// Work that touches index pages all over the store (an import, a merge or deletion that moves
    /// tens of thousands of attributions) rereads and, in WAL mode, spills and rewrites its pages
    /// with SQLite's 2 MiB default: a 41k-row claim merge at 1M spent two thirds of its CPU time in
    /// the kernel doing so, and a third with this cache. Other commands read a few hundred pages
    /// and keep the default: a cache that only grows takes a fresh page of memory, faulted in and
    /// zeroed, for every page read, which cost a 10M trace 2 ms.
    func withLargePageCache<T>(_ body: () throws -> T) throws -> T {
        let cacheSize = try database.prepare("PRAGMA cache_size").first { $0.int(0) } ?? -2000
        try database.executeScript("PRAGMA cache_size = -65536")
        defer { try? database.executeScript("PRAGMA cache_size = \(cacheSize)") }
        return try body()
    }
}
