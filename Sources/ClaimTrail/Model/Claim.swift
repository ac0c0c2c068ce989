/// A proposition found in the news, recorded once however many times it is reported.
public struct Claim: Codable, Equatable, Sendable {
    public var id: Int64
    public var text: String
    public var topic: String?

    public init(id: Int64, text: String, topic: String? = nil) {
        self.id = id
        self.text = text
        self.topic = topic
    }
}
