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
                widths[column] = max(widths[column], Self.displayWidth(cell))
            }
        }
        return cells.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - Self.displayWidth(cell))
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// One line, control characters made visible as spaces, cut to the maximum width.
    private func shorten(_ cell: String) -> String {
        var line = String(cell.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        // General category Cc, which Unicode has fixed for good: no property lookup per character.
        line.unicodeScalars.removeAll { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        guard Self.displayWidth(line) > maximumCellWidth else { return line }
        var cut = "", width = 0
        for character in line {
            let next = Self.width(of: character)
            if width + next > maximumCellWidth - 1 { break }
            cut.append(character)
            width += next
        }
        return cut + "…"
    }

    /// Terminal columns a string takes: East Asian wide characters and emoji take two.
    static func displayWidth(_ text: String) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

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
