/// Puts punctuation where the UD guidelines put it, after parsing
/// (https://universaldependencies.org/u/dep/punct.html): a mark has no dependents, a pair of
/// brackets or quotes hangs on the head of what it encloses, and any other mark is attached
/// projectively to the head of a subtree next to it, within the unit it delimits. The parser
/// gets most marks right but often hangs one on a node the guidelines never would (across
/// a phrase, non-projectively); such a mark moves to the lower of the two highest heads it
/// could have on its left and on its right. A mark the parser attached to one of the acceptable
/// heads keeps it: which unit a comma closes is the parser's call. EWT's own punctuation follows
/// these rules (applied to the gold trees of EWT dev they change 21 of 3,061 marks).
///
/// Deterministic and cheap: O(n + m × n × k) for a sentence of n words with m marks, k the
/// length of the paths climbed (short in practice; n is at most
/// `SyntaxModel.maximumSentenceLength`).
enum PunctuationAttachment {
    /// Opening marks and the marks that close them.
    static let pairs: [String: String] = ["(": ")", "[": "]", "{": "}", "\"": "\"", "'": "'", "“": "”", "‘": "’", "«": "»"]
    /// Marks that end a sentence: never attached to a word after them.
    static let final: Set<String> = [".", "?", "!"]

    /// Re-attaches the marks of one parsed sentence.
    /// - Parameters:
    ///   - heads: per word, its head (1-based; 0 is the root).
    ///   - labels: per word, its relation number; a moved mark gets `punct`.
    ///   - forms: the words.
    ///   - isPunctuation: per word, whether it is tagged PUNCT.
    ///   - punct: the relation number of `punct`; `root` that of `root`.
    static func apply(heads: inout [Int], labels: inout [Int], forms: [String], isPunctuation: [Bool], punct: Int, root: Int) {
        let n = heads.count
        guard n > 1, forms.count == n, isPunctuation.count == n, isPunctuation.contains(true) else { return }
        var tree = Tree(heads: [0] + heads, isPunctuation: [false] + isPunctuation)
        let forms = [""] + forms

        // 1. A mark has no dependents: they go to the mark's own head.
        for x in 1...n {
            while tree.heads[x] != 0, tree.isPunctuation[tree.heads[x]] { tree.heads[x] = tree.heads[tree.heads[x]] }
        }

        // 2. Pairs: the opening mark on the first head inside, the closing one on the last.
        var paired = [Pairing](repeating: .none, count: n + 1)
        for o in 1...n where tree.isPunctuation[o] && paired[o] != .closing {
            guard let closer = pairs[forms[o]], let c = closing(of: o, closer, forms) else { continue }
            let inside = (o + 1)..<c
            // The words inside whose head is outside, and those inside that words outside hang
            // on; marks only where there is nothing else ("( ? )").
            var heads: [Int] = [], markHeads: [Int] = []
            for x in 1...n where x != o && x != c {
                let h = tree.heads[x]
                if inside.contains(x), !inside.contains(h) {
                    if tree.isPunctuation[x] { markHeads.append(x) } else { heads.append(x) }
                } else if !inside.contains(x), inside.contains(h) {
                    if tree.isPunctuation[h] { markHeads.append(h) } else { heads.append(h) }
                }
            }
            let found = (heads.isEmpty ? markHeads : heads).sorted()
            guard let first = found.first, let last = found.last else { continue }
            tree.heads[o] = first
            tree.heads[c] = last
            paired[o] = .opening
            paired[c] = .closing
        }

        // 3. Every other mark.
        tree.index()
        for x in 1...n where tree.isPunctuation[x] && paired[x] == .none {
            if let h = place(x, in: tree, forms: forms, paired: paired) { tree.heads[x] = h }
        }

        // One root: the parser's, or the first word left without a head.
        let roots = (1...n).filter { tree.heads[$0] == 0 }
        if let chosen = roots.first(where: { labels[$0 - 1] == root }) ?? roots.first {
            for r in roots where r != chosen { tree.heads[r] = chosen }
            labels[chosen - 1] = root
        }
        for x in 1...n where tree.heads[x] != heads[x - 1] {
            heads[x - 1] = tree.heads[x]
            if tree.isPunctuation[x] { labels[x - 1] = punct }
        }
        // A mark that was the root and now hangs on a word is punctuation again.
        for x in 1...n where tree.heads[x] != 0 && labels[x - 1] == root && tree.isPunctuation[x] { labels[x - 1] = punct }
    }

    enum Pairing { case none, opening, closing }

    /// The mark closing the pair opened at `o` (nested pairs of the same marks skipped), or nil.
    static func closing(of o: Int, _ closer: String, _ forms: [String]) -> Int? {
        var depth = 0
        var k = o + 1
        while k < forms.count {
            if forms[k] == closer {
                if depth == 0 { return k }
                depth -= 1
            } else if forms[k] == forms[o] {
                depth += 1
            }
            k += 1
        }
        return nil
    }

    /// The head mark `x` should have, or nil to keep its own.
    static func place(_ x: Int, in tree: Tree, forms: [String], paired: [Pairing]) -> Int? {
        let n = tree.heads.count - 1
        let own = tree.heads[x]
        // An abbreviation's period.
        if forms[x] == ".", own == x - 1 { return nil }
        let spans = tree.spans()
        // A mark at either end of its head's subtree, which two marks enclose and which is
        // contiguous ("…, which it denied, …"): a pair in all but form.
        if own != 0 {
            let (a, b) = (spans.left[own], spans.right[own])
            if (x == a || x == b), spans.size[own] == b - a + 1, tree.isPunctuation[a], tree.isPunctuation[b],
               tree.heads[a] == own, tree.heads[b] == own { return nil }
        }
        // The nearest words on each side (a closing sentence mark has none on its right); an
        // opening mark on the left or a closing one on the right not hung on `x` bounds the unit.
        var left: Int? = x - 1
        while let l = left, l >= 1, tree.isPunctuation[l] {
            if paired[l] == .opening && tree.heads[l] != x { left = nil; break }
            left = l - 1
        }
        if left == 0 { left = nil }
        var right: Int? = final.contains(forms[x]) ? nil : x + 1
        while let r = right, r <= n, tree.isPunctuation[r] {
            if paired[r] == .closing && tree.heads[r] != x { right = nil; break }
            right = r + 1
        }
        if let r = right, r > n { right = nil }
        // Climb from each while the head stays on that side and the subtree does not cross `x`.
        var leftPath: [Int] = [], rightPath: [Int] = []
        if var l = left {
            leftPath.append(l)
            while tree.heads[l] != 0, tree.heads[l] < x, spans.right[l] < x {
                l = tree.heads[l]
                leftPath.append(l)
            }
        }
        if var r = right {
            rightPath.append(r)
            while tree.heads[r] != 0, tree.heads[r] > x, spans.left[r] > x {
                r = tree.heads[r]
                rightPath.append(r)
            }
        }
        leftPath = leftPath.filter { tree.allowsPunctuation(x, on: $0) }
        rightPath = rightPath.filter { tree.allowsPunctuation(x, on: $0) }
        let l = leftPath.last, r = rightPath.last
        let candidate: Int, acceptable: [Int]
        if let l, let r, tree.isDescendant(l, of: r) {
            (candidate, acceptable) = (l, leftPath)
        } else if let l, let r, tree.isDescendant(r, of: l) {
            (candidate, acceptable) = (r, rightPath)
        } else if let l {
            (candidate, acceptable) = (l, leftPath + rightPath)
        } else if let r {
            (candidate, acceptable) = (r, leftPath + rightPath)
        } else {
            return nil
        }
        return acceptable.contains(own) ? nil : candidate
    }

    /// A dependency tree with a root at 0, as heads, in which marks are leaves once the first
    /// two steps have run (but for a pair around a mark only). The positions of the other words
    /// in a walk (`index()`) answer "is a below b" in constant time while marks move.
    struct Tree {
        var heads: [Int]
        let isPunctuation: [Bool]
        /// Entry and exit times of each word that is no mark in a depth-first walk from the root.
        private var entry: [Int] = [], exit: [Int] = []
        /// The words that are no marks, every one after its dependents, the root last.
        private var postorder: [Int] = []

        init(heads: [Int], isPunctuation: [Bool]) {
            self.heads = heads
            self.isPunctuation = isPunctuation
        }

        /// Indexes the words that are no marks (their heads must not change afterwards).
        /// - Complexity: O(n).
        mutating func index() {
            let n = heads.count
            var children = [[Int]](repeating: [], count: n)
            for d in 1..<n where !isPunctuation[d] { children[heads[d]].append(d) }
            entry = [Int](repeating: -1, count: n)
            exit = [Int](repeating: -1, count: n)
            postorder = []
            var time = 0
            var stack: [(node: Int, next: Int)] = [(0, 0)]
            entry[0] = 0
            while let top = stack.last {
                if top.next < children[top.node].count {
                    stack[stack.count - 1].next += 1
                    let c = children[top.node][top.next]
                    time += 1
                    entry[c] = time
                    stack.append((c, 0))
                } else {
                    time += 1
                    exit[top.node] = time
                    postorder.append(top.node)
                    stack.removeLast()
                }
            }
        }

        /// Whether `a` is `b` or below it (a mark is below what its head is below).
        /// - Complexity: O(1), but for a mark on a mark (a pair around a mark only).
        func isDescendant(_ a: Int, of b: Int) -> Bool {
            var x = a
            if isPunctuation[b] {
                while x != b, x != 0, isPunctuation[x] { x = heads[x] }
                return x == b
            }
            x = anchor(a)
            if x == b || b == 0 { return true }
            guard entry[x] >= 0, entry[b] >= 0 else { return false }
            return entry[b] <= entry[x] && exit[x] <= exit[b]
        }

        /// `a`, or for a mark the first word above it that is no mark (0 at the root).
        func anchor(_ a: Int) -> Int {
            var x = a, steps = 0
            while x != 0, isPunctuation[x], steps < heads.count { x = heads[x]; steps += 1 }
            return x
        }

        /// Per node, the leftmost and rightmost word of its subtree and its size.
        /// - Complexity: O(n).
        func spans() -> (left: [Int], right: [Int], size: [Int]) {
            var left = Array(heads.indices), right = Array(heads.indices), size = [Int](repeating: 1, count: heads.count)
            for m in 1..<heads.count where isPunctuation[m] {
                let h = anchor(m)
                left[h] = min(left[h], m)
                right[h] = max(right[h], m)
                size[h] += 1
            }
            for v in postorder where v != 0 {
                let h = heads[v]
                left[h] = min(left[h], left[v])
                right[h] = max(right[h], right[v])
                size[h] += size[v]
            }
            return (left, right, size)
        }

        /// Whether mark `x` (which has no dependents) may hang on `h`: the arc is projective
        /// (every word between them is below `h`) and `x` lies under no arc whose head is not
        /// above it, unless `h` lies under such an arc too.
        /// - Complexity: O(n).
        func allowsPunctuation(_ x: Int, on h: Int) -> Bool {
            guard h != 0 else { return false }
            for k in (min(x, h) + 1)..<max(x, h) where !isDescendant(k, of: h) { return false }
            return !inGap(x, under: h) || inGap(h, under: heads[h])
        }

        /// Whether `y`, hung on `head`, lies strictly inside an arc whose head is not above it.
        /// - Complexity: O(n).
        func inGap(_ y: Int, under head: Int) -> Bool {
            for d in 1..<heads.count where d != y {
                let h = heads[d]
                guard h != 0, h != y, h != head, min(d, h) < y, y < max(d, h) else { continue }
                if !isDescendant(head, of: h) { return true }
            }
            return false
        }
    }
}
