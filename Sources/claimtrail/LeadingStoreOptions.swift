/// Lets the store options come before the command, as in `claimtrail --db store.db contested`.
///
/// argument-parser reads an option only after the command that declares it, and every command
/// declares `--db` and `--as` (StoreOptions). Rather than declare them twice, the leading ones are
/// moved after the command's words, where the command reads them as usual; given twice, the one
/// after the command wins.
enum LeadingStoreOptions {
    static let names: Set<String> = ["--db", "--as"]

    static func movedAfterCommand(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first {
            if names.contains(first), rest.count >= 2 {
                leading += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if let name = first.split(separator: "=", maxSplits: 1).first, names.contains(String(name)) {
                leading.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        // Nothing but options left (`claimtrail --db x --help`): leave the line for the parser to judge.
        guard !leading.isEmpty, rest.contains(where: { !$0.hasPrefix("-") }) else { return arguments }
        // Before a `--`, after which every word is an argument.
        let end = rest.firstIndex(of: "--") ?? rest.endIndex
        return Array(rest[..<end]) + leading + Array(rest[end...])
    }
}
