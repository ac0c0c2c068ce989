import ArgumentParser
import ClaimTrail
import Foundation

struct Claimtrail: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimtrail",
        abstract: "Track who said what: claims, their attributions, their sources and their counter-claims.",
        discussion: """
            Every command but generate and help takes --db PATH (default: $CLAIMTRAIL_DB, else ./claimtrail.db) \
            and --as NAME, before or after the command's name: `claimtrail --db store.db contested`.
            Exit codes: 0 success, 1 error (one line on stderr, nothing written), 64 bad command line
            (also an argument that is not valid UTF-8).
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, ImportCommand.self, SourceCommand.self, SpeakerCommand.self, ClaimCommand.self,
            AttributeCommand.self, AttributionCommand.self, CounterCommand.self, VerdictCommand.self,
            ContestedCommand.self, TraceCommand.self, OriginsCommand.self, ImpactCommand.self,
            AuditCommand.self, SearchCommand.self, ExtractCommand.self, ReviewCommand.self, QueueCommand.self,
            StatusCommand.self,
            ExportCommand.self, DatasetteMetadataCommand.self, CheckCommand.self, BackupCommand.self, SyncCommand.self,
            GenerateCommand.self, UserCommand.self, ServeCommand.self, QuotesCommand.self,
        ]
    )
}

/// Parses, runs, and turns any failure into the one-line error and exit code users script against.
/// Help and version requests arrive as errors too: argument-parser prints them and exits 0.
@main
enum Main {
    static func main() {
        if let problem = ArgumentEncoding.problem(arguments: CommandLine.unsafeArgv, count: CommandLine.argc) {
            note("Error: \(problem)")
            exit(EX_USAGE)
        }
        let line = NegativeNumbers(LeadingStoreOptions.movedAfterCommand(Array(CommandLine.arguments.dropFirst())))
        do {
            var command = try Claimtrail.parseAsRoot(line.arguments)
            try command.run()
        } catch let error as CocoaError {
            // A Foundation file-system failure: keep its message, on one line.
            Claimtrail.exit(withError: ClaimTrailError.invalid(TerminalText.line(error.localizedDescription)))
        } catch let error as ClaimTrailError {
            // Messages quote stored and typed text: cleaned for the terminal, like every note.
            Claimtrail.exit(withError: ClaimTrailError.invalid(TerminalText.line(error.description)))
        } catch  where Claimtrail.exitCode(for: error) == .success {
            // Help and version, printed here rather than by argument-parser: a failed write
            // (`--version > /dev/full`) then fails the command, as it does for any result.
            do {
                try emitLine(Claimtrail.fullMessage(for: error))
            } catch {
                Claimtrail.exit(withError: ClaimTrailError.invalid(TerminalText.line("\(error)")))
            }
        } catch {
            if let refusal = line.refusal(Claimtrail.message(for: error)) {
                note("Error: \(refusal)")
                exit(EX_USAGE)
            }
            Claimtrail.exit(withError: error)
        }
    }
}
