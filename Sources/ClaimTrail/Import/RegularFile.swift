import Foundation

/// Opens a file that claimtrail reads whole (an import, an article), refusing anything that is
/// not a regular file: `/dev/zero` or a FIFO would otherwise be read without end, and a
/// directory reads as nothing.
///
/// The check is made on the open descriptor, not on the path, so the file cannot be swapped
/// for another between the check and the read.
enum RegularFile {
    /// A descriptor open for reading on the regular file at `path`; the caller closes it.
    /// Messages call the file `name` (by default its path); `flags` adds open flags such as
    /// `O_NOFOLLOW`. A file with more than one hard link is refused with `hardLinkRefusal` when it is
    /// given: its other names may lie anywhere on the same file system, so where it is says nothing
    /// about whose file it is.
    static func open(
        _ path: String,
        named name: String? = nil,
        flags: Int32 = 0,
        hardLinkRefusal: String? = nil
    ) throws -> Int32 {
        let name = name ?? path
        try OpenStoreFiles.refuseOpenStore(path, named: name)
        // Non-blocking, so that opening a FIFO with no writer returns at once to be refused.
        let descriptor = Foundation.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | flags)
        guard descriptor >= 0 else {
            throw errno == ENOENT
                ? ClaimTrailError.notFound("\(name): no such file")
                : ClaimTrailError.invalid("\(name): cannot be read (\(String(cString: strerror(errno))))")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            let isDirectory = status.st_mode & S_IFMT == S_IFDIR
            close(descriptor)
            throw ClaimTrailError.invalid(
                isDirectory
                    ? "\(name): is a directory, not a file" : "\(name): not a regular file (a device, FIFO or socket)"
            )
        }
        if let hardLinkRefusal, status.st_nlink > 1 {
            close(descriptor)
            throw ClaimTrailError.invalid(hardLinkRefusal)
        }
        return descriptor
    }

    /// The whole content of the regular file at `path`; more than `limit` bytes is an error.
    static func contents(
        _ path: String,
        named name: String? = nil,
        flags: Int32 = 0,
        hardLinkRefusal: String? = nil,
        limit: Int? = nil
    ) throws -> Data {
        let name = name ?? path
        let descriptor = try open(path, named: name, flags: flags, hardLinkRefusal: hardLinkRefusal)
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        let data: Data
        do {
            data = try (limit.map { try handle.read(upToCount: $0 + 1) } ?? handle.readToEnd()) ?? Data()
        } catch {
            throw ClaimTrailError.invalid("\(name): cannot be read (\(error.localizedDescription))")
        }
        if let limit, data.count > limit {
            throw ClaimTrailError.invalid("\(name): larger than \(limit >> 20) MiB")
        }
        return data
    }
}
