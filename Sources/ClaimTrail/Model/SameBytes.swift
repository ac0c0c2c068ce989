import Foundation

extension UnsafeRawBufferPointer {
    /// Whether two buffers hold the same bytes, compared by memcmp rather than byte by byte.
    func hasSameBytes(as other: UnsafeRawBufferPointer) -> Bool {
        count == other.count && (isEmpty || memcmp(baseAddress!, other.baseAddress!, count) == 0)
    }
}

extension String {
    /// Whether two texts are the same UTF-8 bytes, as SQLite compares them: Swift's `==` would
    /// also equate different Unicode forms of the same text. By memcmp, because an import makes
    /// this comparison for every reference it looks up; `utf8.elementsEqual` steps through the
    /// bytes one at a time.
    func hasSameUTF8(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        var text = self
        var other = other
        return text.withUTF8 { text in
            other.withUTF8 { UnsafeRawBufferPointer(text).hasSameBytes(as: UnsafeRawBufferPointer($0)) }
        }
    }
}
