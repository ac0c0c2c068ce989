/// Writes a JSON object of arrays one element at a time, byte for byte as `JSONValue.rendered()`
/// prints the whole tree (JSONEncoder's pretty, key-sorted layout), so that a large export need
/// never hold its tree. The caller gives the object's fields in key order.
struct PrettyJSONObjectWriter {
    private let emit: (String) throws -> Void
    private var fields = 0
    private var elements = 0
    /// The key of the array being written, until its first element (or its end) shows it.
    private var pendingKey: String?
    private var omitsEmpty = false

    init(_ emit: @escaping (String) throws -> Void) {
        self.emit = emit
    }

    /// Starts the array field `key`; `omittedWhenEmpty` leaves it out when no element comes, as
    /// `JSONValue.fields` leaves out a nil value.
    mutating func beginArray(_ key: String, omittedWhenEmpty: Bool = false) {
        pendingKey = key
        omitsEmpty = omittedWhenEmpty
        elements = 0
    }

    mutating func append(_ element: JSONValue) throws {
        try openPendingArray()
        // Nested two levels deep (the object, then its array): every line but empty ones moves right.
        let lines = try element.rendered().dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        try emit((elements == 0 ? "\n" : ",\n") + lines.map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n"))
        elements += 1
    }

    mutating func endArray() throws {
        if pendingKey != nil {
            if omitsEmpty {
                pendingKey = nil
                return
            }
            try openPendingArray()
        }
        try emit(elements == 0 ? "\n\n  ]" : "\n  ]")
    }

    /// Closes the object, which has at least one field (an array not omitted when empty).
    mutating func finish() throws {
        try emit("\n}\n")
    }

    private mutating func openPendingArray() throws {
        guard let key = pendingKey else { return }
        pendingKey = nil
        try emit((fields == 0 ? "{\n" : ",\n") + "  \"\(key)\" : [")
        fields += 1
    }
}
