import ClaimTrail
import Foundation
import Hummingbird

/// What a client sent in a request body: an HTML form or a JSON object, read up to the size
/// limit (413 beyond it), of the declared type only (415 otherwise).
enum RequestInput {
    /// A URL-encoded form, whose form token is checked against the session's first: a page of
    /// another site cannot know it, so it cannot post on a signed-in editor's behalf.
    /// - Parameter fields: the fields the form may have besides its token, as `unverifiedForm`.
    static func form(_ request: Request, context: DeskContext, fields: Set<String>) async throws -> Form {
        let form = try await unverifiedForm(request, context: context, fields: fields)
        if let expected = context.formToken {
            guard let sent = form["csrf"], sameSecret(sent, expected) else { throw AccessError.badFormToken }
        }
        return form
    }

    /// A URL-encoded form whose token the caller checks itself (the sign-in form's, against its cookie).
    /// It is read as a JSON body is: a field given twice, or one outside `fields` and the form
    /// token `csrf`, is refused rather than dropped.
    static func unverifiedForm(
        _ request: Request,
        context: DeskContext,
        fields names: Set<String>
    ) async throws
        -> Form
    {
        try requireType("application/x-www-form-urlencoded", of: request)
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        var fields: [String: String] = [:]
        for pair in String(buffer: body).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard
                let name = decode(parts[0]),
                let value = parts.count > 1 ? decode(parts[1]) : ""
            else { throw ClaimTrailError.invalid("the form is not validly URL-encoded") }
            // As in JSON, a second value for a field would silently replace the first: refuse it.
            guard fields.updateValue(value, forKey: name) == nil else {
                throw ClaimTrailError.invalid("the form has the field “\(name)” twice")
            }
        }
        try StrictInput.checkFields(fields.keys, fields: names.union(["csrf"]))
        return Form(fields: fields)
    }

    /// A JSON object, with snake_case keys as claimtrail writes them, checked as `import` checks a
    /// record: a key given twice, or one `T` does not have, is refused rather than dropped. When
    /// signed in by session cookie rather than token, the session's form token must come in
    /// `X-CSRF-Token`.
    static func json<T: StrictDecodable>(_ type: T.Type, _ request: Request, context: DeskContext) async throws -> T {
        if let expected = context.formToken {
            guard let sent = request.headers.value(named: "x-csrf-token"), sameSecret(sent, expected) else {
                throw AccessError.badFormToken
            }
        }
        try requireType("application/json", of: request)
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            try body.withUnsafeReadableBytes { try StrictInput.checkJSON($0, fields: T.fieldNames) }
            return try decoder.decode(T.self, from: Data(buffer: body))
        } catch ClaimTrailError.invalid(let message) {
            throw ClaimTrailError.invalid("the request body is not the JSON expected: \(message)")
        } catch let error as DecodingError {
            throw ClaimTrailError.invalid("the request body is not the JSON expected: \(describe(error))")
        }
    }

    private static func requireType(_ type: String, of request: Request) throws {
        let declared = request.headers[.contentType]?.split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard declared == type else { throw HTTPError(.unsupportedMediaType, message: "send \(type)") }
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// The decoder's complaint in claimtrail's words (those `import` uses for a record's fields),
    /// naming the field as the client wrote it (`new_speaker`), not by the Swift property it was
    /// read into (`newSpeaker`), and not in the decoder's own wording ("Expected to decode String
    /// but found a dictionary instead").
    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "“\(ReportKey.snakeCase(key.stringValue))” is missing"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "\(field(context)) must be \(kind(type))"
        case .dataCorrupted(let context):
            // A word outside a field's vocabulary (`stance`), or a number no whole number holds.
            guard !context.codingPath.isEmpty else { return "a number in it is not a whole number in range" }
            return "\(field(context)) is not one of the values it takes"
        @unknown default: return "\(error)"
        }
    }

    /// The field a decoding error is about, quoted as the client wrote it; "a field" for the body's own.
    private static func field(_ context: DecodingError.Context) -> String {
        context.codingPath.last.map { "“\(ReportKey.snakeCase($0.stringValue))”" } ?? "a field"
    }

    /// What a value of `type` is in JSON, in words.
    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is any BinaryInteger.Type: "a whole number"
        case is any BinaryFloatingPoint.Type: "a number"
        default: "of another type"
        }
    }

    /// Compares two secrets in time that does not depend on where they first differ.
    static func sameSecret(_ sent: String, _ expected: String) -> Bool {
        let sent = Array(sent.utf8)
        let expected = Array(expected.utf8)
        guard sent.count == expected.count else { return false }
        return zip(sent, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// Text made safe to put in a URL's query.
    static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}

/// The fields of a submitted form; a blank field (`isBlank`) counts as not filled in.
struct Form: Sendable {
    let fields: [String: String]

    subscript(_ name: String) -> String? {
        fields[name].flatMap { $0.isBlank ? nil : $0 }
    }

    /// A field that must be filled in, or the error `missing` says.
    func required(_ name: String, _ missing: String) throws -> String {
        guard let value = self[name] else { throw ClaimTrailError.invalid(missing) }
        return value
    }

    /// A whole number the user typed, or an error naming the field.
    func number(_ name: String) throws -> Int? {
        try self[name].map { text in
            guard let number = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw ClaimTrailError.invalid("\(name) must be a whole number")
            }
            return number
        }
    }

    /// Whether a checkbox is ticked: a ticked one sends its value ("1"); a program may send "true".
    func ticked(_ name: String) -> Bool {
        ["1", "true", "on"].contains(self[name]?.lowercased() ?? "")
    }

    /// One of a fixed set of words, or an error naming the field.
    func word<T: RawRepresentable>(_ name: String, as type: T.Type) throws -> T? where T.RawValue == String {
        try self[name].map { text in
            guard let value = T(rawValue: text) else {
                throw ClaimTrailError.invalid("\(name) “\(text)” is not known")
            }
            return value
        }
    }
}
