import Foundation

/// The real programs that read claimtrail's formats: Python's csv, prov and rdflib, Datasette, Graphviz,
/// Chromium. `.ci/run` installs them; on a developer machine without them those tests are
/// skipped, but under CI a missing client fails the test instead.
enum OutsideClient {
    static let isCI = ProcessInfo.processInfo.environment["CI"] != nil

    static func has(_ program: String, pythonModule: String? = nil) -> Bool {
        guard let path = which(program) else { return false }
        guard let module = pythonModule else { return true }
        return (try? run(path, ["-c", "import \(module)"]).status) == 0
    }

    /// Whether a test of this client should run: always under CI, else when it is installed.
    static func enabled(_ program: String, pythonModule: String? = nil) -> Bool {
        isCI || has(program, pythonModule: pythonModule)
    }

    static func which(_ program: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `program` and returns its exit status and standard output.
    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try Binary.run(arguments, executable: URL(fileURLWithPath: which(program) ?? program))
        return (result.status, result.stdout + (result.status == 0 ? "" : result.stderr))
    }

    /// Runs a Python script with `arguments` and decodes the JSON it prints.
    static func python(_ script: String, _ arguments: [String]) throws -> Any {
        let result = try run("python3", ["-c", script] + arguments)
        guard result.status == 0 else { throw Failure(message: result.output) }
        return try JSONSerialization.jsonObject(with: Data(result.output.utf8))
    }

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
