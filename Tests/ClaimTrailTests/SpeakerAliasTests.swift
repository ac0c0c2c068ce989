import Foundation
import Testing

@testable import ClaimTrail

/// `speaker edit --add-alias` and the "did you mean" suggestions, through the binary.
@Suite("speaker aliases")
struct SpeakerAliasTests {
    private func store(with speakers: [[String]]) throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        for arguments in speakers {
            let added = try Binary.run(["speaker", "add"] + arguments, database: temporary.path)
            #expect(added.status == 0, "\(added.stderr)")
        }
        return temporary
    }

    private func aliases(_ temporary: TemporaryStore) throws -> [String] {
        try temporary.store.database.prepare("SELECT alias FROM speaker_alias ORDER BY alias").map { $0.string(0) }
    }

    @Test("an alias that names another speaker, or the speaker itself, is refused with one line")
    func clashingAliasRefused() throws {
        let temporary = try store(with: [["NATO", "--kind", "organization"], ["Jens Stoltenberg", "--alias", "Jens"]])
        for alias in ["nato", "NATO", "jens"] {
            let result = try Binary.run(["speaker", "edit", "1", "--add-alias", alias], database: temporary.path)
            #expect(result.status == 1)
            #expect(result.stderr.contains("speaker #") && result.stderr.split(separator: "\n").count == 1)
        }
        let other = try Binary.run(["speaker", "edit", "2", "--add-alias", "Nato"], database: temporary.path)
        #expect(other.stderr.contains("already names speaker #1 NATO"))
        #expect(try aliases(temporary) == ["Jens"])
        // Its own alias again is nothing new, and a fresh one is added.
        let fresh = try Binary.run(
            ["speaker", "edit", "2", "--add-alias", "Jens", "--add-alias", "NATO chief"],
            database: temporary.path
        )
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(try aliases(temporary) == ["Jens", "NATO chief"])
        // Names stay unambiguous: a lookup by the refused alias still finds one speaker.
        #expect(try temporary.store.speakers(named: "NATO").map(\.id) == [1])
    }

    @Test("speaker add --alias refuses what speaker edit --add-alias refuses, and records no speaker")
    func clashingAliasRefusedOnAdd() throws {
        let temporary = try store(with: [["NATO", "--kind", "organization"], ["Jens Stoltenberg", "--alias", "Jens"]])
        for arguments in [
            ["Alliance", "--alias", "nato"], ["J. Stoltenberg", "--alias", "JENS"], ["Solo", "--alias", "solo"],
            ["Blank", "--alias", "  "],
        ] {
            let result = try Binary.run(["speaker", "add"] + arguments, database: temporary.path)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stdout.isEmpty && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
        #expect(try temporary.count("speaker") == 2)
        #expect(try aliases(temporary) == ["Jens"])
        #expect(try temporary.store.speakers(named: "NATO").map(\.id) == [1])
        let fresh = try Binary.run(["speaker", "add", "Mark Rutte", "--alias", "Rutte"], database: temporary.path)
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(try aliases(temporary) == ["Jens", "Rutte"])
    }

    @Test("an empty alias is refused, not taken for nothing to change")
    func emptyAliasRefused() throws {
        let temporary = try store(with: [["NATO"]])
        for alias in ["", "   "] {
            let result = try Binary.run(["speaker", "edit", "1", "--add-alias", alias], database: temporary.path)
            #expect(result.status == 1)
            #expect(result.stderr.contains("an alias cannot be empty"), "\(result.stderr)")
        }
        #expect(try temporary.count("change_log") == 0)
    }

    @Test("a mistyped surname alone gets a did-you-mean")
    func surnameTypoSuggested() throws {
        let temporary = try store(with: [["Oana Lungescu"], ["Jens Stoltenberg"]])
        let result = try Binary.run(["trace", "speaker", "Lungesco"], database: temporary.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("did you mean Oana Lungescu?"), "\(result.stderr)")
    }

    @Test("an import refuses an alias naming a stored speaker the file does not declare, and nothing is written")
    func importedAliasClashRefused() throws {
        let temporary = try store(with: [["A", "--kind", "person"]])
        let before = try temporary.snapshot()
        let file = try temporary.file("b.json", #"{"speakers": [{"name": "B", "aliases": ["a"]}]}"#)
        let result = try Binary.run(["import", file], database: temporary.path)
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(
            result.stderr.contains("alias “a” of speaker #2 B already names speaker #1 A, which this file does not"),
            "\(result.stderr)"
        )
        #expect(try temporary.snapshot() == before)
        #expect(try temporary.store.speakers(named: "A").map(\.id) == [1])
        // Declaring A in the same file, as a store's own export would, is accepted.
        let both = try temporary.file(
            "both.json",
            #"{"speakers": [{"name": "A", "kind": "person"}, {"name": "B", "aliases": ["a"]}]}"#
        )
        let accepted = try Binary.run(["import", both], database: temporary.path)
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }

    @Test("a store whose merge left an alias that another speaker bears as its name exports and imports back")
    func mergedAliasRoundTrip() throws {
        let temporary = try store(with: [["Ana Ruiz"], ["Ana"], ["Ana Ruiz", "--role", "analyst"]])
        let merged = try Binary.run(["speaker", "merge", "2", "3"], database: temporary.path)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(try aliases(temporary) == ["Ana Ruiz"])
        let exported = try Binary.run(["export", "--format", "json"], database: temporary.path)
        #expect(exported.status == 0)
        let file = try temporary.file("export.json", exported.stdout)
        let copy = try TemporaryStore()
        for round in 1...2 {
            let imported = try Binary.run(["import", file], database: copy.path)
            #expect(imported.status == 0, "round \(round): \(imported.stderr)")
        }
        let again = try Binary.run(["export", "--format", "json"], database: copy.path)
        #expect(again.stdout == exported.stdout)
    }
}
