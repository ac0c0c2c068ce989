import Foundation

/// The temporary files in progress, removed if the process is stopped by SIGINT, SIGTERM,
/// SIGHUP or SIGPIPE, so that an interrupted `export --out` or `backup` leaves nothing behind.
///
/// A signal handler may only call async-signal-safe functions, so the paths are kept as C
/// strings in a fixed table that the handler reads without allocating, locking or reference
/// counting; it unlinks each, restores the signal's default action and raises it again, so the
/// process still ends as the signal says (exit status 128 + N in a shell).
enum TemporaryFiles {
    /// More than any command holds at once (`generate` writes six files).
    private static let capacity = 64
    nonisolated(unsafe) private static let paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        table.initialize(repeating: nil, count: capacity)
        return table
    }()
    nonisolated(unsafe) private static var handlersInstalled = false
    private static let signals = [SIGINT, SIGTERM, SIGHUP, SIGPIPE]

    /// Adds `path` to the files removed on a signal. Past the table's size a file is still
    /// removed on every error path, only not on a signal.
    static func register(_ path: String) {
        installHandlers()
        guard let slot = (0..<capacity).first(where: { paths[$0] == nil }) else { return }
        paths[slot] = strdup(path)
    }

    /// Takes `path` off the list: it was renamed into place or removed.
    static func unregister(_ path: String) {
        for slot in 0..<capacity {
            guard let registered = paths[slot], strcmp(registered, path) == 0 else { continue }
            paths[slot] = nil  // first out of the handler's sight, then freed
            free(registered)
        }
    }

    /// Installs the handler once, for each signal that is not ignored: a process started with
    /// SIGPIPE ignored (as by some shells and supervisors) keeps ignoring it.
    private static func installHandlers() {
        guard !handlersInstalled else { return }
        handlersInstalled = true
        for signal in signals {
            var previous = sigaction()
            guard sigaction(signal, nil, &previous) == 0, !isIgnore(previous.__sigaction_handler.sa_handler) else {
                continue
            }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = removeAndReraise
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }

    /// Whether a handler is SIG_IGN; C function pointers are compared by address.
    private static func isIgnore(_ handler: __sighandler_t?) -> Bool {
        unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    private static let removeAndReraise: @convention(c) (Int32) -> Void = { signal in
        for slot in 0..<TemporaryFiles.capacity {
            if let path = TemporaryFiles.paths[slot] { unlink(path) }
        }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        sigaction(signal, &action, nil)
        raise(signal)
    }
}
