import ArgumentParser
import ClaimTrail

struct ClaimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim", abstract: "Record claims found in the news.", subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a claim; prints its id.",
            discussion: "A claim whose text is already stored (ignoring case, quote style and spacing) is not added again: its id is printed.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The claim, as a plain proposition.") var text: String
        @Option(help: "A topic to group claims by, e.g. 'syria'.") var topic: String?
        @Option(help: "The id of a claim this one contradicts.") var counters: Int64?

        func run() throws {
            let opened = try store.open()
            let claim = try opened.write {
                let claim = try opened.addClaim(text: text, topic: topic)
                if let counters { _ = try opened.addRelation(from: claim.id, to: counters, kind: .contradicts) }
                return claim
            }
            if !claim.created { note("claim already recorded as #\(claim.id)") }
            print(claim.id)
        }
    }
}
