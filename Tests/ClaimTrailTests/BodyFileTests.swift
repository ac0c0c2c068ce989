import Foundation
import Testing

@testable import ClaimTrail

/// An import file is data, often someone else's: its `body_file` may read only a regular file
/// inside the import file's folder, links followed, unless the user allows another folder.
@Suite("body_file stays inside the import's folder")
struct BodyFileTests {
    /// How a device or FIFO is refused (`RegularFile`).
    static let notRegular = "not a regular file (a device, FIFO or socket)"

    /// An import folder with an article inside, and a secret beside it, outside.
    struct Layout {
        let root: URL
        let imports: URL
        let secret: String
        let store: TemporaryStore

        init() throws {
            store = try TemporaryStore()
            root = store.directory
            imports = root.appendingPathComponent("imports", isDirectory: true)
            try FileManager.default.createDirectory(
                at: imports.appendingPathComponent("articles"),
                withIntermediateDirectories: true
            )
            try "The article’s text.".write(
                to: imports.appendingPathComponent("articles/one.txt"),
                atomically: true,
                encoding: .utf8
            )
            secret = root.appendingPathComponent("id_ed25519").path
            try "-----BEGIN OPENSSH PRIVATE KEY-----".write(toFile: secret, atomically: true, encoding: .utf8)
        }

        /// Writes an import file naming `bodyFile` and imports it through the binary.
        func importing(_ bodyFile: String, _ extra: [String] = []) throws -> Binary.Result {
            let document = JSONValue.object([
                "sources": .array([.object(["title": .string("Tip"), "body_file": .string(bodyFile)])])
            ])
            let path = imports.appendingPathComponent("tip.json").path
            try document.line.write(toFile: path, atomically: true, encoding: .utf8)
            return try Binary.run(["import", path] + extra, database: store.path)
        }

        func bodies() throws -> [String] {
            try store.store.database.prepare("SELECT body FROM source").map { $0.text(0) ?? "" }
        }
    }

    @Test("a file inside the folder, also through a link that stays inside, is read")
    func inside() throws {
        let layout = try Layout()
        try FileManager.default.createSymbolicLink(
            atPath: layout.imports.appendingPathComponent("link.txt").path,
            withDestinationPath: "articles/one.txt"
        )
        let result = try layout.importing("link.txt")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try layout.bodies() == ["The article’s text."])
    }

    @Test(
        "paths that lead out of the folder are refused, naming the record, and nothing is stored",
        arguments: [
            "../id_ed25519", "articles/../../id_ed25519", "ABSOLUTE", "LINK", "LINKED-FOLDER/id_ed25519",
            "/proc/self/environ", "/etc/passwd",
        ]
    )
    func outside(_ bodyFile: String) throws {
        let layout = try Layout()
        try FileManager.default.createSymbolicLink(
            atPath: layout.imports.appendingPathComponent("key.txt").path,
            withDestinationPath: layout.secret
        )
        try FileManager.default.createSymbolicLink(
            atPath: layout.imports.appendingPathComponent("up").path,
            withDestinationPath: layout.root.path
        )
        let reference =
            switch bodyFile {
            case "ABSOLUTE": layout.secret
            case "LINK": "key.txt"
            case "LINKED-FOLDER/id_ed25519": "up/id_ed25519"
            default: bodyFile
            }
        let result = try layout.importing(reference)
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix("Error: \(layout.imports.path)/tip.json: sources[0]: body_file “\(reference)”")
        )
        #expect(result.stderr.contains("outside the import file's folder"), "\(result.stderr)")
        #expect(result.stderr.contains("--allow-body-from"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try layout.bodies().isEmpty)
    }

    @Test("a body_file path with a NUL is refused, not cut at the NUL")
    func nulInPath() throws {
        let layout = try Layout()
        let result = try layout.importing("articles/one.txt\u{0}/../../../id_ed25519")
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "Error: \(layout.imports.path)/tip.json: sources[0]: body_file contains a NUL character (U+0000), "
                + "which no path can\n"
        )
        #expect(try layout.bodies().isEmpty)
    }

    @Test("a hard link inside the folder is read only from a folder allowed with --allow-body-from")
    func hardLink() throws {
        let layout = try Layout()
        let linked = layout.imports.appendingPathComponent("linked.txt").path
        #expect(link(layout.secret, linked) == 0)
        let refused = try layout.importing("linked.txt")
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == "Error: \(layout.imports.path)/tip.json: sources[0]: body_file “linked.txt” "
                + "has other hard links, "
                + "which may lie outside the import file's folder; pass --allow-body-from DIR to allow its folder\n"
        )
        #expect(try layout.bodies().isEmpty)
        let allowed = try layout.importing("linked.txt", ["--allow-body-from", layout.imports.path])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(try layout.bodies() == ["-----BEGIN OPENSSH PRIVATE KEY-----"])
    }

    @Test("--allow-body-from adds a folder, repeatable; only that folder")
    func allowed() throws {
        let layout = try Layout()
        let other = layout.root.appendingPathComponent("other", isDirectory: true)
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        let refused = try layout.importing("../id_ed25519", ["--allow-body-from", other.path])
        #expect(refused.status == 1, "\(refused.stderr)")
        let result = try layout.importing(
            "../id_ed25519",
            ["--allow-body-from", other.path, "--allow-body-from", layout.root.path]
        )
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try layout.bodies() == ["-----BEGIN OPENSSH PRIVATE KEY-----"])
        let missing = try layout.importing("articles/one.txt", ["--allow-body-from", layout.root.path + "/nowhere"])
        #expect(missing.status == 1 && missing.stderr.contains("nowhere"), "\(missing.stderr)")
    }

    @Test("a FIFO, a folder or a device inside the folder is refused at once, not read")
    func notRegular() throws {
        let layout = try Layout()
        let fifo = layout.imports.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: layout.imports.appendingPathComponent("zero").path,
            withDestinationPath: "/dev/zero"
        )
        for (reference, extra) in [("pipe", [String]()), ("articles", []), ("zero", ["--allow-body-from", "/dev"])] {
            let result = try layout.importing(reference, extra)
            #expect(result.status == 1)
            let refusal = reference == "articles" ? "is a directory, not a file" : Self.notRegular
            #expect(result.stderr.contains("body_file “\(reference)”: \(refusal)"), "\(result.stderr)")
        }
        #expect(try layout.bodies().isEmpty)
    }

    @Test("source add --body-file, extract and --gold take any path the user gives, but only a regular file")
    func userPaths() throws {
        let layout = try Layout()
        let fifo = layout.root.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let article = layout.imports.appendingPathComponent("articles/one.txt").path
        for path in ["/dev/zero", fifo, layout.root.path] {
            for arguments in [
                ["source", "add", "--title", "T", "--body-file", path], ["extract", path],
                ["extract", article, "--gold", path],
            ] {
                let result = try Binary.run(arguments, database: layout.store.path)
                #expect(result.status == 1)
                let refusal = path == layout.root.path ? "is a directory, not a file" : Self.notRegular
                #expect(result.stderr == "Error: \(path): \(refusal)\n", "\(arguments)")
            }
        }
        let result = try Binary.run(
            ["source", "add", "--title", "T", "--body-file", layout.secret],
            database: layout.store.path
        )
        #expect(result.status == 0, "\(result.stderr)")
    }
}
