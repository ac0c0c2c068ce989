/// Remembers what the references of one import resolved to: quote datasets name the same few
/// claims, speakers and sources again and again (Zipf), and each resolution costs a text fold
/// and several queries. Valid for one import only: it runs in one transaction holding the write
/// lock, and nothing it resolved is renamed or removed meanwhile.
final class ReferenceCache {
    private var ids: [Key: Int64] = [:]
    /// Bounds memory on huge imports; past it the cache starts over.
    private static let capacity = 200_000

    enum Kind { case claim, speaker, source }

    /// A reference compared by its UTF-8 bytes. Swift's own String hashing and equality first
    /// bring non-ASCII text (curly quotes, Cyrillic names) to one Unicode form, which made the
    /// lookups a notable part of an import. Two forms of the same text are two keys here; both
    /// resolve through the store to the same row.
    private struct Key: Hashable {
        let kind: Kind
        let text: String

        static func == (a: Key, b: Key) -> Bool {
            a.kind == b.kind && a.text.hasSameUTF8(as: b.text)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(kind)
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    func resolve(_ kind: Kind, _ reference: String, _ lookup: () throws -> Int64) rethrows -> Int64 {
        let key = Key(kind: kind, text: reference)
        if let id = ids[key] { return id }
        let id = try lookup()
        if ids.count >= Self.capacity { removeAll() }
        ids[key] = id
        return id
    }

    /// Records what `reference` resolves to, when the import has just found or added it.
    func remember(_ kind: Kind, _ reference: String, as id: Int64) {
        _ = resolve(kind, reference) { id }
    }

    func removeAll() {
        ids.removeAll()
        deletedClaims.removeAll()
    }

    /// Records that arrived under a stored uid with another identity (text, name, URL), to be
    /// explained by the file's change log (`Importer.checkCorrections`). Few: never bounded, and
    /// kept when the cache starts over.
    var unexplained:
        [(entity: UIDEntity, uid: UID, id: Int64, field: String, value: String, what: String, location: String)] = []

    /// The texts of the file's claims that were deleted in this store: what the file records of
    /// them (their attributions) is not brought back either. Few, so never bounded. Each with its uid.
    private var deletedClaims: [String: String] = [:]

    func rememberDeletedClaim(_ text: String, uid: String) {
        deletedClaims[text] = uid
    }

    /// The uid of the file's claim with this text, when it was deleted in this store.
    func deletedClaim(_ text: String) -> String? {
        deletedClaims[text]
    }
}
