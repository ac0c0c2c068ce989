import Foundation

/// A text folded the way a quote is compared with its source: canonically decomposed (NFD), curly
/// and angle quotes made plain, dashes made a hyphen, every run of white space one space. Case,
/// letters and punctuation stay as written, so what matches after folding is what the source says,
/// typography and Unicode's spellings of one character aside (“é” precomposed or as “e” and a
/// combining accent).
///
/// Each folded scalar keeps the UTF-8 byte span it came from, so a match in the folded text is a
/// span of the original: the offsets `quote_location` stores. A scalar with its combining marks
/// (a starter and the non-starters after it) is decomposed as one, and each scalar of its
/// decomposition keeps the span of the whole: a match begins and ends only where such a cluster
/// does, so “Cafe” is not found in “Café”; and it begins and ends between words, so “is not” is not
/// found in “is nothing”.
struct FoldedText {
    /// The folded scalars' values.
    private(set) var scalars: [UInt32] = []
    /// Where each folded scalar's source starts and ends in the original, in UTF-8 bytes.
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []

    /// Folds `text`. As a quote (`asQuote`), outer quote marks and closing punctuation are dropped
    /// too: “We will win.” is found in `he said "we will win," and left`.
    init(_ text: String, asQuote: Bool = false) {
        var offset = 0
        var pendingSpace: (start: Int, end: Int)?
        var cluster = Cluster()
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            defer { offset += width }
            if scalar.properties.isWhitespace {
                append(&cluster, end: offset)
                pendingSpace = (pendingSpace?.start ?? offset, offset + width)
                continue
            }
            if let space = pendingSpace, !scalars.isEmpty { append(0x20, space.start, space.end) }
            pendingSpace = nil
            if cluster.first != nil && !Self.isStarter(scalar) {
                cluster.marks.append(scalar)
            } else {
                append(&cluster, end: offset)
                (cluster.first, cluster.start) = (scalar, offset)
            }
        }
        append(&cluster, end: offset)
        if asQuote { trimQuoteMarks() }
    }

    /// A starter and the non-starters (combining marks) after it: what is decomposed as one.
    private struct Cluster {
        var first: Unicode.Scalar?
        var marks: [Unicode.Scalar] = []
        var start = 0
    }

    /// Appends a cluster, decomposed, each scalar with the cluster's span; empties it. A lone
    /// scalar that decomposes to itself (ASCII and Latin-1 punctuation, general punctuation such as
    /// curly quotes and dashes, CJK ideographs) takes no trip through Foundation: most text.
    private mutating func append(_ cluster: inout Cluster, end: Int) {
        guard let first = cluster.first else { return }
        if cluster.marks.isEmpty && Self.decomposesToItself(first) {
            append(Self.plain(first).value, cluster.start, end)
        } else {
            var text = String.UnicodeScalarView([first])
            text.append(contentsOf: cluster.marks)
            for scalar in String(text).decomposedStringWithCanonicalMapping.unicodeScalars {
                append(Self.plain(scalar).value, cluster.start, end)
            }
        }
        cluster.first = nil
        cluster.marks.removeAll(keepingCapacity: true)
    }

    /// Canonical combining class 0; every scalar below U+0300 is.
    private static func isStarter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x300 || scalar.properties.canonicalCombiningClass == .notReordered
    }

    /// Ranges with no canonical decomposition (U+2000 and U+2001 have one, to U+2002 and U+2003).
    private static func decomposesToItself(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0xC0 || (0x2002...0x206F).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value)
    }

    /// The original byte span of folded scalars `range`.
    func byteSpan(_ range: Range<Int>) -> Range<Int> {
        range.isEmpty ? 0..<0 : starts[range.lowerBound]..<ends[range.upperBound - 1]
    }

    /// Where `needle` first occurs, as folded scalar positions, beginning and ending where clusters
    /// of the original do (Knuth–Morris–Pratt: linear in both lengths, whatever the text).
    func firstRange(of needle: FoldedText) -> Range<Int>? {
        let pattern = needle.scalars
        guard !pattern.isEmpty, pattern.count <= scalars.count else { return nil }
        var failure = [Int](repeating: 0, count: pattern.count)
        var matched = 0
        for index in 1..<pattern.count {
            while matched > 0 && pattern[index] != pattern[matched] { matched = failure[matched - 1] }
            if pattern[index] == pattern[matched] { matched += 1 }
            failure[index] = matched
        }
        matched = 0
        for (index, value) in scalars.enumerated() {
            while matched > 0 && value != pattern[matched] { matched = failure[matched - 1] }
            if value == pattern[matched] { matched += 1 }
            if matched == pattern.count {
                let range = (index + 1 - matched)..<(index + 1)
                if isClusterBoundary(range.lowerBound) && isClusterBoundary(range.upperBound)
                    && isWordBoundary(range.lowerBound) && isWordBoundary(range.upperBound)
                {
                    return range
                }
                matched = failure[matched - 1]
            }
        }
        return nil
    }

    /// Whether folded position `index` is where a cluster of the original begins (or the end).
    private func isClusterBoundary(_ index: Int) -> Bool {
        index == 0 || index == starts.count || starts[index] != starts[index - 1]
    }

    /// Whether folded position `index` lies between two words rather than inside one: a quote that
    /// ends in “not” is not the body's “nothing”, nor one that starts with “he” its “the”.
    private func isWordBoundary(_ index: Int) -> Bool {
        index == 0 || index == scalars.count
            || !(QuoteWords.isWordScalar(scalars[index - 1]) && QuoteWords.isWordScalar(scalars[index]))
    }

    private mutating func append(_ value: UInt32, _ start: Int, _ end: Int) {
        scalars.append(value)
        starts.append(start)
        ends.append(end)
    }

    private mutating func trimQuoteMarks() {
        let closing: Set<UInt32> = [0x22, 0x27, 0x2E, 0x2C, 0x3B, 0x3A, 0x20]
        var head = 0
        while head < scalars.count, scalars[head] == 0x22 || scalars[head] == 0x27 || scalars[head] == 0x20 {
            head += 1
        }
        var tail = scalars.count
        while tail > head, closing.contains(scalars[tail - 1]) { tail -= 1 }
        scalars = Array(scalars[head..<tail])
        starts = Array(starts[head..<tail])
        ends = Array(ends[head..<tail])
    }

    /// The plain form of a typographic quote mark or dash; any other scalar as it is.
    private static func plain(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2039, 0x203A: "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033, 0x300C, 0x300D, 0x300E, 0x300F: "\""
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: "-"
        default: scalar
        }
    }
}
