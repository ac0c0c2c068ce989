extension String {
    /// This text with each character that `replacement` maps to a string replaced by it. The one
    /// loop behind every format's escaping (HTML, DOT, JSON); only their rules differ.
    func escaped(_ replacement: (Character) -> String?) -> String {
        var escaped = ""
        escaped.reserveCapacity(utf8.count)
        for character in self {
            if let replaced = replacement(character) { escaped += replaced } else { escaped.append(character) }
        }
        return escaped
    }
}
