/// Global training of the transition weights for beam search (Zhang & Clark 2008; Zhang &
/// Nivre 2011) with the max-violation update (Huang, Fayong & Guo 2012): the sentence is
/// decoded with the beam, beside a gold sequence (the dynamic oracle's cheapest action at each
/// step, ties to the best-scoring one, so non-projective trees have one too); at the step where
/// the best item outscores the gold prefix most while not being optimal itself, the weights
/// move towards the gold prefix's transitions and away from the best item's.
extension SyntaxTrainer {
    /// The transitions taken by beam items, as a tree of steps (parent links), with the
    /// feature keys each transition was scored with.
    struct BeamHistory {
        var parent: [Int32] = [], action: [UInt8] = [], block: [Int32] = []
        /// Feature blocks: keys[blockStart[b]..<blockStart[b + 1]].
        var keys: [UInt64] = [], blockStart: [Int32] = [0]

        mutating func clear() {
            parent.removeAll(keepingCapacity: true); action.removeAll(keepingCapacity: true); block.removeAll(keepingCapacity: true)
            keys.removeAll(keepingCapacity: true); blockStart.removeAll(keepingCapacity: true); blockStart.append(0)
        }
        /// Stores a state's feature keys; returns the block number.
        mutating func addBlock(_ f: UnsafeBufferPointer<UInt64>) -> Int32 {
            keys.append(contentsOf: f)
            blockStart.append(Int32(keys.count))
            return Int32(blockStart.count - 2)
        }
        /// A step `action` from node `parent` (−1: the start), scored with feature block `block`
        /// (−1: a forced step, no features).
        mutating func add(parent p: Int32, action a: ArcHybrid.Action, block b: Int32) -> Int32 {
            parent.append(p); action.append(UInt8(a.rawValue)); block.append(b)
            return Int32(parent.count - 1)
        }
        /// The nodes from the start to `node`.
        func chain(_ node: Int32) -> [Int32] {
            var c: [Int32] = []
            var x = node
            while x >= 0 { c.append(x); x = parent[Int(x)] }
            return c.reversed()
        }
    }

    /// A partial parse in the beam during training.
    struct BeamItem {
        var state: ArcHybrid
        var score: Float
        /// Gold arcs made unreachable so far (the dynamic oracle's costs, summed).
        var cost: Int
        var node: Int32
    }

    /// Scratch space of beam training, reused across sentences.
    struct BeamScratch {
        var history = BeamHistory()
        var features = FeatureBuffer(capacity: ParserFeatures.capacity)
        var scores = [Float](repeating: 0, count: 3)
        var labelScores: [Float]
        /// The labeller's pending updates: its keys (in `labelKeys`), the gold and predicted label.
        var labelKeys: [UInt64] = [], labelUpdates: [(start: Int, end: Int, truth: Int, guess: Int)] = []
        init(labels: Int) { labelScores = [Float](repeating: 0, count: labels) }
    }

    /// Trains on one sentence with the beam; returns the final best state (for the relabeller)
    /// and whether its heads' cost equals the gold sequence's.
    func trainBeamSentence(n: Int, items: ParserFeatures.Items, gold: ArcHybrid.Gold, goldLabels: [Int], width: Int,
                           transitions: inout PerceptronTrainer, relations: inout PerceptronTrainer,
                           _ x: inout BeamScratch) -> (ArcHybrid, Bool) {
        x.history.clear()
        x.labelKeys.removeAll(keepingCapacity: true)
        x.labelUpdates.removeAll(keepingCapacity: true)
        // The labeller's label for an arc (weights as they are: its updates wait for the end of
        // the sentence, so equal transition sequences give equal states).
        func label(_ state: ArcHybrid, _ a: ArcHybrid.Action, record: Bool) -> Int {
            let d = state.s(0), h = state.head(for: a)
            ParserFeatures.extractLabel(state, items, dependent: d, head: h, into: &x.features)
            relations.score(x.features.keys, into: &x.labelScores)
            var guess = 0
            for c in x.labelScores.indices.dropFirst() where x.labelScores[c] > x.labelScores[guess] { guess = c }
            if record && h == gold.heads[d] {
                let start = x.labelKeys.count
                x.labelKeys.append(contentsOf: x.features.keys)
                x.labelUpdates.append((start, x.labelKeys.count, goldLabels[d - 1], guess))
            }
            return guess
        }
        var beam = [BeamItem(state: ArcHybrid(words: n), score: 0, cost: 0, node: -1)]
        var goldItem = beam[0]
        var candidates: [(item: Int, action: ArcHybrid.Action, score: Float, cost: Int, block: Int32)] = []
        var worst: (violation: Float, predicted: Int32, gold: Int32)?
        while !goldItem.state.isTerminal {
            candidates.removeAll(keepingCapacity: true)
            for (i, item) in beam.enumerated() {
                if let forced = item.state.onlyValidAction {
                    candidates.append((i, forced, item.score, item.cost + item.state.cost(forced, gold: gold), -1))
                    continue
                }
                ParserFeatures.extract(item.state, items, into: &x.features)
                transitions.score(x.features.keys, into: &x.scores)
                let block = x.history.addBlock(x.features.keys)
                for a in ArcHybrid.Action.allCases where item.state.isValid(a) {
                    candidates.append((i, a, item.score + x.scores[a.rawValue], item.cost + item.state.cost(a, gold: gold), block))
                }
            }
            let kept = BeamOrder.best(candidates.count, width) { candidates[$0].score }
            var next: [BeamItem] = []
            next.reserveCapacity(kept.count)
            for c in kept {
                let cand = candidates[c]
                var state = beam[cand.item].state
                state.apply(cand.action, label: cand.action == .shift ? -1 : label(state, cand.action, record: false))
                next.append(BeamItem(state: state, score: cand.score, cost: cand.cost,
                                     node: x.history.add(parent: beam[cand.item].node, action: cand.action, block: cand.block)))
            }
            beam = next
            // The gold sequence's step.
            var action: ArcHybrid.Action
            var block: Int32 = -1
            var gain: Float = 0
            if let forced = goldItem.state.onlyValidAction {
                action = forced
            } else {
                ParserFeatures.extract(goldItem.state, items, into: &x.features)
                transitions.score(x.features.keys, into: &x.scores)
                block = x.history.addBlock(x.features.keys)
                var best: (ArcHybrid.Action, Int)?
                for a in ArcHybrid.Action.allCases where goldItem.state.isValid(a) {
                    let c = goldItem.state.cost(a, gold: gold)
                    if best == nil || c < best!.1 || (c == best!.1 && x.scores[a.rawValue] > x.scores[best!.0.rawValue]) { best = (a, c) }
                }
                action = best!.0
                gain = x.scores[action.rawValue]
            }
            let stepCost = goldItem.state.cost(action, gold: gold)
            goldItem.state.apply(action, label: action == .shift ? -1 : label(goldItem.state, action, record: true))
            goldItem.score += gain
            goldItem.cost += stepCost
            goldItem.node = x.history.add(parent: goldItem.node, action: action, block: block)
            // The violation: the best item is not optimal and scores at least the gold prefix.
            let top = beam[0]
            if top.cost > goldItem.cost {
                let v = top.score - goldItem.score
                if v >= 0 && (worst == nil || v > worst!.violation) { worst = (v, top.node, goldItem.node) }
            }
        }
        if let worst {
            let g = x.history.chain(worst.gold), p = x.history.chain(worst.predicted)
            var j = 0
            while j < g.count && j < p.count && x.history.action[Int(g[j])] == x.history.action[Int(p[j])] { j += 1 }
            for (nodes, delta) in [(g, Float(1)), (p, Float(-1))] {
                for node in nodes[j...] {
                    let b = Int(x.history.block[Int(node)])
                    guard b >= 0 else { continue }
                    let a = Int(x.history.blockStart[b]), e = Int(x.history.blockStart[b + 1])
                    x.history.keys.withUnsafeBufferPointer { k in
                        transitions.update(UnsafeBufferPointer(rebasing: k[a..<e]), class: Int(x.history.action[Int(node)]), delta: delta)
                    }
                }
            }
        }
        transitions.tick()
        for u in x.labelUpdates {
            relations.tick()
            x.labelKeys.withUnsafeBufferPointer { k in relations.update(UnsafeBufferPointer(rebasing: k[u.start..<u.end]), truth: u.truth, guess: u.guess) }
        }
        return (beam[0].state, beam[0].cost == goldItem.cost)
    }
}
