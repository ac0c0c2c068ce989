/// Random secrets: API tokens, session cookies, form tokens.
public enum Secret {
    /// 256 random bits as 64 hex digits. `SystemRandomNumberGenerator` reads the kernel's
    /// cryptographic generator (getrandom) on Linux.
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }
}
