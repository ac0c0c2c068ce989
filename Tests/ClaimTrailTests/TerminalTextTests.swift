import Foundation
import Testing

@testable import ClaimTrail

/// Every line written for a person to read is cleaned of terminal controls: stored text may hold
/// ESC sequences (recolour, clear the screen, retitle the window), C1 controls, line breaks that
/// forge a line of their own, and bidirectional overrides.
@Suite("Text for the terminal")
struct TerminalTextTests {
    static let hostile =
        "x\u{1B}]0;pwned\u{7}\u{1B}[2J\u{9B}31m\u{202E}desrever\u{202C}\u{2066}\u{85}\u{8}\rClaim #99: forged\r\nend"

    /// Whether `output` holds nothing a terminal would act on: only printable text and line feeds.
    static func controls(in output: String) -> [String] {
        output.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x0A: false
            case 0..<0x20, 0x7F...0x9F, 0x61C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
            default: false
            }
        }.map { "U+" + String($0.value, radix: 16) }
    }

    @Test("one line: breaks become spaces (CR LF one), controls and bidi controls are dropped")
    func line() {
        #expect(TerminalText.line("a\r\nb\nc\td\re\u{2028}f") == "a b c d e f")
        #expect(TerminalText.line(Self.hostile) == "x]0;pwned[2J31mdesrever  Claim #99: forged end")
        let printable = "Мария “Ω” – 中文 e\u{301} \u{200D}"
        #expect(TerminalText.line(printable) == printable)
        for scalar in (0...0x3000).compactMap(Unicode.Scalar.init) {
            #expect(Self.controls(in: TerminalText.line("a\(scalar)b")).isEmpty, "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test("trace claim, trace speaker, audit, notes and errors print no stored control sequence")
    func throughTheBinary() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let source = try store.addSource(SourceDraft(title: "Title " + Self.hostile, outlet: Self.hostile))
        let speaker = try store.addSpeaker(
            SpeakerDraft(name: "Speaker " + Self.hostile, kind: .person, role: Self.hostile, aliases: [Self.hostile])
        )
        let relay = try store.addSpeaker(SpeakerDraft(name: "Relay " + Self.hostile, kind: .media))
        let claim = try store.addClaim(text: "Claim " + Self.hostile, topic: Self.hostile).id
        let counter = try store.claim("Counter " + Self.hostile)
        let first = try store.attribute(claim, relay, in: source, .asserts, quote: Self.hostile, date: "2018-08-27")
        try store.attribute(claim, speaker, in: source, .asserts, quote: Self.hostile, date: "2018-08-28", via: first)
        try store.attribute(counter, speaker, in: source, .denies)
        _ = try store.addRelation(from: counter, to: claim, kind: .contradicts, sourceID: source)

        let commands: [[String]] = [
            ["trace", "claim", String(claim)], ["trace", "claim", String(counter)],
            ["trace", "speaker", String(speaker)], ["audit", String(source)], ["audit", "--all"],
            ["contested"], ["search", "forged"],
            ["attribute", String(claim), "--speaker", "New " + Self.hostile, "--source", String(source)],
            ["trace", "claim", "missing " + Self.hostile],
        ]
        for arguments in commands {
            let result = try Binary.run(arguments, database: temporary.path)
            #expect(!result.stdout.isEmpty || !result.stderr.isEmpty, "\(arguments)")
            #expect(Self.controls(in: result.stdout).isEmpty, "\(arguments[0]): \(Self.controls(in: result.stdout))")
            #expect(Self.controls(in: result.stderr).isEmpty, "\(arguments[0]): \(Self.controls(in: result.stderr))")
            #expect(!(result.stdout + result.stderr).contains("\nClaim #99"), "a forged line in \(arguments)")
        }
    }
}
