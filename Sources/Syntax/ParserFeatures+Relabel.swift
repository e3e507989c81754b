/// The relabeller's features (feature version 3): once the tree is complete, each arc is named
/// again by a perceptron that sees the whole tree with its first-pass labels: the arc's first
/// label, the dependent's and the head's dependents on both sides with their labels, the
/// siblings next to the dependent, the grandparent and the head's own label, and what lies
/// between the two words.
extension ParserFeatures {
    /// Writes the relabeller's features for word `d` of `tree` into `out` (cleared first).
    /// - Complexity: O(1).
    static func extractRelabel(_ tree: ParsedTree, _ items: Items, dependent d: Int, into out: inout FeatureBuffer) {
        out.removeAll()
        let n = tree.heads.count - 1
        let h = Int(tree.heads[d])
        func lab(_ x: Int) -> UInt64 { x <= 0 ? noLabel : UInt64(bitPattern: Int64(tree.labels[x])) }
        let l = lab(d)
        let dw = items.word(d), dp = items.tag(d), hw = items.word(h), hp = items.tag(h)
        let hpos = h == 0 ? n + 1 : h
        let dir: UInt64 = hpos > d ? 1 : 2
        let dist = bucket(hpos - d)
        let dsl = tree.leftLabels[d], dsr = tree.rightLabels[d]
        let sib = h >= 0 ? tree.siblingLabels[d] : 0
        let g = h > 0 ? Int(tree.heads[h]) : -1
        let hl = lab(h)
        let ls = tree.previousSibling(d), rs = tree.nextSibling(d)
        let dF = tree.first(d), dLast = tree.last(d)
        let sameLabel: UInt64 = tree.labels[d] >= 0 && sib & (1 << UInt64(tree.labels[d] & 63)) != 0 ? 1 : 0
        let lo = min(d, hpos), hi = max(d, hpos)
        let pb = items.between(items.punct, lo, hi), vb = items.between(items.verbs, lo, hi)
        typealias K = Key
        out.append(K.key(401, l)); out.append(K.key(402, l, dp, hp, dir)); out.append(K.key(403, dp, hp, dir))
        out.append(K.key(404, dw, hp, dir)); out.append(K.key(405, dp, hw, dir)); out.append(K.key(406, dw, hw))
        out.append(K.key(407, l, dw)); out.append(K.key(408, dp, hp, dist, dir))
        out.append(K.key(409, dp, dsl)); out.append(K.key(410, dp, dsr)); out.append(K.key(411, dp, hp, sib))
        out.append(K.key(412, l, sib)); out.append(K.key(413, dp, hp, items.tag(g), hl)); out.append(K.key(414, l, hl, hp))
        out.append(K.key(415, dp, items.tag(ls), lab(ls))); out.append(K.key(416, dp, items.tag(rs), lab(rs)))
        out.append(K.key(417, l, lab(ls), lab(rs))); out.append(K.key(418, dp, items.tag(dF), lab(dF)))
        out.append(K.key(419, dp, items.tag(dLast), lab(dLast))); out.append(K.key(420, items.word(dF), dp, hp))
        out.append(K.key(421, dp, hp, pb, vb)); out.append(K.key(422, items.suffix(d), dp, hp)); out.append(K.key(423, l, sameLabel, hp))
        out.append(K.key(424, items.ambiguity(d), hp, dir)); out.append(K.key(425, dp, items.tag(d - 1), items.tag(d < n ? d + 1 : -1)))
        out.append(K.key(426, l, dp, hw)); out.append(K.key(427, hw, hl, dp)); out.append(K.key(428, l, dsl, dsr))
        out.append(K.key(429, dp, hp, tree.leftLabels[h >= 0 ? h : 0], tree.rightLabels[h >= 0 ? h : 0]))
        out.append(K.key(430, l, items.word(dF), dp)); out.append(K.key(431, dw, dp, hp, dir))
    }
}
