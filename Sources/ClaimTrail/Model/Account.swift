/// A person of the desk who signs in to `claimtrail serve`: who they are and what they may do.
public struct Account: Codable, Equatable, Sendable {
    public var id: Int64
    public var name: String
    public var role: AccountRole
    public var createdAt: String
    /// When `user disable` switched the account off; nil while it may sign in.
    public var disabledAt: String?

    public init(id: Int64, name: String, role: AccountRole, createdAt: String, disabledAt: String? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.createdAt = createdAt
        self.disabledAt = disabledAt
    }

    /// The shortest password accepted. Length is what makes a password hard to guess; no other
    /// rule (digits, symbols) is imposed, following NIST SP 800-63B.
    public static let minimumPasswordLength = 10

    /// Refuses a password too short to be safe, counted in Unicode scalars.
    public static func checkPassword(_ password: String) throws {
        guard password.unicodeScalars.count >= minimumPasswordLength else {
            throw ClaimTrailError.invalid("a password needs at least \(minimumPasswordLength) characters")
        }
    }
}

/// What an account may do. Each role can do everything the one before it can.
public enum AccountRole: String, Codable, CaseIterable, Comparable, Sendable {
    /// Reads every page and report.
    case viewer
    /// Also records, reviews, edits and merges.
    case editor
    /// Also manages accounts.
    case admin

    public static func < (lhs: AccountRole, rhs: AccountRole) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// An API token as listed: never the token itself, which only its holder has.
public struct APIToken: Codable, Equatable, Sendable {
    public var id: Int64
    public var accountName: String
    public var createdAt: String
    public var revokedAt: String?
}
