extension ClaimStore {
    /// Records a source. Its body, when given, is kept with its SHA-256.
    /// - Parameter uid: kept from an imported record; a new source gets a new one.
    public func addSource(_ draft: SourceDraft, uid: UID? = nil) throws -> Int64 {
        let title = try Reference.required(draft.title, "a source's title", missing: "a source needs a title")
        let url = Reference.clean(draft.url).map(SourceURL.normalized)
        if let url, let existing = try sourceID(url: url) {
            throw ClaimTrailError.invalid("a source with URL \(url) is already recorded as #\(existing)")
        }
        let published = try Reference.clean(draft.published).map {
            try ISODate.validateArriving($0, field: "published date", kept: uid != nil)
        }
        try database.execute(
            """
            INSERT INTO source (title, url, outlet, author, published, body, body_sha256, uid)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                title, url, try Reference.visible(draft.outlet, "an outlet"),
                try Reference.visible(draft.author, "an author"),
                published,
                draft.body, draft.body.map(SHA256.hex), (uid ?? UID.make()).text,
            ]
        )
        return database.lastInsertRowID
    }

    public func source(id: Int64) throws -> Source? {
        try database.cached(
            """
            SELECT id, title, url, outlet, author, published, body_sha256 FROM source WHERE id = ?
            """
        ).first([id]) { row in
            Source(
                id: row.int64(0),
                title: row.string(1),
                url: row.text(2),
                outlet: row.text(3),
                author: row.text(4),
                published: row.text(5),
                bodySHA256: row.text(6)
            )
        }
    }

    /// Finds a source by `#id`, uid, URL or exact title. The reference is cleaned as titles and URLs
    /// are when stored (outer white space dropped), so `"  Spaced  "` finds the source it created.
    public func resolveSource(_ typed: String) throws -> Source {
        let reference = Reference.clean(typed) ?? typed
        if let uid = UID(reference), let source = try source(id: id(of: .source, uid: uid)) {
            return source
        }
        if let id = Reference.id(in: reference) {
            guard let source = try source(id: id) else { throw ClaimTrailError.notFound("no source #\(id)") }
            return source
        }
        let matches =
            try sourceID(url: reference).map { [$0] }
            ?? database.cached("SELECT id FROM source WHERE title = ? ORDER BY id").map([reference]) { $0.int64(0) }
        guard matches.count < 2 else {
            throw ClaimTrailError.ambiguous(
                "source “\(reference)” is ambiguous: "
                    + matches.map { "#\($0)" }.joined(separator: ", ") + "; use an id or URL"
            )
        }
        // Looked up again by id: outside a transaction, another process may have deleted it since.
        guard let id = matches.first, let source = try source(id: id) else {
            throw ClaimTrailError.notFound("no source with URL or title “\(reference)”")
        }
        return source
    }

    /// The source with this URL, its scheme and host in any case (`SourceURL`). A URL stored before
    /// URLs were normalized is found as it was typed.
    func sourceID(url: String) throws -> Int64? {
        let lookup = try database.cached("SELECT id FROM source WHERE url = ?")
        let normalized = SourceURL.normalized(url)
        if let id = try lookup.first([normalized], { $0.int64(0) }) { return id }
        return normalized == url ? nil : try lookup.first([url]) { $0.int64(0) }
    }
}

extension ClaimStore {
    /// The stored source an imported one is the same as: same URL, or, without a URL,
    /// same title, outlet and author. The unary `+` keeps SQLite from using the URL's unique index
    /// for `url IS NULL`, which would scan every source without a URL (quadratic over an import of
    /// title-only sources); the title index finds the few candidates instead.
    func findSource(matching draft: SourceDraft) throws -> Int64? {
        if let url = Reference.clean(draft.url) { return try sourceID(url: url) }
        return try database.cached(Self.sourceWithoutURLLookup).first([
            Reference.clean(draft.title) ?? "", Reference.clean(draft.outlet), Reference.clean(draft.author),
        ]) {
            $0.int64(0)
        }
    }

    static let sourceWithoutURLLookup =
        "SELECT id FROM source WHERE +url IS NULL AND title = ? AND outlet IS ? AND author IS ? ORDER BY id"
}

extension ClaimStore {
    /// The stored article text, if any.
    public func sourceBody(id: Int64) throws -> String? {
        try database.cached("SELECT body FROM source WHERE id = ?").first([id]) { $0.text(0) } ?? nil
    }
}
