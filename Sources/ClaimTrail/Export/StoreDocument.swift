/// An export that writes itself as it reads the store, in one snapshot, so that a download of
/// the whole store holds little in memory: the interchange, PROV-JSON and ClaimReview
/// documents, the HTML report and the DOT graph.
protocol StoreDocument {
    /// Writes the document of `scope` piece by piece, as the store is read.
    static func write(from store: ClaimStore, scope: ClaimScope, to emit: @escaping (String) throws -> Void) throws
}

extension StoreDocument {
    /// The whole document as one string, for small scopes and tests.
    static func render(from store: ClaimStore, scope: ClaimScope) throws -> String {
        var text = ""
        try write(from: store, scope: scope) { text += $0 }
        return text
    }
}
