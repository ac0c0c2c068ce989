/// The full names an article gives its people, by last name, so that a later "Lavrov said" or "said
/// Vitner" is credited to "Sergei Lavrov" (with the title he was introduced by), as news style intends:
/// full name and title at first mention, last name alone after.
struct PersonNames {
    private var byLastName: [String: SpeakerPhrase] = [:]
    /// The same, by last name in lower case, for transcript labels in capitals ("LATAIF:", "DELL'ANNO:").
    private var byFoldedLastName: [String: SpeakerPhrase] = [:]
    /// People by the role noun they were introduced with ("Defence Minister Tomas Berg", "candidate
    /// Wayne Tseng"); nil where two people share the noun, so that "the minister" is not guessed.
    private var byRole: [String: SpeakerPhrase?] = [:]
    /// People by first name ("said Sarah" after "Sarah Hughes"), as feature writing calls the young; nil
    /// where two people share it.
    private var byFirstName: [String: SpeakerPhrase?] = [:]
    /// Last names, in lower case, of the outlet's own reporters ("VOA's Jessica Berman reports.", "I'm David
    /// DeForest reporting."): their turns in a transcript are the story's narration, no one's claim.
    private var reporters: Set<String> = []
    /// Names of two to six capitalised words by their initials ("NPS" → "National Park Service"), so that
    /// a later "NPS reminds …" is credited to the name the article spelled out first.
    private var byAcronym: [String: SpeakerPhrase] = [:]

    /// Words that may start a capitalised run without being part of a name: "In Moscow", "But Putin".
    private static let notNames: Set<String> = [
        "the", "a", "an", "in", "on", "at", "for", "of", "and", "but", "or", "to", "from", "by", "with", "as",
        "this", "that", "when", "after", "before", "according", "speaking", "if", "while", "since", "under",
    ]

    /// Notes every run of two or more capitalised words in a sentence that ends in a personal name; a
    /// title before the name becomes its role ("Foreign Minister Sergei Lavrov"). The first mention wins.
    /// A description in commas after the name ("Zachary Thompson, the county health director, said")
    /// is a role too, so that a later or earlier "the county health director" is Zachary Thompson.
    mutating func collect(_ words: [Word]) {
        var run: [Word] = []
        var before: Word?
        for (index, word) in words.enumerated() {
            if word.isCapitalized && (!run.isEmpty || !Self.notNames.contains(word.lower)) {
                run.append(word)
            } else {
                noteAcronym(run)
                let person = note(run, after: before)
                if let person, word.text == "," { noteAppositive(words[(index + 1)...].prefix(10), of: person) }
                run = []
                before = word
            }
        }
        noteAcronym(run)
        note(run, after: before)
        noteDefinedAcronyms(words)
        if let person = IntroducedPeople.introduction(words) {
            // "Ana Ruiz is a food security expert with the agency": "the expert" is Ana Ruiz.
            let named = person.name.split(separator: " ").last.flatMap { byLastName[String($0)] } ?? person
            for noun in IntroducedPeople.describingNouns(words) { noteRole(noun, of: named) }
        }
        let spoken = words.filter { !$0.isPunctuation }
        if spoken.count >= 3, ["reports", "reporting"].contains(spoken[spoken.count - 1].lower),
            spoken[spoken.count - 2].isCapitalized
        {
            reporters.insert(spoken[spoken.count - 2].withoutPossessive.lowercased())
        }
    }

    private mutating func noteAcronym(_ run: [Word]) {
        guard run.count >= 2, run.count <= 6, run.allSatisfy({ $0.text.first?.isLetter == true }) else { return }
        let initials = String(run.compactMap(\.text.first)).uppercased()
        if byAcronym[initials] == nil { byAcronym[initials] = SpeakerPhrase(name: run.spelled) }
    }

    /// Words that may stand inside a body's name between its capitalised words: "Lawyers for Human Rights".
    private static let linkingWords: Set<String> = ["for", "of", "and", "on", "to", "the", "in"]

    /// "The Zimbabwe Lawyers for Human Rights (ZLHR) says": an acronym in brackets right after a name whose
    /// capitalised words it abbreviates defines it, linking words and all, so that "the ZLHR said" is the
    /// body. It replaces a guess from a run of capitals: the article spells this one out.
    private mutating func noteDefinedAcronyms(_ words: [Word]) {
        for index in words.indices.dropFirst().dropLast(2) where words[index].text == "(" {
            let acronym = words[index + 1].text
            guard words[index + 2].text == ")", acronym.count >= 2, acronym.allSatisfy(\.isUppercase) else { continue }
            var start = index
            while start > 0, index - start < 12,
                words[start - 1].isCapitalized || Self.linkingWords.contains(words[start - 1].lower)
            {
                start -= 1
            }
            var name = words[start..<index].drop { $0.isPunctuation || Self.notNames.contains($0.lower) }
            while let last = name.last, !last.isCapitalized { name = name.dropLast() }
            let initials = String(name.filter(\.isCapitalized).compactMap(\.text.first))
            if name.count >= 2, initials == acronym { byAcronym[String(acronym)] = SpeakerPhrase(name: name.spelled) }
        }
    }

    /// The role nouns of a description between commas after a person's name.
    private mutating func noteAppositive(_ words: ArraySlice<Word>, of person: SpeakerPhrase) {
        guard let comma = words.firstIndex(where: { $0.text == "," }) else { return }
        for word in words[..<comma] where SpeakerPhrase.personNouns.contains(word.lower) {
            noteRole(word.lower, of: person)
        }
    }

    private mutating func noteRole(_ noun: String, of person: SpeakerPhrase) {
        if let known = byRole[noun] {
            if known?.name != person.name { byRole[noun] = .some(nil) }
        } else {
            byRole[noun] = person
        }
    }

    @discardableResult
    private mutating func note(_ run: [Word], after before: Word?) -> SpeakerPhrase? {
        // "…, London Coroner Says": a headline's reporting verb, capitalised, ends no name.
        let run = run.last.map { ReportingCues.verbs.contains($0.lower) } == true ? Array(run.dropLast()) : run
        guard run.count >= 2, let last = run.last, !SpeakerPhrase.speakerNouns.contains(last.lower) else { return nil }
        let title = run.dropLast().lastIndex { SpeakerPhrase.isTitle($0, first: $0.range == run[0].range) }
        let nameWords = title.map { Array(run[($0 + 1)...]) } ?? run
        let lastName = last.withoutPossessive
        let roleNouns = (title.map { run[...$0].map(\.lower) } ?? []) + (before.map { [$0.lower] } ?? [])
        guard nameWords.count >= 2 else {
            // "President Obama": no full name to file, but the title still says who "the President" is.
            if let title, nameWords.count == 1, !SpeakerPhrase.isTitle(last, first: false) {
                let person = SpeakerPhrase(name: lastName, role: run[...title].spelled)
                for noun in roleNouns where SpeakerPhrase.isRoleNoun(noun) { noteRole(noun, of: person) }
            }
            return nil
        }
        let person = SpeakerPhrase(
            name: (nameWords.dropLast().spelled + " " + lastName),
            role: title.map { run[...$0].spelled }
        )
        if byLastName[lastName] == nil { byLastName[lastName] = person }
        let firstName = String(nameWords[0].text)
        if let known = byFirstName[firstName] {
            if known?.name != person.name { byFirstName[firstName] = .some(nil) }
        } else if firstName.count > 1, nameWords.count == 2 {
            byFirstName[firstName] = person
        }
        if byFoldedLastName[lastName.lowercased()] == nil { byFoldedLastName[lastName.lowercased()] = person }
        for noun in roleNouns where SpeakerPhrase.isRoleNoun(noun) { noteRole(noun, of: person) }
        return person
    }

    /// The one person the article introduced with the head noun of a description ("the Lord Mayor
    /// candidate" → "Wayne Tseng", introduced as "… candidate Wayne Tseng"), or nil.
    func person(described speaker: SpeakerPhrase) -> SpeakerPhrase? {
        guard let noun = speaker.name.split(separator: " ").last?.lowercased(), let person = byRole[noun] else {
            return nil
        }
        return person
    }

    /// The full name for a speaker named by last name (or by an unshared first name) alone, or nil.
    func fullName(of speaker: SpeakerPhrase) -> SpeakerPhrase? {
        // "EPA", or "the ZLHR" with its article.
        let bare = speaker.name.lowercased().hasPrefix("the ") ? String(speaker.name.dropFirst(4)) : speaker.name
        if bare.count >= 2, bare.allSatisfy({ $0.isUppercase }), let body = byAcronym[bare] {
            return body
        }
        // A title goes with a last name ("General Cole"), never with a first name alone. A pronoun names no
        // one: "It said" after "As It Is" is not a person called "It Is".
        guard !speaker.name.contains(" "), !speaker.isPronoun,
            let full = byLastName[speaker.name] ?? (speaker.role == nil ? byFirstName[speaker.name] ?? nil : nil)
        else { return nil }
        return SpeakerPhrase(name: full.name, role: speaker.role ?? full.role)
    }

    /// The person a transcript label in capitals names, by full name ("LOUIS LATAIF") or last name
    /// ("LATAIF"): one the article names in full somewhere, else nil, so that a heading ("UPDATE:")
    /// credits no one.
    func person(labelled label: String) -> SpeakerPhrase? {
        let folded = label.lowercased()
        guard let last = folded.split(separator: " ").last, !reporters.contains(String(last)),
            let person = byFoldedLastName[String(last)],
            !folded.contains(" ") || person.name.lowercased().hasSuffix(folded)
        else { return nil }
        return person
    }
}
