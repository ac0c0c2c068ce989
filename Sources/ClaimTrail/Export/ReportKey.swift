/// A JSON key written exactly as given (already snake_case), for reports that spell out their
/// keys so that a missing value is written as an explicit null rather than left out.
public struct ReportKey: CodingKey, ExpressibleByStringLiteral {
    public var stringValue: String
    public var intValue: Int? { nil }

    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
    public init(stringLiteral value: String) { self.stringValue = value }
}
