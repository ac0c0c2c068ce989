import Foundation

/// Reads an article given by path (`source add --body-file`, `extract`). Article text must be
/// UTF-8, and a missing file and a file in another encoding each get their own one-line error.
public enum TextFile {
    public static func read(atPath path: String) throws -> String {
        try text(of: try RegularFile.contents(path), from: path)
    }

    /// Reads an article from standard input, to the end (`extract -`).
    public static func readStandardInput() throws -> String {
        try text(of: FileHandle.standardInput.readDataToEndOfFile(), from: "standard input")
    }

    private static func text(of data: Data, from origin: String) throws -> String {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ClaimTrailError.invalid("\(origin): not valid UTF-8")
        }
        return text
    }
}
