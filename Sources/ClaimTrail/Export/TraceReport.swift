/// Text forms of the two traces, for reading in a terminal. Each attribution row starts with its
/// id, which `attribution edit` and `attribution delete` take; a row with no date says "undated".
public enum TraceReport {
    /// - Parameter width: the terminal's width, or nil to cut nothing.
    /// - Parameter labels: the desk's words for statuses it renamed.
    public static func table(
        _ trace: ClaimTrace,
        width: Int? = nil,
        labels: [VerificationStatus: String] = [:]
    ) -> String {
        let rows = Dictionary(
            [(trace.claim.id, trace.attributions)]
                + (trace.counterClaims + trace.contradicts + trace.supportedBy).map { ($0.claim.id, $0.attributions) }
        ) { first, _ in first }
        let relays = trace.attributions.filter { !$0.viaChain.isEmpty }.map(relay)
        var text = ""
        // Nothing here throws: the rows are in memory and the text is collected.
        try? writeTable(
            trace,
            labels: labels,
            relays: { emit in if !relays.isEmpty { try emit("Relayed: " + relays.joined(separator: "; ") + "\n") } },
            timeline: { claimID, emit in try emit(timeline(rows[claimID] ?? [], width: width)) },
            width: width,
            to: { text += $0 }
        )
        return text
    }

    /// A claim's trace as a table, written as it reads the store, in one snapshot: each timeline
    /// is read once, its rows measured and kept in `MeasuredRows` until its columns are sized,
    /// and the relays of the header wait in a `SpillFile`. The claim's own timeline is measured
    /// as the outline reads it, since the outline's rows are the ones the timeline shows. Memory
    /// holds one row at a time; the timelines' lines are laid out in `output`'s buffer.
    /// - Parameter announce: told how many of the claim's attributions are shown, and how many it
    ///   has, before anything is written.
    public static func writeTable(
        claim reference: String,
        from store: ClaimStore,
        limit: Int?,
        includeProposed: Bool,
        width: Int?,
        announce: (_ shown: Int, _ total: Int) -> Void,
        to output: TextOutput
    ) throws {
        try store.read {
            let query = ProvenanceQuery(store: store, includesProposed: includeProposed)
            let relays = try SpillFile()
            let shown = try MeasuredRows(headers: timelineHeaders)
            let trace = try store.claimTraceOutline(try store.resolveClaim(reference), limit: limit, query: query) {
                record in
                let row = try record.row()
                try shown.add(timelineCells(row))
                guard !row.viaChain.isEmpty else { return }
                try relays.write((relays.isEmpty ? "" : "; ") + relay(row))
            }
            announce(shown.count, trace.totalAttributions)
            try writeTable(
                trace,
                labels: try store.statusLabels(),
                relays: { emit in
                    guard !relays.isEmpty else { return }
                    try emit("Relayed: ")
                    try relays.copy(to: emit)
                    try emit("\n")
                },
                // `emit` writes to `output` too, so the timeline's lines fall in their place.
                timeline: { claimID, _ in
                    try streamTable(
                        headers: timelineHeaders,
                        measured: claimID == trace.claim.id ? shown : nil,
                        rows: { body in try query.forEach(.claim(claimID), limit: limit) { try body(timelineCells($0)) }
                        },
                        width: width,
                        empty: noTimeline,
                        to: output
                    )
                },
                width: width,
                to: output.write
            )
        }
    }

    /// A claim's trace as JSON, as `JSONReport.encode` writes the trace built whole, but written
    /// row by row into `output` as the store is read (see `StreamedJSONReport`), in one pass: what
    /// the trace says of its rows (spread, undated sources and rows) sorts after them, and is
    /// gathered as they go out.
    /// - Parameter announce: told how many of the claim's attributions are shown, and how many it
    ///   has, once they are written.
    public static func writeJSON(
        claim reference: String,
        from store: ClaimStore,
        limit: Int?,
        includeProposed: Bool,
        announce: (_ shown: Int, _ total: Int) -> Void,
        to output: TextOutput
    ) throws {
        try store.read {
            let query = ProvenanceQuery(store: store, includesProposed: includeProposed)
            var trace = try store.claimTraceFrame(try store.resolveClaim(reference), includeProposed: includeProposed)
            var (tally, shown) = (TraceTally(), 0)
            try StreamedJSONReport(rows: traceRows, query: query, limit: limit).write(
                trace,
                to: output,
                observing: { record in
                    tally.add(record)
                    shown += 1
                },
                completed: {
                    tally.apply(to: &trace)
                    return trace
                }
            )
            announce(shown, trace.totalAttributions)
        }
    }

    /// A speaker's trace as JSON, written row by row into `output` (see `StreamedJSONReport`).
    /// - Parameter announce: told how many of the speaker's attributions are shown, and how many
    ///   they have, before anything is written.
    public static func writeJSON(
        speaker reference: String,
        from store: ClaimStore,
        limit: Int?,
        announce: (_ shown: Int, _ total: Int) -> Void,
        to output: TextOutput
    ) throws {
        try store.read {
            let trace = try store.traceSpeaker(reference, limit: 0)
            // A speaker's trace reads accepted rows only, which `totalAttributions` counts.
            announce(limit.map { min($0, trace.totalAttributions) } ?? trace.totalAttributions, trace.totalAttributions)
            try StreamedJSONReport(rows: traceRows, query: store.provenance, limit: limit).write(trace, to: output)
        }
    }

    /// A speaker's trace as a table, written row by row into `output`: read once, to size the
    /// columns and count the undated rows, its rows kept in `MeasuredRows` until they are written.
    /// - Parameter announce: told how many of the speaker's attributions are shown, and how many
    ///   they have, before anything is written.
    public static func writeTable(
        speaker reference: String,
        from store: ClaimStore,
        limit: Int?,
        width: Int?,
        announce: (_ shown: Int, _ total: Int) -> Void,
        to output: TextOutput
    ) throws {
        try store.read {
            let trace = try store.traceSpeaker(reference, limit: 0)
            let scope = ProvenanceQuery.Scope.speaker(trace.speaker.id)
            var undated = 0
            let shown = try MeasuredRows(headers: speakerHeaders)
            try store.provenance.forEach(scope, limit: limit) { row in
                if row.date == nil { undated += 1 }
                try shown.add(speakerCells(row))
            }
            announce(shown.count, trace.totalAttributions)
            try output.write(speakerHeader(trace.speaker, undated: undated))
            guard shown.count > 0 else { return try output.write(noSpeakerRows) }
            try output.write("\n")
            try shown.write(width: width, to: output)
        }
    }

    /// The rows of a trace's object: a claim's, or a speaker's.
    private static func traceRows(_ fields: [String: ReportNode]) -> ProvenanceQuery.Scope? {
        if case .object(let claim)? = fields["claim"], case .int(let id)? = claim["id"] { return .claim(id) }
        if case .object(let speaker)? = fields["speaker"], case .int(let id)? = speaker["id"] { return .speaker(id) }
        return nil
    }

    /// A claim's trace as text; the relays line and each timeline are written by the callers,
    /// from rows in memory or from the store.
    private static func writeTable(
        _ trace: ClaimTrace,
        labels: [VerificationStatus: String],
        relays: ((String) throws -> Void) throws -> Void,
        timeline: (Int64, (String) throws -> Void) throws -> Void,
        width: Int?,
        to emit: (String) throws -> Void
    ) throws {
        var text = "Claim #\(trace.claim.id): \(shown(trace.claim.text))\(trace.contested ? "  [contested]" : "")\n"
        if let topic = trace.claim.topic { text += "Topic: \(shown(topic))\n" }
        text += "Status: \(shown(labels[trace.status] ?? trace.status.rawValue))"
        text += (trace.assignee.map { ", held by \(shown($0))" } ?? "") + "\n"
        text += ClaimOrigins.counts(trace.sources, trace.independentOrigins, trace.firstHandDenials) + "\n"
        let undated = trace.undatedSourceIDs.count
        let undatedNote = undated == 0 ? "" : "undated \(sources(undated))"
        if let first = trace.firstAppearance {
            text += "First appearance: \(shown(first.titles[0])) (\(first.day))\n"
            let days = trace.spread.map { "\($0.day) \(sources($0.sourceIDs.count))" }
            text += "Spread: " + (days + (undated == 0 ? [] : [undatedNote])).joined(separator: ", ") + "\n"
        } else if undated > 0 {
            text += "First appearance: undated (\(sources(undated)), none dated)\n"
        }
        if trace.undatedAttributions > 0 { text += undatedLine(trace.undatedAttributions) }
        try emit(text)
        let sections = [
            ("Counter-claims (dispute this claim)", trace.counterClaims),
            ("Claims this one contradicts", trace.contradicts),
            ("Supported by", trace.supportedBy),
        ]
        // The callers' parts write only while this runs.
        try withoutActuallyEscaping(emit) { emit in
            try relays(emit)
            try emit("\nWho said it\n")
            try timeline(trace.claim.id, emit)
            for (title, related) in sections where !related.isEmpty {
                try emit("\n\(title)\n")
                for other in related {
                    try emit("\n#\(other.claim.id): \(shown(other.claim.text))\n")
                    try timeline(other.claim.id, emit)
                }
            }
        }
        text = ""
        if !trace.notes.isEmpty {
            text += "\nNotes\n" + trace.notes.map { "  \($0.at) \(shown($0.by)): \(shown($0.text))\n" }.joined()
        }
        if !trace.history.isEmpty {
            let rows = trace.history.map { change in
                [
                    change.at, change.by, "\(change.action) \(change.entity) #\(change.entityID)", change.summary,
                    change.reason ?? "",
                ]
            }
            text +=
                "\nHistory\n"
                + TextTable(headers: ["when", "by", "change", "what", "reason"], rows: rows).render(width: width)
        }
        try emit(text)
    }

    /// One relayed attribution as the header lists it.
    private static func relay(_ row: ProvenanceRow) -> String {
        "\(shown(row.viaChainText)) (in \(shown(row.sourceTitle)))"
    }

    /// Writes a table of the rows `rows` passes, once: they are measured and kept, then written;
    /// `rows` is not called when they were `measured` already.
    private static func streamTable(
        headers: [String],
        measured: MeasuredRows? = nil,
        rows: (([String]) throws -> Void) throws -> Void,
        width: Int?,
        empty: String,
        to output: TextOutput
    ) throws {
        let table: MeasuredRows
        if let measured {
            table = measured
        } else {
            table = try MeasuredRows(headers: headers)
            try rows { try table.add($0) }
        }
        guard table.count > 0 else { return try output.write(empty) }
        try table.write(width: width, to: output)
    }

    /// - Parameter width: the terminal's width, or nil to cut nothing.
    public static func table(_ trace: SpeakerTrace, width: Int? = nil) -> String {
        let text = speakerHeader(trace.speaker, undated: trace.attributions.count { $0.date == nil })
        guard !trace.attributions.isEmpty else { return text + noSpeakerRows }
        return text + "\n"
            + TextTable(headers: speakerHeaders, rows: trace.attributions.map(speakerCells)).render(width: width)
    }

    private static func speakerHeader(_ speaker: Speaker, undated: Int) -> String {
        var text = "Speaker #\(speaker.id): \(shown(speaker.label)), \(speaker.kind.rawValue)\n"
        if !speaker.aliases.isEmpty { text += "Also known as: \(shown(speaker.aliases.joined(separator: "; ")))\n" }
        if undated > 0 { text += undatedLine(undated) }
        return text
    }

    private static let speakerHeaders = [
        "id", "date", "claim", "text", "stance", "mode", "cue", "quote", "source", "via",
    ]
    private static let noSpeakerRows = "\nNo attributions recorded.\n"

    private static func speakerCells(_ row: ProvenanceRow) -> [String] {
        [
            String(row.attributionID), row.date ?? undatedCell, "#\(row.claimID)", row.claim, row.stance.rawValue,
            row.mode.rawValue, row.cue ?? "", row.quote ?? "", row.sourceTitle, row.viaChainText,
        ]
    }

    /// Stored text as it may appear in a header line: cleaned for the terminal.
    private static func shown(_ text: String) -> String { TerminalText.line(text) }

    private static func timeline(_ rows: [ProvenanceRow], width: Int?) -> String {
        guard !rows.isEmpty else { return noTimeline }
        return TextTable(headers: timelineHeaders, rows: rows.map(timelineCells)).render(width: width)
    }

    private static let timelineHeaders = [
        "id", "date", "speaker", "role", "stance", "mode", "cue", "quote", "source", "via",
    ]
    private static let noTimeline = "  (no attributions recorded)\n"

    private static func timelineCells(_ row: ProvenanceRow) -> [String] {
        [
            String(row.attributionID), row.date ?? undatedCell, row.voice, row.speakerRole ?? "",
            row.stance.rawValue + (row.state == .proposed ? " (proposed)" : ""), row.mode.rawValue, row.cue ?? "",
            row.quote ?? "", sourceCell(row), row.viaChainText,
        ]
    }

    private static let undatedCell = "undated"

    /// A retracted source says so wherever it is named.
    private static func sourceCell(_ row: ProvenanceRow) -> String {
        row.sourceTitle + (row.sourceRetractedOn.map { " [retracted \($0)]" } ?? "")
    }

    /// The line both traces give when some of the attributions shown have no date.
    private static func undatedLine(_ count: Int) -> String {
        "Undated: \(count) of the attributions shown \(count == 1 ? "has" : "have") no date; they are listed last\n"
    }

    private static func sources(_ count: Int) -> String { "\(count) source\(count == 1 ? "" : "s")" }
}
