import Foundation

/// Reads an article given by path (`source add --body-file`, `extract`). Article text must be
/// UTF-8, and a missing file and a file in another encoding each get their own one-line error.
public enum TextFile {
    public static func read(atPath path: String) throws -> String {
        let data = try RegularFile.contents(path)
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ClaimTrailError.invalid("\(path): not valid UTF-8")
        }
        return text
    }
}
