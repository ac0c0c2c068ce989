/// The aliases one import gives speakers, checked once the whole file is in.
///
/// An alias that is another speaker's name makes every later lookup by that name ambiguous, so
/// `speaker add --alias` refuses it. An import cannot refuse it as each record arrives: a store's own
/// export holds such aliases by design (`speaker merge` keeps the merged speaker's name as an alias
/// of the kept one, while another speaker may bear the same name: two "a senior official"s), and the
/// speaker bearing the name may come later in the file, or be merged away by a later record. So an
/// alias is refused only when, at the end, it names a speaker the file does not mention at all: one
/// the store held already, which the alias would silently shadow. A speaker the file declares was
/// seen side by side with the alias by whoever wrote it, as in the store it was exported from.
final class ImportedAliases {
    /// The speakers the file's speaker records found or added.
    private var mentioned = Set<Int64>()
    /// The aliases new to their speaker, where the file gives them.
    private var offered: [(speakerID: Int64, alias: String, location: String)] = []

    func removeAll() {
        mentioned.removeAll()
        offered.removeAll()
    }

    /// Notes that a speaker record named speaker `speakerID`, giving it `aliases`; those whose key
    /// is among `known` (the speaker's name and aliases before this record) are not new.
    func offer(_ aliases: [String], to speakerID: Int64, known: [String], at location: String) {
        mentioned.insert(speakerID)
        let keys = Set(known.map(TextKey.fold))
        for alias in aliases where !alias.isBlank && !keys.contains(TextKey.fold(alias)) {
            offered.append((speakerID, alias.trimmed(), location))
        }
    }

    /// Refuses the first alias that names a speaker neither its own nor mentioned by the file.
    func check(in store: ClaimStore) throws {
        for offer in offered {
            let others = try store.speakers(named: offer.alias).filter {
                $0.id != offer.speakerID && !mentioned.contains($0.id)
            }
            guard let other = others.first, let speaker = try store.speaker(id: offer.speakerID) else { continue }
            throw ClaimTrailError.importFailed(
                location: offer.location,
                reason: "alias “\(offer.alias)” of speaker #\(speaker.id) \(speaker.label) already names speaker "
                    + "#\(other.id) \(other.label), which this file does not declare; merge the two speakers "
                    + "(speaker merge) or choose another alias"
            )
        }
        removeAll()
    }
}
