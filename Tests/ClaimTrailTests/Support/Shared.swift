import Foundation

/// A value shared by the threads of one test, behind a lock.
final class Shared<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    /// Changes the value in one step, so that no other thread's change is lost in between.
    func update(_ change: (inout Value) -> Void) {
        lock.withLock { change(&stored) }
    }
}
