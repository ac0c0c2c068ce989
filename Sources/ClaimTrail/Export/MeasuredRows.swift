/// The rows of a streamed table, cleaned for the terminal and measured in the pass that sizes its
/// columns, and kept as bytes in a `SpillFile` until the columns are known: the table is then
/// written from them, without reading the store a second time or cleaning and measuring a cell
/// twice (the second read was about half of a busy claim's table). Memory holds one row.
///
/// Each row is one record of the spill: for each cell, its width and its UTF-8 length as four
/// little-endian bytes each, then its UTF-8.
final class MeasuredRows {
    private(set) var columns: TextTable.Columns
    /// How many rows were added.
    private(set) var count = 0
    private let spill: SpillFile
    private var record: [UInt8] = []

    init(headers: [String]) throws {
        columns = TextTable.Columns(headers: headers)
        spill = try SpillFile()
    }

    /// Measures a row into the columns, and keeps its cleaned cells.
    func add(_ row: [String]) throws {
        record.removeAll(keepingCapacity: true)
        for var cell in columns.measure(row) {
            cell.text.withUTF8 { utf8 in
                Self.appendNumber(cell.width, to: &record)
                Self.appendNumber(utf8.count, to: &record)
                record.append(contentsOf: utf8)
            }
        }
        try spill.writeRecord(record)
        count += 1
    }

    /// Writes the header line and every row kept, laid out for a terminal `width` columns wide
    /// (nil cuts nothing).
    func write(width: Int?, to output: TextOutput) throws {
        let layout = columns.layout(width: width)
        try output.write(layout.headerLine)
        var cells: [(utf8: UnsafeRawBufferPointer, width: Int)] = []
        try spill.forEachRecord { record in
            cells.removeAll(keepingCapacity: true)
            var offset = 0
            while offset < record.count {
                let width = Self.number(in: record, at: offset)
                let length = Self.number(in: record, at: offset + 4)
                offset += 8
                cells.append((UnsafeRawBufferPointer(rebasing: record[offset..<offset + length]), width))
                offset += length
            }
            try output.append { layout.appendLine(measured: cells, to: &$0) }
        }
    }

    private static func appendNumber(_ number: Int, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: UInt32(number).littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func number(in record: UnsafeRawBufferPointer, at offset: Int) -> Int {
        Int(UInt32(littleEndian: record.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
    }
}
