/// A proposed link of a speaker to a Wikidata item, from a reconciliation file.
public struct LinkProposal: Codable, Equatable, Sendable, Tabular {
    public var id: Int64
    public var speakerID: Int64
    public var speaker: String
    /// The name in the file that matched the speaker's name or one of its aliases.
    public var matchedName: String
    public var wikidata: String
    public var description: String?

    public static let columns = ["id", "speaker_id", "speaker", "matched_name", "wikidata", "description"]
    public var cells: [String] {
        [String(id), String(speakerID), speaker, matchedName, wikidata, description ?? ""]
    }
}

/// Reconciliation in the suggest-then-confirm spirit of extraction review: a file of names and
/// Wikidata items is matched against speakers' names and aliases (folded), and every match becomes
/// a proposal. Nothing is linked until an editor accepts it; nothing is fetched over the network.
extension ClaimStore {
    /// Proposes a link for every speaker whose name or alias matches an entry's name, except
    /// speakers already linked to that item and links proposed before (accepted or rejected).
    /// - Returns: the new proposals.
    public func proposeLinks(_ entries: [ReconciliationFile.Entry], by: String) throws -> [LinkProposal] {
        let last = try database.prepare("SELECT coalesce(max(id), 0) FROM speaker_link_proposal").first { $0.int64(0) }
        for entry in entries {
            for speaker in try speakers(named: entry.name) where speaker.wikidata != entry.item.text {
                try database.execute(
                    """
                    INSERT INTO speaker_link_proposal (speaker_id, wikidata, matched_name, description, proposed_by)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """,
                    [speaker.id, entry.item.text, entry.name, entry.description, by]
                )
            }
        }
        return try linkProposals(where: "p.id > ?", [last ?? 0])
    }

    /// The proposals waiting for a decision, oldest first.
    public func openLinkProposals() throws -> [LinkProposal] {
        try read { try linkProposals(where: "p.status = 'proposed'", []) }
    }

    /// Accepts proposals: each links its speaker to its item, logged as a speaker edit.
    public func acceptLinkProposals(_ ids: [Int64], by: String) throws {
        for proposal in try openProposals(ids) {
            try linkSpeaker(
                proposal.speakerID,
                to: try WikidataID.parse(proposal.wikidata),
                by: by,
                reason: "reconciliation proposal #\(proposal.id) (“\(proposal.matchedName)”)"
            )
            try decide(proposal.id, "accepted", by: by)
        }
    }

    /// Rejects proposals; they are kept, so the same file does not propose them again.
    public func rejectLinkProposals(_ ids: [Int64], by: String) throws {
        for proposal in try openProposals(ids) { try decide(proposal.id, "rejected", by: by) }
    }

    /// The open proposals with these ids, each once (an id named twice is one decision, not a second
    /// one refused as already made); an unknown or decided one is an error, before any change.
    private func openProposals(_ ids: [Int64]) throws -> [LinkProposal] {
        try ProposalReview.once(ids).map { id in
            guard let proposal = try linkProposals(where: "p.id = ?", [id]).first else {
                throw ClaimTrailError.notFound("no link proposal #\(id)")
            }
            let status = try database.cached("SELECT status FROM speaker_link_proposal WHERE id = ?").first([id]) {
                $0.string(0)
            }
            guard status == "proposed" else {
                throw ClaimTrailError.invalid("link proposal #\(id) is already \(status ?? "")")
            }
            return proposal
        }
    }

    private func decide(_ id: Int64, _ status: String, by: String) throws {
        try database.execute(
            "UPDATE speaker_link_proposal SET status = ?, decided_by = ? WHERE id = ?",
            [status, by, id]
        )
    }

    private func linkProposals(where condition: String, _ arguments: [any StatementArgument]) throws -> [LinkProposal] {
        try database.prepare(
            """
            SELECT p.id, p.speaker_id, s.name, p.matched_name, p.wikidata, p.description
            FROM speaker_link_proposal p JOIN speaker s ON s.id = p.speaker_id
            WHERE \(condition) ORDER BY p.id
            """
        ).map(arguments) { row in
            LinkProposal(
                id: row.int64(0),
                speakerID: row.int64(1),
                speaker: row.string(2),
                matchedName: row.string(3),
                wikidata: row.string(4),
                description: row.text(5)
            )
        }
    }
}
