import ArgumentParser
import ClaimTrail

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "The verification statuses a claim moves through.",
        subcommands: [Labels.self]
    )

    struct Labels: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "labels",
            abstract: "Show the statuses with this desk's labels, or rename one.",
            discussion: """
                `status labels in_progress "Being checked"` renames in_progress for tables, the HTML report and \
                `claim status`; an empty label restores the status's own name. The statuses and their rules stay \
                the same, and CSV and JSON keep the statuses' own names.
                """
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The status to rename (its own name or current label).") var status: String?
        @Argument(help: "Its new label.") var label: String?
        @Option(help: "table, csv or json.") var format: ReportFormat = .table
        @OptionGroup var table: TableOptions
        @OptionGroup var csv: CSVOptions

        func validate() throws {
            if status != nil && label == nil { throw ValidationError("give the new label after the status") }
        }

        func run() throws {
            let opened = try store.open()
            if let status, let label {
                try opened.write {
                    try opened.setStatusLabel(try opened.resolveStatus(status), to: label, by: store.recorder)
                }
            }
            let labels = try opened.read { try opened.statusLabels() }
            try emit(
                try format.render(
                    VerificationStatus.allCases.map {
                        StatusLabelRow(status: $0.rawValue, label: labels[$0] ?? $0.rawValue)
                    },
                    width: table.width,
                    cells: csv.cells
                )
            )
        }
    }
}

/// One status and the label this desk shows for it.
struct StatusLabelRow: Tabular, Encodable {
    var status: String
    var label: String
    static let columns = ["status", "label"]
    var cells: [String] { [status, label] }
}
