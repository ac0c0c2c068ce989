import Foundation

/// The folders an import's `body_file` paths may lead into: the import file's own folder, and
/// any the user allows with `--allow-body-from`.
///
/// An import file is data, often someone else's (a shared tip file): a `body_file` of
/// `/home/me/.ssh/id_ed25519`, `../../secret`, a link out of the folder or `/proc/self/environ`
/// would read a private file into the store, and the next export would hand it on. So a path is
/// resolved, with every symbolic link followed, and must land on a regular file inside an
/// allowed folder (itself resolved), or it is refused.
struct BodyFileAccess {
    /// Resolved real paths, without a trailing slash (except the root).
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
        // The resolved path has no links left; O_NOFOLLOW refuses one planted since.
        return try TextFile.read(opening: resolved, named: name, flags: O_NOFOLLOW)
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
