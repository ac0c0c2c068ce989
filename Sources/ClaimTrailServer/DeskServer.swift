import ClaimTrail
import Foundation
import Hummingbird
import Logging
import NIOCore

/// `claimtrail serve`: the store over HTTP, for a desk. It runs until SIGTERM or SIGINT, then
/// lets the requests under way finish before it returns.
public enum DeskServer {
    public static func run(_ settings: ServerSettings, logger: Logger) async throws {
        let store = try StoreAccess(path: settings.storePath, readers: max(System.coreCount, 2))
        let routes = DeskRoutes(store: store, cookies: CookiePolicy(settings: settings))
        // The routes are laid out once apart, so that the middleware that answers 405 knows them.
        let layout = Router(context: DeskContext.self)
        routes.add(to: layout)
        // HEAD answers as GET does, without the body, wherever GET does: the 405 answers list it.
        let router = Router(context: DeskContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: MethodNotAllowedMiddleware(layout.routes))
        router.add(middleware: AuthenticationMiddleware(store: store))
        routes.add(to: router)
        let application = Application(
            responder: JSONSuffixResponder(inner: router.buildResponder()),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? settings.port
                FileHandle.standardError.write(Data("listening on http://\(settings.host):\(port)\n".utf8))
            },
            logger: logger
        )
        do {
            try await application.runService()
        } catch let error as IOError {
            try? await store.shutdown()
            throw ClaimTrailError.invalid("cannot listen on \(settings.host):\(settings.port): \(describe(error))")
        } catch is SocketAddressError, is SocketAddressError.UnknownHost {
            // A name or address that resolves to nothing (`256.1.1.1`) arrives as the nested type.
            try? await store.shutdown()
            throw ClaimTrailError.invalid("cannot listen on \(settings.host):\(settings.port): no such host")
        }
        try await store.shutdown()
    }

    private static func describe(_ error: IOError) -> String {
        switch error.errnoCode {
        case EADDRINUSE: "the port is in use"
        case EACCES: "permission denied (ports below 1024 need privileges)"
        case EADDRNOTAVAIL: "no such address on this machine"
        default: String(cString: strerror(error.errnoCode))
        }
    }
}
