import ArgumentParser
import ClaimTrail

/// `--raw-cells`, on every command that writes CSV: by default a cell that a spreadsheet would
/// run as a formula is neutralised with a leading `'`; programs that read the CSV ask for raw cells.
struct CSVOptions: ParsableArguments {
    @Flag(help: "In CSV, write cells beginning with = + - @ tab or CR as they are, without the leading '.")
    var rawCells = false

    var cells: CSV.Cells { rawCells ? .raw : .neutralised }
}
