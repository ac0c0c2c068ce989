/// How `claimtrail serve` was asked to run.
public struct ServerSettings: Sendable {
    public var storePath: String
    public var host: String
    /// 0 lets the system pick a free port; the one chosen is announced on stderr.
    public var port: Int
    /// The server is reached only through a TLS proxy, so cookies are always `Secure`.
    public var behindTLS: Bool
    /// Proxies (by IP address) whose `X-Forwarded-Proto: https` is believed; anyone else could
    /// send that header.
    public var trustedProxies: Set<String>

    public init(storePath: String, host: String, port: Int, behindTLS: Bool, trustedProxies: Set<String>) {
        self.storePath = storePath
        self.host = host
        self.port = port
        self.behindTLS = behindTLS
        self.trustedProxies = trustedProxies
    }

    /// Requests a handler reads at most this much of; larger bodies get 413.
    static let maximumBodySize = 64 * 1024
}
