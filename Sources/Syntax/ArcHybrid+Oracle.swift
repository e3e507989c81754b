/// The dynamic oracle of the arc-hybrid system (Goldberg & Nivre 2013): the cost of an action
/// is the number of gold arcs it makes unreachable. Defined in every state, including states
/// off the gold path and states of non-projective trees (where no action may be free).
extension ArcHybrid {
    /// The gold analysis the oracle compares against: `heads[i]` for words 1…n (index 0
    /// unused) and each word's gold dependents.
    struct Gold: Sendable {
        let heads: [Int]
        let dependents: [[Int]]

        init(heads: [Int]) {
            self.heads = heads
            var deps = [[Int]](repeating: [], count: heads.count)
            for d in 1..<max(heads.count, 1) where heads[d] >= 0 && heads[d] < heads.count { deps[heads[d]].append(d) }
            dependents = deps
        }
    }

    /// Whether item x (0 = root) is still in the buffer.
    @inline(__always) private func inBuffer(_ x: Int) -> Bool { x == 0 || x >= next }

    /// The number of gold dependents of `x` still in the buffer.
    private func dependentsInBuffer(_ x: Int, _ gold: Gold) -> Int {
        var c = 0
        for d in gold.dependents[x] where d >= next { c += 1 }
        return c
    }

    /// The cost of a valid `action` against `gold`.
    /// - Complexity: O(d + k) for d gold dependents of the stack top, k stack items.
    func cost(_ action: Action, gold: Gold) -> Int {
        switch action {
        case .shift:
            let b0 = next
            var c = 0
            let h = gold.heads[b0]
            let s0 = s(0)
            // Its head in the stack below the top, and its dependents in the stack, are lost.
            for x in stack {
                let xi = Int(x)
                if xi == h && xi != s0 { c += 1 }
                if gold.heads[xi] == b0 { c += 1 }
            }
            return c
        case .left:
            let s0 = s(0), h = gold.heads[s0], b0 = b(0)
            var c = dependentsInBuffer(s0, gold)
            if h != b0 {
                if inBuffer(h) { c += 1 }
                else if h == s(1) { c += 1 }
            }
            return c
        case .right:
            let s0 = s(0), h = gold.heads[s0]
            var c = dependentsInBuffer(s0, gold)
            if h != s(1) && inBuffer(h) { c += 1 }
            return c
        }
    }
}

extension ArcHybrid {
    /// Whether a tree (`heads[i]` for words 1…n, index 0 unused, 0 = root) has no crossing arcs.
    /// - Complexity: O(n²).
    static func isProjective(heads: [Int]) -> Bool {
        let n = heads.count - 1
        guard n > 1 else { return true }
        for d in 1...n {
            let h = heads[d]
            guard h >= 0 && h <= n else { return false }
            let a = h == 0 ? d : min(h, d), b = h == 0 ? n + 1 : max(h, d)
            for k in 1...n where k != d {
                let hk = heads[k]
                let c = hk == 0 ? k : min(hk, k), e = hk == 0 ? n + 1 : max(hk, k)
                if (c < a && e > a && e < b) || (c > a && c < b && e > b) { return false }
            }
        }
        return true
    }

    /// Parses with the oracle alone (the cheapest valid action, SHIFT before LEFT before RIGHT),
    /// giving back the gold heads for a projective tree.
    /// - Complexity: O(n²) at worst.
    static func oracleHeads(_ heads: [Int]) -> [Int] {
        let n = heads.count - 1
        let gold = Gold(heads: heads)
        var state = ArcHybrid(words: n)
        while !state.isTerminal {
            var best: Action?
            var bestCost = Int.max
            for a in Action.allCases where state.isValid(a) {
                let c = state.cost(a, gold: gold)
                if c < bestCost { best = a; bestCost = c }
            }
            guard let a = best else { break }
            state.apply(a, label: 0)
        }
        return state.heads.dropFirst().map { Int($0) }
    }
}
