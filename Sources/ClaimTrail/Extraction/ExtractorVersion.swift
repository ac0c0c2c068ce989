extension AttributionExtractor {
    /// The version of the extraction rules, kept with each proposal recorded from them, so that a
    /// reviewer (or a later evaluation) knows which rules proposed what. Change it whenever the
    /// rules change what they propose (.11.2: the general rules and confidences of issue 19; .12.1: its
    /// sixth round, from the dev set's texts 041–052; .12.2: its seventh, from texts 053–064; .12.3: its
    /// eighth, from texts 065–080 and the wrong speakers of the whole set; .12.4: its ninth, from the wrong
    /// speakers of the blind batch 081–096; .12.5: its tenth, from the dev set's listed misses; .12.6: its
    /// eleventh, speaker resolution, from the wrong speakers of the blind batches 097–128; .12.7: its twelfth,
    /// recall on unseen news, from the set's recurring misses and from news pages outside it).
    public static let version = "rules-2026.12.9"
}
