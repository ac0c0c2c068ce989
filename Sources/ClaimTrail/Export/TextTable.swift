/// A plain-text table sized by how wide characters look in a terminal,
/// so columns of Cyrillic, Arabic or Chinese names still line up.
public struct TextTable {
    public var headers: [String]
    public var rows: [[String]]

    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }

    /// - Parameter width: the terminal columns the table must fit in: the widest columns are cut
    ///   with "…" until it does (the full text is in the CSV and JSON forms). nil keeps every
    ///   cell whole, for output to a file or a pipe, and for `--wide`.
    public func render(width: Int? = nil) -> String {
        let measured = ([headers.map { $0.uppercased() }] + rows).map { $0.map(Self.measure) }
        var natural = [Int](repeating: 0, count: headers.count)
        for row in measured {
            for (column, cell) in row.enumerated() where column < natural.count {
                natural[column] = max(natural[column], cell.width)
            }
        }
        let limits = width.map { Self.fit(natural, headers: measured[0].map(\.width), into: $0) } ?? natural
        let cells = measured.map { row in
            row.enumerated().map { column, cell in
                column < limits.count && cell.width > limits[column]
                    ? Self.shorten(cell.text, to: limits[column]) : cell
            }
        }
        var widths = [Int](repeating: 0, count: headers.count)
        for row in cells {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.width)
            }
        }
        return cells.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 || column >= widths.count
                    ? cell.text : cell.text + String(repeating: " ", count: widths[column] - cell.width)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// The columns of a table too long to hold, measured row by row before it is written row by
    /// row (`TraceReport`'s streamed traces). A cut cell is counted at its column's full limit,
    /// so a column whose every cut cell ends in a wide character may be one space wider than
    /// `render` makes it.
    public struct Columns {
        let headers: [String]
        private var natural: [Int]

        public init(headers: [String]) {
            self.headers = headers.map { $0.uppercased() }
            natural = self.headers.map { TextTable.measure($0).width }
        }

        /// Widens the columns to `row`'s cells, and returns them cleaned and measured, as
        /// `Layout.appendLine(measured:to:)` takes them.
        @discardableResult
        public mutating func measure(_ row: [String]) -> [(text: String, width: Int)] {
            let cells = row.map(TextTable.measure)
            for (column, cell) in cells.enumerated() where column < natural.count {
                natural[column] = max(natural[column], cell.width)
            }
            return cells
        }

        /// The layout for a terminal `width` columns wide, or nil to cut nothing.
        public func layout(width: Int?) -> Layout {
            let headerWidths = headers.map { TextTable.measure($0).width }
            let limits = width.map { TextTable.fit(natural, headers: headerWidths, into: $0) } ?? natural
            return Layout(limits: limits, widths: zip(natural, limits).map { min($0, $1) }, header: headers)
        }
    }

    /// Where each column of a streamed table is cut and padded.
    public struct Layout {
        let limits: [Int]
        let widths: [Int]
        let header: [String]

        /// The header line, capitalised as `render` writes it.
        public var headerLine: String { line(header) }

        /// One row as a line, with its line break.
        public func line(_ row: [String]) -> String {
            var line: [UInt8] = []
            appendLine(row, to: &line)
            return String(decoding: line, as: UTF8.self)
        }

        /// Appends one row as a line, with its line break, as bytes: a streamed trace writes a
        /// line per row, hundreds of thousands, and a `String` grown cell by cell and pad by pad
        /// took much of it.
        func appendLine(_ row: [String], to line: inout [UInt8]) {
            line.reserveCapacity(line.count + widths.reduce(2 * row.count, +))
            for (column, cell) in row.enumerated() {
                var measured = TextTable.measure(cell)
                let width = measured.width
                measured.text.withUTF8 {
                    appendCell(UnsafeRawBufferPointer($0), width: width, column: column, of: row.count, to: &line)
                }
            }
            line.append(UInt8(ascii: "\n"))
        }

        /// Appends one row as `appendLine(_:to:)` does, from cells cleaned and measured already
        /// (`Columns.measure`), as UTF-8: a streamed table keeps them so from the pass that
        /// sized its columns (`MeasuredRows`).
        func appendLine(measured row: [(utf8: UnsafeRawBufferPointer, width: Int)], to line: inout [UInt8]) {
            line.reserveCapacity(line.count + widths.reduce(2 * row.count, +))
            for (column, cell) in row.enumerated() {
                appendCell(cell.utf8, width: cell.width, column: column, of: row.count, to: &line)
            }
            line.append(UInt8(ascii: "\n"))
        }

        /// One cleaned cell of `count`, after the gap before it, cut to its column's limit and
        /// padded to its width (the last cell is not padded).
        private func appendCell(
            _ utf8: UnsafeRawBufferPointer,
            width: Int,
            column: Int,
            of count: Int,
            to line: inout [UInt8]
        ) {
            if column > 0 { line.append(ascii: "  ") }
            var width = width
            if column < limits.count && width > limits[column] {
                let cut = TextTable.shorten(String(decoding: utf8, as: UTF8.self), to: limits[column])
                line.append(contentsOf: cut.text.utf8)
                width = cut.width
            } else {
                line.append(contentsOf: utf8)
            }
            if column < count - 1 && column < widths.count && widths[column] > width {
                line.appendSpaces(widths[column] - width)
            }
        }
    }

    /// The widest each column may be for the table to fit in `width`: one limit for all columns
    /// (the largest that fits, the columns it cuts sharing what is left over), so the narrow
    /// columns stay whole and the long texts share the rest. No column is cut below its header,
    /// or below `floor` columns, since a cell of three letters and "…" tells nobody anything: a
    /// table that cannot fit even so stays at those floors, and its lines wrap.
    static func fit(_ natural: [Int], headers: [Int], into width: Int) -> [Int] {
        let available = width - 2 * max(natural.count - 1, 0)
        let floors = natural.indices.map { min(natural[$0], max($0 < headers.count ? headers[$0] : 0, floor)) }
        let limited = { (limit: Int) in natural.indices.map { max(floors[$0], min(natural[$0], limit)) } }
        guard limited(natural.max() ?? 0).reduce(0, +) > available else { return natural }
        var (low, high) = (0, natural.max() ?? 0)
        while low < high {
            let middle = (low + high + 1) / 2
            if limited(middle).reduce(0, +) <= available { low = middle } else { high = middle - 1 }
        }
        var limits = limited(low)
        var spare = available - limits.reduce(0, +)
        for column in limits.indices where spare > 0 && limits[column] < natural[column] {
            limits[column] += 1
            spare -= 1
        }
        return limits
    }

    /// The fewest columns a cut cell keeps.
    static let floor = 8

    /// One line cleaned for a terminal (`TerminalText.line`), and the columns it takes. A trace
    /// measures every cell of hundreds of thousands of rows, so the usual cell (one line, of
    /// scalars that each make a character of their own: letters, digits, curly quotes, dashes,
    /// ideographs, emoji) is measured by its scalars, without finding where its characters
    /// begin and end.
    static func measure(_ cell: String) -> (text: String, width: Int) {
        var line = TerminalText.line(cell)
        let scalarWidth = line.withUTF8(scalarWidth)
        return (line, scalarWidth ?? line.reduce(0) { $0 + Self.width(of: $1) })
    }

    /// The columns of a line whose every scalar stands alone, read from its UTF-8 (well-formed,
    /// as a `String`'s is) with ASCII, most of it, taken a byte at a time; nil for any other line.
    private static func scalarWidth(_ utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        var (width, index) = (0, 0)
        while index < utf8.count {
            let lead = utf8[index]
            guard lead >= 0x80 else {
                width += 1
                index += 1
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = UInt32(lead & (0x7F >> length))
            for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
            guard let scalar = Unicode.Scalar(value), standsAlone(scalar) else { return nil }
            width += isWide(scalar) ? 2 : 1
            index += length
        }
        return width
    }

    /// The line cut to at most `limit` columns, its last one an "…".
    private static func shorten(_ line: String, to limit: Int) -> (text: String, width: Int) {
        let scalars = line.unicodeScalars
        if scalars.allSatisfy(standsAlone) {
            var (width, kept) = (0, scalars.startIndex)
            for index in scalars.indices {
                let columns = isWide(scalars[index]) ? 2 : 1
                guard width + columns <= limit - 1 else { break }
                width += columns
                kept = scalars.index(after: index)
            }
            return (String(scalars[..<kept]) + "…", width + 1)
        }
        var width = 0
        var kept = line.startIndex
        for index in line.indices {
            width += Self.width(of: line[index])
            guard width <= limit - 1 else { break }
            kept = line.index(after: index)
        }
        let text = String(line[..<kept])
        return (text + "…", text.reduce(0) { $0 + Self.width(of: $1) } + 1)
    }

    /// Whether a scalar is a character of its own whatever stands next to it in a line without
    /// controls, so that a cell of such scalars has as many characters: Latin, Greek, Cyrillic,
    /// Hebrew and Arabic letters, digits, punctuation, curly quotes and dashes, kana, ideographs,
    /// Hangul syllables and the common emoji. Combining marks (from U+0300, U+0483…U+0489, the
    /// Hebrew and Arabic points), the zero-width and format characters (U+200B…U+200F,
    /// U+2028…U+202F, U+205F…), Hangul jamo, the voicing marks of kana, emoji modifiers
    /// (U+1F3FB…U+1F3FF), regional indicators and variation selectors are not, nor is any other
    /// script, which may join.
    static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300, 0x370...0x482, 0x48A...0x52F, 0x5D0...0x5EA, 0x621...0x64A, 0x660...0x669,
            0x2010...0x2027, 0x2030...0x205E, 0x3041...0x3096, 0x30A1...0x30FA, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xAC00...0xD7A3, 0x1F300...0x1F3FA, 0x1F400...0x1F64F:
            true
        default: false
        }
    }

    /// Terminal columns a character takes: East Asian wide characters and emoji take two.
    private static func width(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        return isWide(scalar) ? 2 : 1
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}
