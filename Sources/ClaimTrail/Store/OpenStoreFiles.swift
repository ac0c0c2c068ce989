import Foundation
import Synchronization

/// The store files this process holds open, so that no other open of ours ever closes one of them.
///
/// POSIX record locks (`fcntl`) belong to the process, not to a descriptor: closing any descriptor of
/// a file drops every lock the process holds on it, SQLite's among them. Another process closing the
/// store (the `sqlite3` shell, Datasette) would then take itself for the last connection and delete
/// the -wal file this process goes on writing to, and every write after that would be lost. SQLite
/// never closes such a descriptor itself; claimtrail would, when a file it reads whole (an import, an
/// article, a body file, the other store of a sync) is, under another name, an open store, its -wal or
/// its -shm. So those opens ask here first, through `stat`, which opens nothing.
enum OpenStoreFiles {
    /// Each open store's path, with how many connections of this process have it open.
    private static let paths = Mutex<[String: Int]>([:])

    static func opened(_ path: String) {
        paths.withLock { $0[path, default: 0] += 1 }
    }

    static func closed(_ path: String) {
        paths.withLock { paths in
            guard let count = paths[path] else { return }
            paths[path] = count > 1 ? count - 1 : nil
        }
    }

    /// The file of an open store that `path` names by any name (the store itself, its -wal or its -shm),
    /// and whether it is the store itself.
    static func openFile(at path: String) -> (file: String, isStore: Bool)? {
        var target = stat()
        guard stat(path, &target) == 0 else { return nil }
        let stores = paths.withLock { Array($0.keys) }
        for store in stores {
            for file in [store, store + "-wal", store + "-shm"] {
                var status = stat()
                if stat(file, &status) == 0 && status.st_dev == target.st_dev && status.st_ino == target.st_ino {
                    return (file, file == store)
                }
            }
        }
        return nil
    }

    /// Throws when `path` names, by any name, a file of a store this process has open.
    /// - Parameter name: the file as messages call it.
    static func refuseOpenStore(_ path: String, named name: String) throws {
        if let open = openFile(at: path) {
            throw ClaimTrailError.invalid("\(name) is the open store \(open.file) itself; name another file")
        }
    }
}
