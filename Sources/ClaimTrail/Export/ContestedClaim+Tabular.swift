extension ContestedClaim: Tabular {
    public static let columns = [
        "id", "claim", "topic", "asserting", "disputing", "counter_claims",
        "sources", "first_seen", "last_seen",
    ]

    public var cells: [String] {
        [
            String(id), text, topic ?? "", String(asserting), String(disputing), String(counterClaims),
            String(sources), firstSeen ?? "", lastSeen ?? "",
        ]
    }
}
