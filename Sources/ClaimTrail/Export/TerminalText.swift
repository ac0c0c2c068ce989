/// Stored or typed text made safe to show in a terminal: the one cleaning applied to every
/// table cell, report header, note and error message written for a person to read.
///
/// A claim, a speaker's role or a file name may hold an ESC sequence that recolours or clears
/// the screen, retitles the window or writes a fake prompt; a C1 control (U+0080…U+009F) that
/// some terminals read as ESC; a line break that starts a line of its own; or a bidirectional
/// override that reorders what follows it on the line. CSV and JSON keep all of these byte for
/// byte; only text for a terminal is cleaned.
public enum TerminalText {
    /// `text` on one line: line breaks and tabs become a space (CR LF one space), and other
    /// control characters (C0, DEL, C1) and the bidirectional controls are dropped.
    public static func line(_ text: String) -> String {
        guard !isClean(text) else { return text }
        var line = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if isLineBreak(scalar) || scalar == "\t" {
                if !(scalar == "\n" && previous == "\r") { line.append(" ") }
            } else if !isControl(scalar) {
                line.append(scalar)
            }
        }
        return String(line)
    }

    /// Whether `text` needs no cleaning, read from its UTF-8 bytes without decoding it: most
    /// cells are clean, and a trace cleans a few thousand of them.
    private static func isClean(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        var text = text
        return text.withUTF8 { utf8 in
            for byte in utf8 {
                if byte < 0x20 || byte == 0x7F { return false }
                // Each sequence below ends in a continuation byte: an ASCII byte ends none.
                if byte >= 0x80 {
                    switch (beforePrevious, previous, byte) {
                    case (_, 0xC2, 0x80...0x9F): return false  // C1 controls, NEL among them
                    case (_, 0xD8, 0x9C): return false  // U+061C ARABIC LETTER MARK
                    case (0xE2, 0x80, 0x8E...0x8F), (0xE2, 0x80, 0xA8...0xAE): return false  // U+200E…F, U+2028…202E
                    case (0xE2, 0x81, 0xA6...0xA9): return false  // U+2066…2069
                    default: break
                    }
                }
                (beforePrevious, previous) = (previous, byte)
            }
            return true
        }
    }

    /// LF, VT, FF, CR, NEL and the line and paragraph separators.
    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The control characters (general category Cc, fixed for good by Unicode) and the
    /// bidirectional marks, embeddings, overrides and isolates.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x61C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
