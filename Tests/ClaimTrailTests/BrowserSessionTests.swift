import Foundation
import Testing

@testable import ClaimTrail

/// A desk's session in a real browser: `Browser/desk_session.py` drives headless Chromium with
/// Selenium through the pages of the real `claimtrail serve`, checking what each page shows; this
/// test then reads the store file back to see that the forms wrote what they said, as the editor,
/// and that the viewer's crafted posts wrote nothing. Skipped without Chromium, chromedriver or
/// Selenium, except under CI.
@Suite("the desk in a real browser", .serialized)
struct BrowserSessionTests {
    /// Where the session leaves its screenshots of the main pages.
    static let screenshots = Repository.root.appendingPathComponent(".build/test-output/browser-session")

    @Test(
        "an editor records, sees the claim contested, sets its status and assigns it; a viewer cannot write",
        .enabled(
            if: OutsideClient.enabled("chromium") && OutsideClient.enabled("chromedriver")
                && OutsideClient.enabled("python3", pythonModule: "selenium"),
            """
            needs chromium, chromium-driver and selenium \
            (apt-get install chromium chromium-driver; pip install selenium)
            """
        )
    )
    func deskSession() throws {
        let desk = try DeskFixture()
        let passwordFile = try desk.temporary.file("browser-password.txt", DeskFixture.password + "\n")
        try desk.addDeskWork()
        let proposals = try desk.texts("SELECT attribution_id FROM attribution_proposal ORDER BY confidence")
        #expect(proposals.count == 2)
        // A claim in Arabic followed by a number and Latin words, said by a speaker named in Hebrew.
        try desk.run(["claim", "add", "أغلق الجسر 3 أيام (BBC)"])
        let rtlClaim = try #require(try desk.texts("SELECT id FROM claim ORDER BY id DESC LIMIT 1").first)
        try desk.run(["attribute", rtlClaim, "--source", "1", "--speaker", "משרד התחבורה", "--new-speaker"])
        try? FileManager.default.removeItem(at: Self.screenshots)

        let server = try RunningServer(database: desk.path)
        let script = Repository.path("Tests/ClaimTrailTests/Browser/desk_session.py")
        let session = try OutsideClient.run(
            "python3",
            [script, "http://127.0.0.1:\(server.port)", passwordFile, Self.screenshots.path, rtlClaim]
        )
        #expect(server.stop() == 0)
        try #require(session.status == 0, "\(session.output)")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(session.output.utf8)) as? [String: Any])

        // The attribution and the counter-claim, recorded as the editor who filled in the forms.
        #expect(
            try desk.texts(
                """
                SELECT s.name || ' ' || a.stance || ' ' || a.quote || ' ' || a.recorded_by
                FROM attribution a JOIN speaker s ON s.id = a.speaker_id WHERE a.claim_id = 1
                """
            ) == ["Harbour master denies The bridge was <b>never</b> closed ed"]
        )
        #expect(
            try desk.texts(
                """
                SELECT c.text FROM claim_relation r JOIN claim c ON c.id = r.from_claim_id
                WHERE r.to_claim_id = 1 AND r.kind = 'contradicts'
                """
            ) == ["The bridge stayed open all week"]
        )
        // The status moved one step (the skipped step was refused), with its reason; then assigned.
        #expect(try desk.texts("SELECT status || ' ' || assignee FROM claim WHERE id = 1") == ["in_progress ed"])
        #expect(
            try desk.texts(
                // Additions through the server are logged with the reason "added"; this is the status note.
                """
                SELECT changed_by || ': ' || reason FROM change_log
                WHERE claim_id = 1 AND reason IS NOT NULL AND reason <> 'added'
                """
            )
                == ["ed: Calling the harbour office"]
        )
        #expect((seen["refusal"] as? String)?.contains("skips a step") == true)
        #expect(
            try desk.texts("SELECT written_by || ': ' || text FROM claim_note WHERE claim_id = 1")
                == ["ed: Harbour office confirms the closure notice was withdrawn."]
        )
        // The least confident proposal was listed first and accepted with the corrected speaker.
        #expect(seen["proposals"] as? [String] == proposals.map { "proposal-\($0)" })
        #expect(
            try desk.texts(
                """
                SELECT a.state || ' ' || s.name || ' ' || p.decided_by FROM attribution a
                JOIN speaker s ON s.id = a.speaker_id JOIN attribution_proposal p ON p.attribution_id = a.id
                WHERE a.id = ?
                """,
                [Int64(proposals[0]) ?? -1]
            ) == ["accepted Harbour master ed"]
        )
        // The viewer's crafted posts were refused and wrote nothing.
        #expect((seen["crafted"] as? [String: Int])?.values.allSatisfy { $0 == 403 } == true)
        #expect(try desk.count("SELECT COUNT(*) FROM claim WHERE text LIKE 'A viewer%'") == 0)
        #expect(try desk.count("SELECT COUNT(*) FROM change_log WHERE changed_by = 'vera'") == 0)
        // Right-to-left text is in an isolating element, exactly as stored, laid out in its own
        // direction within the left-to-right heading (so the number and Latin words after it stay in place).
        let stored = try desk.texts("SELECT text FROM claim WHERE id = ?", [Int64(rtlClaim) ?? -1])
        let speaker = try desk.texts(
            "SELECT name FROM speaker s JOIN attribution a ON a.speaker_id = s.id "
                + "WHERE a.claim_id = ?",
            [Int64(rtlClaim) ?? -1]
        )
        for (element, text) in [("rtl_heading", stored.first), ("rtl_speaker", speaker.first)] {
            #expect(
                seen[element] as? [String: String]
                    == [
                        "tag": "bdi", "text": text ?? "∅", "unicode_bidi": "isolate", "direction": "rtl",
                        "around": "ltr",
                    ],
                "\(element): \(seen[element] ?? "not seen")"
            )
        }
        #expect(seen["rtl_heading_shown"] as? String == "#\(rtlClaim) \(stored.first ?? "∅")")
        #expect(seen["rtl_title"] as? String == "\u{2068}\(speaker.first ?? "∅")\u{2069} · claimtrail")
        let pages = [
            "claim-editor", "contested", "status-refused", "my-queue", "review-queue", "claim-viewer", "claim-rtl",
        ]
        for page in pages {
            let png = try Data(contentsOf: Self.screenshots.appendingPathComponent("\(page).png"))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(page).png is not a PNG")
        }
    }
}
