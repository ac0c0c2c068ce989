import Foundation

@testable import ClaimTrail

/// A store in a fresh temporary folder on disk, removed when the test ends.
final class TemporaryStore {
    let directory: URL
    let store: ClaimStore
    var path: String { store.path }

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("claimtrail-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try ClaimStore.create(at: directory.appendingPathComponent("store.db").path)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes `text` to a file in the store's folder and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Counts rows with SQL of the test's own, independent of the store's queries.
    func count(_ table: String) throws -> Int {
        try store.database.prepare("SELECT COUNT(*) FROM \(table)").first { $0.int(0) } ?? -1
    }

    /// Every row of every table, as text: for checking that a failed command changed nothing.
    func snapshot() throws -> [String] {
        try Self.snapshot(of: store)
    }

    /// - Parameter uids: false leaves out the uid columns, for comparing stores that gave their own.
    static func snapshot(of store: ClaimStore, uids: Bool = true) throws -> [String] {
        var rows: [String] = []
        for table in [
            "source", "speaker", "speaker_alias", "claim", "attribution", "claim_relation", "verdict",
            "claim_stats", "change_log",
        ] {
            let columns = try store.database.prepare("SELECT name FROM pragma_table_info(?)").map([table]) {
                $0.string(0)
            }
            .filter { uids || $0 != "uid" }.prefix(12).joined(separator: ", ")
            let statement = try store.database.prepare("SELECT \(columns) FROM \(table) ORDER BY 1, 2")
            rows += try statement.map { row in
                table + ":" + (0..<12).map { row.text($0) ?? "∅" }.joined(separator: "|")
            }
        }
        return rows
    }
}

/// The path of the example and corpus files in this repository.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }
}
