extension AttributionExtractor {
    /// The version of the extraction rules, kept with each proposal recorded from them, so that a
    /// reviewer (or a later evaluation) knows which rules proposed what. Change it whenever the
    /// rules change what they propose (.2: the general rules and confidences of issue 19).
    public static let version = "rules-2026.11.2"
}
