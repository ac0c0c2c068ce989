/// "The Campaign to Ban Rats says … But the group says it is worried": news style names a body once and
/// then calls it "the group" or "the organization", words that share nothing with its name. Such a
/// description points to the body last quoted by name, and never to a person or a described group.
extension SpeakerPhrase {
    /// Head nouns that any organisation may be called by, whatever its name says it is.
    static let organisationNouns: Set<String> = ["group", "organization", "organisation", "charity", "agency"]

    /// "the group", "The rights group", "the organization": an organisation described, not named.
    var isOrganisationDescription: Bool {
        isBodyDescription && Self.organisationNouns.contains(name.split(separator: " ").last?.lowercased() ?? "")
    }

    /// A body given by its name: "The International Campaign to Ban Landmines", "Oxfam" — not a person,
    /// nor a group ("Farmers"), nor a description ("the company").
    var isNamedBody: Bool { isNamed && !isSinglePerson && !isPlural }

    /// "ILO Chief of Employment Trends", "Minister for Health": a title with the post it heads, which
    /// describes whoever the commas after it name ("…, Lawrence Johnson, says"), as "the director of" does.
    static func namesPost(_ words: [Word]) -> Bool {
        zip(words, words.dropFirst()).contains { title, linking in
            isTitle(title, first: false) && ["of", "for"].contains(linking.lower)
        }
    }
}
