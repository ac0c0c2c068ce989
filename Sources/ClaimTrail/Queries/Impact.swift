/// What rests on a source, an attribution or a claim: what a retraction or correction touches.
public struct Impact: Codable, Equatable, Sendable {
    /// What was asked about, as "source #3", "attribution #7" or "claim #2".
    public var subject: String
    /// The subject's own accepted attributions (for an attribution, itself).
    public var attributions: [Attribution]
    /// Every attribution relayed from those, however many hops downstream, in any source.
    public var relayed: [Attribution]
    /// The claims whose standing changes once all of the above are set aside.
    public var claims: [StandingChange]
    /// The verdicts on every claim those attributions carry.
    public var verdicts: [CitedVerdict]

    public struct Attribution: Codable, Equatable, Sendable {
        public var attributionID: Int64
        public var claimID: Int64
        public var speaker: String?
        public var sourceID: Int64
        public var source: String
        public var viaID: Int64?
    }

    public struct StandingChange: Codable, Equatable, Sendable {
        public var claimID: Int64
        public var claim: String
        public var changes: [Change]
    }

    public enum Change: String, Codable, Equatable, Sendable {
        case noLongerContested = "no longer contested"
        case noFirstHandSource = "no first-hand source left"
        case singleVoice = "a single voice left"
    }

    public struct CitedVerdict: Codable, Equatable, Sendable {
        public var claimID: Int64
        public var rating: String
        public var reviewer: String
        public var url: String?
    }

    /// What the impact is asked about.
    public enum Subject: Sendable {
        case source(Int64)
        case attribution(Int64)
        case claim(Int64)
    }
}

extension ClaimStore {
    /// Everything that rests on `subject`, read in one snapshot. The attributions hit are the
    /// subject's own and, by one recursive query down the `via` index, every relay made from them;
    /// each claim they carry is then weighed with and without them.
    public func impact(of subject: Impact.Subject) throws -> Impact {
        try read {
            let (label, direct, claimID): (String, String, Int64?)
            let id: Int64
            switch subject {
            case .source(let source):
                (label, direct, claimID, id) = ("source", "source_id = ?1", nil, source)
                guard try self.source(id: id) != nil else { throw ClaimTrailError.notFound("no source #\(id)") }
            case .attribution(let attribution):
                (label, direct, claimID, id) = ("attribution", "id = ?1", nil, attribution)
            case .claim(let claim): (label, direct, claimID, id) = ("claim", "claim_id = ?1", claim, claim)
            }
            let hit = """
                WITH RECURSIVE direct(id) AS (SELECT id FROM attribution WHERE \(direct) AND state = 'accepted'),
                hit(id, direct) AS (
                    SELECT id, 1 FROM direct
                    UNION SELECT a.id, 0 FROM hit JOIN attribution a ON a.via_id = hit.id WHERE a.state = 'accepted'
                )
                """
            let rows = try database.prepare(
                """
                \(hit)
                SELECT a.id, a.claim_id, sp.name, s.id, coalesce(s.outlet, s.title), a.via_id, max(hit.direct)
                FROM hit JOIN attribution a ON a.id = hit.id JOIN source s ON s.id = a.source_id
                LEFT JOIN speaker sp ON sp.id = a.speaker_id
                GROUP BY a.id ORDER BY a.id
                """
            ).map([id]) { row in
                (
                    Impact.Attribution(
                        attributionID: row.int64(0),
                        claimID: row.int64(1),
                        speaker: row.text(2),
                        sourceID: row.int64(3),
                        source: row.string(4),
                        viaID: row.optionalInt64(5)
                    ),
                    row.bool(6)
                )
            }
            if case .attribution = subject, rows.isEmpty {
                throw ClaimTrailError.notFound("no accepted attribution #\(id)")
            }
            return Impact(
                subject: "\(label) #\(id)",
                attributions: rows.filter(\.1).map(\.0),
                relayed: rows.filter { !$0.1 }.map(\.0),
                claims: try standingChanges(hit: hit, id: id, claimID: claimID),
                verdicts: try citedVerdicts(
                    claimIDs: Array(Set(rows.map(\.0.claimID)).union(claimID.map { [$0] } ?? []))
                        .sorted()
                )
            )
        }
    }

    /// Each claim the hit attributions carry (and, when a claim is the subject, each claim it contradicts), with its
    /// standing before and after setting them aside. Voices are read from `claim_voice` and counted only up to two, all
    /// that "a single voice left" asks (more than one before, exactly one after), and first-hand sources stop at the
    /// first one left: a busy claim is never read row by row, so the cost follows the attributions hit, not the size of
    /// the claims they carry (counting every voice read 55,097 rows twice for the busiest claim at 10M attributions).
    /// As in `claim_voice` (schema 003), an attribution asserting a counter-claim is also a disputing voice of each
    /// claim that counter-claim contradicts, so `lost` takes that voice from those claims too (its stance is NULL
    /// there: it is no assert or denial of theirs).
    private func standingChanges(hit: String, id: Int64, claimID: Int64?) throws -> [Impact.StandingChange] {
        try database.prepare(
            """
            \(hit),
            lost(claim_id, side, voice, stance) AS (
                SELECT a.claim_id, iif(a.stance = 'asserts', 'asserts', 'disputes'), coalesce(a.speaker_id,
                    -a.source_id),
                       a.stance
                FROM (SELECT DISTINCT id FROM hit) AS h JOIN attribution a ON a.id = h.id
                UNION ALL
                SELECT r.to_claim_id, 'disputes', coalesce(a.speaker_id, -a.source_id), NULL
                FROM (SELECT DISTINCT id FROM hit) AS h JOIN attribution a ON a.id = h.id
                JOIN claim_relation r ON r.from_claim_id = a.claim_id AND r.kind = 'contradicts'
                WHERE a.stance = 'asserts'
            ),
            touched(claim_id) AS (
                SELECT claim_id FROM lost
                UNION SELECT to_claim_id FROM claim_relation WHERE from_claim_id = ?2 AND kind = 'contradicts'
            )
            SELECT t.claim_id, c.text, \(ContestRule.condition),
                   s.counter_claims - (SELECT count(*) FROM claim_relation
                                       WHERE from_claim_id = ?2 AND to_claim_id = t.claim_id
                                           AND kind = 'contradicts') > 0
                   OR (s.asserts - (SELECT count(*) FROM lost WHERE claim_id = t.claim_id AND stance = 'asserts') > 0
                       AND s.denies - (SELECT count(*) FROM lost WHERE claim_id = t.claim_id
                           AND stance = 'denies') > 0),
                   EXISTS (SELECT 1 FROM attribution WHERE claim_id = t.claim_id AND via_id IS NULL
                       AND state = 'accepted'),
                   EXISTS (SELECT 1 FROM attribution WHERE claim_id = t.claim_id AND via_id IS NULL
                       AND state = 'accepted'
                           AND id NOT IN (SELECT id FROM hit)),
                   (SELECT count(*) FROM (SELECT DISTINCT voice FROM claim_voice WHERE claim_id = t.claim_id
                       LIMIT 2)),
                   (SELECT count(*) FROM (SELECT DISTINCT voice FROM claim_voice v WHERE v.claim_id = t.claim_id
                       AND v.n > (SELECT count(*) FROM lost l
                                  WHERE l.claim_id = v.claim_id AND l.side = v.side AND l.voice = v.voice)
                       LIMIT 2))
            FROM touched t JOIN claim c ON c.id = t.claim_id JOIN claim_stats s ON s.claim_id = t.claim_id
            ORDER BY t.claim_id
            """
        ).map([id, claimID]) { row -> Impact.StandingChange in
            var changes: [Impact.Change] = []
            if row.bool(2) && !row.bool(3) { changes.append(.noLongerContested) }
            if row.bool(4) && !row.bool(5) { changes.append(.noFirstHandSource) }
            if row.int(6) > 1 && row.int(7) == 1 { changes.append(.singleVoice) }
            return Impact.StandingChange(claimID: row.int64(0), claim: row.string(1), changes: changes)
        }.filter { !$0.changes.isEmpty }
    }

    private func citedVerdicts(claimIDs: [Int64]) throws -> [Impact.CitedVerdict] {
        try claimIDs.flatMap { claimID in
            try verdicts(claimID: claimID).map {
                Impact.CitedVerdict(claimID: claimID, rating: $0.rating, reviewer: $0.reviewer, url: $0.url)
            }
        }
    }
}
