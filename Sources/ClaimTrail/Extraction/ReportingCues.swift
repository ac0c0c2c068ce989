/// The verbs and phrases that report speech or belief, and the words that may go with them.
enum ReportingCues {
    static let verbs: Set<String> = [
        "said", "says", "say", "told", "tells", "tell", "added", "adds", "stated", "states", "explained", "explains",
        "insisted", "insists", "insist", "warned", "warns", "warn", "noted", "notes", "declared", "declares",
        "announced", "announces", "claimed", "claims", "claim", "reveal", "reveals", "argued", "argues", "argue",
        "acknowledged",
        "acknowledges", "admitted", "admits", "confirmed", "confirms", "stressed", "stresses", "emphasized",
        "emphasised", "emphasize", "emphasise", "emphasizes", "emphasises", "suggested", "suggests", "alleged",
        "alleges", "asserted", "asserts", "maintained", "maintains", "contended", "contends", "denied", "denies",
        "deny", "accused", "accuses", "described", "describes", "describe", "highlighted", "highlights", "reported",
        "wrote", "writes", "tweeted", "replied", "responded", "recalled", "predicted", "predicts", "cautioned",
        "conceded", "believes", "believe", "believed", "thinks", "think", "estimated", "estimates", "pointed",
        "remarked", "observed", "commented", "revealed", "concluded", "vowed", "urged", "questioned", "asked",
        "reports", "indicated", "indicates", "indicate", "predict", "recommends", "recommended", "continued",
        // Base forms, after a plural subject: "studies suggest", "the lawyers contend".
        "suggest", "contend", "allege", "assert", "acknowledge", "admit", "confirm", "discovered",
        "show", "shows", "showed", "found", "finds",
        // Participles, after their subject or after the main clause: "…, accusing X of", "…, adding that".
        "accusing", "claiming", "alleging", "saying", "adding", "insisting", "warning", "arguing", "disputing",
        "noting", "stressing", "suggesting", "denying", "telling", "acknowledging", "admitting", "stating",
        "declaring", "asserting", "predicting",
        // Expectations and conjectures, which survey and forecast stories report: "Smith expects …",
        // "analysts had expected …", "she speculates that …".
        "expects", "expect", "expected", "speculates", "speculated", "speculate",
        // Verbs with a listener before their content: "NPS reminds visitors that …".
        "reminds", "reminded", "assures", "assured", "informs", "informed",
        // Naming verbs, which report a name given in quotation marks: "called the offer “an insult”".
        "called", "calls", "call", "calling",
        // "joked that …", "some experts point out …", "was notified by X that …".
        "joked", "jokes", "quipped", "point", "points", "notified", "notifies",
        // Agreement, regret and complaint, as news reports a second voice: "Ruiz agrees that …", "“…,” he lamented".
        "agrees", "agreed", "lamented", "laments", "complained", "complains", "reiterated", "reiterates",
        "concedes", "recalls", "testified", "testifies",
        // Blame, whose content is whom it falls on and for what: "officials blame the storm for the collapse".
        "blame", "blames", "blamed", "blaming",
    ]
    /// Verbs that name a thing: they report only a name in quotation marks after their object ("called the
    /// offer “an insult”"), not a call made ("called the police", "called an election", "called for calm").
    static let namingVerbs: Set<String> = ["called", "calls", "call", "calling"]
    /// Verbs whose listener belongs to the cue: "told reporters", "reminds visitors that", "assured the
    /// court that".
    static let listenerVerbs: Set<String> = [
        "told", "tells", "tell", "telling", "notified", "notifies", "reminds", "reminded", "assures", "assured",
        "informs", "informed",
    ]
    /// Base forms added for plural subjects ("studies suggest"); after "and" or "to" they are infinitives.
    static let baseForms: Set<String> = [
        "suggest", "contend", "allege", "assert", "acknowledge", "admit", "confirm", "expect", "speculate", "blame",
    ]
    /// Verbs whose object is mostly a thing done, not a claim ("announced new grants", "unveiled a plan"):
    /// they report what follows only after "that".
    static let actVerbs: Set<String> = [
        "announced", "announces", "announce", "revealed", "reveals", "unveiled", "unveils",
        // "asked the women to keep a record", "discovered the wreck": requests and acts.
        "asked", "urged", "discovered",
        // "explained his purpose and goals", "reveal new figures": what is explained is said only after "that".
        "explained", "explains", "reveal",
        // "agreed a ceasefire", "agreed to pay", "complained about the noise", "lamented the loss": agreement,
        // complaint and regret report a claim forward only with "that" after them (and as a trailing cue).
        "agreed", "agrees", "complained", "complains", "lamented", "laments",
        // "Wigan maintained their positive start": to maintain a thing is to keep it; "maintained that …" reports.
        "maintained", "maintains",
    ]
    /// Verbs of declaring, which report a claim ("declared he would run") but also proclaim a state ("declared a
    /// state of emergency", "declared three days of mourning"), which is an act.
    static let declarations: Set<String> = ["declared", "declares", "declare", "declaring"]
    /// Nouns of the states a government or body declares, as the object of a verb of declaring.
    static let declaredStates: Set<String> = [
        "emergency", "emergencies", "disaster", "disasters", "mourning", "war", "victory", "independence", "curfew",
        "holiday", "ceasefire", "cease-fire", "truce", "bankruptcy", "lockdown", "quarantine", "martial",
        "candidacy", "winner", "pandemic", "epidemic",
    ]
    /// Verbs of expecting, which report a forecast only with a clause or an infinitive after them ("expects
    /// prices to rise", "expects the economy will grow"), not with a thing alone ("expected some changes").
    /// Verbs of denial, and the accusations they deny without stating anything: "denied the allegations"
    /// (but "denied the report and insisted …" and "dismissed the report as …" report).
    static let denials: Set<String> = [
        "denied", "denies", "deny", "rejected", "rejects", "reject", "disputed", "disputes",
    ]
    static let accusations: Set<String> = ["allegations", "allegation", "accusations", "accusation", "charges"]
    /// What a court or an office refuses ("denied the request", "rejected the appeal"): acts, not claims.
    static let petitions: Set<String> = [
        "request", "requests", "motion", "motions", "appeal", "appeals", "bail", "application", "applications",
        "petition", "petitions", "permission", "entry", "access", "visa", "visas",
    ]
    static let expectations: Set<String> = ["expects", "expect", "expected"]
    /// Views a report may ascribe to others inside its own content ("said the company expected …", "says he and
    /// the unions had agreed …"): there they are the outer speaker's words, not a report of their own.
    static let sharedViews: Set<String> = expectations.union(["agreed", "agrees"])
    /// Verbs of claiming, whose infinitive states the claim ("claimed to have cloned the cells", "claims to be
    /// the heir"), where other verbs' "to" opens a complement ("responded to", "told to leave").
    static let claimsWithInfinitive: Set<String> = ["claimed", "claims", "claim", "claiming"]
    /// Verbs after "claimed to" that make the claim a state ("to be", "to have"), not a thing claimed ("China's
    /// claim to sovereignty").
    static let claimedStates: Set<String> = ["be", "have", "represent", "speak", "know", "hold", "own", "possess"]
    /// Words that show a forecast after a verb of expecting: its infinitive or its modal.
    static let forecastMarkers: Set<String> = ["to", "will", "would", "could", "may", "might", "should", "be"]
    /// Verbs by which a relative clause reports its antecedent's claim: "researchers who say they are fed up".
    static let relativeCues: Set<String> = [
        "say", "says", "said", "claim", "claims", "believe", "believes", "argue", "argues", "insist", "insists",
        "warn", "warns", "contend", "contends", "think", "thinks",
    ]
    /// Modals that open a main clause after a relative clause: "researchers who say … will march".
    static let mainClauseModals: Set<String> = ["will", "would", "can", "could", "must", "should", "may", "might"]
    /// Verbs that report only when their subject is a document or figures ("a new report shows …"), or
    /// with "that" after any subject ("the researchers found that …", not "police found the car").
    static let documentVerbs: Set<String> = ["show", "shows", "showed", "found", "finds", "indicate"]
    /// Forms of "be": before a participle they make a passive ("is believed", "are confirmed"), no report.
    static let be: Set<String> = ["is", "are", "was", "were", "be", "been", "being"]
    /// Prepositions that open a phrase of when or where between a verb and its content: "said on
    /// Tuesday that", "said in a statement that".
    static let prepositions: Set<String> = [
        "to", "of", "about", "on", "for", "with", "from", "in", "at", "by", "over", "against", "after", "during",
    ]
    /// Prepositions that open a verb's complement rather than a clause: "warned of dangers", "responded
    /// to the briefing", "commented on the case", "reports from the capital", "spoke through an
    /// interpreter". Content that opens with one is no statement.
    static let complementPrepositions: Set<String> = [
        "to", "of", "about", "for", "with", "against", "into", "on", "from", "through", "via",
    ]
    /// Content that opens with these reports a question or an act, not a claim: "explained why …".
    static let questionWords: Set<String> = ["why", "what", "how", "whether", "where", "when", "who", "which"]
    /// Words that may come between subject and verb and belong to the cue: "has repeatedly claimed".
    static let auxiliaries: Set<String> = [
        "has", "have", "had", "also", "repeatedly", "again", "previously", "later",
        "further", "then", "once", "already", "often", "publicly", "privately", "is", "now", "still",
        "are", "was", "were", "recently", "earlier", "separately", "explicitly",
    ]
    /// "continues to emphasize": verbs of continuing before "to" and a reporting verb.
    static let continuing: Set<String> = ["continues", "continue", "continued", "keeps", "kept", "went", "goes"]
    /// A reporting verb after these is hypothetical or negated, not a report: "able to claim", "than claim".
    static let notReports: Set<String> = [
        "to", "can", "could", "would", "will", "may", "might", "must", "should", "than",
        "not", "never", "n’t", "n't", "cannot", "shall",
        // After an article the verb is an adjective: "an estimated 300 runners", "the reported figure".
        "a", "an", "the",
    ]
    /// Adverbs by which the writer hedges a verb: "the bank allegedly told investors" reports an act
    /// someone alleges, not what the bank said.
    static let hedges: Set<String> = ["allegedly", "reportedly", "purportedly", "supposedly", "apparently"]
    /// Nouns that report a claim: "Russian claims regarding …".
    static let nouns: Set<String> = [
        "claims", "claim", "allegations", "allegation", "assertions", "assertion", "accusations",
        "warnings", "statements", "announcement", "assurances", "insistence",
    ]
    static let nounLinks: Set<String> = ["regarding", "about", "of", "that", "concerning"]
    /// Links from a noun of claim to its source, before "that": "claims by the opposition that …".
    static let nounSources: Set<String> = ["by", "from"]
    /// Where a subject begins: a clause boundary.
    static let clauseStarts: Set<String> = [
        ",", ";", ":", "—", "–", "-", "(", "while", "although", "though", "but", "and", "as",
        "because", "since", "when", "after", "before", "if", "whereas", "that", "which",
        "who", "where", "so", "yet", "what", "“", "\"", "”", "'", "‘", "’",
    ]
    static let quoteMarks: Set<Character> = ["“", "”", "\"", "«", "»", "`", "'"]
}
