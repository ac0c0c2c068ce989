import Foundation

/// Checks the command line's bytes before argument-parser reads them.
///
/// Swift decodes each argument as UTF-8 and replaces every invalid byte with U+FFFD, silently: a
/// Latin-1 file name given to `--db` would name another file, and a Latin-1 claim text would be stored
/// damaged. An argument that is not UTF-8 is therefore refused, naming its position.
enum ArgumentEncoding {
    /// A one-line message about the first argument that is not valid UTF-8; nil when all are.
    static func problem(arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, count: Int32) -> String? {
        guard count > 1 else { return nil }
        for position in 1..<Int(count) {
            guard let argument = arguments[position], String(validatingCString: argument) == nil else { continue }
            let bytes = UnsafeBufferPointer(
                start: UnsafeRawPointer(argument).assumingMemoryBound(to: UInt8.self),
                count: strlen(argument)
            )
            return "argument \(position) (\(shown(bytes))) is not valid UTF-8; claimtrail takes UTF-8 text only"
        }
        return nil
    }

    /// The bytes with printable ASCII as is and every other byte as `\xHH`, for the message.
    private static func shown(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        bytes.map {
            (0x20..<0x7F).contains($0) && $0 != 0x5C ? String(UnicodeScalar($0)) : String(format: "\\x%02X", $0)
        }
        .joined()
    }
}
