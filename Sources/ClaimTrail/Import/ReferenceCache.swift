/// Remembers what the references of one import resolved to: quote datasets name the same few
/// claims, speakers and sources again and again (Zipf), and each resolution costs a text fold
/// and several queries. Valid for one import only: it runs in one transaction holding the write
/// lock, and nothing it resolved is renamed or removed meanwhile.
final class ReferenceCache {
    private var ids: [Kind: [String: Int64]] = [:]
    private var count = 0
    /// Bounds memory on huge imports; past it the cache starts over.
    private static let capacity = 200_000

    enum Kind { case claim, speaker, source }

    func resolve(_ kind: Kind, _ reference: String, _ lookup: () throws -> Int64) rethrows -> Int64 {
        if let id = ids[kind]?[reference] { return id }
        let id = try lookup()
        if count >= Self.capacity { removeAll() }
        ids[kind, default: [:]][reference] = id
        count += 1
        return id
    }

    /// Records what `reference` resolves to, when the import has just found or added it.
    func remember(_ kind: Kind, _ reference: String, as id: Int64) {
        _ = resolve(kind, reference) { id }
    }

    func removeAll() {
        ids.removeAll()
        count = 0
    }
}
