/// The verbs and phrases that report speech or belief, and the words that may go with them.
enum ReportingCues {
    static let verbs: Set<String> = [
        "said", "says", "say", "told", "tells", "tell", "added", "adds", "stated", "states", "explained", "explains",
        "insisted", "insists", "insist", "warned", "warns", "warn", "noted", "notes", "declared", "declares",
        "announced", "announces", "claimed", "claims", "claim", "argued", "argues", "argue", "acknowledged",
        "acknowledges", "admitted", "admits", "confirmed", "confirms", "stressed", "stresses", "emphasized",
        "emphasised", "emphasize", "emphasise", "emphasizes", "emphasises", "suggested", "suggests", "alleged",
        "alleges", "asserted", "asserts", "maintained", "maintains", "contended", "contends", "denied", "denies",
        "deny", "accused", "accuses", "described", "describes", "describe", "highlighted", "highlights", "reported",
        "wrote", "writes", "tweeted", "replied", "responded", "recalled", "predicted", "predicts", "cautioned",
        "conceded", "believes", "believe", "believed", "thinks", "think", "estimated", "estimates", "pointed",
        "remarked", "observed", "commented", "revealed", "concluded", "vowed", "urged", "questioned", "asked",
    ]
    /// Words that may come between subject and verb and belong to the cue: "has repeatedly claimed".
    static let auxiliaries: Set<String> = [
        "has", "have", "had", "also", "repeatedly", "again", "previously", "later",
        "further", "then", "once", "already", "often", "publicly", "privately", "is",
        "are", "was", "were", "recently", "earlier", "separately", "explicitly",
    ]
    /// "continues to emphasize": verbs of continuing before "to" and a reporting verb.
    static let continuing: Set<String> = ["continues", "continue", "continued", "keeps", "kept", "went", "goes"]
    /// A reporting verb after these is hypothetical or negated, not a report: "able to claim", "than claim".
    static let notReports: Set<String> = [
        "to", "can", "could", "would", "will", "may", "might", "must", "should", "than",
        "not", "never", "n’t", "n't", "cannot", "shall",
    ]
    /// Nouns that report a claim: "Russian claims regarding …".
    static let nouns: Set<String> = [
        "claims", "claim", "allegations", "allegation", "assertions", "assertion", "accusations",
        "warnings", "statements",
    ]
    static let nounLinks: Set<String> = ["regarding", "about", "of", "that", "concerning"]
    /// Where a subject begins: a clause boundary.
    static let clauseStarts: Set<String> = [
        ",", ";", ":", "—", "–", "(", "while", "although", "though", "but", "and", "as",
        "because", "since", "when", "after", "before", "if", "whereas", "that", "which",
        "who", "where", "so", "yet", "“", "\"", "”",
    ]
    static let quoteMarks: Set<Character> = ["“", "”", "\"", "«", "»", "`", "'"]
}
