import Foundation

/// `claimtrail sync OTHER.db`: brings this store to the content of both, reading the other and
/// never writing it. Run it both ways (A ← B, then B ← A) and the two export the same JSON.
///
/// Records are matched by uid (`UIDMatching`). The other store's merges are made here first, so that
/// what moved there finds its place here; then its whole export, change log included, is imported,
/// which adds what is new, and replays the change log (`ChangeReplay`): deletions propagate, and the
/// later of two corrections of a record wins, the other reported and kept in the log. All of it is
/// one transaction: on any error nothing is written.
public enum StoreSync {
    /// Syncs `store` from the store at `otherPath`; the import's summary, with its conflicts.
    public static func pull(from otherPath: String, into store: ClaimStore, by: String) throws -> Importer.Summary {
        let other: ClaimStore
        do {
            other = try ClaimStore.open(at: otherPath, readOnly: true)
        } catch ClaimTrailError.noStore {
            // Not "run init, or pass --db": the path is the argument, and a new empty store has nothing to give.
            throw ClaimTrailError.notFound("no store at \(otherPath) to sync from")
        }
        let file = { (path: String) in
            var info = stat()
            return stat(path, &info) == 0 ? [UInt64(info.st_dev), UInt64(info.st_ino)] : []
        }
        guard file(other.path) != file(store.path) else {
            throw ClaimTrailError.invalid("\(otherPath) is this store; sync reads another one")
        }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("claimtrail-sync-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = folder.appendingPathComponent("other.jsonl").path
        // One snapshot of the other store: its merges, and its export, streamed to a file.
        let merges = try other.read {
            let output = try TextOutput.file(atPath: export)
            _ = try InterchangeLines.write(from: other, to: output)
            try output.close()
            return try Self.merges(in: other)
        }
        let importer = Importer(store: store, recordedBy: by)
        return try store.write {
            try make(merges, in: store, by: by)
            return try importer.importRecords(of: try ImportFile(path: export, layout: .lines))
        }
    }

    /// A claim or speaker merged away in the other store: its uid and the uid of the one it joined.
    private struct Merge {
        let entity: UIDEntity
        let uid: UID
        let into: UID
    }

    private static func merges(in store: ClaimStore) throws -> [Merge] {
        try [UIDEntity.claim, .speaker].flatMap { entity in
            try store.database.prepare(
                "SELECT m.uid, t.uid FROM merged_uid m JOIN \(entity.table) t ON t.id = m.into_id WHERE m.entity = ?"
            ).map([entity.rawValue]) { row in
                UID(row.string(0)).flatMap { uid in UID(row.string(1)).map { Merge(entity: entity, uid: uid, into: $0) }
                }
            }.compactMap { $0 }
        }
    }

    /// Makes here each merge of the other store whose two records are both live here and apart. The
    /// merge's change-log entry comes with the import, so none is written now.
    private static func make(_ merges: [Merge], in store: ClaimStore, by: String) throws {
        store.replayingChanges = true
        defer { store.replayingChanges = false }
        for merge in merges {
            guard let merged = try store.record(uid: merge.uid), !merged.merged, merged.entity == merge.entity,
                let kept = try store.record(uid: merge.into), kept.entity == merge.entity, kept.id != merged.id
            else { continue }
            switch merge.entity {
            case .claim: try store.mergeClaim(merged.id, into: kept.id, by: by, reason: nil)
            default: try store.mergeSpeaker(merged.id, into: kept.id, by: by, reason: nil)
            }
        }
    }
}
