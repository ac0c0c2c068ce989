import ClaimTrail
import Hummingbird

/// Recording, by the pages' forms (which then show the page again) and by the JSON API (which
/// answers 201 with the new id, or 200 with the id of what was already there or changed). Editors
/// and admins only: a viewer's post is refused with 403 before its body is read.
struct WriteRoutes {
    let store: StoreAccess

    func add(to router: Router<DeskContext>) {
        router.on("/api/claims", method: .post) { request, context, _ in
            let account = try context.require(.editor)
            let input = try await RequestInput.json(NewClaim.self, request, context: context)
            return try Response.recorded(try await DeskActions.addClaim(input, by: account, store: store))
        }
        let pages = ReadRoutes(store: store)
        let claimPage = { @Sendable (claim: Int64, context: DeskContext, refusal: any Error) in
            try await pages.claim(claim, context, refusal: refusal)
        }
        let reviewPage = { @Sendable (_: Int64, context: DeskContext, refusal: any Error) in
            try await pages.review(context, refusal: refusal)
        }
        addWrite("claims", "attributions", "claim", to: router, refused: claimPage) { input, claim, account in
            try await DeskActions.attribute(input, to: claim, by: account, store: store)
        }
        addWrite("claims", "counter-claims", "claim", to: router, refused: claimPage) {
            (input: NewCounterClaim, claim, account) in
            try await DeskActions.counter(input, to: claim, by: account, store: store)
        }
        addWrite("claims", "verdicts", "claim", to: router, refused: claimPage) { input, claim, account in
            try await DeskActions.verdict(input, on: claim, by: account, store: store)
        }
        addWrite("claims", "status", "claim", to: router, refused: claimPage) { input, claim, account in
            try await DeskActions.status(input, of: claim, by: account, store: store)
        }
        addWrite("claims", "assignee", "claim", to: router, refused: claimPage) { input, claim, account in
            try await DeskActions.assign(input, claim, by: account, store: store)
        }
        addWrite("claims", "notes", "claim", to: router, refused: claimPage) { input, claim, account in
            try await DeskActions.note(input, on: claim, by: account, store: store)
        }
        addWrite("proposals", "accept", "proposal", to: router, back: "/review", refused: reviewPage) {
            input,
            proposal,
            account in
            try await DeskActions.accept(input, proposal: proposal, by: account, store: store)
        }
        addWrite("proposals", "reject", "proposal", to: router, back: "/review", refused: reviewPage) {
            input,
            proposal,
            account in
            try await DeskActions.reject(input, proposal: proposal, by: account, store: store)
        }
    }

    /// A write about the thing in the path, as `/api/COLLECTION/{id}/KIND` (JSON) and as a page's
    /// form `/COLLECTION/{id}/KIND`. A form that is accepted goes `back` (by default to the claim);
    /// one the store refuses shows the `refused` page again with the store's message above it.
    private func addWrite<Input: FormDecodable>(
        _ collection: String,
        _ kind: String,
        _ what: String,
        to router: Router<DeskContext>,
        back: String? = nil,
        refused: @escaping @Sendable (Int64, DeskContext, any Error) async throws -> Response,
        _ action: @escaping @Sendable (Input, Int64, Account) async throws -> Recorded
    ) {
        router.on("/api/\(collection)/:id/\(kind)", method: .post) { request, context, _ in
            let account = try context.require(.editor)
            let id = try ReadRoutes.pathID(context, what)
            let input = try await RequestInput.json(Input.self, request, context: context)
            return try Response.recorded(try await action(input, id, account))
        }
        router.on("/\(collection)/:id/\(kind)", method: .post) { request, context, _ in
            let account = try context.require(.editor)
            let id = try ReadRoutes.pathID(context, what)
            let form = try await RequestInput.form(request, context: context, fields: Input.fieldNames)
            do {
                _ = try await action(try Input(form: form), id, account)
            } catch let error as ClaimTrailError {
                return try await refused(id, context, error)
            }
            return Response.redirect(to: back ?? "/\(collection)/\(id)")
        }
    }
}

extension Response {
    /// 201 with the id of what was recorded, or 200 with the id of what was already there.
    static func recorded(_ recorded: Recorded) throws -> Response {
        try .json(recorded, status: recorded.created ? .created : .ok)
    }
}
