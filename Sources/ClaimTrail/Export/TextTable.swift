/// A plain-text table sized by how wide characters look in a terminal,
/// so columns of Cyrillic, Arabic or Chinese names still line up.
public struct TextTable {
    public var headers: [String]
    public var rows: [[String]]
    /// Longer cells are cut with "…"; the full text is in the CSV and JSON forms.
    public var maximumCellWidth: Int

    public init(headers: [String], rows: [[String]], maximumCellWidth: Int = 48) {
        self.headers = headers
        self.rows = rows
        self.maximumCellWidth = maximumCellWidth
    }

    public func render() -> String {
        let cells = ([headers.map { $0.uppercased() }] + rows).map { $0.map(shorten) }
        var widths = [Int](repeating: 0, count: headers.count)
        for row in cells {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.width)
            }
        }
        return cells.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1
                    ? cell.text : cell.text + String(repeating: " ", count: widths[column] - cell.width)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// One line cleaned for a terminal (`TerminalText.line`), cut to the maximum width; and the
    /// columns it takes. A trace prints a few thousand cells, so the usual cell (one line, of
    /// letters, digits, curly quotes and dashes) is measured by its scalars, without finding
    /// where its characters begin and end.
    private func shorten(_ cell: String) -> (text: String, width: Int) {
        let line = TerminalText.line(cell)
        let scalars = line.unicodeScalars
        if scalars.allSatisfy(Self.isOwnColumn) {
            let count = scalars.count
            guard count > maximumCellWidth else { return (line, count) }
            return (String(scalars.prefix(maximumCellWidth - 1)) + "…", maximumCellWidth)
        }
        var width = 0
        var kept = line.startIndex
        var keptWidth = 0
        for index in line.indices {
            width += Self.width(of: line[index])
            if width <= maximumCellWidth - 1 { (kept, keptWidth) = (line.index(after: index), width) }
            if width > maximumCellWidth { return (line[..<kept] + "…", keptWidth + 1) }
        }
        return (line, width)
    }

    /// Whether a scalar is a character of its own, one column wide, in a line without controls:
    /// Latin, Greek and Cyrillic letters, digits, punctuation, curly quotes and dashes. Combining
    /// marks (from U+0300, and U+0483…U+0489) and the zero-width and format characters
    /// (U+200B…U+200F, U+2028…U+202F, U+205F…) are not, nor is any wide or joining script.
    static func isOwnColumn(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300, 0x370...0x482, 0x48A...0x52F, 0x2010...0x2027, 0x2030...0x205E: true
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
