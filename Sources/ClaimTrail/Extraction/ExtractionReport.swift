import Foundation

/// The table and CSV forms of an evaluation: one row per way of matching.
public enum ExtractionReport {
    public static let columns = ["match", "matched", "predicted", "gold", "precision", "recall", "f1"]

    public static func table(_ evaluation: ExtractionEvaluation, width: Int? = nil) -> String {
        TextTable(headers: columns, rows: rows(evaluation)).render(width: width)
    }

    public static func csv(_ evaluation: ExtractionEvaluation) -> String {
        ([columns] + rows(evaluation)).map { CSV.line($0) }.joined()
    }

    private static func rows(_ evaluation: ExtractionEvaluation) -> [[String]] {
        [("content", evaluation.content), ("content+speaker", evaluation.contentAndSpeaker)].map {
            name,
            scores in
            [
                name, String(scores.matched), String(scores.predicted), String(scores.gold),
                String(format: "%.2f", scores.precision), String(format: "%.2f", scores.recall),
                String(format: "%.2f", scores.f1),
            ]
        }
    }
}
