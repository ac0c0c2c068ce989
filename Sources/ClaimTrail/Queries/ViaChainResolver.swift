/// Follows `via` links from an attribution to the first report, naming each relaying speaker.
struct ViaChainResolver {
    let database: Database

    /// Chains are built from links to earlier rows, so they cannot loop; the bound only
    /// protects a store edited by hand.
    private static let maximumLength = 64

    /// The speakers of attribution `id` and of every attribution it was relayed through.
    func chain(from id: Int64) throws -> [String] {
        let step = try database.cached(
            """
            SELECT a.via_id, sp.name FROM attribution a LEFT JOIN speaker sp ON sp.id = a.speaker_id WHERE a.id = ?
            """
        )
        var names: [String] = []
        var next: Int64? = id
        while let current = next, names.count < Self.maximumLength {
            guard let (via, name) = try step.first([current], { ($0.optionalInt64(0), $0.text(1)) }) else { break }
            names.append(name ?? ProvenanceRow.unattributed)
            next = via
        }
        return names
    }
}
