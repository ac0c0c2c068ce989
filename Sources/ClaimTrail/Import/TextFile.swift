import Foundation

/// Reads an article from a file (`source add --body-file`, `extract`, an import's `body_file`).
/// Article text must be UTF-8 in a regular file (see `RegularFile`), and a missing file and a
/// file in another encoding each get their own one-line error.
public enum TextFile {
    /// The largest article accepted, as for an import's `body`.
    public static let limit = ImportRecord.bodyLimit

    public static func read(atPath path: String) throws -> String {
        try read(opening: path, named: path, flags: 0)
    }

    /// Reads the file at `path` with extra open `flags` (`O_NOFOLLOW`); messages name it `name`.
    /// - Parameter hardLinkRefusal: the error for a file with more than one hard link, if it is refused.
    static func read(
        opening path: String,
        named name: String,
        flags: Int32,
        hardLinkRefusal: String? = nil
    ) throws -> String {
        let data = try RegularFile.contents(
            path,
            named: name,
            flags: flags,
            hardLinkRefusal: hardLinkRefusal,
            limit: limit
        )
        return try text(of: data, from: name)
    }

    /// Reads an article from standard input, to the end (`extract -`).
    public static func readStandardInput() throws -> String {
        try text(of: FileHandle.standardInput.readDataToEndOfFile(), from: "standard input")
    }

    /// The text, without a UTF-8 byte order mark at its start: Windows editors write one, and it is
    /// no part of the text. Kept, it became the first character of a password read from a file (which
    /// then never matched the one typed at sign-in), of a reconciliation file's header (refused), and
    /// of an article's body.
    private static func text(of data: Data, from origin: String) throws -> String {
        let data = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ClaimTrailError.invalid("\(origin): not valid UTF-8")
        }
        return text
    }
}
