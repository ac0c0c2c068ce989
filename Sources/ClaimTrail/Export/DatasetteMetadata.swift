import Foundation

/// A `metadata.json` for Datasette (`datasette serve STORE -m metadata.json`), the tool newsrooms
/// browse SQLite files with: what each table and column means, which column names a row (so a
/// link to a claim shows its text, not its number), the facets a fact-checker filters by, and
/// the full-text index of the speaker table.
///
/// Datasette finds the other indexes itself (each declares its table as `content`); the speaker
/// index reads names and aliases through the view `speaker_search`, so it is named here.
public enum DatasetteMetadata {
    /// The metadata for a store that Datasette names `databaseName` (its file name without the
    /// extension), pretty-printed with sorted keys.
    public static func render(databaseName: String) throws -> String {
        let document = JSONValue.fields([
            "title": .string("claimtrail store"),
            "description": .string(
                "Claims found in the news, who said them, in which sources, and how; written by claimtrail."
            ),
            "databases": .object([databaseName: .object(["tables": .object(tables)])]),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    /// One table's or view's entry.
    private static func table(
        _ description: String,
        label: String? = nil,
        facets: [String] = [],
        search: String? = nil,
        columns: KeyValuePairs<String, String>
    ) -> JSONValue {
        var fields: [String: JSONValue] = [
            "description": .string(description),
            "columns": .object(Dictionary(uniqueKeysWithValues: columns.map { ($0.key, JSONValue.string($0.value)) })),
        ]
        if let label { fields["label_column"] = .string(label) }
        if !facets.isEmpty { fields["facets"] = .array(facets.map(JSONValue.string)) }
        if let search {
            fields["fts_table"] = .string(search)
            fields["fts_pk"] = .string("id")
        }
        return .object(fields)
    }

    private static let tables: [String: JSONValue] = [
        "claim": table(
            "A proposition found in the news; one row per wording, whoever said it.",
            label: "text",
            facets: ["topic"],
            columns: [
                "text": "The claim as first recorded (or as corrected).",
                "normalized": "The folded text that makes one claim one row.",
                "topic": "A free label grouping related claims.",
            ]
        ),
        "attribution": table(
            "Who said a claim, in which source, and how. A blank speaker is an unattributed statement.",
            label: "quote",
            facets: ["stance", "mode"],
            columns: [
                "claim_id": "The claim said.", "speaker_id": "Who said it; blank when nobody is named.",
                "source_id": "The article or broadcast it was reported in.",
                "stance": "asserts, denies or questions the claim.",
                "mode": "direct (quoted), indirect (reported speech) or paraphrase.",
                "quote": "The words as reported.", "cue": "The reporting words: \"said\", \"according to\"…",
                "said_on": "The day it was said, when the source gives it.",
                "via_id": "The attribution it reached this source through (the relaying report).",
                "recorded_at": "When it was recorded.", "recorded_by": "Who recorded it.",
                "seen_on": "said_on, else the source's publication date: the day on the timelines.",
            ]
        ),
        "speaker": table(
            "Whoever claims are attributed to: people, organizations, governments, media, anonymous sources.",
            label: "name",
            facets: ["kind"],
            search: "speaker_fts",
            columns: [
                "name": "The name as recorded.", "name_key": "The folded name used for lookups.",
                "kind": "person, organization, government, media, anonymous or unknown.",
                "role": "The title or description reported (\"senior official\").",
                "affiliation_id": "The organization the speaker speaks for.",
            ]
        ),
        "speaker_alias": table(
            "Other names a speaker is reported under.",
            columns: ["alias": "The other name.", "alias_key": "The folded alias used for lookups."]
        ),
        "source": table(
            "An article, broadcast or document in which claims are reported; its title and body are searchable.",
            label: "title",
            columns: [
                "title": "The headline.", "url": "Where it was published.", "outlet": "The publication.",
                "author": "The byline.", "published": "Publication date, YYYY-MM-DD.",
                "body": "The article's text, when recorded.", "body_sha256": "The SHA-256 of the body.",
            ]
        ),
        "claim_relation": table(
            "Claim from_claim_id contradicts (is a counter-claim to) or supports claim to_claim_id.",
            facets: ["kind"],
            columns: ["kind": "contradicts or supports.", "source_id": "Where the relation was reported."]
        ),
        "verdict": table(
            "A fact-checker's rating of a claim, published as ClaimReview.",
            facets: ["rating", "reviewer"],
            columns: ["rating": "The rating as published.", "reviewer": "The fact-checking organization."]
        ),
        "provenance_report": table(
            "The provenance report of `claimtrail export --format csv`: one row per accepted attribution "
                + "(proposals waiting for review are left out), claim by claim, each in timeline order.",
            facets: ["topic", "stance", "mode", "speaker_kind", "contested", "status", "quote_check"],
            columns: [
                "contested": "true when another claim contradicts it, or some assert it while others deny it.",
                "quote_check": "A direct quote against its source's body: verbatim, altered, not_found or no_body; "
                    + "empty until `claimtrail quotes verify` when the body changed since it was found.",
                "counter_claim_ids": "The claims contradicting it, separated by ;.",
                "via_chain": "Who it was relayed through, from this report back to the first: A ← B ← C.",
                "supported_by_claim_ids": "The claims supporting it, separated by ;.",
                "status": "The claim's verification status.", "assignee": "Who holds the claim for checking.",
            ]
        ),
        "contested_claims": table(
            "Contested claims, most disputed first, as `claimtrail contested` lists them.",
            facets: ["topic"],
            columns: [
                "asserting": "Distinct voices asserting it; an unattributed statement is its source's voice.",
                "disputing": "Distinct voices denying or questioning it, or asserting a counter-claim.",
                "counter_claims": "Claims contradicting it.", "sources": "Distinct sources reporting it.",
                "undated_attributions": "Attributions with no date, which first and last seen cannot place.",
            ]
        ),
        "speaker_record": table(
            "Each speaker's record: who they are, and how often they have been recorded asserting, denying or "
                + "questioning claims.",
            facets: ["kind"],
            columns: [
                "aliases": "Other names, separated by ;.", "attributions": "Accepted attributions recorded.",
                "claims": "Distinct claims.", "sources": "Distinct sources.",
                "first_seen": "The earliest day recorded.", "last_seen": "The latest day recorded.",
            ]
        ),
        "change_log": table(
            "Every correction, deletion and merge: who, when, why, and the record before and after.",
            facets: ["entity", "action"],
            columns: ["before": "The record before, as JSON.", "after": "The record after, as JSON."]
        ),
    ]
}
