import ArgumentParser

/// Lets the store options come before the command, as in `claimtrail --db store.db contested`.
///
/// argument-parser reads an option only after the command that declares it, and every command
/// declares `--db` and `--as` (StoreOptions). Rather than declare them twice, the leading ones are
/// moved right after the command's words (`claim add`), before everything typed after them: given
/// twice, the one after the command wins, since argument-parser keeps the last of a repeated option.
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
        let end = rest.startIndex + commandWordCount(rest)
        return Array(rest[..<end]) + leading + Array(rest[end...])
    }

    /// How many of the first words name a command and its subcommands (`claim add` is two).
    private static func commandWordCount(_ words: ArraySlice<String>) -> Int {
        var command: any ParsableCommand.Type = Claimtrail.self
        var count = 0
        for word in words {
            let named = command.configuration.subcommands.first { subcommand in
                subcommand._commandName == word || subcommand.configuration.aliases.contains(word)
            }
            guard let named else { break }
            command = named
            count += 1
        }
        return count
    }
}
