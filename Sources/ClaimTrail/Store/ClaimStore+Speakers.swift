extension ClaimStore {
    /// Records a speaker with its aliases. Names need not be unique: two officials may share a
    /// description, which is why lookups by name can come back ambiguous.
    /// - Parameter uid: kept from an imported record; a new speaker gets a new one.
    /// - Parameter checkingAliases: refuse the aliases `speaker edit --add-alias` refuses (see
    ///   `checkNewAliases`), as `speaker add --alias` does. An import does not: a store's own export may
    ///   hold such an alias (a merged speaker's name that another speaker also bears), and must import back.
    public func addSpeaker(_ draft: SpeakerDraft, uid: UID? = nil, checkingAliases: Bool = false) throws -> Int64 {
        let name = try Reference.required(draft.name, "a speaker's name", missing: "a speaker needs a name")
        let affiliation = try Reference.clean(draft.affiliation).map { reference in
            guard let speaker = try resolveSpeaker(reference) else {
                throw ClaimTrailError.notFound("no speaker “\(reference)” to be affiliated with")
            }
            return speaker.id
        }
        let wikidata = try Reference.clean(draft.wikidata).map(WikidataID.parse)
        try database.execute(
            """
            INSERT INTO speaker (name, name_key, kind, role, affiliation_id, uid, wikidata) VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [
                name, TextKey.fold(name), draft.kind.rawValue, try Reference.visible(draft.role, "a role"), affiliation,
                (uid ?? UID.make()).text, wikidata?.text,
            ]
        )
        let id = database.lastInsertRowID
        if checkingAliases { try checkNewAliases(draft.aliases, for: id) }
        try addAliases(draft.aliases, to: id)
        return id
    }

    /// Adds names a speaker is also reported under; aliases already known are skipped.
    public func addAliases(_ aliases: [String], to speakerID: Int64) throws {
        let aliases = try aliases.compactMap { try Reference.visible($0, "an alias") }
        if !aliases.isEmpty { try staging.aliasesAdding(to: speakerID) }
        for alias in aliases {
            try database.execute(
                """
                INSERT INTO speaker_alias (speaker_id, alias, alias_key) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING
                """,
                [speakerID, alias, TextKey.fold(alias)]
            )
        }
    }

    /// Refuses an alias a user adds to speaker `speakerID` when it is empty or already names a
    /// speaker: an alias shared by two speakers makes every later lookup by it ambiguous (imports,
    /// `trace`), and one equal to the speaker's own name adds nothing. Its own aliases are skipped.
    func checkNewAliases(_ aliases: [String], for speakerID: Int64) throws {
        for alias in aliases {
            guard let clean = try Reference.visible(alias, "an alias") else {
                throw ClaimTrailError.invalid("an alias cannot be empty")
            }
            for named in try speakers(named: clean) {
                if named.id != speakerID {
                    throw ClaimTrailError.invalid(
                        "“\(clean)” already names speaker #\(named.id) \(named.label); merge the two speakers "
                            + "(speaker merge) or choose another alias"
                    )
                }
                if TextKey.fold(named.name) == TextKey.fold(clean) {
                    throw ClaimTrailError.invalid("“\(clean)” is already the name of speaker #\(speakerID)")
                }
            }
        }
    }

    public func speaker(id: Int64) throws -> Speaker? {
        guard
            var speaker = try database.cached(
                """
                SELECT id, name, kind, role, affiliation_id, wikidata FROM speaker WHERE id = ?
                """
            ).first(
                [id],
                { row in
                    Speaker(
                        id: row.int64(0),
                        name: row.string(1),
                        kind: SpeakerKind(rawValue: row.string(2)) ?? .unknown,
                        role: row.text(3),
                        affiliationID: row.optionalInt64(4),
                        wikidata: row.text(5)
                    )
                }
            )
        else { return nil }
        speaker.aliases = try database.cached("SELECT alias FROM speaker_alias WHERE speaker_id = ? ORDER BY alias")
            .map([id]) { $0.string(0) }
        return speaker
    }

    /// Every speaker whose name or alias folds to the same key as `name`.
    public func speakers(named name: String) throws -> [Speaker] {
        let key = TextKey.fold(name)
        let ids = try database.cached(
            """
            SELECT id FROM speaker WHERE name_key = ?1
            UNION SELECT speaker_id FROM speaker_alias WHERE alias_key = ?1
            ORDER BY 1
            """
        ).map([key]) { $0.int64(0) }
        return try ids.compactMap { try speaker(id: $0) }
    }

    /// The one speaker a reference (`#id`, uid, name or alias, any case) points at, or nil if none.
    /// Several matches are an error that lists them, so the user can pick by id.
    public func resolveSpeaker(_ reference: String) throws -> Speaker? {
        if let uid = UID(reference.trimmed()) { return try speaker(id: id(of: .speaker, uid: uid)) }
        if let id = Reference.id(in: reference) {
            guard let speaker = try speaker(id: id) else { throw ClaimTrailError.notFound("no speaker #\(id)") }
            return speaker
        }
        let matches = try speakers(named: reference)
        guard matches.count <= 1 else {
            let candidates = matches.map { "#\($0.id) \($0.label)" }.joined(separator: "; ")
            throw ClaimTrailError.ambiguous("speaker “\(reference)” is ambiguous: \(candidates); use an id")
        }
        return matches.first
    }

    /// The speaker `reference` names, refusing the uid of a speaker merged away: as the speaker to
    /// merge, it would merge away the speaker it joined. (Ids of merged speakers name nobody, and a
    /// merged speaker's name is the kept one's alias by design.)
    public func requireLiveSpeaker(_ reference: String) throws -> Speaker {
        let found = try UID(reference.trimmed()).flatMap { try record(uid: $0) }
        if let found, found.merged, found.entity == .speaker {
            throw ClaimTrailError.invalid(
                "“\(reference)” was merged into speaker #\(found.id); name speaker #\(found.id) itself"
            )
        }
        return try requireSpeaker(reference)
    }
}
