import ClaimTrail
import Hummingbird

/// A request's query string, read as a form or a JSON body is: a parameter given twice, or one
/// the route does not take, is refused (400) naming it. Otherwise one of two values would
/// silently win (`/export?claim=1&claim=2` exported claim 1 alone), or a parameter would silently
/// do nothing (`/review?source=…` listed every source's proposals). Every route is declared
/// through `on(_:method:query:use:)`, so that the rule holds for all of them alike.
struct QueryInput: Sendable {
    private let values: [String: String]

    init(_ request: Request, names: Set<String>) throws {
        var values: [String: String] = [:]
        for (key, value) in request.uri.queryParameters {
            let name = String(key).removingPercentEncoding ?? String(key)
            guard values.updateValue(String(value), forKey: name) == nil else {
                throw ClaimTrailError.invalid("the query has the parameter “\(name)” twice; give it once")
            }
        }
        if let unknown = values.keys.filter({ !names.contains($0) }).min() {
            let taken =
                names.isEmpty ? "this address takes none" : "expected: \(names.sorted().joined(separator: ", "))"
            throw ClaimTrailError.invalid("unknown query parameter “\(unknown)” (\(taken))")
        }
        self.values = values
    }

    /// The parameter's value as sent (empty when sent without one), or nil when not sent.
    subscript(_ name: String) -> String? { values[name] }

    /// The parameter, unless it is missing or blank: a filter form's empty field means any.
    func filled(_ name: String) -> String? {
        values[name].flatMap { $0.isBlank ? nil : $0 }
    }

    /// A count: a whole number from `minimum`, or a clear error. A page's limit starts at 1: a
    /// page of none would link to itself as the next one.
    func count(_ name: String, from minimum: Int = 0) throws -> Int? {
        try values[name].map { text in
            guard let number = Int(text), number >= minimum else {
                throw ClaimTrailError.invalid("\(name) must be a whole number from \(minimum)")
            }
            return number
        }
    }
}

extension RouterMethods where Context == DeskContext {
    /// The route `method path`, which takes the query parameters `names` and no others, each at
    /// most once; the handler reads them from the checked `QueryInput`.
    @discardableResult
    func on(
        _ path: String,
        method: HTTPRequest.Method = .get,
        query names: Set<String> = [],
        use handler: @escaping @Sendable (Request, DeskContext, QueryInput) async throws -> some ResponseGenerator
    ) -> Self {
        on(RouterPath(path), method: method) { request, context in
            try await handler(request, context, try QueryInput(request, names: names))
        }
    }
}
