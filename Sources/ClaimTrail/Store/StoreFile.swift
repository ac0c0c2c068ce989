import CSQLite
import Foundation

/// What lies at a store path, found without writing a byte, before SQLite opens it for use.
///
/// Only `init` creates or upgrades a store. Any other command opening a file that is not a current
/// store would otherwise have SQLite add the whole schema to it and switch it to WAL, and SQLite opens
/// a private temporary database for an empty name, which loses everything written to it. So the file
/// is first read as plain bytes (is it a regular file, is it SQLite), and only then opened by SQLite,
/// read-only, to read its `user_version` and table names.
enum StoreFile: Equatable, Sendable {
    case missing
    /// A directory, a device such as /dev/null, a pipe: never a store.
    case notRegularFile
    /// A file of zero bytes, or an SQLite database with no table and no `user_version`: `init` may make
    /// it a store.
    case empty
    case notSQLite
    /// An SQLite database that is not a claimtrail store.
    case foreign
    /// A claimtrail store at this schema version.
    case store(version: Int)

    /// The tables every claimtrail schema has had since version 1.
    static let coreTables = ["source", "speaker", "speaker_alias", "claim", "attribution", "claim_relation"]

    /// Inspects `path`; throws only when it cannot be read at all.
    static func inspect(_ path: String) throws -> StoreFile {
        guard !path.isEmpty else { throw ClaimTrailError.invalid("the store path is empty; name a file with --db") }
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { return .missing }
            throw unreadable(path)
        }
        guard status.st_mode & S_IFMT == S_IFREG else { return .notRegularFile }
        guard status.st_size > 0 else { return .empty }
        // A store this process has open is looked at through SQLite alone: reading its header through a
        // descriptor of our own would drop this process's locks on it when closed (`OpenStoreFiles`).
        if let open = OpenStoreFiles.openFile(at: path) {
            guard open.isStore else { throw ClaimTrailError.invalid("\(path) is the open store's file \(open.file)") }
            return try confirm(path, immutable: false)
        }
        let header = try readHeader(path)
        guard header.count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else { return .notSQLite }
        // In WAL mode (format bytes 18 and 19 are 2), even a read-only connection creates the -wal and
        // -shm files when they are missing, and leaves them. With no -wal file there is no writer and
        // nothing uncommitted, and the file only changes when a writer checkpoints a WAL it has yet
        // to create: so SQLite may read it as immutable, which creates nothing, for this one look.
        let walMode = header[18] == 2 || header[19] == 2
        return try confirm(path, immutable: walMode && !FileManager.default.fileExists(atPath: path + "-wal"))
    }

    /// Reads `user_version` and the table names through a read-only connection.
    private static func confirm(_ path: String, immutable: Bool) throws -> StoreFile {
        let (version, tables): (Int, Set<String>)
        do {
            let database = try Database(path: path, mode: .readOnly, immutable: immutable)
            // A writer that is opening, checkpointing or closing the store holds its WAL locks for a
            // moment; the look waits for it as every other connection does, rather than fail.
            database.setBusyTimeout(milliseconds: Int32(ClaimStore.busyTimeout * 1000))
            version = try database.prepare("PRAGMA user_version").first { $0.int(0) } ?? 0
            tables = Set(
                try database.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").map { $0.string(0) }
            )
        } catch let error as SQLiteError where error.code == SQLITE_NOTADB {
            return .notSQLite
        } catch let error as SQLiteError where error.code == SQLITE_CANTOPEN || error.code == SQLITE_READONLY {
            // SQLite could neither use nor create the -shm file (see `ClaimStore.init`).
            throw unreadableAsThisUser(path)
        }
        if version == 0 { return tables.isEmpty ? .empty : .foreign }
        return tables.isSuperset(of: coreTables) ? .store(version: version) : .foreign
    }

    /// Why a store this user may not write cannot be read either (see README, "Sharing a store").
    static func unreadableAsThisUser(_ path: String) -> ClaimTrailError {
        .invalid(
            "cannot read \(path) as this user: a reader needs read access to the store and to its -wal "
                + "and -shm files, or write access to its folder (see README, “Sharing a store on one machine”)"
        )
    }

    /// The first 100 bytes (fewer if the file is shorter): SQLite's database header.
    private static func readHeader(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw unreadable(path) }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 100)
        var count = 0
        while count < header.count {
            let read = header.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if read < 0 && errno == EINTR { continue }
            guard read >= 0 else { throw unreadable(path) }
            if read == 0 { break }
            count += read
        }
        return Array(header[..<count])
    }

    private static func unreadable(_ path: String) -> ClaimTrailError {
        .invalid("cannot read \(path): \(String(cString: strerror(errno)))")
    }
}
