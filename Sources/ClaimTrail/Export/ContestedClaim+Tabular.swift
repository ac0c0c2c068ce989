extension ContestedClaim: Tabular {
    public static let columns = [
        "id", "claim", "topic", "asserting", "disputing", "counter_claims",
        "sources", "first_seen", "last_seen", "undated_attributions", "independent_origins",
        "retracted_sources", "first_hand_denials",
    ]

    public var cells: [String] {
        [
            String(id), claim, topic ?? "", String(asserting), String(disputing), String(counterClaims),
            String(sources), firstSeen ?? "", lastSeen ?? "", String(undatedAttributions),
            String(independentOrigins), String(retractedSources), String(firstHandDenials),
        ]
    }
}
