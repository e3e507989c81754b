/// A complete dependency tree with first-pass labels, indexed for the relabeller
/// (`ParserFeatures.extractRelabel`): each item's dependents in word order, and for each word
/// the label set of its siblings (the head's other dependents).
///
/// Items are 0 (the root) and words 1…n, as in `ArcHybrid`.
struct ParsedTree {
    /// heads[i] and labels[i] for i in 0…n (index 0: the root, head −1, label −1).
    let heads: [Int32], labels: [Int32]
    /// The dependents of item h: `children[childStart[h]..<childStart[h + 1]]`, in word order.
    let childStart: [Int32], children: [Int32]
    /// Each word's place in its head's dependents (index into `children`).
    let place: [Int32]
    /// Label sets (bit l) of all dependents of each item, left and right of it.
    let leftLabels: [UInt64], rightLabels: [UInt64]
    /// The label set of each word's siblings (its head's dependents other than itself).
    let siblingLabels: [UInt64]

    /// - Parameters: heads and labels as `ArcHybrid` leaves them (index 0 is the root).
    /// - Complexity: O(n).
    init(heads: [Int32], labels: [Int32]) {
        let n = heads.count - 1
        self.heads = heads
        self.labels = labels
        var start = [Int32](repeating: 0, count: n + 2)
        for d in stride(from: 1, through: n, by: 1) where heads[d] >= 0 { start[Int(heads[d]) + 1] += 1 }
        for h in 0...n { start[h + 1] += start[h] }
        var fill = start
        var children = [Int32](repeating: 0, count: Int(start[n + 1]))
        var place = [Int32](repeating: -1, count: n + 1)
        var left = [UInt64](repeating: 0, count: n + 1), right = left
        // Words in order, so each head's dependents come out in word order.
        for d in stride(from: 1, through: n, by: 1) where heads[d] >= 0 {
            let h = Int(heads[d])
            place[d] = fill[h]
            children[Int(fill[h])] = Int32(d)
            fill[h] += 1
            let bit: UInt64 = labels[d] >= 0 ? 1 << UInt64(labels[d] & 63) : 0
            if h == 0 || d < h { left[h] |= bit } else { right[h] |= bit }
        }
        // Siblings' label sets from prefix and suffix unions over each head's dependents.
        var siblings = [UInt64](repeating: 0, count: n + 1)
        for h in 0...n {
            let a = Int(start[h]), b = Int(start[h + 1])
            var before: UInt64 = 0
            for k in a..<b {
                siblings[Int(children[k])] = before
                let l = labels[Int(children[k])]
                before |= l >= 0 ? 1 << UInt64(l & 63) : 0
            }
            var after: UInt64 = 0
            for k in stride(from: b - 1, through: a, by: -1) {
                siblings[Int(children[k])] |= after
                let l = labels[Int(children[k])]
                after |= l >= 0 ? 1 << UInt64(l & 63) : 0
            }
        }
        childStart = start
        self.children = children
        self.place = place
        leftLabels = left
        rightLabels = right
        siblingLabels = siblings
    }

    /// The number of dependents of item h.
    @inline(__always) func degree(_ h: Int) -> Int { Int(childStart[h + 1] - childStart[h]) }
    /// The first and last dependents of item h (−1 if none).
    @inline(__always) func first(_ h: Int) -> Int { degree(h) > 0 ? Int(children[Int(childStart[h])]) : -1 }
    @inline(__always) func last(_ h: Int) -> Int { degree(h) > 0 ? Int(children[Int(childStart[h + 1]) - 1]) : -1 }
    /// The sibling just before and just after word d among its head's dependents (−1 if none).
    @inline(__always) func previousSibling(_ d: Int) -> Int {
        let p = Int(place[d])
        return p >= 0 && heads[d] >= 0 && p > Int(childStart[Int(heads[d])]) ? Int(children[p - 1]) : -1
    }
    @inline(__always) func nextSibling(_ d: Int) -> Int {
        let p = Int(place[d])
        return p >= 0 && heads[d] >= 0 && p + 1 < Int(childStart[Int(heads[d]) + 1]) ? Int(children[p + 1]) : -1
    }
}
