import ArgumentParser
import ClaimTrail

struct SpeakerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speaker", abstract: "Record who claims are attributed to.", subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a speaker; prints its id.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The name, or for an anonymous speaker the description ('a senior defense official').")
        var name: String
        @Option(help: "One of: \(SpeakerKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var kind: SpeakerKind = .unknown
        @Option(help: "Title or role, e.g. 'NATO spokesperson'.") var role: String?
        @Option(help: "The speaker (name or id) this one speaks for.") var affiliation: String?
        @Option(name: .customLong("alias"), help: "Another name it is reported under; repeatable.")
        var aliases: [String] = []

        func run() throws {
            let opened = try store.open()
            let id = try opened.write {
                try opened.addSpeaker(SpeakerDraft(name: name, kind: kind, role: role,
                                                   affiliation: affiliation, aliases: aliases))
            }
            print(id)
        }
    }
}
