import Foundation
import Testing

@testable import ClaimTrail

/// `quotes verify` and `quotes drift` run through the binary on store files: the classification,
/// the offsets kept in `quote_location` (read back from the file), and the diffs, parsed from CSV
/// and JSON.
@Suite("Quote verification")
struct QuoteVerificationTests {
    /// A store with one source per body given (nil: no body) and a claim, built with the binary.
    private final class QuoteDesk {
        let temporary: TemporaryStore
        var path: String { temporary.path }

        init(bodies: [String?]) throws {
            temporary = try TemporaryStore()
            for (index, body) in bodies.enumerated() {
                var arguments = ["source", "add", "--title", "Story \(index + 1)", "--outlet", "Outlet \(index + 1)"]
                if let body { arguments += ["--body-file", try temporary.file("body\(index + 1).txt", body)] }
                try run(arguments)
            }
            try run(["claim", "add", "Forces struck the depot"])
            try run(["speaker", "add", "Russian MoD", "--kind", "government"])
        }

        /// Records a direct quote of claim 1 by the ministry; returns the attribution's id.
        @discardableResult
        func quote(_ quote: String, source: Int, via: Int? = nil) throws -> String {
            var arguments = [
                "attribute", "1", "--speaker", "Russian MoD", "--source", String(source), "--mode", "direct",
                "--quote", quote,
            ]
            if let via { arguments += ["--via", String(via)] }
            return try run(arguments).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        @discardableResult
        func run(_ arguments: [String]) throws -> String {
            let result = try Binary.run(arguments, database: path)
            guard result.status == 0 else { throw Failure(description: "\(arguments): \(result.stderr)") }
            return result.stdout
        }

        /// `quotes verify` as parsed CSV rows, keyed by attribution id.
        func verify(_ extra: [String] = []) throws -> [String: [String: String]] {
            let rows = CSVParser.parseWithHeader(try run(["quotes", "verify", "--format", "csv"] + extra))
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["attribution_id"] ?? "", $0) })
        }

        /// What the store file keeps for an attribution, read with a connection of the test's own.
        func kept(_ id: String) throws -> (status: String, start: Int?, end: Int?, sha: String)? {
            let database = try Database(path: path, mode: .existing)
            return try database.prepare(
                "SELECT status, quote_start, quote_end, body_sha256 FROM quote_location WHERE attribution_id = ?"
            ).first([Int64(id)!]) {
                ($0.string(0), $0.optionalInt64(1).map(Int.init), $0.optionalInt64(2).map(Int.init), $0.string(3))
            }
        }

        struct Failure: Error, CustomStringConvertible { let description: String }
    }

    /// The body's bytes in `start..<end`, as text.
    private func passage(_ body: String, _ start: Int?, _ end: Int?) -> String? {
        guard let start, let end else { return nil }
        return String(decoding: Array(body.utf8)[start..<end], as: UTF8.self)
    }

    /// One quote verified against one body: its CSV row, and what the store file keeps of it.
    private func verifyOne(
        _ quote: String,
        in body: String
    ) throws -> (row: [String: String], kept: (status: String, start: Int?, end: Int?, sha: String)) {
        let desk = try QuoteDesk(bodies: [body])
        let id = try desk.quote(quote, source: 1)
        return (try #require(try desk.verify()[id]), try #require(try desk.kept(id)))
    }

    @Test("a quote typed with straight quotes and a hyphen is verbatim against curly quotes and a dash")
    func verbatimAfterFolding() throws {
        let body = "The ministry said: “Our forces didn’t strike the depot — it was empty,” a spokesman added.\n"
        let (row, kept) = try verifyOne("\"Our forces didn't strike the depot - it was empty\"", in: body)
        #expect(row["status"] == "verbatim")
        #expect(row["changes"] == "")
        #expect(kept.status == "verbatim")
        #expect(passage(body, kept.start, kept.end) == "Our forces didn’t strike the depot — it was empty")
        #expect(kept.sha == SHA256.hex(body))
        #expect(row["quote_start"] == kept.start.map(String.init))
    }

    @Test("an altered quote shows the words dropped, added and changed")
    func alteredWithDiff() throws {
        let body = """
            Officials spoke on Monday. The ministry said fifty soldiers were allegedly moved to the northern \
            border overnight, and that no civilians were harmed. Nothing else was announced.
            """
        let desk = try QuoteDesk(bodies: [body])
        let id = try desk.quote("fifteen soldiers were moved to the northern border overnight", source: 1)
        let row = try #require(try desk.verify()[id])
        #expect(row["status"] == "altered")
        #expect(row["changes"] == "“fifty” → “fifteen”; dropped “allegedly”")
        let kept = try #require(try desk.kept(id))
        #expect(
            passage(body, kept.start, kept.end)
                == "fifty soldiers were allegedly moved to the northern border overnight"
        )
        let json = try JSONSerialization.jsonObject(
            with: Data(desk.run(["quotes", "verify", "--format", "json"]).utf8)
        )
        let changes = try #require((json as? [[String: Any]])?.first?["changes"] as? [[String: Any]])
        #expect(changes.map { $0["kind"] as? String } == ["changed", "dropped"])
        #expect(changes.first?["from"] as? String == "fifty")
        #expect(changes.last?["to"] is NSNull)
    }

    @Test("canonically equivalent text is verbatim, at the offsets of the body's own bytes, either way round")
    func canonicallyEquivalentQuotes() throws {
        let precomposed = "Le Caf\u{E9} de la Paix est ouvert"
        let decomposed = "Le Cafe\u{301} de la Paix est ouvert"
        let bodies = [precomposed, decomposed].map { "Il a dit : « \($0) » hier.\n" }
        let desk = try QuoteDesk(bodies: bodies)
        let intoPrecomposed = try desk.quote(decomposed, source: 1)
        let intoDecomposed = try desk.quote(precomposed, source: 2)
        // The accent is in the body, not in the quote: a match may not end inside “é”.
        let accentDropped = try desk.quote("Le Cafe de la Paix est ouvert", source: 1)
        let rows = try desk.verify()
        for (id, body, spelled) in [(intoPrecomposed, bodies[0], precomposed), (intoDecomposed, bodies[1], decomposed)]
        {
            #expect(rows[id]?["status"] == "verbatim")
            #expect(rows[id]?["changes"] == "")
            let kept = try #require(try desk.kept(id))
            // Bytes, not Strings: String equality would take either spelling for the other.
            let expected = try #require(Array(body.utf8).firstRange(of: Array(spelled.utf8)))
            #expect(kept.start == expected.lowerBound)
            #expect(kept.end == expected.upperBound)
            #expect(rows[id]?["quote_start"] == String(expected.lowerBound))
            #expect(rows[id]?["quote_end"] == String(expected.upperBound))
        }
        #expect(rows[accentDropped]?["status"] == "altered")
        #expect(rows[accentDropped]?["changes"] == "“caf\u{E9}” → “cafe”")
    }

    @Test(
        "an altered quote always names its changes, even one in case or punctuation only",
        arguments: ["We will win, this war", "we will win this WAR", "we will - win this war"]
    )
    func alteredNeverWithoutChanges(quote: String) throws {
        let body = "The minister said we will win this war and left the room.\n"
        let (row, kept) = try verifyOne(quote, in: body)
        #expect((row["status"], row["changes"]) == ("altered", "“we will win this war” → “\(quote)”"))
        #expect(passage(body, kept.start, kept.end) == "we will win this war")
    }

    @Test(
        "a quote cut out of longer words is not verbatim: “the tax is not” is no quote of “the tax is nothing”",
        arguments: [
            // The closest passage leaves “nothing” out, and the quote adds its “not”.
            ("the tax is not", "altered", "added “not”", "the tax is"),
            ("he tax is nothing new", "altered", "“the” → “he”", "the tax is nothing new"),
            ("The minister said the tax", "verbatim", "", "The minister said the tax"),
        ]
    )
    func quotesEndBetweenWords(quote: String, status: String, changes: String, passage expected: String) throws {
        let body = "The minister said the tax is nothing new and the plan will go ahead.\n"
        let (row, kept) = try verifyOne(quote, in: body)
        #expect((row["status"], row["changes"]) == (status, changes))
        #expect(passage(body, kept.start, kept.end) == expected)
    }

    @Test("a quote found inside longer words first is found again where it stands as words")
    func wholeWordsFurtherOn() throws {
        let body = "She said the tax is nothing new. He said the tax is not due.\n"
        let (row, kept) = try verifyOne("the tax is not", in: body)
        #expect(row["status"] == "verbatim")
        let expected = try #require(Array(body.utf8).firstRange(of: Array("the tax is not due".utf8)))
        #expect(kept.start == expected.lowerBound)
        #expect(passage(body, kept.start, kept.end) == "the tax is not")
    }

    @Test("a kept or proposed span that cuts words is no verbatim passage: the body is searched again")
    func recheckedSpanStandsAsWords() {
        let locator = QuoteLocator(body: "The minister said the tax is nothing new.")
        // Bytes 18..<32 are “the tax is not”, the start of “the tax is nothing”.
        #expect(locator.recheck("the tax is not", at: 18..<32) == nil)
        #expect(locator.recheck("the tax is", at: 18..<28)?.status == .verbatim)
    }

    @Test("a quote the body does not hold is not_found; a source without a body is no_body")
    func notFoundAndNoBody() throws {
        let desk = try QuoteDesk(bodies: ["The weather was fine and the markets opened higher.", nil])
        let missing = try desk.quote("Our forces struck the depot near the border", source: 1)
        let bodiless = try desk.quote("Our forces struck the depot", source: 2)
        let rows = try desk.verify()
        #expect(rows[missing]?["status"] == "not_found")
        #expect(rows[missing]?["quote_start"] == "")
        #expect(rows[bodiless]?["status"] == "no_body")
        #expect(try desk.kept(missing)?.status == "not_found")
        #expect(try desk.kept(bodiless) == nil)
    }

    @Test("a body edited after its quotes were found makes verify look again, say so, and keep the new place")
    func relocatesAfterBodyEdit() throws {
        let before = "Intro. “We will rebuild the bridge,” the mayor said."
        let desk = try QuoteDesk(bodies: [before])
        let id = try desk.quote("We will rebuild the bridge", source: 1)
        let first = try #require(try desk.kept(id))
        let after = "A longer introduction comes first now. Later: “We will rebuild the old bridge,” the mayor said."
        try desk.run(["source", "edit", "1", "--body-file", try desk.temporary.file("edited.txt", after)])
        let row = try #require(try desk.verify()[id])
        #expect(row["relocated"] == "true")
        #expect(row["status"] == "altered")
        #expect(row["changes"] == "dropped “old”")
        let kept = try #require(try desk.kept(id))
        #expect(kept.sha == SHA256.hex(after))
        #expect(kept.sha != first.sha)
        #expect(passage(after, kept.start, kept.end) == "We will rebuild the old bridge")
        let again = try Binary.run(["quotes", "verify"], database: desk.path)
        #expect(!again.stderr.contains("re-located"))
        #expect(try desk.verify()[id]?["relocated"] == "false")
    }

    @Test("drift across a two-hop relay names the words lost and changed at each hop")
    func driftAcrossTwoHops() throws {
        let desk = try QuoteDesk(bodies: [nil, nil, nil])
        let origin = try desk.quote("Ukrainian forces allegedly shelled the depot", source: 1)
        let first = try desk.quote("Ukrainian forces shelled the depot", source: 2, via: Int(origin))
        let second = try desk.quote("Ukrainian forces shelled the warehouse", source: 3, via: Int(first))
        let lines = try desk.run(["quotes", "drift"])
        #expect(
            lines
                == "Russian MoD → Outlet 1 → Outlet 2 → Outlet 3: “Ukrainian forces shelled the warehouse” "
                + "at Outlet 2: dropped “allegedly” | at Outlet 3: “depot” → “warehouse”\n"
        )
        let json = try JSONSerialization.jsonObject(with: Data(desk.run(["quotes", "drift", "--format", "json"]).utf8))
        let drift = try #require((json as? [[String: Any]])?.first)
        #expect(drift["attribution_id"] as? Int == Int(second))
        let hops = try #require(drift["hops"] as? [[String: Any]])
        #expect(hops.map { $0["to_attribution_id"] as? Int } == [Int(first), Int(second)])
        #expect(((hops[0]["changes"] as? [[String: Any]])?.first?["from"] as? String) == "allegedly")
    }

    @Test("CJK, right-to-left and emoji quotes are found verbatim, and altered ones diff by character or word")
    func unicodeQuotes() throws {
        let body = """
            外交部发言人表示：“我们坚决反对这种做法。”随后会议结束。 \
            قال المتحدث: «لن نتراجع عن هذا القرار» ثم غادر. \
            The fans wrote “we love you 🚀🔥 forever” on the wall.
            """
        let desk = try QuoteDesk(bodies: [body])
        let chinese = try desk.quote("我们坚决反对这种做法", source: 1)
        let changedChinese = try desk.quote("我们强烈反对这种做法", source: 1)
        let arabic = try desk.quote("لن نتراجع عن هذا القرار", source: 1)
        let emoji = try desk.quote("we love you 🚀🔥 forever", source: 1)
        let changedEmoji = try desk.quote("we love you 🚀 forever", source: 1)
        let rows = try desk.verify()
        #expect(rows[chinese]?["status"] == "verbatim")
        #expect(rows[arabic]?["status"] == "verbatim")
        #expect(rows[emoji]?["status"] == "verbatim")
        #expect(rows[changedChinese]?["status"] == "altered")
        #expect(rows[changedChinese]?["changes"] == "“坚 决” → “强 烈”")
        #expect(rows[changedEmoji]?["status"] == "altered")
        #expect(rows[changedEmoji]?["changes"] == "dropped “🔥”")
        let kept = try #require(try desk.kept(arabic))
        #expect(passage(body, kept.start, kept.end) == "لن نتراجع عن هذا القرار")
    }

    @Test("the CSV's quote_check reads kept locations, and looks again without writing when the body changed")
    func csvQuoteCheck() throws {
        let body = "The minister said: “We will open fifty new schools next year,” and left."
        let desk = try QuoteDesk(bodies: [body, nil])
        let verbatim = try desk.quote("We will open fifty new schools next year", source: 1)
        let altered = try desk.quote("We will open fifteen new schools next year", source: 1)
        let missing = try desk.quote("Taxes will fall for everyone in the region", source: 1)
        let bodiless = try desk.quote("We will open schools", source: 2)
        let indirect = try desk.run([
            "attribute", "1", "--speaker", "Russian MoD", "--source", "1", "--mode", "indirect",
        ]).trimmingCharacters(in: .whitespacesAndNewlines)
        let checks = { () throws -> [String: String] in
            let rows = CSVParser.parseWithHeader(try desk.run(["export", "--format", "csv"]))
            #expect(CSVParser.parse(try desk.run(["export", "--format", "csv"])).first?.last == "quote_check")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["attribution_id"] ?? "", $0["quote_check"] ?? "?") })
        }
        let view = { () throws -> [String: String] in
            let database = try Database(path: desk.path, mode: .existing)
            return Dictionary(
                uniqueKeysWithValues: try database.prepare("SELECT attribution_id, quote_check FROM provenance_report")
                    .map { (String($0.int64(0)), $0.text(1) ?? "") }
            )
        }
        let expected = [
            verbatim: "verbatim", altered: "altered", missing: "not_found", bodiless: "no_body", indirect: "",
        ]
        #expect(try checks() == expected)
        #expect(try view() == expected)

        // The body is edited: the kept locations are stale. The export looks again and keeps nothing;
        // the view, which cannot search, shows nothing until `quotes verify` keeps the new places.
        let edited = "The minister said: “We will open fifteen new schools next year,” and left."
        try desk.run(["source", "edit", "1", "--body-file", try desk.temporary.file("edited.txt", edited)])
        let stale = try #require(try desk.kept(verbatim))
        #expect(stale.sha == SHA256.hex(body))
        let swapped = [
            verbatim: "altered", altered: "verbatim", missing: "not_found", bodiless: "no_body", indirect: "",
        ]
        #expect(try checks() == swapped)
        #expect(try desk.kept(verbatim)?.sha == SHA256.hex(body))
        #expect(try view() == [verbatim: "", altered: "", missing: "", bodiless: "no_body", indirect: ""])
        _ = try desk.verify()
        #expect(try view() == swapped)
    }

    @Test("the HTML report marks altered quotes and lists their word changes, escaped")
    func htmlMarksAlteredQuotes() throws {
        let body = "He said: “Profits at <Acme & Sons> rose fifty percent this year,” before leaving."
        let desk = try QuoteDesk(bodies: [body])
        try desk.quote("Profits at <Acme & Sons> rose fifty percent this year", source: 1)
        try desk.quote("Profits <Acme & Co> rose fifteen percent this year", source: 1)
        try desk.quote("Nothing of the kind was ever said here at all", source: 1)
        let html = try desk.run(["export", "--format", "html", "--claim", "1"])
        // A real HTML parser reads the quotes, their classes, and each change's kind, <del> and <ins>.
        let script = """
            import html.parser, json, sys
            class P(html.parser.HTMLParser):
                def __init__(self):
                    super().__init__(); self.quotes = []; self.changes = []; self.notes = []; self.at = None
                def handle_starttag(self, tag, attrs):
                    a = dict(attrs)
                    if tag == 'q': self.quotes.append([a.get('class', ''), '']); self.at = ('q', None)
                    elif tag == 'li' and a.get('class') in ('added', 'dropped', 'changed'):
                        self.changes.append({'kind': a['class'], 'del': '', 'ins': ''}); self.at = ('li', None)
                    elif tag in ('del', 'ins') and self.at and self.at[0] == 'li': self.at = ('li', tag)
                    elif tag == 'div' and 'quote-check' in a.get('class', ''): self.notes.append(a['class'])
                def handle_endtag(self, tag):
                    if tag == 'q' or tag == 'li': self.at = None
                    elif tag in ('del', 'ins') and self.at: self.at = ('li', None)
                def handle_data(self, data):
                    if self.at == ('q', None): self.quotes[-1][1] += data
                    elif self.at and self.at[1]: self.changes[-1][self.at[1]] += data
            p = P(); p.feed(sys.argv[1])
            print(json.dumps({'quotes': p.quotes, 'changes': p.changes, 'notes': p.notes}))
            """
        let parsed = try #require(try OutsideClient.python(script, [html]) as? [String: Any])
        let quotes = try #require(parsed["quotes"] as? [[String]])
        #expect(
            Set(quotes.map { $0.joined(separator: "|") }) == [
                "|Profits at <Acme & Sons> rose fifty percent this year",
                "altered|Profits <Acme & Co> rose fifteen percent this year",
                "not_found|Nothing of the kind was ever said here at all",
            ]
        )
        let changes = try #require(parsed["changes"] as? [[String: String]])
        #expect(
            changes == [
                ["kind": "dropped", "del": "at", "ins": ""],
                ["kind": "changed", "del": "sons", "ins": "co"],
                ["kind": "changed", "del": "fifty", "ins": "fifteen"],
            ]
        )
        #expect(parsed["notes"] as? [String] == ["quote-check altered", "quote-check not_found"])
        #expect(!html.contains("<Acme"))
    }
}
