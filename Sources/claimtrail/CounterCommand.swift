import ArgumentParser
import ClaimTrail

struct CounterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "counter",
        abstract: "Record that claim B contradicts claim A (B is a counter-claim to A)."
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "The disputed claim's id or text.") var claim: String
    @Argument(help: "The counter-claim's id or text.") var counterClaim: String
    @Option(help: "The source (id, URL or title) that sets the two against each other.") var source: String?

    func run() throws {
        let opened = try store.open()
        let (disputed, counter) = try opened.write {
            let disputed = try opened.resolveClaim(claim).id
            let counter = try opened.resolveClaim(counterClaim).id
            let sourceID = try source.map { try opened.resolveSource($0).id }
            _ = try opened.addRelation(from: counter, to: disputed, kind: .contradicts, sourceID: sourceID)
            return (disputed, counter)
        }
        try emitLine("claim #\(counter) contradicts claim #\(disputed)")
    }
}
