/// Reads RFC 4180 CSV: fields separated by commas, quoted with `"` when they hold a comma, a quote
/// (doubled) or a line break; records end at CRLF or LF. Used for small files a person made in a
/// spreadsheet (reconciliation lists), so it reads the whole text at once.
enum CSVReader {
    /// A record and the line it starts on, for error messages.
    struct Record {
        var line: Int
        var fields: [String]
    }

    /// The records of `text`; blank lines are skipped. An unterminated quote is an error at its line.
    static func records(_ text: String, path: String) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var start = 1
        var quoted = false
        var scalars = text.unicodeScalars[...]
        func endRecord() {
            fields.append(String(field))
            if fields != [""] { records.append(Record(line: start, fields: fields)) }
            fields = []
            field = String.UnicodeScalarView()
            start = line
        }
        while let scalar = scalars.popFirst() {
            if scalar == "\n" { line += 1 }
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        field.append(scalars.removeFirst())
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case ",":
                fields.append(String(field))
                field = String.UnicodeScalarView()
            case "\r" where scalars.first == "\n": continue
            case "\n": endRecord()
            default: field.append(scalar)
            }
        }
        guard !quoted else {
            throw ClaimTrailError.importFailed(location: "\(path):\(start)", reason: "unclosed quote")
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
