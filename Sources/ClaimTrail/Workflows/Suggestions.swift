/// What a name or text that matched nothing most likely meant, for "did you mean" errors: a typo
/// must end in an error that names the right record, never in a silently created new one.
extension ClaimStore {
    /// Speakers whose folded name or alias, or one word of it, is a few edits from `name`
    /// ("Sean Spicr" → Sean Spicer, "Lungesco" → Oana Lungescu), nearest first; failing those,
    /// speakers the search index finds by any word of it ("Spicer").
    public func closestSpeakers(to name: String, limit: Int = 3) throws -> [Speaker] {
        let key = TextKey.fold(name)
        let tolerance = max(2, key.unicodeScalars.count / 3)
        // A single word (a surname) is also held against each word of the names; not a short
        // one, which a word or two of edits turns into almost any short word.
        let wordTolerance = key.contains(" ") || key.unicodeScalars.count < 4 ? 0 : key.unicodeScalars.count / 3
        var nearest: [Int64: Int] = [:]
        try database.prepare(
            "SELECT id, name_key FROM speaker UNION ALL SELECT speaker_id, alias_key FROM speaker_alias"
        ).forEach([]) { row in
            let stored = row.string(1)
            var distances = [EditDistance.between(key, stored, limit: tolerance)]
            if wordTolerance > 0 {
                distances += stored.split(separator: " ").map {
                    EditDistance.between(key, String($0), limit: wordTolerance)
                }
            }
            guard let distance = distances.compactMap({ $0 }).min() else { return }
            nearest[row.int64(0)] = min(nearest[row.int64(0)] ?? distance, distance)
        }
        var ids = nearest.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
        if ids.isEmpty { ids = try searchedIDs(anyWordOf: name, index: "speaker_fts", limit: limit) }
        return try ids.prefix(max(limit, 0)).compactMap { try speaker(id: $0) }
    }

    /// Claims the search index finds by any word of `text`, best match first.
    public func closestClaims(to text: String, limit: Int = 5) throws -> [Claim] {
        try searchedIDs(anyWordOf: text, index: "claim_fts", limit: limit).compactMap { try claim(id: $0) }
    }

    /// The error for a speaker reference that matched nobody, naming the closest speakers.
    /// - Parameter creatable: the command could record the name as a new speaker with
    ///   `--new-speaker` (`attribute`, `review accept`), and the error says so.
    public func unknownSpeaker(_ reference: String, creatable: Bool = false) throws -> ClaimTrailError {
        let names = try closestSpeakers(to: reference).map(\.label)
        let hint = creatable ? " (--new-speaker records a new speaker)" : ""
        guard let last = names.last else { return .notFound("no speaker “\(reference)”\(hint)") }
        let choices = names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " or " + last
        return .notFound("no speaker “\(reference)”; did you mean \(choices)?\(hint)")
    }

    /// The speaker `reference` names; an error naming the closest ones when it names nobody.
    public func requireSpeaker(_ reference: String) throws -> Speaker {
        guard let speaker = try resolveSpeaker(reference) else { throw try unknownSpeaker(reference) }
        return speaker
    }

    /// Ids of the rows that the full-text `index` (claim_fts, speaker_fts: a name we own) finds
    /// by any word of `text`, by bm25 rank.
    private func searchedIDs(anyWordOf text: String, index: String, limit: Int) throws -> [Int64] {
        let words = text.split(whereSeparator: \.isWhitespace).map { Self.ftsPhrases(String($0)) }
        guard !words.isEmpty else { return [] }
        return try database.prepare(
            "SELECT rowid FROM \(index) WHERE \(index) MATCH ? ORDER BY bm25(\(index)) LIMIT ?"
        ).map([words.joined(separator: " OR "), limit]) { $0.int64(0) }
    }
}
