import Foundation
import Testing

/// Arguments reach claimtrail as bytes; Swift would silently replace invalid UTF-8 with U+FFFD.
@Suite("command-line arguments are UTF-8")
struct ArgumentEncodingTests {
    @Test("an argument that is not UTF-8 is refused, naming its position, exit 64")
    func argumentsMustBeUTF8() throws {
        let temporary = try TemporaryStore()
        let before = try StoreOpeningTests.contents(of: temporary.directory)
        // Process takes Swift strings, which cannot hold the byte 0xE9: the shell's printf makes it.
        let result = try Binary.run(
            ["-c", "exec \"$0\" contested --db \"$(printf 'caf\\351.db')\"", Binary.url.path],
            executable: URL(fileURLWithPath: "/bin/sh"),
            directory: temporary.directory
        )
        #expect(result.status == 64 && result.stdout == "")
        #expect(
            result.stderr == "Error: argument 3 (caf\\xE9.db) is not valid UTF-8; claimtrail takes UTF-8 text only\n"
        )
        #expect(try StoreOpeningTests.contents(of: temporary.directory) == before)
    }
}
