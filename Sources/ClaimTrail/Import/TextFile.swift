import Foundation

/// Reads an article from a file (`source add --body-file`, `extract`, an import's `body_file`).
/// Article text must be UTF-8 in a regular file: a device (`/dev/zero`), a FIFO or a folder is
/// refused before a byte is read, so no input can make claimtrail wait or read without end.
public enum TextFile {
    /// The largest article accepted, as for an import's `body`.
    public static let limit = ImportRecord.bodyLimit

    public static func read(atPath path: String) throws -> String {
        try read(opening: path, named: path, flags: 0)
    }

    /// Reads the file at `path`, which must not be a symbolic link itself; messages name it `name`.
    static func read(opening path: String, named name: String, flags: Int32) throws -> String {
        // Non-blocking, so that opening a FIFO returns at once rather than waiting for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | flags)
        guard descriptor >= 0 else {
            throw errno == ENOENT
                ? ClaimTrailError.notFound("\(name): no such file")
                : ClaimTrailError.invalid("\(name): cannot be read (\(String(cString: strerror(errno))))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw ClaimTrailError.invalid("\(name): not a regular file")
        }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw ClaimTrailError.invalid("\(name): cannot be read (\(error.localizedDescription))")
        }
        guard data.count <= limit else {
            throw ClaimTrailError.invalid("\(name): larger than \(limit >> 20) MiB")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ClaimTrailError.invalid("\(name): not valid UTF-8")
        }
        return text
    }
}
