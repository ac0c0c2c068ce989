import Foundation

/// The text form of an evaluation.
public enum ExtractionReport {
    public static func table(_ evaluation: ExtractionEvaluation) -> String {
        let rows = [("content", evaluation.content), ("content+speaker", evaluation.contentAndSpeaker)].map {
            name,
            scores in
            [
                name, String(scores.matched), String(scores.predicted), String(scores.gold),
                String(format: "%.2f", scores.precision), String(format: "%.2f", scores.recall),
                String(format: "%.2f", scores.f1),
            ]
        }
        return TextTable(headers: ["match", "matched", "predicted", "gold", "precision", "recall", "f1"], rows: rows)
            .render()
    }
}
