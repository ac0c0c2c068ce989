/// schema.org ClaimReview as JSON-LD, one review per verdict, for claims that carry one.
///
/// Each review's `@id` is its verdict's uid and the reviewed Claim's `@id` the claim's, as
/// `urn:uuid:` URNs, so that the same review published twice is one node.
///
/// The context is given inline (`{"@vocab": "https://schema.org/"}`) rather than by URL, so any
/// JSON-LD processor reads the document offline, with the same meaning.
public enum ClaimReviewDocument: StoreDocument {
    public static let context = JSONValue.object(["@vocab": .string("https://schema.org/")])

    /// The document of `scope`, written review by review as the store is read (one read
    /// transaction), so that a download starts at once and only one claim's reviews are held:
    /// the bytes of the document built whole.
    public static func write(
        from store: ClaimStore,
        scope: ClaimScope,
        to emit: @escaping (String) throws -> Void
    ) throws {
        try store.read {
            var json = PrettyJSONStream(emit)
            try json.open()
            try json.member("@context", context)
            try json.openArray("@graph")
            for id in try store.claimIDs(in: scope) {
                for review in try reviews(ofClaim: id, from: store) { try json.element(review) }
            }
            try json.close()
            try json.close()
        }
    }

    /// One review per verdict on the claim; none for a claim without a verdict.
    private static func reviews(ofClaim id: Int64, from store: ClaimStore) throws -> [JSONValue] {
        let verdicts = try store.verdicts(claimID: id)
        guard !verdicts.isEmpty else { return [] }
        let trace = try store.traceClaim("#\(id)")
        return try zip(verdicts, try store.verdictUIDs(claimID: id)).map { verdict, uid in
            .fields([
                "@id": .string("urn:uuid:\(uid)"),
                "@type": .string("ClaimReview"),
                "claimReviewed": .string(trace.claim.text),
                "author": .fields(["@type": .string("Organization"), "name": .string(verdict.reviewer)]),
                "datePublished": .text(verdict.date),
                "url": .text(verdict.url),
                "inLanguage": .text(verdict.language),
                "reviewRating": .fields([
                    "@type": .string("Rating"), "alternateName": .string(verdict.rating),
                    "ratingValue": .number(verdict.score), "bestRating": .number(verdict.best),
                    "worstRating": .number(verdict.worst), "ratingExplanation": .text(verdict.explanation),
                ]),
                "itemReviewed": try itemReviewed(trace, seenAt: verdict.appearanceURL, store: store),
            ])
        }
    }

    /// The reviewed Claim: who asserted it and every article it appeared in, earliest first. Where
    /// the reviewer saw it (`seenAt`, the verdict's appearance URL) comes first, as a CreativeWork
    /// with a URL only, which is how `import` tells it from the articles.
    private static func itemReviewed(_ trace: ClaimTrace, seenAt: String?, store: ClaimStore) throws -> JSONValue {
        let asserting = trace.attributions.filter { $0.stance == .asserts }
        var authors: [JSONValue] = []
        var seenSpeakers = Set<Int64>()
        var appearances: [JSONValue] =
            seenAt.map { [.fields(["@type": .string("CreativeWork"), "url": .string($0)])] } ?? []
        var seenSources = Set<Int64>()
        for row in asserting {
            if let id = row.speakerID, seenSpeakers.insert(id).inserted, let speaker = try store.speaker(id: id) {
                authors.append(
                    .fields([
                        "@type": .string(schemaType(of: speaker.kind)), "name": .string(speaker.name),
                        "jobTitle": .text(speaker.role),
                        "sameAs": .text(speaker.wikidata.flatMap { WikidataID($0) }?.entityURL),
                    ])
                )
            }
            if seenSources.insert(row.sourceID).inserted {
                appearances.append(appearance(row, notice: try store.publisherNotice(ofSource: row.sourceID)))
            }
        }
        return .fields([
            "@id": .text(try store.uid(of: .claim, id: trace.claim.id).map { "urn:uuid:\($0)" }),
            "@type": .string("Claim"),
            "author": authors.isEmpty ? nil : .array(authors),
            "datePublished": .text(asserting.first?.date),
            "appearance": appearances.isEmpty ? nil : .array(appearances),
            "firstAppearance": appearances.dropFirst(seenAt == nil ? 0 : 1).first,
        ])
    }

    /// An article the claim appeared in. A retraction or correction by its publisher goes in
    /// schema.org's `correction` of a CreativeWork, as CorrectionComments: the retraction's dated.
    private static func appearance(_ row: ProvenanceRow, notice: PublisherNotice) -> JSONValue {
        let retraction = notice.retractedOn.map { day in
            JSONValue.fields([
                "@type": .string("CorrectionComment"), "datePublished": .string(day),
                "text": .string("Retracted: " + (notice.retractionReason ?? "no reason given")),
            ])
        }
        let correction = notice.correctionNote.map {
            JSONValue.fields(["@type": .string("CorrectionComment"), "text": .string($0)])
        }
        let corrections = [retraction, correction].compactMap { $0 }
        return .fields([
            "@type": .string("NewsArticle"), "headline": .string(row.sourceTitle), "url": .text(row.sourceURL),
            "datePublished": .text(row.published),
            "author": row.sourceAuthor.map { .object(["@type": .string("Person"), "name": .string($0)]) },
            "publisher": row.sourceOutlet.map { .object(["@type": .string("Organization"), "name": .string($0)]) },
            "correction": corrections.isEmpty ? nil : .array(corrections),
        ])
    }

    static func schemaType(of kind: SpeakerKind) -> String {
        switch kind {
        case .person, .anonymous: "Person"
        case .government: "GovernmentOrganization"
        case .media: "NewsMediaOrganization"
        case .organization, .unknown: "Organization"
        }
    }
}
