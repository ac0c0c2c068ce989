/// Lets an option take a negative number: `verdict … --worst -5`, and `--limit -1` refused in words.
///
/// argument-parser reads any word that starts with `-` as an option's name, so `--limit -1` failed
/// with "Missing value for '--limit <limit>'", which hides what is wrong. A negative number right after
/// a long option is attached to it instead (`--limit=-1`), so that the option's own type judges it: a
/// score takes it, and a count (`Count`) or an id (`RecordID`) refuses it, which `refusal` words.
struct NegativeNumbers {
    /// The command line with each negative number attached to the option before it.
    let arguments: [String]
    /// The options given a negative number, and the number.
    private let attached: [(option: String, number: String)]

    init(_ arguments: [String]) {
        var rewritten: [String] = []
        var attached: [(option: String, number: String)] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let word = arguments[index]
            // After `--` every word is an argument, however it starts.
            if word == "--" {
                rewritten += arguments[index...]
                break
            }
            let next = arguments.index(after: index)
            if word.hasPrefix("--"), word.count > 2, !word.contains("="), next < arguments.endIndex,
                Self.isNegativeNumber(arguments[next])
            {
                rewritten.append(word + "=" + arguments[next])
                attached.append((word, arguments[next]))
                index = arguments.index(after: next)
            } else {
                // Given attached already (`--limit=-1`), it is judged and worded alike.
                if word.hasPrefix("--"), let equals = word.firstIndex(of: "="),
                    Self.isNegativeNumber(String(word[word.index(after: equals)...]))
                {
                    attached.append((String(word[..<equals]), String(word[word.index(after: equals)...])))
                }
                rewritten.append(word)
                index = next
            }
        }
        self.arguments = rewritten
        self.attached = attached
    }

    /// `-1`, `-0.5`: what argument-parser would take for an option's name.
    static func isNegativeNumber(_ word: String) -> Bool {
        let digits = word.utf8.dropFirst()
        return word.hasPrefix("-") && digits.first.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } == true
            && digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ".") }
    }

    /// One line for argument-parser's refusal of an attached negative number (`message`, "The value
    /// '-1' is invalid for '--limit <limit>'"): the option is a count or an id, which is never negative.
    /// Nil for any other failure.
    func refusal(_ message: String) -> String? {
        attached.first { message.hasPrefix("The value '\($0.number)' is invalid for '\($0.option) ") }.map {
            "\($0.option) cannot be negative (\($0.number))"
        }
    }
}
