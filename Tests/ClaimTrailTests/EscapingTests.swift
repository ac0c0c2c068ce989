import Foundation
import Testing

@testable import ClaimTrail

/// Escaping by Unicode scalar: every HTML, DOT and JSON escaper, fed each grapheme-break class
/// before and after each character its format gives a meaning. A `Character` is a grapheme
/// cluster, so `<` after a Prepend mark or `"` before a combining mark is no `<` or `"` to an
/// escaper that matches characters, and the markup byte went through as it was.
@Suite("Escaping by scalar, against every grapheme-break class")
struct EscapingTests {
    static let htmlSpecials: [Unicode.Scalar] = ["<", ">", "&", "\"", "'", "\\", "\n", "\0"]
    static let dotSpecials: [Unicode.Scalar] = ["\"", "\\", "\n", "\r", "\0", "{", "}", "[", "]", ";", "=", "<", ">"]
    static let jsonSpecials: [Unicode.Scalar] = ["\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "/"]

    @Test("the classes are found by their properties, and the joining ones are large")
    func classesFound() {
        for graphemeClass in GraphemeClass.allCases {
            #expect(!graphemeClass.scalars.isEmpty, "\(graphemeClass)")
        }
        #expect(GraphemeClass.extend.scalars.count > 1_500)
        #expect(GraphemeClass.spacingMark.scalars.count > 300)
        #expect(GraphemeClass.prepend.scalars.count > 10)
        #expect(GraphemeClass.control.scalars.count > 60)
        #expect(GraphemeClass.hangulLVT.scalars.count > 10_000)
    }

    @Test("HTML: no markup byte escapes, and the entities decode back to the text")
    func html() {
        for (graphemeClass, text) in graphemeAttacks(on: Self.htmlSpecials, samplesPerClass: 400) {
            let escaped = HTMLReport.escape(text)
            #expect(!escaped.utf8.contains { [0x3C, 0x3E, 0x22, 0x27].contains($0) }, "\(graphemeClass): \(escaped)")
            #expect(
                Self.decodeHTML(escaped)
                    == String(
                        String.UnicodeScalarView(
                            text.unicodeScalars.map { HTMLReport.isForbiddenInHTML($0) ? "\u{FFFD}" : $0 }
                        )
                    ),
                "\(graphemeClass)"
            )
        }
    }

    @Test("DOT: no quote or backslash escapes a string literal, and the literal reads back")
    func dot() {
        for (graphemeClass, text) in graphemeAttacks(on: Self.dotSpecials, samplesPerClass: 400) {
            let literal = DOTGraph.quoted(text)
            let expected = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\r" && $0 != "\0" }))
            #expect(Self.readDOTString(literal) == expected, "\(graphemeClass): \(literal)")
        }
    }

    @Test("JSON: every string reads back the same, in a JSON Lines record and in a pretty document")
    func json() throws {
        for (graphemeClass, text) in graphemeAttacks(on: Self.jsonSpecials, samplesPerClass: 400) {
            let line = JSONValue.array([.string(text)]).line
            let foundation = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String]
            let ours = try Array(line.utf8).withUnsafeBytes { try JSONReader.parse($0) } as? [String]
            #expect(ours == [text], "\(graphemeClass): \(line)")
            // Foundation drops a U+FEFF at either end of a string; otherwise it reads the same.
            let withoutBOM = { (text: String) in String(text.unicodeScalars.filter { $0 != "\u{FEFF}" }) }
            #expect(foundation?.map(withoutBOM) == [withoutBOM(text)], "\(graphemeClass): \(line)")
            // The pretty documents (PROV-JSON, ClaimReview, reports) go through JSONEncoder.
            let pretty = try JSONValue.array([.string(text)]).rendered()
            let prettyRead = try Array(pretty.utf8).withUnsafeBytes { try JSONReader.parse($0) } as? [String]
            #expect(prettyRead == [text], "\(graphemeClass): \(pretty)")
        }
    }

    /// Decodes the five entities the report writes, byte by byte; any other `&` fails the decoding.
    static func decodeHTML(_ html: String) -> String? {
        let entities: [(String, UInt8)] = [
            ("&amp;", 0x26), ("&lt;", 0x3C), ("&gt;", 0x3E), ("&quot;", 0x22), ("&#39;", 0x27),
        ]
        var bytes = Array(html.utf8)[...]
        var text: [UInt8] = []
        while let byte = bytes.first {
            guard byte == 0x26 else {
                text.append(byte)
                bytes = bytes.dropFirst()
                continue
            }
            guard let (entity, decoded) = entities.first(where: { bytes.starts(with: $0.0.utf8) }) else { return nil }
            text.append(decoded)
            bytes = bytes.dropFirst(entity.utf8.count)
        }
        return String(validating: text, as: UTF8.self)
    }

    /// Reads a DOT double-quoted string byte by byte as Graphviz does: `\"` is a quote, and the
    /// other backslash pairs are label escapes (`\\`, `\n`) kept as the text they stand for.
    /// Nil when the literal ends early or has a raw line break: what an injection needs.
    static func readDOTString(_ literal: String) -> String? {
        var bytes = Array(literal.utf8)[...]
        guard bytes.popFirst() == 0x22, bytes.popLast() == 0x22 else { return nil }
        var text: [UInt8] = []
        while let byte = bytes.popFirst() {
            switch byte {
            case 0x22, 0x0A, 0x0D: return nil
            case 0x5C:
                switch bytes.popFirst() {
                case 0x5C: text.append(0x5C)
                case 0x22: text.append(0x22)
                case 0x6E: text.append(0x0A)
                default: return nil
                }
            default: text.append(byte)
            }
        }
        return String(validating: text, as: UTF8.self)
    }
}

extension EscapingTests {
    /// A store whose claims, speakers, roles, titles and URLs carry the attacks of each class:
    /// markup split by joining scalars, a `javascript:` URL, and DOT attributes to inject.
    static func attackStore() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        let store = temporary.store
        var number = 0
        for graphemeClass in GraphemeClass.allCases {
            for mark in graphemeClass.samples(6) {
                number += 1
                let m = String(mark)
                let join = { (special: String) in
                    graphemeClass.joinsBefore ? m + special : graphemeClass.joinsAfter ? special + m : m + special + m
                }
                let script = "\(join("<"))script\(join(">"))alert(\(number))\(join("<"))/script\(join(">"))"
                let image = "\(join("<"))img src=x onerror=alert(\(number))\(join(">"))"
                let quoteOut = "x\(join("\"")) onmouseover=\(join("\""))alert(\(number))\(join("'"))"
                let dotURL =
                    "r\(join("\"")), URL=\(join("\""))javascript:alert(\(number))\(join("\"")), x=\(join("\""))"
                let source = try store.addSource(
                    SourceDraft(
                        title: "Title \(number) \(image)",
                        url: number % 2 == 0
                            ? "https://example.org/\(number)?q=\(quoteOut)" : "\(join("j"))avascript:alert(\(number))"
                    )
                )
                let speaker = try store.addSpeaker(
                    SpeakerDraft(name: "Speaker \(number) \(join("\\"))\(quoteOut)", kind: .person, role: dotURL)
                )
                let claim = try store.claim("Claim \(number) \(script) \(join("&"))amp; \(join("\n"))")
                let counter = try store.claim("Counter \(number) \(image)")
                try store.attribute(claim, speaker, in: source, .asserts, quote: quoteOut)
                try store.attribute(counter, speaker, in: source, .denies, quote: script)
                _ = try store.addRelation(from: counter, to: claim, kind: .contradicts, sourceID: source)
            }
        }
        return temporary
    }

    /// The elements and attributes the HTML report writes itself.
    static let reportTags: Set<String> = [
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "h4", "p", "section",
        "span", "strong", "br", "table", "tr", "th", "td", "q", "small", "a", "bdi",
    ]
    static let reportAttributes: Set<String> = ["lang", "charset", "name", "content", "id", "class", "href"]

    @Test("the HTML report, read tag by tag: only its own elements and attributes, links only to http(s)")
    func htmlReport() throws {
        let temporary = try Self.attackStore()
        let tags = try Self.checkTags(in: try HTMLReport.render(from: temporary.store, scope: .all))
        #expect(tags > 1_000)
    }

    @Test(
        "the HTML report in headless Chromium: the DOM holds only the report's own elements and attributes",
        .enabled(if: OutsideClient.enabled("chromium"))
    )
    func htmlReportInChromium() throws {
        let temporary = try Self.attackStore()
        let path = try temporary.file("report.html", try HTMLReport.render(from: temporary.store, scope: .all))
        let dom = try OutsideClient.run(
            "chromium",
            ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + path]
        )
        #expect(dom.status == 0, "\(dom.output)")
        // The parser adds <tbody> to each table; anything else would have come from the data.
        #expect(try Self.checkTags(in: dom.output, alsoAllowed: ["tbody"]) > 1_000)
        #expect(dom.output.contains("Counter-claims"))
    }

    @Test(
        "a right-to-left override in a claim's text stays inside it: the heading's “contested” reads as written",
        .enabled(
            if: OutsideClient.enabled("chromium") && OutsideClient.enabled("chromedriver")
                && OutsideClient.enabled("python3", pythonModule: "selenium")
        )
    )
    func overrideIsolatedInChromium() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let source = try store.addSource(SourceDraft(title: "Wire"))
        let claim = try store.claim("\u{202E}reversed and then more")
        let counter = try store.claim("\u{202E}the counter")
        let speaker = try store.addSpeaker(SpeakerDraft(name: "\u{202E}Ana", kind: .person))
        try store.attribute(claim, speaker, in: source, .asserts)
        try store.attribute(claim, nil, in: source, .denies)
        _ = try store.addRelation(from: counter, to: claim, kind: .contradicts, sourceID: source)
        let html = try HTMLReport.render(from: store, scope: .all)
        #expect(html.contains("<h2>#\(claim) <bdi>\u{202E}reversed and then more</bdi> <span class=\"contested\">"))
        let path = try temporary.file("report.html", html)
        // Where the browser lays out the heading's badge: after the isolated text, on the right,
        // as in any left-to-right line, and reading "contested", not "detsetnoc".
        let script = """
            import json, shutil, sys
            from selenium import webdriver
            from selenium.webdriver.chrome.options import Options
            from selenium.webdriver.chrome.service import Service
            options = Options()
            options.binary_location = shutil.which("chromium")
            for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage"]:
                options.add_argument(argument)
            driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
            try:
                driver.get("file://" + sys.argv[1])
                h2 = driver.find_element("css selector", "h2")
                text = h2.find_element("css selector", "bdi").rect
                badge = h2.find_element("css selector", "span.contested").rect
                print(json.dumps({"badgeAfterText": badge["x"] >= text["x"] + text["width"] - 1}))
            finally:
                # Also when a step fails: Chromium and chromedriver must not outlive the test.
                driver.quit()
            """
        let seen = try #require(try OutsideClient.python(script, [path]) as? [String: Any])
        #expect(seen["badgeAfterText"] as? Bool == true, "\(seen)")
    }

    /// Checks every tag of a page against the report's own elements and attributes, and every
    /// link against http(s) and the page's anchors; returns how many tags there were.
    static func checkTags(in html: String, alsoAllowed: Set<String> = []) throws -> Int {
        let tags = try Self.tags(in: html)
        for tag in tags {
            #expect(reportTags.union(alsoAllowed).contains(tag.name), "injected element <\(tag.name)>")
            for (name, value) in tag.attributes {
                #expect(reportAttributes.contains(name), "injected attribute \(name) on <\(tag.name)>")
                if name == "href" {
                    #expect(value.hasPrefix("#claim-") || value.hasPrefix("https://"), "link to \(value)")
                }
            }
        }
        return tags.count
    }

    @Test(
        "the DOT graph through Graphviz: no link or URL from the data in the SVG",
        .enabled(if: OutsideClient.enabled("dot"))
    )
    func dotGraph() throws {
        let temporary = try Self.attackStore()
        let path = try temporary.file("graph.dot", try DOTGraph.render(from: temporary.store, scope: .all))
        let svg = try OutsideClient.run("dot", ["-Tsvg", path])
        #expect(svg.status == 0, "\(svg.output)")
        #expect(svg.output.contains("<svg"))
        #expect(!svg.output.contains("href"), "a link was injected")
        #expect(!svg.output.contains("<a "), "a link was injected")
        // Every speaker's label survives whole: the role was text, not attributes.
        #expect(svg.output.components(separatedBy: "javascript:alert(").count > GraphemeClass.allCases.count)
    }

    /// The tags of an HTML page, read byte by byte: a `<` always opens a tag of the page's own.
    static func tags(in html: String) throws -> [(name: String, attributes: [(String, String)])] {
        var tags: [(String, [(String, String)])] = []
        var bytes = Array(html.utf8)[...]
        var inStyle = false
        while let open = bytes.firstIndex(of: UInt8(ascii: "<")) {
            // The first `>` outside a quoted attribute value (a serialised DOM leaves `>` in them).
            var quoted = false
            guard
                let end = bytes[open...].firstIndex(where: {
                    if $0 == UInt8(ascii: "\"") { quoted.toggle() }
                    return $0 == UInt8(ascii: ">") && !quoted
                })
            else { break }
            var inside = bytes[(open + 1)..<end]
            bytes = bytes[(end + 1)...]
            let closing = inside.first == UInt8(ascii: "/")
            if closing { inside = inside.dropFirst() }
            let name = inside.prefix { $0 != UInt8(ascii: " ") }
            let text = String(decoding: name, as: UTF8.self)
            if inStyle && !(closing && text == "style") { continue }
            inStyle = text == "style" && !closing
            tags.append((text, text == "!DOCTYPE" ? [] : try attributes(inside.dropFirst(name.count))))
        }
        return tags
    }

    /// `name="value"` pairs, read byte by byte; anything else is an error.
    static func attributes(_ bytes: ArraySlice<UInt8>) throws -> [(String, String)] {
        var pairs: [(String, String)] = []
        let (space, equals, quote) = (UInt8(ascii: " "), UInt8(ascii: "="), UInt8(ascii: "\""))
        var rest = bytes.drop { $0 == space }
        while !rest.isEmpty {
            let name = rest.prefix { $0 != equals && $0 != space }
            rest = rest.dropFirst(name.count)
            guard rest.first == equals, rest.dropFirst().first == quote,
                let close = rest.dropFirst(2).firstIndex(of: quote)
            else {
                throw OutsideClient.Failure(
                    message: "not a quoted attribute: \(String(decoding: bytes, as: UTF8.self))"
                )
            }
            pairs.append(
                (
                    String(decoding: name, as: UTF8.self),
                    String(decoding: rest[(rest.startIndex + 2)..<close], as: UTF8.self)
                )
            )
            rest = rest[(close + 1)...].drop { $0 == space }
        }
        return pairs
    }

    @Test("text returned as it is after a look at its bytes is text the scalar walk leaves alone")
    func plainBytes() {
        // Every scalar to U+FFFF and the planes' last, each alone and inside plain text: the
        // byte check and the walk over scalars agree on each.
        let scalars = (0...0xFFFF).compactMap(Unicode.Scalar.init) + ["\u{1FFFE}", "\u{10FFFF}", "\u{1F600}"]
        for scalar in scalars {
            for text in [String(scalar), "plain \(scalar) text"] {
                let html = text.escaped {
                    HTMLReport.escape(String($0)) == String($0) ? nil : HTMLReport.escape(String($0))
                }
                #expect(HTMLReport.escape(text) == html, "U+\(String(scalar.value, radix: 16))")
                var quoted = ""
                JSONValue.appendQuoted(text, to: &quoted)
                #expect(quoted == "\"" + text.escaped(JSONValue.quotedEscape) + "\"")
            }
        }
    }
}
