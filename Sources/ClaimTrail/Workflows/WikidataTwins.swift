/// Speakers linked to the same Wikidata item: most likely one person or body recorded twice, so
/// `check` offers them for merging. Not an error: an editor may keep two on purpose (a minister and
/// the ministry's spokesperson linked alike by a reconciliation file), so `check` still exits 0.
public struct WikidataTwins: Equatable, Sendable {
    public var item: String
    /// The speakers' ids and names, oldest first.
    public var speakers: [(id: Int64, name: String)]

    public static func == (a: WikidataTwins, b: WikidataTwins) -> Bool {
        a.item == b.item && a.speakers.map(\.id) == b.speakers.map(\.id)
    }

    /// "speakers #3 Oana Lungescu and #9 O. Lungescu share Wikidata Q…; …"
    public var note: String {
        let listed = speakers.map { "#\($0.id) \($0.name)" }
        let names = listed.dropLast().joined(separator: ", ") + " and " + (listed.last ?? "")
        let pair = speakers.prefix(2).map { String($0.id) }.joined(separator: " ")
        return "note: speakers \(names) share Wikidata \(item); if they are one: claimtrail speaker merge \(pair)"
    }
}

extension ClaimStore {
    /// Every Wikidata item that more than one speaker is linked to.
    public func wikidataTwins() throws -> [WikidataTwins] {
        let rows = try database.prepare(
            """
            SELECT wikidata, id, name FROM speaker
            WHERE wikidata IN (SELECT wikidata FROM speaker WHERE wikidata IS NOT NULL GROUP BY 1 HAVING count(*) > 1)
            ORDER BY wikidata, id
            """
        ).map { (item: $0.string(0), id: $0.int64(1), name: $0.string(2)) }
        var twins: [WikidataTwins] = []
        for row in rows {
            if twins.last?.item == row.item {
                twins[twins.count - 1].speakers.append((row.id, row.name))
            } else {
                twins.append(WikidataTwins(item: row.item, speakers: [(row.id, row.name)]))
            }
        }
        return twins
    }
}
