import Foundation

/// A speaker as `speaker list` gives it: who, of which kind, for whom, under which other names.
public struct SpeakerSummary: Codable, Equatable, Sendable, Tabular {
    public var id: Int64
    public var name: String
    public var kind: SpeakerKind
    public var role: String?
    public var affiliationID: Int64?
    public var affiliation: String?
    public var aliases: [String]
    public var attributions: Int
    /// Its Wikidata item, when linked.
    public var wikidata: String?
    /// Its stable id, for other stores and for published reports.
    public var uid: String?

    public static let columns = [
        "id", "name", "kind", "role", "affiliation_id", "affiliation", "aliases", "attributions", "wikidata", "uid",
    ]

    /// Aliases are joined by "; " in a cell, as counter-claim ids are joined by ";".
    public var cells: [String] {
        [
            String(id), name, kind.rawValue, role ?? "", affiliationID.map(String.init) ?? "", affiliation ?? "",
            aliases.joined(separator: "; "), String(attributions), wikidata ?? "", uid ?? "",
        ]
    }
}

extension ClaimStore {
    /// Speakers by id, of one kind or all.
    public func speakers(kind: SpeakerKind? = nil, _ page: Page = Page()) throws -> Listing<SpeakerSummary> {
        let rows = try database.prepare(
            """
            SELECT sp.id, sp.name, sp.kind, sp.role, sp.affiliation_id, af.name,
                   (SELECT json_group_array(alias) FROM
                      (SELECT alias FROM speaker_alias WHERE speaker_id = sp.id ORDER BY alias)),
                   coalesce((SELECT attributions FROM speaker_stats WHERE speaker_id = sp.id), 0), sp.wikidata, sp.uid
            FROM speaker sp LEFT JOIN speaker af ON af.id = sp.affiliation_id
            WHERE ?1 IS NULL OR sp.kind = ?1
            ORDER BY sp.id LIMIT ?2 OFFSET ?3
            """
        ).map([kind?.rawValue] + page.bounds) { row in
            SpeakerSummary(
                id: row.int64(0),
                name: row.string(1),
                kind: SpeakerKind(rawValue: row.string(2)) ?? .unknown,
                role: row.text(3),
                affiliationID: row.optionalInt64(4),
                affiliation: row.text(5),
                aliases: Self.strings(inJSONArray: row.string(6)),
                attributions: row.int(7),
                wikidata: row.text(8),
                uid: row.text(9)
            )
        }
        let total = try database.prepare("SELECT count(*) FROM speaker WHERE ?1 IS NULL OR kind = ?1")
            .first([kind?.rawValue]) { $0.int(0) }
        return Listing(rows: rows, total: total ?? 0)
    }

    /// The texts of a JSON array of strings, as SQLite's json_group_array writes it: aliases travel
    /// in one column that way, whatever characters they hold.
    private static func strings(inJSONArray json: String) -> [String] {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String] ?? []
    }
}
