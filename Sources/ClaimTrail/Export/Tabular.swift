/// A report row that can be shown as a table row and written as a CSV record.
public protocol Tabular {
    /// Column names, in snake_case to match the JSON keys.
    static var columns: [String] { get }
    /// The row's values, full length, in `columns` order.
    var cells: [String] { get }
}

/// The forms a read command can print.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Aligned columns for reading in a terminal; long text is shortened to the terminal's width.
    case table
    case csv
    case json
}

extension ReportFormat {
    /// Renders rows in this format. Tables shorten long cells to fit `width` (nil: no cut); CSV
    /// and JSON keep every character, except that CSV neutralises cells a spreadsheet would run as
    /// formulas unless `cells` is `.raw`.
    public func render<Row: Tabular & Encodable>(
        _ rows: [Row],
        width: Int? = nil,
        cells: CSV.Cells = .neutralised
    ) throws -> String {
        switch self {
        case .table: TextTable(headers: Row.columns, rows: rows.map(\.cells)).render(width: width)
        case .csv: ([Row.columns] + rows.map(\.cells)).map { CSV.line($0, cells: cells) }.joined()
        case .json: try JSONReport.encode(rows)
        }
    }
}
