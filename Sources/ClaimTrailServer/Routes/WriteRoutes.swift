import ClaimTrail
import Hummingbird

/// Recording, by the claim page's forms (which then show the claim again) and by the JSON API
/// (which answers 201 with the new id, or 200 with the id already there). Editors and admins only:
/// a viewer's post is refused with 403 before its body is read.
struct WriteRoutes {
    let store: StoreAccess

    func add(to router: Router<DeskContext>) {
        router.post("/api/claims") { request, context in
            let account = try context.require(.editor)
            let input = try await RequestInput.json(NewClaim.self, request, context: context)
            return try Response.recorded(try await DeskActions.addClaim(input, by: account, store: store))
        }
        addClaimWrite("attributions", to: router) { input, claim, account in
            try await DeskActions.attribute(input, to: claim, by: account, store: store)
        }
        addClaimWrite("counter-claims", to: router) { (input: NewCounterClaim, claim, account) in
            try await DeskActions.counter(input, to: claim, by: account, store: store)
        }
        addClaimWrite("verdicts", to: router) { input, claim, account in
            try await DeskActions.verdict(input, on: claim, by: account, store: store)
        }
    }

    /// A write about the claim in the path, as `/api/claims/{id}/KIND` (JSON) and as the claim
    /// page's form `/claims/{id}/KIND`.
    private func addClaimWrite<Input: FormDecodable>(
        _ kind: String,
        to router: Router<DeskContext>,
        _ action: @escaping @Sendable (Input, Int64, Account) async throws -> Recorded
    ) {
        router.post("/api/claims/:id/\(kind)") { request, context in
            let (account, claim) = try editor(context)
            let input = try await RequestInput.json(Input.self, request, context: context)
            return try Response.recorded(try await action(input, claim, account))
        }
        router.post("/claims/:id/\(kind)") { request, context in
            let (account, claim) = try editor(context)
            let input = try Input(form: try await RequestInput.form(request, context: context))
            _ = try await action(input, claim, account)
            return Response.redirect(to: "/claims/\(claim)")
        }
    }

    /// The signed-in editor (or admin), and the claim in the path.
    private func editor(_ context: DeskContext) throws -> (Account, Int64) {
        (try context.require(.editor), try ReadRoutes.pathID(context, "claim"))
    }
}

extension Response {
    /// 201 with the id of what was recorded, or 200 with the id of what was already there.
    static func recorded(_ recorded: Recorded) throws -> Response {
        try .json(recorded, status: recorded.created ? .created : .ok)
    }
}
