import Foundation

/// Runs the real `claimtrail` executable, built by `swift test` beside the test bundle.
struct Binary {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var url: URL {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        // The test binary may sit inside a `.xctest` bundle folder.
        while directory.pathExtension == "xctest" || directory.lastPathComponent == "Contents"
            || directory.lastPathComponent == "MacOS"
        {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("claimtrail")
    }

    @discardableResult
    static func run(
        _ arguments: [String],
        database: String? = nil,
        stdin: String? = nil,
        executable: URL = Binary.url,
        directory: URL? = nil,
        user: String = "tester",
        standardOutput: FileHandle? = nil,
        standardError: FileHandle? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CLAIMTRAIL_DB"] = database
        environment["USER"] = user
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        // A given handle (such as /dev/full) replaces the pipe, which then reads as empty.
        process.standardOutput = standardOutput ?? out
        process.standardError = standardError ?? err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        // Read both pipes before waiting, so a large report cannot fill a pipe and stall.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            if standardError == nil { errData = err.fileHandleForReading.readDataToEndOfFile() }
            group.leave()
        }
        let outData = standardOutput == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self)
        )
    }
}
