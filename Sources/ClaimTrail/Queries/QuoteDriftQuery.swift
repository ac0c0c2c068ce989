extension ClaimStore {
    /// The quotes relayed through `via` chains, each compared hop by hop with the quote it was
    /// relayed from, for the last relay of each chain (one no other relays on), by claim.
    /// Hops whose upstream has no quote are not compared.
    public func quoteDrift(claimID: Int64? = nil, sourceID: Int64? = nil) throws -> [QuoteDrift] {
        try read {
            let ends = try database.prepare(
                """
                SELECT a.id, a.claim_id FROM attribution a
                WHERE a.via_id IS NOT NULL AND a.quote IS NOT NULL AND a.state = 'accepted'
                  AND NOT EXISTS (SELECT 1 FROM attribution r WHERE r.via_id = a.id AND r.state = 'accepted'
                                  AND r.quote IS NOT NULL)
                  AND (?1 IS NULL OR a.claim_id = ?1) AND (?2 IS NULL OR a.source_id = ?2)
                ORDER BY a.claim_id, a.id
                """
            ).map([claimID, sourceID]) { ($0.int64(0), $0.int64(1)) }
            return try ends.map { id, claimID in try drift(to: id, claimID: claimID) }
        }
    }

    private func drift(to id: Int64, claimID: Int64) throws -> QuoteDrift {
        let step = try database.cached(
            """
            SELECT a.via_id, a.quote, sp.name, coalesce(s.outlet, s.title) FROM attribution a
            JOIN source s ON s.id = a.source_id LEFT JOIN speaker sp ON sp.id = a.speaker_id WHERE a.id = ?
            """
        )
        // From the last relay up to the first report; a chain is bounded as `ViaChainResolver`'s is.
        var nodes: [(id: Int64, quote: String?, speaker: String?, source: String)] = []
        var next: Int64? = id
        while let current = next, nodes.count < 64,
            let node = try step.first([current], { ($0.optionalInt64(0), $0.text(1), $0.text(2), $0.string(3)) })
        {
            nodes.append((current, node.1, node.2, node.3))
            next = node.0
        }
        nodes.reverse()
        let labels = nodes.map(\.source)
        var hops: [QuoteDrift.Hop] = []
        for index in nodes.indices.dropFirst() {
            guard let upstream = nodes[index - 1].quote, let quote = nodes[index].quote else { continue }
            let alignment = WordAlignment(
                quote: QuoteWords(quote).keys,
                other: QuoteWords(upstream).keys,
                freeEnds: false
            )
            hops.append(
                .init(
                    fromAttributionID: nodes[index - 1].id,
                    toAttributionID: nodes[index].id,
                    from: labels[index - 1],
                    to: labels[index],
                    changes: alignment.changes
                )
            )
        }
        return QuoteDrift(
            attributionID: id,
            claimID: claimID,
            // The first speaker, unless the first source is its own outlet ("TASS" in TASS).
            path: (nodes.first?.speaker.map { $0 == labels.first ? [] : [$0] } ?? []) + labels,
            quote: nodes.last?.quote ?? "",
            hops: hops
        )
    }
}
