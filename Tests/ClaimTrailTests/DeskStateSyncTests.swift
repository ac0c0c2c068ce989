import Foundation
import Testing

@testable import ClaimTrail

/// A claim's verification status, its holder and the desk's status labels travel with the change log,
/// through `sync` and through a JSON export imported into another store. Before, the entries arrived
/// and the claim's history said “unchecked → in_progress”, while the claim itself stayed unchecked and
/// held by nobody: `queue`, `trace claim` and the server's pages showed another desk state than the one
/// the history told.
@Suite struct DeskStateSyncTests {
    /// The desk state of claim #1 as the store file holds it. Its times are read beside the time of
    /// the change-log entry that set each (the UPDATE and the entry may be a second apart).
    private struct DeskState: Equatable {
        let status: String
        let assignee: String?
        let labels: [String]
    }

    private static func deskState(at path: String) throws -> DeskState {
        let store = try ClaimStore.open(at: path)
        let row = try #require(
            try store.database.prepare("SELECT status, assignee FROM claim WHERE id = 1").first {
                ($0.string(0), $0.text(1))
            }
        )
        let labels = try store.database.prepare("SELECT status || '=' || label FROM status_label ORDER BY status")
            .map { $0.string(0) }
        return DeskState(status: row.0, assignee: row.1, labels: labels)
    }

    /// Claim #1's `status_changed_at` or `assigned_at`, and when the latest entry changing `field` was made.
    private static func times(at path: String, _ column: String, _ field: String) throws -> (String?, String?) {
        let store = try ClaimStore.open(at: path)
        let stored = try store.database.prepare("SELECT \(column) FROM claim WHERE id = 1").first { $0.text(0) }
        let logged = try store.database.prepare(
            """
            SELECT changed_at FROM change_log WHERE entity = 'claim' AND entity_id = 1
                AND json_extract(after, '$.\(field)') IS NOT json_extract(before, '$.\(field)')
            ORDER BY changed_at DESC, uid DESC LIMIT 1
            """
        ).first { $0.text(0) }
        return (stored ?? nil, logged ?? nil)
    }

    private static func run(_ arguments: [String], _ path: String, user: String = "bo") throws -> Binary.Result {
        let result = try Binary.run(arguments, database: path, user: user)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result
    }

    /// Two copies of a store with one claim, as two people of a desk would each have on a laptop.
    private static func twoCopies() throws -> (TemporaryStore, mine: String, theirs: String) {
        let base = try TemporaryStore()
        let claim = try base.store.claim("The port is closed")
        try base.store.attribute(claim, try base.store.speaker("Mayor Example"), in: try base.store.source("Report"))
        let paths = try ["mine.db", "theirs.db"].map { name in
            let path = base.directory.appendingPathComponent(name).path
            try base.store.backup(to: path)
            return path
        }
        return (base, paths[0], paths[1])
    }

    @Test func statusHolderAndLabelsTravelBySync() throws {
        let (base, mine, theirs) = try Self.twoCopies()
        _ = base
        try Self.run(["claim", "status", "1", "in_progress", "--note", "calling the port"], theirs)
        try Self.run(["claim", "assign", "1", "--to", "ana"], theirs)
        try Self.run(["status", "labels", "in_progress", "Being checked"], theirs)
        let edited = try Self.deskState(at: theirs)
        #expect(edited == DeskState(status: "in_progress", assignee: "ana", labels: ["in_progress=Being checked"]))

        try Self.run(["sync", theirs], mine, user: "ana")
        #expect(try Self.deskState(at: mine) == edited)
        let (statusSince, statusLogged) = try Self.times(at: mine, "status_changed_at", "status")
        #expect(statusSince != nil && statusSince == statusLogged)
        let (assignedAt, assignLogged) = try Self.times(at: mine, "assigned_at", "assignee")
        #expect(assignedAt != nil && assignedAt == assignLogged)
        let queue = try Self.run(["queue", "--assignee", "ana", "--format", "csv"], mine)
        #expect(queue.stdout.contains("Being checked"), "\(queue.stdout)")

        // Released and relabelled there, later: the sync takes the later state, and the time it was set.
        try Self.run(["claim", "unassign", "1"], theirs)
        try Self.run(["status", "labels", "in_progress", ""], theirs)
        try Self.run(["sync", theirs], mine, user: "ana")
        #expect(try Self.deskState(at: mine) == DeskState(status: "in_progress", assignee: nil, labels: []))
        #expect(try Self.times(at: mine, "status_changed_at", "status").0 == statusSince)
        #expect(try Self.times(at: mine, "assigned_at", "assignee").0 == nil)
    }

    @Test func statusAndHolderTravelByExportAndImport() throws {
        let (base, _, theirs) = try Self.twoCopies()
        try Self.run(["claim", "status", "1", "in_progress"], theirs)
        try Self.run(["claim", "assign", "1", "--to", "ana"], theirs)
        let export = try Self.run(["export", "--format", "json"], theirs)
        let file = try base.file("theirs.json", export.stdout)
        let fresh = base.directory.appendingPathComponent("fresh.db").path
        try Self.run(["init"], fresh)
        try Self.run(["import", file], fresh)
        #expect(try Self.deskState(at: fresh) == (try Self.deskState(at: theirs)))
    }

    @Test func labelsLeftClashingAreRefused() throws {
        let (base, mine, theirs) = try Self.twoCopies()
        _ = base
        try Self.run(["status", "labels", "checked", "Done"], mine)
        try Self.run(["status", "labels", "published", "Done"], theirs)
        let before = try Self.deskState(at: mine)
        let result = try Binary.run(["sync", theirs], database: mine, user: "ana")
        #expect(result.status == 1)
        #expect(
            result.stderr == "Error: “Done” would label both checked and published: rename one with "
                + "claimtrail status labels, in either store, and sync again; nothing was written\n",
            "\(result.stderr)"
        )
        #expect(try Self.deskState(at: mine) == before)
    }
}
