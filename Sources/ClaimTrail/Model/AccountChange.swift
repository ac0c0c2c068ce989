/// One entry of the account log.
public struct AccountChange: Codable, Equatable, Sendable {
    public var at: String
    public var by: String
    public var account: String
    public var action: String
    public var detail: String?
}
