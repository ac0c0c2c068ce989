extension ClaimStore {
    /// A verdict row as JSON, in SQL over `verdict`'s columns, for the change log. The rating is
    /// under `verdict`, which tells a verdict's entry from the claim's own edits (both are filed
    /// under the claim); the uid names the row in every store.
    static let verdictSnapshot = """
        json_object('verdict', rating, 'score', score, 'best', best, 'worst', worst, 'reviewer', reviewer,
                    'reviewed_on', reviewed_on, 'url', url, 'explanation', explanation, 'language', language,
                    'appearance_url', appearance_url, 'uid', uid)
        """

    /// Records a reviewer's verdict on a claim, replacing that reviewer's earlier one.
    /// A revision keeps the verdict's uid: it is the same reviewer's verdict on the same claim.
    /// A revision that changes anything is logged as an edit of the claim, with the verdict as it
    /// was and as it became, so that `--as-of` can show the verdict that stood at a moment.
    /// - Returns: whether it was new (false: a revision of the reviewer's verdict).
    /// - Parameters:
    ///   - uid: kept from an imported record; a new verdict gets a new one.
    ///   - by: who revised it, for the change log.
    @discardableResult
    public func setVerdict(_ verdict: Verdict, on claimID: Int64, uid: UID? = nil, by: String) throws -> Bool {
        guard try claim(id: claimID) != nil else { throw ClaimTrailError.notFound("no claim #\(claimID)") }
        try requireVisibleClaim(claimID)
        let rating = try Reference.required(verdict.rating, "a verdict's rating", missing: "a verdict needs a rating")
        let reviewer = try Reference.required(
            verdict.reviewer,
            "a verdict's reviewer",
            missing: "a verdict needs a reviewer"
        )
        let date = try Reference.clean(verdict.date).map {
            try ISODate.validateArriving($0, field: "verdict date", kept: uid != nil)
        }
        if let score = verdict.score, verdict.best == nil || verdict.worst == nil {
            throw ClaimTrailError.invalid(
                "a verdict's score \(score) needs its scale: give the best and the worst score too"
            )
        }
        if let best = verdict.best, let worst = verdict.worst, let score = verdict.score,
            !(min(best, worst)...max(best, worst)).contains(score)
        {
            throw ClaimTrailError.invalid("score \(score) lies outside \(worst)…\(best)")
        }
        let language = try Reference.clean(verdict.language).map(LanguageTag.validate)
        let snapshot = try database.cached(
            "SELECT \(Self.verdictSnapshot) FROM verdict WHERE claim_id = ? AND reviewer = ?"
        )
        let before = try snapshot.first([claimID, reviewer]) { $0.string(0) }
        try database.execute(
            """
            INSERT INTO verdict (claim_id, rating, score, best, worst, reviewer, reviewed_on, url, explanation,
                                 language, appearance_url, uid)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (claim_id, reviewer) DO UPDATE SET rating = excluded.rating, score = excluded.score,
                best = excluded.best, worst = excluded.worst, reviewed_on = excluded.reviewed_on, url = excluded.url,
                explanation = excluded.explanation, language = excluded.language,
                appearance_url = excluded.appearance_url
            """,
            [
                claimID, rating, verdict.score, verdict.best, verdict.worst, reviewer, date,
                Reference.clean(verdict.url),
                try Reference.visible(verdict.explanation, "an explanation"), language,
                Reference.clean(verdict.appearanceURL),
                (uid ?? UID.make()).text,
            ]
        )
        guard let before else { return true }
        if let after = try snapshot.first([claimID, reviewer], { $0.string(0) }), after != before {
            try database.execute(
                """
                INSERT INTO change_log (changed_by, entity, entity_id, action, claim_id, before, after, reason)
                VALUES (?1, 'claim', ?2, 'edit', ?2, ?3, ?4, 'verdict revised')
                """,
                [by, claimID, before, after]
            )
        }
        return false
    }

    public func verdicts(claimID: Int64) throws -> [Verdict] {
        try database.cached(
            """
            SELECT rating, score, best, worst, reviewer, reviewed_on, url, explanation, language, appearance_url
            FROM verdict WHERE claim_id = ? ORDER BY id
            """
        ).map([claimID]) { row in
            Verdict(
                rating: row.string(0),
                score: row.optionalInt64(1).map(Int.init),
                best: row.optionalInt64(2).map(Int.init),
                worst: row.optionalInt64(3).map(Int.init),
                reviewer: row.string(4),
                date: row.text(5),
                url: row.text(6),
                explanation: row.text(7),
                language: row.text(8),
                appearanceURL: row.text(9)
            )
        }
    }

    /// The uids of a claim's verdicts, in the order of `verdicts(claimID:)`.
    public func verdictUIDs(claimID: Int64) throws -> [String] {
        try database.cached("SELECT uid FROM verdict WHERE claim_id = ? ORDER BY id").map([claimID]) {
            $0.text(0) ?? ""
        }
    }
}
