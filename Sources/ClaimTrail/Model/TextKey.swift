import Foundation

/// Folds text into a key for matching, so that “Russia’s MoD” and "russia's  mod" are one name.
///
/// Folding: Unicode canonical composition, lower case in every script, curly quotes and
/// dashes made plain, runs of white space made one space, and outer white space and
/// trailing full stops dropped. Default-ignorable code points are dropped wherever they stand
/// (zero-width spaces and joiners, bidirectional marks, byte-order marks, variation selectors),
/// as Unicode's NFKC_Casefold drops them: pasted text carries them unseen, and "X" with a trailing
/// U+200E must find the claim "X", not become a second one beside it (migration 025 refolded the
/// keys stored before).
public enum TextKey {
    public static func fold(_ text: String) -> String {
        var folded = ""
        var pendingSpace = false
        for scalar in text.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            // The first default-ignorable code point is U+00AD: ASCII never asks for its properties.
            if scalar.value >= 0xAD, scalar.properties.isDefaultIgnorableCodePoint { continue }
            if scalar.isWhitespace {
                pendingSpace = !folded.isEmpty
                continue
            }
            if pendingSpace {
                folded.append(" ")
                pendingSpace = false
            }
            folded.unicodeScalars.append(plain(scalar))
        }
        while folded.hasSuffix(".") { folded.removeLast() }
        return folded
    }

    private static func plain(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "\u{2018}", "\u{2019}", "\u{201B}", "\u{2032}": "'"
        case "\u{201C}", "\u{201D}", "\u{201F}", "\u{00AB}", "\u{00BB}", "\u{2033}": "\""
        case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}": "-"
        default: scalar
        }
    }
}
