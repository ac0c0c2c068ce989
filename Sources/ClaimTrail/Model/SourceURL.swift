/// A source's URL in the one spelling the store keeps. Scheme and host ignore case (RFC 3986,
/// sections 3.1 and 3.2.2), so `HTTPS://EX.ORG/a` and `https://ex.org/a` are one page and must be one
/// source; they are written in lower case. The path, query and fragment may differ by case on the
/// server, so they are kept as typed, as is anything that does not begin `scheme://`.
enum SourceURL {
    static func normalized(_ url: String) -> String {
        var scalars = Array(url.unicodeScalars)
        guard let colon = scalars.firstIndex(of: ":"), colon > 0, isLetter(scalars[0]),
            scalars[colon...].starts(with: "://".unicodeScalars),
            scalars[..<colon].allSatisfy({
                isLetter($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)
            })
        else { return url }
        let authorityStart = colon + 3
        let authorityEnd =
            scalars[authorityStart...].firstIndex { "/?#".unicodeScalars.contains($0) } ?? scalars.endIndex
        // The host follows any user information, which is case-sensitive.
        let hostStart = scalars[authorityStart..<authorityEnd].lastIndex(of: "@").map { $0 + 1 } ?? authorityStart
        for index in Array(0..<colon) + Array(hostStart..<authorityEnd) where ("A"..."Z").contains(scalars[index]) {
            scalars[index] = Unicode.Scalar(UInt8(scalars[index].value) + 32)
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return String(text)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
