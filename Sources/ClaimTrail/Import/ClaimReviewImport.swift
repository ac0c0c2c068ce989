/// Imports schema.org ClaimReview: the reviewed claim, the verdict, the claim's authors as
/// speakers and its appearances as sources, each appearance an attribution of the claim.
///
/// Unlike claimtrail's own format, a ClaimReview names people and outlets the store has never
/// seen, so unknown speakers and sources are created here. A review's and its Claim's `@id` of the
/// form `urn:uuid:…` are the verdict's and the claim's uids, and an author's Wikidata `sameAs`
/// links a new speaker.
extension Importer {
    func importClaimReview(_ record: ImportRecord, into summary: inout Summary) throws {
        let review = record.fields
        try JSONLD.checkFieldSizes(review, field: "")
        guard let text = JSONLD.text(review["claimReviewed"]) else {
            throw ClaimTrailError.invalid("a ClaimReview needs “claimReviewed”")
        }
        let item = JSONLD.nodes(review["itemReviewed"]).first ?? [:]
        let claim = try matchClaim(text: text, topic: nil, uid: Self.uid(inURN: item["@id"]), at: record.location)
        if claim.created { summary.claims += 1 } else { summary.existing += 1 }

        let rating = JSONLD.nodes(review["reviewRating"]).first ?? [:]
        // An appearance with a URL and no headline or name is where the claim was seen (a post, a
        // video), not an article: it becomes the verdict's appearance URL rather than a source.
        let allAppearances = JSONLD.nodes(item["firstAppearance"]) + JSONLD.nodes(item["appearance"])
        let isSighting = { (node: [String: Any]) in
            JSONLD.text(node["headline"]) == nil && JSONLD.text(node["name"]) == nil && JSONLD.text(node["url"]) != nil
        }
        guard let reviewer = JSONLD.text(review["author"]) else {
            throw ClaimTrailError.invalid("a ClaimReview needs an “author”")
        }
        let score = try JSONLD.int(rating["ratingValue"], field: "ratingValue")
        let best = try JSONLD.int(rating["bestRating"], field: "bestRating")
        let worst = try JSONLD.int(rating["worstRating"], field: "worstRating")
        let numeric = score.map { score in best.map { "\(score)/\($0)" } ?? String(score) }
        guard let ratingText = JSONLD.text(rating["alternateName"]) ?? numeric else {
            throw ClaimTrailError.invalid("a ClaimReview needs a reviewRating with alternateName or ratingValue")
        }
        let verdict = Verdict(
            rating: ratingText,
            score: score,
            // schema.org's Rating: a scale left out runs from 1 (worst) to 5 (best).
            best: score == nil ? best : best ?? 5,
            worst: score == nil ? worst : worst ?? 1,
            reviewer: reviewer,
            date: try JSONLD.date(review["datePublished"]),
            url: JSONLD.text(review["url"]),
            explanation: JSONLD.text(rating["ratingExplanation"]),
            language: JSONLD.text(review["inLanguage"]),
            appearanceURL: allAppearances.first(where: isSighting).flatMap { JSONLD.text($0["url"]) }
        )
        if try store.verdicts(claimID: claim.id).contains(verdict) {
            summary.existing += 1
        } else {
            try store.setVerdict(verdict, on: claim.id, uid: Self.uid(inURN: review["@id"]), by: recordedBy)
            summary.verdicts += 1
        }

        let speakers = try JSONLD.nodes(item["author"]).compactMap { try speaker($0, into: &summary) }
        let appearances = allAppearances.filter { !isSighting($0) }
        var sources: [Int64] = []
        for appearance in appearances {
            // firstAppearance usually repeats one of the appearances.
            if let source = try source(appearance, into: &summary), !sources.contains(source) { sources.append(source) }
        }
        for source in sources {
            for speaker in speakers.isEmpty ? [nil] : speakers.map(Optional.some) {
                let draft = AttributionDraft(
                    claimID: claim.id,
                    speakerID: speaker,
                    sourceID: source,
                    stance: .asserts,
                    mode: .indirect,
                    date: try JSONLD.date(item["datePublished"])
                )
                if try store.addAttribution(draft, recordedBy: recordedBy).created {
                    summary.attributions += 1
                } else {
                    summary.existing += 1
                }
            }
        }
    }

    private func speaker(_ node: [String: Any], into summary: inout Summary) throws -> Int64? {
        guard let name = JSONLD.text(node["name"]) else { return nil }
        if let known = try store.resolveSpeaker(name) { return known.id }
        let kind: SpeakerKind =
            switch JSONLD.type(of: node) {
            case "Person": .person
            case "GovernmentOrganization": .government
            case "NewsMediaOrganization": .media
            case "Organization": .organization
            default: .unknown
            }
        let sameAs = (node["sameAs"] as? [Any] ?? [node["sameAs"] as Any]).compactMap { $0 as? String }
        let wikidata = sameAs.lazy.compactMap(WikidataID.init(entityURL:)).first
        summary.speakers += 1
        return try store.addSpeaker(
            SpeakerDraft(name: name, kind: kind, role: JSONLD.text(node["jobTitle"]), wikidata: wikidata?.text)
        )
    }

    private func source(_ node: [String: Any], into summary: inout Summary) throws -> Int64? {
        let url = JSONLD.text(node["url"])
        guard let title = JSONLD.text(node["headline"]) ?? JSONLD.text(node["name"]) ?? url else { return nil }
        let draft = SourceDraft(
            title: title,
            url: url,
            outlet: JSONLD.text(node["publisher"]),
            author: JSONLD.text(node["author"]),
            published: try JSONLD.date(node["datePublished"])
        )
        if let existing = try store.findSource(matching: draft) { return existing }
        summary.sources += 1
        return try store.addSource(draft)
    }
}
