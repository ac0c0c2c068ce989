/// Article bodies that an import or a sync brought for sources stored here with another body.
///
/// The change log keeps a body's SHA-256, not the body (bodies run to megabytes, and a log entry
/// per correction would hold each), so a body correction that arrives as a log entry names its
/// body by hash only. The other store's export carries each source's current body, which is the
/// body of its latest correction: kept here by hash, it is what the replay sets (`ChangeReplay`).
final class OfferedBodies {
    private var bodies: [String: String] = [:]

    func offer(_ body: String) {
        bodies[SHA256.hex(body)] = body
    }

    /// The offered body with this SHA-256, if any.
    func body(sha256: String) -> String? {
        bodies[sha256]
    }
}
