import ArgumentParser
import Foundation

/// How wide a read command's tables may be.
///
/// On a terminal, tables fit its width: the ioctl's, else $COLUMNS, else 100; the longest cells
/// are cut with "…". Written to a file or a pipe, nothing is cut, since `grep` or a pager needs
/// the whole text. `--wide` keeps every cell whole on a terminal too.
struct TableOptions: ParsableArguments {
    @Flag(help: "Keep every table cell whole, however wide the terminal.") var wide = false

    /// The columns tables must fit in, or nil for no cut.
    var width: Int? {
        guard !wide, isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 {
            return columns
        }
        return 100
    }
}
