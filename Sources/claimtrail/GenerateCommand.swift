import ArgumentParser
import ClaimTrail

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic dataset for benchmarks: data.jsonl and the same rows as csv/*.csv.",
        discussion: "Deterministic: the same options and seed give the same files. See bench/run.sh."
    )

    @Option(help: "How many claims.") var claims: Count = 10_000
    @Option(help: "How many attributions.") var attributions: Count = 100_000
    @Option(help: "How many speakers (default: claims / 10).") var speakers: Count?
    @Option(help: "How many sources (default: attributions / 20).") var sources: Count?
    @Option(help: "Random seed.") var seed: UInt64 = 42
    @Option(help: "The folder to write into.") var out: String

    func run() throws {
        let totals = try DatasetGenerator(
            claims: claims.value,
            attributions: attributions.value,
            speakers: speakers?.value,
            sources: sources?.value,
            seed: seed
        ).write(to: out)
        try say(
            "wrote \(out)/data.jsonl and \(out)/csv: "
                + "\(totals.attributions) attributions, \(totals.relations) counter-claims"
        )
    }
}
