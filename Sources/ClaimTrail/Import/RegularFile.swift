import Foundation

/// Opens a file that claimtrail reads whole (an import, an article), refusing anything that is
/// not a regular file: `/dev/zero` or a FIFO would otherwise be read without end, and a
/// directory reads as nothing.
///
/// The check is made on the open descriptor, not on the path, so the file cannot be swapped
/// for another between the check and the read.
enum RegularFile {
    /// A descriptor open for reading on the regular file at `path`; the caller closes it.
    static func open(_ path: String) throws -> Int32 {
        // Non-blocking, so that opening a FIFO with no writer returns at once to be refused.
        let descriptor = Foundation.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw errno == ENOENT
                ? ClaimTrailError.notFound("\(path): no such file") : ClaimTrailError.invalid("\(path): cannot be read")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            let isDirectory = status.st_mode & S_IFMT == S_IFDIR
            close(descriptor)
            throw ClaimTrailError.invalid(
                isDirectory
                    ? "\(path): is a directory, not a file" : "\(path): not a regular file (a device, FIFO or socket)"
            )
        }
        return descriptor
    }

    /// The whole content of the regular file at `path`.
    static func contents(_ path: String) throws -> Data {
        let handle = FileHandle(fileDescriptor: try open(path), closeOnDealloc: true)
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw ClaimTrailError.invalid("\(path): cannot be read")
        }
    }
}
