/// Where a claim stands in the desk's verification, in the order work moves through it.
///
/// A claim moves one step at a time, forward or back, so that no check is skipped silently:
/// reaching `checked` needs a verdict, and `published` can only follow `checked`. A desk may
/// rename the labels (`status labels`), never these rules.
public enum VerificationStatus: String, CaseIterable, Codable, Sendable {
    case unchecked
    case inProgress = "in_progress"
    case needsSecondLook = "needs_second_look"
    case checked
    case published

    /// Its place in the order above.
    var step: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Why a claim with this status cannot move to `next`, or nil when it can.
    /// - Parameter hasVerdict: whether the claim carries at least one verdict.
    public func refusal(toward next: VerificationStatus, hasVerdict: Bool) -> String? {
        if next == self { return "it is already \(rawValue)" }
        if abs(next.step - step) != 1 {
            let path = Self.allCases.map(\.rawValue).joined(separator: " → ")
            return "\(rawValue) → \(next.rawValue) skips a step (the order is \(path), one step either way)"
        }
        if next == .checked && !hasVerdict { return "checked needs a verdict first (claimtrail verdict …)" }
        return nil
    }

    /// Claims in these states are still work to do, and make up the queue.
    public var isOpen: Bool { self != .published }
}
