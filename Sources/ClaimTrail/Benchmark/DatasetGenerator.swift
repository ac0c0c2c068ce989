import Foundation

/// Writes a synthetic newsroom dataset of any size, deterministically from a seed, in two
/// equivalent forms: JSON Lines for `claimtrail import`, and one CSV per table for `sqlite3 .import`.
///
/// Shapes follow real quote data: speakers and claims are Zipf-distributed (a few are everywhere),
/// about one claim in ten is contested (denied, or countered by another claim), some statements
/// reach the page through a relaying outlet, and the text is full of curly quotes, dashes and
/// non-Latin names.
public struct DatasetGenerator {
    public var claims: Int
    public var attributions: Int
    public var speakers: Int
    public var sources: Int
    public var seed: UInt64

    /// Refuses counts the dataset cannot honour, rather than quietly writing more than asked:
    /// a contested claim needs a counter-claim (2 claims), a relay two speakers.
    public init(
        claims: Int,
        attributions: Int,
        speakers: Int? = nil,
        sources: Int? = nil,
        seed: UInt64 = 42
    ) throws {
        self.claims = claims
        self.attributions = attributions
        self.speakers = speakers ?? max(claims / 10, 10)
        self.sources = sources ?? max(attributions / 20, 10)
        self.seed = seed
        let least = [
            ("claims", self.claims, 2), ("attributions", self.attributions, 1), ("speakers", self.speakers, 2),
            ("sources", self.sources, 1),
        ]
        for (option, count, minimum) in least where count < minimum {
            throw ClaimTrailError.invalid("--\(option) must be at least \(minimum), not \(count)")
        }
    }

    /// What was written, for the benchmark to compare against.
    public struct Totals: Sendable {
        public var attributions = 0, relations = 0
    }

    /// Writes `data.jsonl` and `csv/{source,speaker,claim,attribution,claim_relation}.csv` into `directory`.
    @discardableResult
    public func write(to directory: String) throws -> Totals {
        guard !directory.isEmpty else { throw ClaimTrailError.invalid("the output folder cannot be empty") }
        let csvDirectory = directory + "/csv"
        do {
            try FileManager.default.createDirectory(atPath: csvDirectory, withIntermediateDirectories: true)
        } catch {
            throw ClaimTrailError.invalid("cannot create \(csvDirectory): \(error.localizedDescription)")
        }
        let jsonl = try TextOutput.file(atPath: directory + "/data.jsonl")
        var tables: [String: TextOutput] = [:]
        for (table, columns) in Self.tables {
            let output = try TextOutput.file(atPath: "\(csvDirectory)/\(table).csv")
            try output.write(Self.csvRecord(columns))
            tables[table] = output
        }
        var random = SplitMix64(seed: seed)
        var totals = Totals()

        for id in 1...sources {
            let source = (
                title: "Report \(id): “\(Self.words[id % Self.words.count])” – day \(id % 365)",
                url: "https://news.example.org/\(id)", outlet: "Outlet \(id % 50)", published: Self.date(id)
            )
            try jsonl.write(
                Self.jsonLine([
                    "type": .string("source"), "title": .string(source.title), "url": .string(source.url),
                    "outlet": .string(source.outlet), "published": .string(source.published),
                ])
            )
            try tables["source"]!.write(
                Self.csvRecord([String(id), source.title, source.url, source.outlet, "", source.published, "", ""])
            )
        }
        for id in 1...speakers {
            let name = Self.speakerName(id)
            let kind = Self.kinds[id % Self.kinds.count]
            try jsonl.write(Self.jsonLine(["type": .string("speaker"), "name": .string(name), "kind": .string(kind)]))
            try tables["speaker"]!.write(Self.csvRecord([String(id), name, TextKey.fold(name), kind, "", ""]))
        }
        for id in 1...claims {
            let text = Self.claimText(id)
            // Every 20th claim counters the claim before it: half of the contested claims.
            let counters = id % 20 == 0 ? Self.claimText(id - 1) : nil
            try jsonl.write(
                Self.jsonLine([
                    "type": .string("claim"), "text": .string(text), "topic": .string("topic \(id % 25)"),
                    "counters": counters.map { .array([.string($0)]) },
                ])
            )
            try tables["claim"]!.write(Self.csvRecord([String(id), text, TextKey.fold(text), "topic \(id % 25)"]))
            if counters != nil {
                totals.relations += 1
                try tables["claim_relation"]!.write(
                    Self.csvRecord([String(totals.relations), String(id), String(id - 1), "contradicts", ""])
                )
            }
        }

        let claimPicker = ZipfSampler(count: claims, exponent: 1.0)
        let speakerPicker = ZipfSampler(count: speakers, exponent: 1.1)
        while totals.attributions < attributions {
            let claim = claimPicker.sample(&random)
            let speaker = speakerPicker.sample(&random)
            let source = Int(random.next() % UInt64(sources)) + 1
            // Claims divisible by 10 are the disputed ones: a third of their attributions deny.
            let stance =
                claim % 10 == 0 && random.next() % 3 == 0
                ? "denies" : (random.next() % 20 == 0 ? "questions" : "asserts")
            let quote =
                "“\(Self.words[Int(random.next() % UInt64(Self.words.count))]),” – "
                + "\(Self.words[claim % Self.words.count]) #\(totals.attributions + 1) 🗞"
            let relayed = random.next() % 20 == 0 && totals.attributions + 2 <= attributions
            var via: Int?
            if relayed {
                // The outlet's relay first, then the original statement through it.
                let outlet = (speaker % speakers) + 1
                totals.attributions += 1
                try emitAttribution(
                    id: totals.attributions,
                    claim: claim,
                    speaker: outlet,
                    source: source,
                    stance: "asserts",
                    quote: "relayed: " + quote,
                    via: nil,
                    jsonl: jsonl,
                    csv: tables["attribution"]!
                )
                via = totals.attributions
            }
            totals.attributions += 1
            try emitAttribution(
                id: totals.attributions,
                claim: claim,
                speaker: speaker,
                source: source,
                stance: stance,
                quote: quote,
                via: via,
                jsonl: jsonl,
                csv: tables["attribution"]!
            )
        }
        try jsonl.close()
        for output in tables.values { try output.close() }
        return totals
    }

    private func emitAttribution(
        id: Int,
        claim: Int,
        speaker: Int,
        source: Int,
        stance: String,
        quote: String,
        via: Int?,
        jsonl: TextOutput,
        csv: TextOutput
    ) throws {
        let mode = id % 3 == 0 ? "direct" : "indirect"
        let cue = Self.cues[id % Self.cues.count]
        let relay = via.map { _ in
            JSONValue.fields([
                "speaker": .string(Self.speakerName((speaker % speakers) + 1)), "quote": .string("relayed: " + quote),
            ])
        }
        try jsonl.write(
            Self.jsonLine([
                "type": .string("attribution"), "claim": .string(Self.claimText(claim)),
                "speaker": .string(Self.speakerName(speaker)),
                "source": .string("https://news.example.org/\(source)"), "stance": .string(stance),
                "mode": .string(mode),
                "quote": .string(quote), "cue": .string(cue), "recorded_at": .string(Self.recordedAt),
                "recorded_by": .string("generator"), "via": relay,
            ])
        )
        try csv.write(
            Self.csvRecord([
                String(id), String(claim), String(speaker), String(source), stance, mode, quote, cue, "",
                via.map(String.init) ?? "", Self.recordedAt, "generator",
            ])
        )
    }

    /// One CSV record for `sqlite3 .import`, which wants every cell as it is (no formula guard).
    private static func csvRecord(_ fields: [String]) -> String {
        CSV.line(fields, cells: .raw)
    }

    static let tables: [(String, [String])] = [
        ("source", ["id", "title", "url", "outlet", "author", "published", "body", "body_sha256"]),
        ("speaker", ["id", "name", "name_key", "kind", "role", "affiliation_id"]),
        ("claim", ["id", "text", "normalized", "topic"]),
        (
            "attribution",
            [
                "id", "claim_id", "speaker_id", "source_id", "stance", "mode", "quote", "cue", "said_on", "via_id",
                "recorded_at", "recorded_by",
            ]
        ),
        ("claim_relation", ["id", "from_claim_id", "to_claim_id", "kind", "source_id"]),
    ]

    private static let recordedAt = "2026-01-01T00:00:00Z"
    private static let words = [
        "missile strike", "flotilla", "ceasefire", "drone", "sanctions", "airspace", "convoy",
        "deconfliction", "Kalibr", "triumvirate", "escalation", "withdrawal",
    ]
    private static let givenNames = ["Maria", "Мария", "Oana", "Sergei", "Сергей", "محمد", "李", "Zoë", "José", "Ngozi"]
    private static let kinds = ["person", "person", "government", "organization", "media", "anonymous"]
    private static let cues = ["said", "told the press", "according to", "claimed", "insisted", "warned"]

    static func speakerName(_ id: Int) -> String { "\(givenNames[id % givenNames.count]) Speaker-\(id)" }
    static func claimText(_ id: Int) -> String {
        "Claim \(id): the “\(words[id % words.count])” report – \(id % 7 == 0 ? "denied" : "confirmed")"
    }
    static func date(_ id: Int) -> String {
        let day = id % 365
        let months = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var month = 0
        var rest = day
        while rest >= months[month] {
            rest -= months[month]
            month += 1
        }
        let twoDigits = { (number: Int) in number < 10 ? "0\(number)" : "\(number)" }
        return "2018-\(twoDigits(month + 1))-\(twoDigits(rest + 1))"
    }

    private static func jsonLine(_ fields: KeyValuePairs<String, JSONValue?>) -> String {
        JSONValue.fields(fields).line + "\n"
    }
}

/// A small, fast, seedable generator (SplitMix64), so the same seed gives the same dataset everywhere,
/// and a randomized test's failing history can be run again from its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// Draws ranks 1…count with probability proportional to 1/rank^exponent.
struct ZipfSampler {
    private let cumulative: [Double]

    init(count: Int, exponent: Double) {
        var total = 0.0
        cumulative = (1...count).map { rank in
            total += 1 / pow(Double(rank), exponent)
            return total
        }
    }

    func sample(_ random: inout SplitMix64) -> Int {
        let target = random.unit() * cumulative[cumulative.count - 1]
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low + 1
    }
}
