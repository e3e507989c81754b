/// UPOS accuracy and attachment scores under the CoNLL 2018 conventions: every word counts
/// (punctuation included), LAS compares only the universal part of the relation (before `:`).
public struct AttachmentScore: Sendable, Equatable {
    public private(set) var words = 0
    public private(set) var uposCorrect = 0
    public private(set) var headCorrect = 0
    public private(set) var labelledCorrect = 0

    public init() {}

    /// Adds one sentence: gold words against a predicted analysis of the same words.
    /// - Complexity: O(n).
    public mutating func add(gold: [CoNLLUSentence.Word], predicted: SyntaxAnalysis) {
        for (i, g) in gold.enumerated() {
            words += 1
            guard i < predicted.count else { continue }
            if g.upos == predicted.upos[i] { uposCorrect += 1 }
            if g.head == predicted.heads[i] {
                headCorrect += 1
                if AttachmentScore.universal(g.deprel) == AttachmentScore.universal(predicted.relations[i]) { labelledCorrect += 1 }
            }
        }
    }

    /// The part of a relation before its subtype: `nsubj:pass` → `nsubj`.
    public static func universal(_ relation: String) -> Substring {
        relation.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? Substring(relation)
    }

    private func percent(_ n: Int) -> Double { words == 0 ? 0 : 100 * Double(n) / Double(words) }
    public var upos: Double { percent(uposCorrect) }
    public var uas: Double { percent(headCorrect) }
    public var las: Double { percent(labelledCorrect) }
}
