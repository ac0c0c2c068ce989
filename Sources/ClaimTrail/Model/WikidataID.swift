/// A Wikidata item id (`Q42`): what links a speaker to the same person or body in Wikidata,
/// Quotebank and ClaimsKG. It is only stored and exported; nothing is fetched.
public struct WikidataID: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    public var description: String { text }

    /// Checks `^Q[1-9][0-9]*$`, in ASCII: no lower-case q, no leading zero, no other digits.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, bytes.count <= 20, bytes[0] == UInt8(ascii: "Q"), bytes[1] != UInt8(ascii: "0"),
            bytes.dropFirst().allSatisfy({ (0x30...0x39).contains($0) })
        else { return nil }
        self.text = text
    }

    /// The id in `text`, or a one-line error naming what was given.
    public static func parse(_ text: String) throws -> WikidataID {
        guard let id = WikidataID(text) else {
            throw ClaimTrailError.invalid("“\(text)” is not a Wikidata id (Q followed by digits, such as Q42)")
        }
        return id
    }

    /// The item a Wikidata URL names: `http(s)://www.wikidata.org/entity/Q42` or `…/wiki/Q42`.
    public init?(entityURL url: String) {
        let prefixes = ["entity/", "wiki/"].flatMap { path in
            ["https://www.wikidata.org/\(path)", "http://www.wikidata.org/\(path)"]
        }
        guard let prefix = prefixes.first(where: url.hasPrefix) else { return nil }
        self.init(String(url.dropFirst(prefix.count)))
    }

    /// The item's concept URI, as `sameAs` in ClaimReview and PROV-JSON.
    public var entityURL: String { "https://www.wikidata.org/entity/\(text)" }
}
