import Foundation

/// A file that appears at its path only once complete: every output named on the command line
/// (`export --out`, `backup`, `generate --out`) is written through one.
///
/// It is written to a temporary file in the same folder, created with an unpredictable name,
/// exclusively and without following a link (`O_CREAT | O_EXCL | O_NOFOLLOW`), so a link planted
/// at a guessable name cannot redirect the write. `commit()` renames it over the path. Before
/// anything is written, and again before the rename, the path is refused when it is the store
/// itself (its file, or its `-wal`, `-shm` or `-journal`, by device and inode, whatever the path
/// looks like) or something other than a regular file: a device, a FIFO, a folder, or a link to
/// one. The temporary file is removed on every error and on SIGINT, SIGTERM, SIGHUP and SIGPIPE.
public final class AtomicOutputFile {
    /// Where the file appears on `commit()`.
    public let path: String
    /// The file being written, beside `path`.
    public let temporaryPath: String
    /// Open for writing until `commit()` or `closeDescriptor()`.
    public private(set) var descriptor: Int32
    private let protectedFiles: [String]
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
        protectedFiles = store.map { store in ["", "-wal", "-shm", "-journal"].map { store + $0 } } ?? []
        try Self.checkReplaceable(path, protecting: protectedFiles)
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
            try Self.checkReplaceable(path, protecting: protectedFiles)
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
    private static func checkReplaceable(_ path: String, protecting protectedFiles: [String]) throws {
        var target = stat()
        guard stat(path, &target) == 0 else {
            // Nothing there, or a dangling link: replacing it harms nothing.
            guard errno == ENOENT else { throw failure(path) }
            return
        }
        for file in protectedFiles {
            var protected = stat()
            if stat(file, &protected) == 0 && protected.st_dev == target.st_dev && protected.st_ino == target.st_ino {
                throw ClaimTrailError.invalid("\(path) is the store itself; write the output to another file")
            }
        }
        guard target.st_mode & S_IFMT == S_IFREG else {
            throw ClaimTrailError.invalid(
                "\(path) exists and is not a regular file (\(kind(of: target))); not replaced"
            )
        }
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
