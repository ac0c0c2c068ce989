import Testing

@testable import ClaimTrail

@Suite("Folding and trimming text")
struct TextKeyTests {
    @Test("the ASCII shortcut for white space agrees with Unicode's property on every scalar")
    func whitespace() {
        let scalars = (UInt32(0)...0x10FFFF).compactMap { Unicode.Scalar($0) }
        let disagreeing = scalars.filter { $0.isWhitespace != $0.properties.isWhitespace }
        #expect(disagreeing.isEmpty, "\(disagreeing.prefix(5).map(\.value))")
    }

    @Test("folding makes one key of quotes, dashes, case, spacing and a final full stop, in any script")
    func fold() {
        let typeset = "  Russia’s\u{00A0}MoD\t– “denied”.. "
        #expect(TextKey.fold(typeset) == TextKey.fold("russia's mod - \"DENIED\""))
        #expect(TextKey.fold("Сергей\u{2003}ЛАВРОВ") == "сергей лавров")
        #expect(TextKey.fold("e\u{301}lan") == TextKey.fold("élan"))
        #expect(TextKey.fold("U.S.") != TextKey.fold("US"))
    }

    @Test("trimming drops white space of every kind at both ends, and nothing inside")
    func trimming() {
        #expect("\u{3000}\n a  b\u{2028}\r\n".trimmed() == "a  b")
        #expect(" \t\u{85}".trimmed() == "")
    }

    @Test("texts are the same when their UTF-8 bytes are, not when Swift's == says so")
    func sameUTF8() {
        #expect("élan" == "e\u{301}lan" && !"élan".hasSameUTF8(as: "e\u{301}lan"))
        #expect("“Мария” – 李".hasSameUTF8(as: "“Мария” – " + "李"))
        #expect("".hasSameUTF8(as: "") && !"".hasSameUTF8(as: " ") && !"ab".hasSameUTF8(as: "ac"))
    }
}
