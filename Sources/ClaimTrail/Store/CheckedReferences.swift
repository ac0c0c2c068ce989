/// The claims, sources and speakers an attribution has already been checked against in the
/// current write, so that an import of a million attributions asks SQLite about each one once.
///
/// Kept only inside a transaction, and forgotten when the next write begins: between writes
/// another process may change any of them. Within a write, nothing claimtrail does deletes or
/// re-dates a source, claim or speaker and then attributes to it; if it ever did, the foreign
/// keys would still refuse a row naming a deleted one, only with a less precise message.
final class CheckedReferences {
    private(set) var claims: Set<Int64> = []
    private(set) var speakers: Set<Int64> = []
    /// Each checked source's publication date, the day its undated attributions are seen on.
    private(set) var sources: [Int64: String?] = [:]

    func checked(claim: Int64, source: Int64, published: String?, speaker: Int64?) {
        claims.insert(claim)
        sources[source] = .some(published)
        if let speaker { speakers.insert(speaker) }
    }

    func removeAll() {
        claims.removeAll(keepingCapacity: true)
        speakers.removeAll(keepingCapacity: true)
        sources.removeAll(keepingCapacity: true)
    }
}
