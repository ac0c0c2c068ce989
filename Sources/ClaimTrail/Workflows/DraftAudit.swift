/// An audit of a story before it is published: the extractor reads the draft, nothing is
/// recorded, and each proposed claim is set against the store.
///
/// The draft's sourcing is classified as `audit` classifies an article (a speaker the store
/// knows keeps its kind; an unknown description such as "a senior official" counts as
/// anonymous). Each claim is matched to the closest stored claims by full-text search and word
/// overlap, and a match that is contested in the store is flagged with who disputes it, its
/// counter-claims and its verdicts: "this draft repeats a claim that X disputes".
///
/// The extractor finds only what someone is said to have said. A sentence that puts a statement on
/// nobody ("Russia has reportedly deployed …", "it is claimed that …") and that no proposal covers
/// is the draft's own voice hedged: it is listed too, as `unattributed`, with no speaker.
public struct DraftAudit: Encodable, Equatable, Sendable {
    public var attributions: Int
    public var byCategory: [String: Int]
    public var rows: [Row]
    /// Contested stored claims the draft repeats, one entry per draft claim and stored claim.
    public var warnings: [Warning]

    public struct Row: Encodable, Equatable, Sendable {
        /// nil for an unattributed statement; the table shows `(unattributed)`.
        public var speaker: String?
        public var content: String
        public var category: SourcingCategory
        /// The only voice the draft gives for this content.
        public var singleVoice: Bool
        /// The extractor's, for an attribution; nil for an unattributed statement.
        public var confidence: Double?
        public var start: Int
        public var end: Int
        /// The closest stored claims, most similar first.
        public var matches: [SimilarClaim]
    }

    public struct Warning: Equatable, Sendable {
        public var content: String
        public var claimID: Int64
        public var claim: String
        public var similarity: Double
        public var disputedBy: [String]
        public var counterClaims: [Claim]
        public var verdicts: [Verdict]

        /// "this draft repeats a claim that X disputes", "… that X and Y dispute", "… that X, Y and Z dispute".
        public var message: String {
            let who: String
            switch disputedBy.count {
            case 0: who = "a counter-claim disputes"
            case 1: who = "\(disputedBy[0]) disputes"
            default:
                who = disputedBy.dropLast().joined(separator: ", ") + " and \(disputedBy[disputedBy.count - 1]) dispute"
            }
            return "this draft repeats a claim that \(who): #\(claimID) “\(claim)”"
        }
    }

    /// How alike a draft claim and a stored claim must be (share of folded words in common).
    public static let matchThreshold = 0.4
}

extension ClaimStore {
    /// Audits draft text; reads the store and writes nothing.
    public func auditDraft(_ text: String) throws -> DraftAudit {
        let proposals = AttributionExtractor().extract(from: text)
        var voices: [String: Set<String>] = [:]
        for proposal in proposals {
            voices[TextKey.fold(proposal.content), default: []].insert(TextKey.fold(proposal.speaker))
        }
        var categories = Dictionary(uniqueKeysWithValues: SourcingCategory.allCases.map { ($0.rawValue, 0) })
        var rows: [DraftAudit.Row] = []
        var warnings: [DraftAudit.Warning] = []
        var traced: [Int64: ClaimTrace] = [:]
        for proposal in proposals {
            let known = try? resolveSpeaker(proposal.speaker)
            let category = SourcingCategory(
                speakerKind: known?.kind ?? (proposal.speakerIsDescription ? .anonymous : nil),
                attributed: true,
                wording: proposal.cue + " " + proposal.content
            )
            categories[category.rawValue, default: 0] += 1
            let matches = try similarClaims(toText: proposal.content, limit: 3).filter {
                $0.similarity >= DraftAudit.matchThreshold
            }
            for match in matches {
                let trace = try traced[match.id] ?? traceClaim("#\(match.id)")
                traced[match.id] = trace
                guard trace.contested else { continue }
                warnings.append(
                    .init(
                        content: proposal.content,
                        claimID: match.id,
                        claim: match.text,
                        similarity: match.similarity,
                        disputedBy: Self.disputers(of: trace),
                        counterClaims: trace.counterClaims.map(\.claim),
                        verdicts: try verdicts(claimID: match.id)
                    )
                )
            }
            rows.append(
                .init(
                    speaker: proposal.speaker,
                    content: proposal.content,
                    category: category,
                    singleVoice: voices[TextKey.fold(proposal.content)]?.count == 1,
                    confidence: proposal.confidence,
                    start: proposal.start,
                    end: proposal.end,
                    matches: matches
                )
            )
        }
        for statement in Self.hedgedStatements(in: text, outside: proposals) {
            categories[SourcingCategory.unattributed.rawValue, default: 0] += 1
            rows.append(statement)
        }
        return DraftAudit(attributions: proposals.count, byCategory: categories, rows: rows, warnings: warnings)
    }

    /// The sentences that hedge a statement on nobody and that no proposal's content overlaps.
    private static func hedgedStatements(in text: String, outside proposals: [ProposedAttribution]) -> [DraftAudit.Row]
    {
        var rows: [DraftAudit.Row] = []
        for paragraph in TextSegments.paragraphs(text) {
            for sentence in TextSegments.sentences(paragraph) {
                let start = text.utf8.distance(from: text.startIndex, to: sentence.startIndex)
                let end = text.utf8.distance(from: text.startIndex, to: sentence.endIndex)
                let words =
                    " " + TextSegments.words(sentence).filter { !$0.isPunctuation }.map(\.lower).joined(separator: " ")
                    + " "
                guard SourcingCategory.hedges.contains(where: { words.contains(" \($0) ") }),
                    !proposals.contains(where: { $0.start < end && start < $0.end })
                else { continue }
                rows.append(
                    .init(
                        speaker: nil,
                        content: String(sentence),
                        category: .unattributed,
                        singleVoice: false,
                        confidence: nil,
                        start: start,
                        end: end,
                        matches: []
                    )
                )
            }
        }
        return rows
    }

    /// Who denies or questions the claim, and who asserts a claim contradicting it.
    private static func disputers(of trace: ClaimTrace) -> [String] {
        let denying = trace.attributions.filter { $0.stance != .asserts }
        let countering = trace.counterClaims.flatMap(\.attributions).filter { $0.stance == .asserts }
        var names: [String] = []
        for row in denying + countering {
            let name = row.speaker ?? row.sourceTitle
            if !names.contains(name) { names.append(name) }
        }
        return names
    }
}
