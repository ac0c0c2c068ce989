/// Which claims a report covers.
public enum ClaimScope: Sendable {
    case all
    /// Claims that are contested (see `ContestRule`).
    case contested
    /// One claim, with the claims that contradict, support, or are contradicted by it,
    /// so that its counter-claims travel with it.
    case claim(Int64)
}

extension ClaimStore {
    /// The ids of the claims in `scope`, ascending.
    public func claimIDs(in scope: ClaimScope) throws -> [Int64] {
        switch scope {
        case .all:
            // A claim that exists only as a proposal's content is not reported until accepted.
            return try database.cached("SELECT id FROM claim WHERE proposed = 0 ORDER BY id").map { $0.int64(0) }
        case .contested:
            return try database.cached("SELECT id FROM claim c WHERE \(ContestRule.isContested("c.id")) ORDER BY id")
                .map { $0.int64(0) }
        case .claim(let id):
            guard try claim(id: id) != nil else { throw ClaimTrailError.notFound("no claim #\(id)") }
            return try database.cached(
                """
                SELECT ?1 UNION SELECT from_claim_id FROM claim_relation WHERE to_claim_id = ?1
                UNION SELECT to_claim_id FROM claim_relation WHERE from_claim_id = ?1 ORDER BY 1
                """
            ).map([id]) { $0.int64(0) }
        }
    }

    /// The claims in `scope`, ascending by id. Read in one snapshot, so every id found has its row.
    public func claims(in scope: ClaimScope) throws -> [Claim] {
        try read { try claimIDs(in: scope).compactMap { try claim(id: $0) } }
    }

    /// Relations between claims that are both in `ids`, in the order they were recorded.
    public func relations(among ids: [Int64]) throws -> [ClaimRelation] {
        let members = Set(ids)
        return try database.cached("SELECT from_claim_id, to_claim_id, kind, source_id FROM claim_relation ORDER BY id")
            .map { row in
                ClaimRelation(
                    from: row.int64(0),
                    to: row.int64(1),
                    kind: RelationKind(rawValue: row.string(2)) ?? .contradicts,
                    sourceID: row.optionalInt64(3)
                )
            }
            .filter { members.contains($0.from) && members.contains($0.to) }
    }
}

/// One claim contradicting or supporting another.
public struct ClaimRelation: Codable, Equatable, Sendable {
    public var from: Int64
    public var to: Int64
    public var kind: RelationKind
    public var sourceID: Int64?
}
