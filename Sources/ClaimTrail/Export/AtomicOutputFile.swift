import Foundation

/// A file that appears at its path only once complete: every output named on the command line
/// (`export --out`, `backup`, `generate --out`) is written through one.
///
/// It is written to a temporary file in the same folder, created with an unpredictable name,
/// exclusively and without following a link (`O_CREAT | O_EXCL | O_NOFOLLOW`), so a link planted
/// at a guessable name cannot redirect the write. `commit()` renames it over the path. Before
/// anything is written, and again before the rename, the path is refused when it is the store
/// itself (its file by device and inode, whatever the path looks like; its `-wal`, `-shm` or
/// `-journal` by name in the store's folder, whether or not SQLite has created it yet, since a
/// file planted at that name is taken for the store's journal) or something other than a regular
/// file: a device, a FIFO, a folder, or a link to one. The temporary file is removed on every
/// error and on SIGINT, SIGTERM, SIGHUP and SIGPIPE.
public final class AtomicOutputFile {
    /// Where the file appears on `commit()`.
    public let path: String
    /// The file being written, beside `path`.
    public let temporaryPath: String
    /// Open for writing until `commit()` or `closeDescriptor()`.
    public private(set) var descriptor: Int32
    /// The store the command has open, whose files must never be replaced.
    private let store: String?
    /// The temporary file and the files another library keeps beside it (SQLite's `-wal`),
    /// all removed with it.
    private let temporaryFiles: [String]
    private var isFinished = false

    /// - Parameters:
    ///   - store: the path of the store the command has open, which must never be replaced.
    ///   - sidecars: suffixes of files that may appear beside the temporary file while it is
    ///     written (`-wal`, `-shm` for an SQLite file), removed with it on an error or a signal.
    public init(replacing path: String, store: String? = nil, sidecars: [String] = []) throws {
        guard !path.isEmpty else { throw ClaimTrailError.invalid("an output path cannot be empty") }
        self.path = path
        self.store = store
        try Self.checkReplaceable(path, protecting: store)
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var created: (path: String, descriptor: Int32)?
        for _ in 0..<16 where created == nil {
            let candidate = folder + "/." + url.lastPathComponent + "." + Self.randomName() + ".partial"
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if descriptor >= 0 {
                created = (candidate, descriptor)
            } else if errno != EEXIST {
                throw Self.failure(path)
            }
        }
        guard let created else { throw ClaimTrailError.invalid("cannot write \(path): no free temporary name") }
        (temporaryPath, descriptor) = created
        temporaryFiles = [created.path] + sidecars.map { created.path + $0 }
        temporaryFiles.forEach(TemporaryFiles.register)
    }

    deinit {
        // Dropped without `commit()`: an error interrupted the output, so discard the partial file.
        if !isFinished { discard() }
    }

    /// Closes this process's descriptor, for a file that another library opens by its path
    /// (SQLite, for a backup): closing a descriptor later would drop that library's locks.
    public func closeDescriptor() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    /// Moves the complete file into place in one atomic step.
    public func commit() throws {
        closeDescriptor()
        do {
            try Self.checkReplaceable(path, protecting: store)
        } catch {
            discard()
            throw error
        }
        guard rename(temporaryPath, path) == 0 else {
            let error = Self.failure(path)
            discard()
            throw error
        }
        isFinished = true
        temporaryFiles.forEach(TemporaryFiles.unregister)
    }

    /// Removes the temporary file (and its sidecars); the path is left as it was.
    public func discard() {
        closeDescriptor()
        for file in temporaryFiles {
            unlink(file)
            TemporaryFiles.unregister(file)
        }
        isFinished = true
    }

    /// Refuses a path that must not be replaced. A missing path is fine, and so is a link to a
    /// regular file: the rename replaces the link, not what it points at.
    private static func checkReplaceable(_ path: String, protecting store: String?) throws {
        if let store, isJournal(path, of: store) {
            throw ClaimTrailError.invalid("\(path) is the store itself; write the output to another file")
        }
        var target = stat()
        guard stat(path, &target) == 0 else {
            // Nothing there, or a dangling link: replacing it harms nothing.
            guard errno == ENOENT else { throw failure(path) }
            return
        }
        var protected = stat()
        if let store, stat(store, &protected) == 0, protected.st_dev == target.st_dev,
            protected.st_ino == target.st_ino
        {
            throw ClaimTrailError.invalid("\(path) is the store itself; write the output to another file")
        }
        guard target.st_mode & S_IFMT == S_IFREG else {
            throw ClaimTrailError.invalid(
                "\(path) exists and is not a regular file (\(kind(of: target))); not replaced"
            )
        }
    }

    /// Whether `path` names the store's `-wal`, `-shm` or `-journal`: its name is the store's name
    /// (as given, or with links resolved, as SQLite resolves them) plus one of those suffixes, in the
    /// same folder, compared by device and inode so that any spelling of the folder is caught.
    private static func isJournal(_ path: String, of store: String) -> Bool {
        let output = URL(fileURLWithPath: path)
        let stores = [URL(fileURLWithPath: store), URL(fileURLWithPath: store).resolvingSymlinksInPath()]
        return stores.contains { store in
            ["-wal", "-shm", "-journal"].contains { output.lastPathComponent == store.lastPathComponent + $0 }
                && isSameFolder(output.deletingLastPathComponent().path, store.deletingLastPathComponent().path)
        }
    }

    private static func isSameFolder(_ first: String, _ second: String) -> Bool {
        var one = stat()
        var other = stat()
        return stat(first, &one) == 0 && stat(second, &other) == 0 && one.st_dev == other.st_dev
            && one.st_ino == other.st_ino
    }

    private static func kind(of status: stat) -> String {
        switch status.st_mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        default: "not a plain file"
        }
    }

    /// 16 hex digits from the system's random source: not guessable by another user.
    private static func randomName() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next()
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static func failure(_ path: String) -> ClaimTrailError {
        ClaimTrailError.invalid("cannot write \(path): \(String(cString: strerror(errno)))")
    }
}
