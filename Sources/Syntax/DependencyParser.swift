/// A greedy arc-hybrid dependency parser: an averaged perceptron over `ParserFeatures` picks
/// each transition (SHIFT, LEFT, RIGHT), a second one names the relation of each arc.
public struct DependencyParser: Sendable, Equatable {
    /// The relation inventory (label i is `labels[i]`).
    public let labels: [String]
    /// Transition weights (3 classes).
    public let transitions: WeightTable
    /// Relation weights (`labels.count` classes).
    public let relations: WeightTable

    init(labels: [String], transitions: WeightTable, relations: WeightTable) {
        self.labels = labels
        self.transitions = transitions
        self.relations = relations
    }

    /// Parses a sentence given its word context and tags (tag numbers).
    /// - Returns: heads (0 = root) and label numbers, one per word.
    /// - Complexity: O(n): exactly 2n transitions, each O(1).
    func parse(_ w: WordContext, tags: [Int], kinds: [UInt8]) -> (heads: [Int], labels: [Int]) {
        let n = w.count
        guard n > 0 else { return ([], []) }
        var state = ArcHybrid(words: n)
        let items = ParserFeatures.Items(w: w, tags: tags, kinds: kinds)
        var features = FeatureBuffer(capacity: ParserFeatures.capacity)
        defer { features.deallocate() }
        var scores = [Int32](repeating: 0, count: 3)
        var labelScores = [Int32](repeating: 0, count: labels.count)
        while !state.isTerminal {
            var action: ArcHybrid.Action?
            if let forced = state.onlyValidAction {
                // No choice to make (empty stack, or only the root left in the buffer).
                action = forced
            } else {
                ParserFeatures.extract(state, items, into: &features)
                scores[0] = 0; scores[1] = 0; scores[2] = 0
                scores.withUnsafeMutableBufferPointer { transitions.score(features.keys, into: $0) }
                for a in ArcHybrid.Action.allCases where state.isValid(a) {
                    if action == nil || scores[a.rawValue] > scores[action!.rawValue] { action = a }
                }
            }
            guard let a = action else { break }
            var label = -1
            if a != .shift {
                ParserFeatures.extractLabel(state, items, dependent: state.s(0), head: state.head(for: a), into: &features)
                for c in 0..<labelScores.count { labelScores[c] = 0 }
                labelScores.withUnsafeMutableBufferPointer { relations.score(features.keys, into: $0) }
                label = 0
                for c in labelScores.indices.dropFirst() where labelScores[c] > labelScores[label] { label = c }
            }
            state.apply(a, label: label)
        }
        return (state.heads.dropFirst().map { Int($0) }, state.labels.dropFirst().map { Int($0) })
    }
}
