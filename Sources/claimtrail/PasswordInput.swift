import ClaimTrail
import Foundation

/// Where a new password comes from: a file (for scripts), or a prompt that does not echo.
/// Never an argument, which other users of the machine can read in the process list.
enum PasswordInput {
    static func read(file: String?) throws -> String {
        let password = try file.map(fromFile) ?? fromTerminal()
        try Account.checkPassword(password)
        return password
    }

    /// The file's first line; a trailing line break (LF or CRLF) is not part of the password. Split by
    /// byte: as Characters, CRLF is one that is not "\n", so a file with Windows line ends gave the
    /// whole file as the password, line breaks included, and the account could never sign in.
    private static func fromFile(_ path: String) throws -> String {
        let line = try TextFile.read(atPath: path).utf8.prefix { $0 != UInt8(ascii: "\n") }
        return String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
    }

    private static func fromTerminal() throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            throw ClaimTrailError.invalid("no terminal to ask for a password on; pass --password-file FILE")
        }
        let first = try prompt("Password: ")
        try Account.checkPassword(first)
        guard try prompt("Again: ") == first else { throw ClaimTrailError.invalid("the two passwords differ") }
        return first
    }

    /// Reads one line from the terminal with echo off, and turns echo back on whatever happens.
    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw ClaimTrailError.invalid("no password given") }
        return line
    }
}
