/// The full names an article gives its people, by last name, so that a later "Lavrov said" or "said
/// Vitner" is credited to "Sergei Lavrov" (with the title he was introduced by), as news style intends:
/// full name and title at first mention, last name alone after.
struct PersonNames {
    private var byLastName: [String: SpeakerPhrase] = [:]

    /// Words that may start a capitalised run without being part of a name: "In Moscow", "But Putin".
    private static let notNames: Set<String> = [
        "the", "a", "an", "in", "on", "at", "for", "of", "and", "but", "or", "to", "from", "by", "with", "as",
        "this", "that", "when", "after", "before", "according", "speaking", "if", "while", "since", "under",
    ]

    /// Notes every run of two or more capitalised words in a sentence that ends in a personal name; a
    /// title before the name becomes its role ("Foreign Minister Sergei Lavrov"). The first mention wins.
    mutating func collect(_ words: [Word]) {
        var run: [Word] = []
        for word in words {
            if word.isCapitalized && (!run.isEmpty || !Self.notNames.contains(word.lower)) {
                run.append(word)
            } else {
                note(run)
                run = []
            }
        }
        note(run)
    }

    private mutating func note(_ run: [Word]) {
        guard run.count >= 2, let last = run.last, !SpeakerPhrase.speakerNouns.contains(last.lower) else { return }
        let title = run.dropLast().lastIndex { SpeakerPhrase.titles.contains($0.lower) }
        let nameWords = title.map { Array(run[($0 + 1)...]) } ?? run
        guard nameWords.count >= 2, byLastName[String(last.text)] == nil else { return }
        byLastName[String(last.text)] = SpeakerPhrase(
            name: nameWords.spelled,
            role: title.map { run[...$0].spelled }
        )
    }

    /// The full name for a speaker named by last name alone, or nil.
    func fullName(of speaker: SpeakerPhrase) -> SpeakerPhrase? {
        guard !speaker.name.contains(" "), let full = byLastName[speaker.name] else { return nil }
        return SpeakerPhrase(name: full.name, role: speaker.role ?? full.role)
    }
}
