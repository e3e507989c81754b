/// A greedy arc-hybrid dependency parser: an averaged perceptron over `ParserFeatures` picks
/// each transition (SHIFT, LEFT, RIGHT), a second one names the relation of each arc when it
/// is made, and a third names every arc again once the tree is complete (`relabels`).
public struct DependencyParser: Sendable, Equatable {
    /// The relation inventory (label i is `labels[i]`).
    public let labels: [String]
    /// Transition weights (3 classes).
    public let transitions: WeightTable
    /// Relation weights (`labels.count` classes).
    public let relations: WeightTable
    /// Weights of the second labelling pass over the complete tree (`labels.count` classes;
    /// empty: the first pass's labels are kept).
    public let relabels: WeightTable
    /// The number of partial parses kept at each step (1: greedy), as the transition weights
    /// were trained (a beam-trained model scores whole transition sequences).
    public let beamWidth: Int

    init(labels: [String], transitions: WeightTable, relations: WeightTable, relabels: WeightTable, beamWidth: Int = 1) {
        self.labels = labels
        self.transitions = transitions
        self.relations = relations
        self.relabels = relabels
        self.beamWidth = max(beamWidth, 1)
    }

    /// Parses a sentence given its word context and tags (tag numbers).
    /// - Returns: heads (0 = root) and label numbers, one per word.
    /// - Complexity: O(n × beam width): exactly 2n transitions, each O(1) per beam item.
    func parse(_ w: WordContext, tags: [Int], kinds: [UInt8]) -> (heads: [Int], labels: [Int]) {
        let n = w.count
        guard n > 0 else { return ([], []) }
        let items = ParserFeatures.Items(w: w, tags: tags, kinds: kinds)
        var features = FeatureBuffer(capacity: ParserFeatures.capacity)
        defer { features.deallocate() }
        var labelScores = [Int32](repeating: 0, count: labels.count)
        let state = beamWidth > 1 ? beamSearch(items, n: n, &features, &labelScores) : greedy(items, n: n, &features, &labelScores)
        var final = state.labels
        if relabels.featureCount > 0 {
            let tree = ParsedTree(heads: state.heads, labels: state.labels)
            labelScores.withUnsafeMutableBufferPointer { scores in
                for d in 1...n { final[d] = Int32(relabel(d, tree, items, &features, scores)) }
            }
        }
        return (state.heads.dropFirst().map { Int($0) }, final.dropFirst().map { Int($0) })
    }

    /// Parses a sentence and puts its punctuation where the UD guidelines put it
    /// (`PunctuationAttachment`).
    func parse(_ w: WordContext, tags: [Int], forms: [String], isPunctuation: [Bool], kinds: [UInt8]) -> (heads: [Int], labels: [Int]) {
        var (heads, labels) = parse(w, tags: tags, kinds: kinds)
        if let punct = self.labels.firstIndex(of: "punct"), let root = self.labels.firstIndex(of: "root") {
            PunctuationAttachment.apply(heads: &heads, labels: &labels, forms: forms, isPunctuation: isPunctuation, punct: punct, root: root)
        }
        return (heads, labels)
    }

    /// The first pass's label of the arc `action` makes in `state`.
    /// - Complexity: O(1).
    func label(_ state: ArcHybrid, _ action: ArcHybrid.Action, _ items: ParserFeatures.Items, _ features: inout FeatureBuffer,
               _ labelScores: inout [Int32]) -> Int {
        ParserFeatures.extractLabel(state, items, dependent: state.s(0), head: state.head(for: action), into: &features)
        for c in 0..<labelScores.count { labelScores[c] = 0 }
        labelScores.withUnsafeMutableBufferPointer { relations.score(features.keys, into: $0) }
        var label = 0
        for c in labelScores.indices.dropFirst() where labelScores[c] > labelScores[label] { label = c }
        return label
    }

    /// Beam search: keeps the `beamWidth` best-scoring partial parses (sums of transition
    /// scores) at each step; ties go to the earlier item and action, so the result is
    /// deterministic.
    /// - Complexity: O(n × beam width).
    func beamSearch(_ items: ParserFeatures.Items, n: Int, _ features: inout FeatureBuffer, _ labelScores: inout [Int32]) -> ArcHybrid {
        var beam: [(state: ArcHybrid, score: Int64)] = [(ArcHybrid(words: n), 0)]
        var candidates: [(item: Int, action: ArcHybrid.Action, score: Int64)] = []
        var scores = [Int32](repeating: 0, count: 3)
        while !beam[0].state.isTerminal {
            candidates.removeAll(keepingCapacity: true)
            for (i, item) in beam.enumerated() {
                if let forced = item.state.onlyValidAction {
                    candidates.append((i, forced, item.score))
                    continue
                }
                ParserFeatures.extract(item.state, items, into: &features)
                scores[0] = 0; scores[1] = 0; scores[2] = 0
                scores.withUnsafeMutableBufferPointer { transitions.score(features.keys, into: $0) }
                for a in ArcHybrid.Action.allCases where item.state.isValid(a) {
                    candidates.append((i, a, item.score + Int64(scores[a.rawValue])))
                }
            }
            let kept = BeamOrder.best(candidates.count, beamWidth) { candidates[$0].score }
            var next: [(state: ArcHybrid, score: Int64)] = []
            next.reserveCapacity(kept.count)
            for c in kept {
                let (i, a, score) = candidates[c]
                var state = beam[i].state
                state.apply(a, label: a == .shift ? -1 : label(state, a, items, &features, &labelScores))
                next.append((state, score))
            }
            beam = next
        }
        return beam[0].state
    }

    /// Greedy parsing: the best-scoring valid transition at each step.
    /// - Complexity: O(n).
    func greedy(_ items: ParserFeatures.Items, n: Int, _ features: inout FeatureBuffer, _ labelScores: inout [Int32]) -> ArcHybrid {
        var state = ArcHybrid(words: n)
        var scores = [Int32](repeating: 0, count: 3)
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
            state.apply(a, label: a == .shift ? -1 : label(state, a, items, &features, &labelScores))
        }
        return state
    }

    /// The second pass's label of word `d` in a complete tree.
    /// - Complexity: O(1).
    func relabel(_ d: Int, _ tree: ParsedTree, _ items: ParserFeatures.Items, _ features: inout FeatureBuffer,
                 _ scores: UnsafeMutableBufferPointer<Int32>) -> Int {
        ParserFeatures.extractRelabel(tree, items, dependent: d, into: &features)
        for c in 0..<scores.count { scores[c] = 0 }
        relabels.score(features.keys, into: scores)
        var label = 0
        for c in 1..<scores.count where scores[c] > scores[label] { label = c }
        return label
    }
}

/// Picks the best candidates of a beam step.
enum BeamOrder {
    /// The indices of the `k` highest of `count` scores, best first; of equal scores, the
    /// lower index first.
    /// - Complexity: O(count × k).
    static func best<S: Comparable>(_ count: Int, _ k: Int, _ score: (Int) -> S) -> [Int] {
        var kept: [Int] = []
        kept.reserveCapacity(min(k, count))
        for c in 0..<count {
            let s = score(c)
            // Insertion into the sorted list of the best so far.
            var j = kept.count
            while j > 0 && score(kept[j - 1]) < s { j -= 1 }
            if j < k {
                kept.insert(c, at: j)
                if kept.count > k { kept.removeLast() }
            }
        }
        return kept
    }
}
