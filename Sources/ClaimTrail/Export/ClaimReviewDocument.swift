/// schema.org ClaimReview as JSON-LD, one review per verdict, for claims that carry one.
///
/// The context is given inline (`{"@vocab": "https://schema.org/"}`) rather than by URL, so any
/// JSON-LD processor reads the document offline, with the same meaning.
public enum ClaimReviewDocument {
    public static let context = JSONValue.object(["@vocab": .string("https://schema.org/")])

    public static func render(from store: ClaimStore, scope: ClaimScope) throws -> String {
        try store.read { try render(claimIDs: try store.claimIDs(in: scope), from: store) }
    }

    private static func render(claimIDs: [Int64], from store: ClaimStore) throws -> String {
        var reviews: [JSONValue] = []
        for id in claimIDs {
            let verdicts = try store.verdicts(claimID: id)
            guard !verdicts.isEmpty else { continue }
            let trace = try store.traceClaim("#\(id)")
            for verdict in verdicts {
                reviews.append(
                    .fields([
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
                )
            }
        }
        return try JSONValue.object(["@context": context, "@graph": .array(reviews)]).rendered()
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
                    ])
                )
            }
            if seenSources.insert(row.sourceID).inserted { appearances.append(appearance(row)) }
        }
        return .fields([
            "@type": .string("Claim"),
            "author": authors.isEmpty ? nil : .array(authors),
            "datePublished": .text(asserting.first?.date),
            "appearance": appearances.isEmpty ? nil : .array(appearances),
            "firstAppearance": appearances.dropFirst(seenAt == nil ? 0 : 1).first,
        ])
    }

    private static func appearance(_ row: ProvenanceRow) -> JSONValue {
        .fields([
            "@type": .string("NewsArticle"), "headline": .string(row.sourceTitle), "url": .text(row.sourceURL),
            "datePublished": .text(row.published),
            "author": row.sourceAuthor.map { .object(["@type": .string("Person"), "name": .string($0)]) },
            "publisher": row.sourceOutlet.map { .object(["@type": .string("Organization"), "name": .string($0)]) },
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
