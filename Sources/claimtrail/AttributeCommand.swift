import ArgumentParser
import ClaimTrail

struct AttributeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attribute",
        abstract: "Record who said a claim, in which source, and how; prints the attribution's id.",
        discussion: """
            The speaker is found by id, name or alias, ignoring case. A name that matches nobody is an \
            error naming the closest speakers, unless --new-speaker (or --speaker-kind) says to record \
            a new one; one that matches several is an error listing them.
            """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "The claim's id, or its exact text.") var claim: String
    @Option(help: "Who said it: id, name or alias.") var speaker: String?
    @Flag(help: "Nobody is named: the source's own voice, or 'reportedly'.") var unattributed = false
    @Flag(help: "Record --speaker as a new speaker when no speaker has that name (kind unknown).")
    var newSpeaker = false
    @Option(help: "Kind of a new speaker; implies --new-speaker.") var speakerKind: SpeakerKind?
    @Option(help: "Role of a speaker created by this command.") var speakerRole: String?
    @Option(help: "The source's id, URL or title.") var source: String
    @Option(help: "asserts, denies or questions.") var stance: Stance = .asserts
    @Option(help: "direct, indirect or paraphrase.") var mode: Mode = .indirect
    @Option(help: "The words as printed.") var quote: String?
    @Option(help: "The reporting cue: 'said', 'told the press', 'according to'.") var cue: String?
    @Option(help: "The attribution id this one was relayed through (e.g. the outlet's).") var via: RecordID?
    @Option(help: "When it was said, YYYY-MM-DD.") var date: String?

    func validate() throws {
        switch (speaker, unattributed) {
        case (nil, false): throw ValidationError("give --speaker NAME, or --unattributed when nobody is named")
        case (.some, true): throw ValidationError("--speaker and --unattributed exclude each other")
        default: break
        }
    }

    private var newKind: SpeakerKind { speakerKind ?? .unknown }

    func run() throws {
        let opened = try store.open()
        var created: Int64?
        let attribution = try opened.write {
            let claimID = try opened.resolveClaim(claim).id
            let sourceID = try opened.resolveSource(source).id
            let speakerID = try speaker.map { name in
                if let known = try opened.resolveSpeaker(name) { return known.id }
                guard newSpeaker || speakerKind != nil else {
                    throw try opened.unknownSpeaker(name, creatable: true)
                }
                let id = try opened.addSpeaker(SpeakerDraft(name: name, kind: newKind, role: speakerRole))
                created = id
                return id
            }
            return try opened.addAttribution(
                AttributionDraft(
                    claimID: claimID,
                    speakerID: speakerID,
                    sourceID: sourceID,
                    stance: stance,
                    mode: mode,
                    quote: quote,
                    cue: cue,
                    date: date,
                    viaID: via?.value
                ),
                recordedBy: store.recorder
            )
        }
        if let created, let speaker { note("created speaker #\(created) “\(speaker)” (\(newKind.rawValue))") }
        if !attribution.created { note("attribution already recorded as #\(attribution.id)") }
        try emitLine(attribution.id)
    }
}
