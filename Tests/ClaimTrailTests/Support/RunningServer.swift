import Foundation
import Testing

/// The real `claimtrail serve` binary, listening on a free loopback port (`--port 0`, the port
/// read from its announcement on stderr), against a store file on disk.
final class RunningServer {
    let process = Process()
    private(set) var port = 0
    private let errors = Pipe()
    /// Everything the server wrote to stderr before it listened (or failed).
    private(set) var stderr = ""

    init(database: String, arguments: [String] = []) throws {
        process.executableURL = Binary.url
        process.arguments = ["serve", "--db", database, "--port", "0"] + arguments
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        while !stderr.contains("listening on") {
            let chunk = errors.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw ServerFailed(message: stderr) }
            stderr += String(decoding: chunk, as: UTF8.self)
        }
        let address = stderr.split(separator: "\n").first { $0.hasPrefix("listening on") } ?? ""
        port = Int(address.split(separator: ":").last ?? "") ?? 0
    }

    struct ServerFailed: Error, CustomStringConvertible {
        let message: String
        var description: String { "claimtrail serve did not start: \(message)" }
    }

    /// Sends SIGTERM and waits for the exit status.
    func stop() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// The server's open sockets, by inode (from /proc): one not there before is a connection it accepted.
    func sockets() -> Set<String> {
        let folder = "/proc/\(process.processIdentifier)/fd"
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return Set(
            descriptors.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/\($0)") }
                .filter { $0.hasPrefix("socket:") }
        )
    }

    func send(
        _ method: String,
        _ path: String,
        headers: [String: String] = [:],
        body: String? = nil
    ) throws -> HTTPReply {
        try HTTPReply.exchange(port: port, method: method, path: path, headers: headers, body: body)
    }

    /// GETs a page of a list as JSON, which must answer 200: the `id` of each record under `list`,
    /// and whether more follow (`has_more`).
    func listed(
        _ path: String,
        headers: [String: String],
        list: String,
        id: String
    ) throws -> (
        ids: [Int], hasMore: Bool?
    ) {
        let reply = try send("GET", path, headers: headers)
        #expect(reply.status == 200, "\(path): \(reply.body)")
        let object = reply.json as? [String: Any]
        let records = object?[list] as? [[String: Any]] ?? []
        return (records.compactMap { $0[id] as? Int }, object?["has_more"] as? Bool)
    }
}

/// One HTTP/1.1 exchange over a plain socket, redirects not followed, so that a test sees exactly
/// what the server answered: status, every header, body.
struct HTTPReply {
    let status: Int
    let headers: [(name: String, value: String)]
    var body: String
    /// For a chunked (streamed) response, how many chunks came; nil if it was not chunked or was
    /// cut short.
    var chunks: Int?

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The value a `Set-Cookie` header gives the named cookie, and the header whole.
    func cookie(_ name: String) -> (value: String, header: String)? {
        for (headerName, value) in headers where headerName.lowercased() == "set-cookie" {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0] == name { return (String(pair[1]), value) }
        }
        return nil
    }

    var json: Any? { try? JSONSerialization.jsonObject(with: Data(body.utf8)) }

    static func exchange(
        port: Int,
        method: String,
        path: String,
        headers: [String: String],
        body: String?
    ) throws
        -> HTTPReply
    {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let payload = Array((body ?? "").utf8)
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        if body != nil { request += "Content-Length: \(payload.count)\r\n" }
        let bytes = Array((request + "\r\n").utf8) + payload
        var sent = 0
        while sent < bytes.count {
            let written = bytes[sent...].withUnsafeBytes { write(socket, $0.baseAddress, $0.count) }
            guard written > 0 else { break }
            sent += written
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(socket, &buffer, buffer.count)
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        let split = received.indices.first { received[$0...].starts(with: Array("\r\n\r\n".utf8)) } ?? received.count
        let head = String(decoding: received[..<split], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        let fields = head.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var reply = HTTPReply(status: status, headers: fields, body: "")
        let content = Array(received[min(split + 4, received.count)...])
        if reply.header("Transfer-Encoding")?.lowercased() == "chunked" {
            let (bytes, chunks) = dechunk(content)
            reply.body = String(decoding: bytes, as: UTF8.self)
            reply.chunks = chunks
        } else {
            reply.body = String(decoding: content, as: UTF8.self)
        }
        return reply
    }

    /// The body of a chunked response, and how many chunks carried it; nil chunks if the last
    /// (empty) chunk never came, that is, the server cut the response short.
    private static func dechunk(_ content: [UInt8]) -> (body: [UInt8], chunks: Int?) {
        var body: [UInt8] = []
        var rest = content[...]
        var count = 0
        while let lineEnd = rest.indices.first(where: { rest[$0...].starts(with: [13, 10]) }) {
            guard let size = Int(String(decoding: rest[..<lineEnd], as: UTF8.self), radix: 16) else { break }
            let start = lineEnd + 2
            if size == 0 { return (body, count) }
            guard start + size <= rest.endIndex else { break }
            body += rest[start..<(start + size)]
            count += 1
            rest = rest[min(start + size + 2, rest.endIndex)...]
        }
        return (body, nil)
    }
}
