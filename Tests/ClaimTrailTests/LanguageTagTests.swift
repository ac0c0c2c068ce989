import Testing

@testable import ClaimTrail

@Suite("BCP 47 language tags")
struct LanguageTagTests {
    @Test(
        "well-formed tags are accepted, in the RFC's recommended case",
        arguments: [
            ("en", "en"), ("EN-gb", "en-GB"), ("pt-BR", "pt-BR"), ("zh-hant-tw", "zh-Hant-TW"), ("sr-Latn", "sr-Latn"),
            ("es-419", "es-419"), ("de-CH-1996", "de-CH-1996"), ("sl-rozaj-biske", "sl-rozaj-biske"),
            ("zh-yue-HK", "zh-yue-HK"), ("en-US-u-ca-gregory", "en-US-u-ca-gregory"), ("x-whatever", "x-whatever"),
            ("en-x-desk", "en-x-desk"), ("ar-EG", "ar-EG"),
            // Grandfathered tags (RFC 5646 section 2.2.8): the irregular ones whole, the regular ones by the syntax.
            ("i-klingon", "i-klingon"), ("I-KLINGON", "i-klingon"), ("en-gb-oed", "en-GB-oed"),
            ("sgn-be-fr", "sgn-BE-FR"), ("zh-min-nan", "zh-min-nan"), ("art-lojban", "art-lojban"),
            ("en-a-bb-b-cc", "en-a-bb-b-cc"),
        ]
    )
    func accepted(tag: String, normalized: String) throws {
        #expect(try LanguageTag.validate(tag) == normalized)
    }

    @Test(
        "anything else is refused",
        arguments: [
            "", "e", "english!", "en-", "-en", "en--GB", "en_GB", "en-GB-", "123", "en-u", "en-x", "x",
            "en-Latn-Latn-GB-x",
            "ελ", "en GB", "toolongtag-us",
            // A singleton or a variant given twice is not well-formed (sections 2.2.5 and 2.2.6).
            "en-a-bb-a-cc", "en-a-bb-A-cc", "de-1901-1901", "de-CH-1901-1996-1901", "i-klingon-x", "i-notatag",
        ]
    )
    func refused(tag: String) {
        #expect(throws: ClaimTrailError.self) { try LanguageTag.validate(tag) }
    }
}
