import ArgumentParser
import ClaimTrail
import ClaimTrailServer
import Dispatch
import Logging

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the store to a desk over HTTP: pages, a JSON API, accounts (see `user`).",
        discussion: """
            Listens on 127.0.0.1 unless --host says otherwise; put a TLS proxy in front of it for \
            anything beyond this machine. SIGTERM or SIGINT finishes the requests under way, then exits 0.
            """
    )

    @Option(help: "The store file. (default: $CLAIMTRAIL_DB, else ./claimtrail.db)") var db: String?
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on; 0 picks a free one (announced on stderr).") var port = 8080
    @Flag(help: "The server is reached only through a TLS proxy: cookies are always Secure.") var behindTLS = false
    @Option(help: "The IP address of a proxy whose X-Forwarded-Proto is believed (repeatable).")
    var trustedProxy: [String] = []

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() throws {
        let settings = ServerSettings(
            storePath: try StoreOptions.path(db),
            host: host,
            port: port,
            behindTLS: behindTLS,
            trustedProxies: Set(trustedProxy)
        )
        var logger = Logger(label: "claimtrail.serve") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .notice
        // The server is async; this command is not. The main thread waits while the server runs on
        // the concurrency pool (its signal handling runs on a queue of its own).
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: (any Error)?
        Task {
            do { try await DeskServer.run(settings, logger: logger) } catch { failure = error }
            finished.signal()
        }
        finished.wait()
        if let failure { throw failure }
    }
}
