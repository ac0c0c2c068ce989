import Foundation

/// The folders an import's `body_file` paths may lead into: the import file's own folder, and
/// any the user allows with `--allow-body-from`.
///
/// An import file is data, often someone else's (a shared tip file): a `body_file` of
/// `/home/me/.ssh/id_ed25519`, `../../secret`, a link out of the folder or `/proc/self/environ`
/// would read a private file into the store, and the next export would hand it on. So a path is
/// resolved, with every symbolic link followed, and must land on a regular file inside an
/// allowed folder (itself resolved), or it is refused. A path with a NUL is refused, since the
/// system would read it only up to the NUL. A hard link has no "outside" to resolve: a file with
/// more than one link is read only from a folder the user allowed with `--allow-body-from`.
struct BodyFileAccess {
    /// Resolved real paths, without a trailing slash (except the root): the import file's folder first.
    let folders: [String]
    /// The import file's folder, which relative paths start from.
    let base: String

    init(importFile: String, allowedFolders: [String]) throws {
        base = URL(fileURLWithPath: importFile).deletingLastPathComponent().path
        var folders = [try Self.realFolder(base, name: "the import file's folder")]
        for folder in allowedFolders {
            guard !folder.isEmpty else { throw ClaimTrailError.invalid("--allow-body-from needs a folder") }
            folders.append(try Self.realFolder(folder, name: "--allow-body-from \(folder)"))
        }
        self.folders = folders
    }

    /// The text of the file `reference` names (relative to the import file's folder).
    func read(_ reference: String) throws -> String {
        let name = "body_file “\(reference)”"
        guard !reference.unicodeScalars.contains("\0") else {
            throw ClaimTrailError.invalid("body_file contains a NUL character (U+0000), which no path can")
        }
        let joined = reference.hasPrefix("/") ? reference : base + "/" + reference
        guard let resolved = Self.realPath(joined) else {
            throw errno == ENOENT
                ? ClaimTrailError.notFound("\(name): no such file")
                : ClaimTrailError.invalid("\(name): cannot be read (\(String(cString: strerror(errno))))")
        }
        guard folders.contains(where: { Self.isInside(resolved, $0) }) else {
            throw ClaimTrailError.invalid(
                "\(name) leads outside the import file's folder (to \(resolved)); "
                    + "pass --allow-body-from DIR to allow that folder"
            )
        }
        let isAllowedByUser = folders.dropFirst().contains { Self.isInside(resolved, $0) }
        // The resolved path has no links left; O_NOFOLLOW refuses one planted since.
        return try TextFile.read(
            opening: resolved,
            named: name,
            flags: O_NOFOLLOW,
            hardLinkRefusal: isAllowedByUser
                ? nil
                : "\(name) has other hard links, which may lie outside the import file's folder; "
                    + "pass --allow-body-from DIR to allow its folder"
        )
    }

    private static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" || path.utf8.starts(with: (folder + "/").utf8)
    }

    private static func realFolder(_ path: String, name: String) throws -> String {
        guard let resolved = realPath(path) else {
            throw ClaimTrailError.invalid("\(name): \(String(cString: strerror(errno)))")
        }
        var status = stat()
        guard stat(resolved, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw ClaimTrailError.invalid("\(name) is not a folder")
        }
        return resolved
    }

    /// The path with `.`, `..` and every symbolic link resolved (realpath(3)); nil, with
    /// `errno` set, when it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
