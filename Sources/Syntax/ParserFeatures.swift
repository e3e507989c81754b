/// The parser's feature functions, the ones used both in training and in parsing: transition
/// features after Zhang & Nivre (2011) adapted to arc-hybrid (words, tags, distance, valency,
/// left/rightmost dependents and their labels, second dependents, label sets of s0, s1, b0),
/// and (version 2) punctuation and verbs between items, dependents' words with their heads'
/// tags, look-ahead to b3, more of s1, label sets with distance, grandchildren's tags;
/// and the features of the labeller, which names the relation of an arc once its dependent's
/// subtree is complete; version 3 adds the relabeller's (`ParserFeatures+Relabel`); version 4
/// word clusters (Koo et al. 2008) in the transition and labelling features.
enum ParserFeatures {
    /// Bumped whenever a template changes: a model trained with other features is refused.
    static let version: UInt32 = 4
    /// More than the keys either extraction writes (about 150 and 32).
    static let capacity = 256

    /// Tag stand-ins for "no item" and "the root".
    static let noTag: UInt64 = 1000, rootTag: UInt64 = 1001, noLabel: UInt64 = 1002

    /// The word, tag and label values of items (−1 none, 0 root, 1…n words).
    struct Items {
        let w: WordContext
        let tags: [Int]
        /// punct[i], verbs[i]: the number of punctuation marks and of verbs (VERB, AUX) among
        /// words 1…i (index 0: none), so that counts between two items cost a subtraction.
        let punct: [Int32], verbs: [Int32]

        /// - Parameter kinds: each tag's kind (`Tagger.kinds`).
        init(w: WordContext, tags: [Int], kinds: [UInt8]) {
            self.w = w
            self.tags = tags
            var p = [Int32](repeating: 0, count: tags.count + 1), v = p
            for (i, t) in tags.enumerated() {
                let k = t < kinds.count ? kinds[t] : 0
                p[i + 1] = p[i] &+ (k == Tagger.punctuationKind ? 1 : 0)
                v[i + 1] = v[i] &+ (k == Tagger.verbKind ? 1 : 0)
            }
            punct = p
            verbs = v
        }
        /// How many of words a+1…b-1 are in `counts` (0, 1, 2 = more), for 1 ≤ a < b ≤ n + 1.
        @inline(__always) func between(_ counts: [Int32], _ a: Int, _ b: Int) -> UInt64 {
            guard a >= 1, b > a + 1 else { return 0 }
            return UInt64(min(counts[b - 1] - counts[a], 2))
        }
        /// The lower-case form of frequent words (those of the tag dictionary), else the word's
        /// shape: rare words' forms only make the parser memorise its training sentences.
        @inline(__always) func word(_ x: Int) -> UInt64 {
            x < 0 ? WordContext.none : x == 0 ? WordContext.root : w.ambiguity[x - 1] != 0 ? w.lower[x - 1] : w.shape[x - 1] &+ 0x5348_4150_45
        }
        /// The word's cluster, and its ancestors 4 and 6 steps from the top (`WordContext`).
        @inline(__always) func cluster(_ x: Int) -> UInt64 { x < 0 ? WordContext.none : x == 0 ? WordContext.root : w.cluster[x - 1] }
        @inline(__always) func cluster4(_ x: Int) -> UInt64 { x < 0 ? WordContext.none : x == 0 ? WordContext.root : w.cluster4[x - 1] }
        @inline(__always) func cluster6(_ x: Int) -> UInt64 { x < 0 ? WordContext.none : x == 0 ? WordContext.root : w.cluster6[x - 1] }
        @inline(__always) func tag(_ x: Int) -> UInt64 { x < 0 ? ParserFeatures.noTag : x == 0 ? ParserFeatures.rootTag : UInt64(tags[x - 1]) }
        @inline(__always) func suffix(_ x: Int) -> UInt64 { x <= 0 ? WordContext.none : w.suffix3[x - 1] }
        /// The tags the word had in training (a bit set; 0 unknown): a hint when its tag is wrong.
        @inline(__always) func ambiguity(_ x: Int) -> UInt64 { x <= 0 ? WordContext.none : w.ambiguity[x - 1] }
    }

    /// Feature keys of the parser: one multiply per value and a finalizer (SplitMix64's), which
    /// is cheaper than `FeatureHash.key`'s mix per value; never 0.
    enum Key {
        static let m: UInt64 = 0x9E37_79B9_7F4A_7C15
        @inline(__always) static func finish(_ h: UInt64) -> UInt64 {
            var x = h ^ (h >> 32)
            x = x &* 0xBF58_476D_1CE4_E5B9
            x ^= x >> 29
            x = x &* 0x94D0_49BB_1331_11EB
            return (x ^ (x >> 32)) | 1
        }
        @inline(__always) static func key(_ t: UInt64, _ a: UInt64) -> UInt64 { finish(((t &* m) ^ a) &* m) }
        @inline(__always) static func key(_ t: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 { finish(((((t &* m) ^ a) &* m) ^ b) &* m) }
        @inline(__always) static func key(_ t: UInt64, _ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
            finish(((((((t &* m) ^ a) &* m) ^ b) &* m) ^ c) &* m)
        }
        @inline(__always) static func key(_ t: UInt64, _ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> UInt64 {
            finish(((((((((t &* m) ^ a) &* m) ^ b) &* m) ^ c) &* m) ^ d) &* m)
        }
    }

    @inline(__always) static func bucket(_ d: Int) -> UInt64 {
        let a = abs(d)
        return a < 5 ? UInt64(a) : a < 10 ? 5 : 6
    }

    /// Writes the transition features of `state` into `out` (cleared first).
    /// - Complexity: O(1).
    static func extract(_ state: ArcHybrid, _ items: Items, into out: inout FeatureBuffer) {
        out.removeAll()
        let n = state.n
        let s0 = state.s(0), s1 = state.s(1), s2 = state.s(2)
        let b0 = state.b(0), b1 = state.b(1), b2 = state.b(2)
        func kid(_ a: [Int32], _ x: Int) -> Int { x < 0 ? -1 : Int(a[x]) }
        func lab(_ x: Int) -> UInt64 { x <= 0 ? noLabel : UInt64(bitPattern: Int64(state.labels[x])) }
        let s0L = kid(state.left1, s0), s0L2 = kid(state.left2, s0), s0R = kid(state.right1, s0), s0R2 = kid(state.right2, s0)
        let s1L = kid(state.left1, s1), s1R = kid(state.right1, s1)
        let b0L = kid(state.left1, b0), b0L2 = kid(state.left2, b0)
        let s0w = items.word(s0), s0p = items.tag(s0), s1w = items.word(s1), s1p = items.tag(s1)
        let b0w = items.word(b0), b0p = items.tag(b0), b1w = items.word(b1), b1p = items.tag(b1)
        let b2p = items.tag(b2), s2p = items.tag(s2)
        let pos = { (x: Int) -> Int in x == 0 ? n + 1 : x }
        let d: UInt64 = s0 >= 0 && b0 >= 0 ? bucket(pos(b0) - s0) : 7
        let d1: UInt64 = s1 >= 0 ? bucket(s0 - s1) : 7
        let s0vl: UInt64 = s0 >= 0 ? UInt64(state.leftCount[s0]) : 99, s0vr: UInt64 = s0 >= 0 ? UInt64(state.rightCount[s0]) : 99
        let b0vl: UInt64 = b0 >= 0 ? UInt64(state.leftCount[b0]) : 99
        let s1vl: UInt64 = s1 >= 0 ? UInt64(state.leftCount[s1]) : 99, s1vr: UInt64 = s1 >= 0 ? UInt64(state.rightCount[s1]) : 99
        let s0sl: UInt64 = s0 >= 0 ? state.leftLabels[s0] : 1 << 63, s0sr: UInt64 = s0 >= 0 ? state.rightLabels[s0] : 1 << 63
        let b0sl: UInt64 = b0 >= 0 ? state.leftLabels[b0] : 1 << 63
        let s1sl: UInt64 = s1 >= 0 ? state.leftLabels[s1] : 1 << 63, s1sr: UInt64 = s1 >= 0 ? state.rightLabels[s1] : 1 << 63
        let s0Lp = items.tag(s0L), s0Rp = items.tag(s0R), b0Lp = items.tag(b0L)
        typealias K = Key
        // Single items.
        out.append(K.key(101, s0w, s0p)); out.append(K.key(102, s0w)); out.append(K.key(103, s0p))
        out.append(K.key(104, b0w, b0p)); out.append(K.key(105, b0w)); out.append(K.key(106, b0p))
        out.append(K.key(107, b1w, b1p)); out.append(K.key(108, b1w)); out.append(K.key(109, b1p))
        out.append(K.key(110, items.word(b2))); out.append(K.key(111, b2p))
        out.append(K.key(112, s1w, s1p)); out.append(K.key(113, s1w)); out.append(K.key(114, s1p))
        out.append(K.key(115, s2p)); out.append(K.key(116, items.word(s2)))
        // Pairs.
        out.append(K.key(117, s0w, s0p, b0w, b0p)); out.append(K.key(118, s0w, s0p, b0w)); out.append(K.key(119, s0w, b0w, b0p))
        out.append(K.key(120, s0w, s0p, b0p)); out.append(K.key(121, s0p, b0w, b0p)); out.append(K.key(122, s0w, b0w))
        out.append(K.key(123, s0p, b0p)); out.append(K.key(124, b0p, b1p))
        out.append(K.key(125, s1w, s1p, s0w, s0p)); out.append(K.key(126, s1w, s0w)); out.append(K.key(127, s1p, s0p))
        out.append(K.key(128, s1p, b0p)); out.append(K.key(129, s1w, b0w)); out.append(K.key(130, s1p, s0w)); out.append(K.key(131, s1w, s0p))
        // Triples of tags.
        out.append(K.key(132, b0p, b1p, b2p)); out.append(K.key(133, s0p, b0p, b1p)); out.append(K.key(134, s1p, s0p, b0p))
        out.append(K.key(135, s0p, s0Lp, b0p)); out.append(K.key(136, s0p, s0Rp, b0p)); out.append(K.key(137, s0p, b0p, b0Lp))
        out.append(K.key(138, s1p, s0p, s0Lp)); out.append(K.key(139, s1p, items.tag(s1R), s0p)); out.append(K.key(140, s1p, s0p, s0Rp))
        out.append(K.key(141, s2p, s1p, s0p)); out.append(K.key(142, s1p, s0p, b0p, b1p))
        // Distance.
        out.append(K.key(143, s0w, d)); out.append(K.key(144, s0p, d)); out.append(K.key(145, b0w, d)); out.append(K.key(146, b0p, d))
        out.append(K.key(147, s0w, b0w, d)); out.append(K.key(148, s0p, b0p, d))
        out.append(K.key(149, s1p, s0p, d1)); out.append(K.key(150, s1w, d1)); out.append(K.key(151, s0w, d1)); out.append(K.key(152, s1w, s0w, d1))
        // Valency.
        out.append(K.key(153, s0w, s0vr)); out.append(K.key(154, s0p, s0vr)); out.append(K.key(155, s0w, s0vl)); out.append(K.key(156, s0p, s0vl))
        out.append(K.key(157, b0w, b0vl)); out.append(K.key(158, b0p, b0vl)); out.append(K.key(159, s1p, s1vl)); out.append(K.key(160, s1p, s1vr))
        // Dependents.
        out.append(K.key(161, items.word(s0L))); out.append(K.key(162, s0Lp)); out.append(K.key(163, lab(s0L)))
        out.append(K.key(164, items.word(s0R))); out.append(K.key(165, s0Rp)); out.append(K.key(166, lab(s0R)))
        out.append(K.key(167, items.word(b0L))); out.append(K.key(168, b0Lp)); out.append(K.key(169, lab(b0L)))
        out.append(K.key(170, items.tag(s1L), lab(s1L))); out.append(K.key(171, items.tag(s1R), lab(s1R)))
        // Second dependents.
        out.append(K.key(172, items.word(s0L2))); out.append(K.key(173, items.tag(s0L2))); out.append(K.key(174, lab(s0L2)))
        out.append(K.key(175, items.word(s0R2))); out.append(K.key(176, items.tag(s0R2))); out.append(K.key(177, lab(s0R2)))
        out.append(K.key(178, items.word(b0L2))); out.append(K.key(179, items.tag(b0L2))); out.append(K.key(180, lab(b0L2)))
        out.append(K.key(181, s0p, s0Lp, items.tag(s0L2))); out.append(K.key(182, s0p, s0Rp, items.tag(s0R2))); out.append(K.key(183, b0p, b0Lp, items.tag(b0L2)))
        // Label sets.
        out.append(K.key(184, s0w, s0sr)); out.append(K.key(185, s0p, s0sr)); out.append(K.key(186, s0w, s0sl)); out.append(K.key(187, s0p, s0sl))
        out.append(K.key(188, b0w, b0sl)); out.append(K.key(189, b0p, b0sl)); out.append(K.key(190, s1p, s1sr)); out.append(K.key(191, s1p, s1sl))
        // Stack depth and the root.
        out.append(K.key(192, UInt64(min(state.stack.count, 4)), s0p, b0p))
        out.append(K.key(193, s0p, lab(s0L), lab(s0R)))
        out.append(K.key(194, s0p, items.suffix(s0), b0p)); out.append(K.key(195, s1p, s0p, s0sl, s0sr))
        // Look-ahead beyond b0 and s0's pairs with b1.
        out.append(K.key(196, s0w, b1p)); out.append(K.key(197, s0p, b1w)); out.append(K.key(198, s0p, b1p)); out.append(K.key(199, s0w, b1w))
        out.append(K.key(200, s1p, b0p, b1p)); out.append(K.key(240, b0w, b1w)); out.append(K.key(241, items.suffix(b0), b0p, s0p))
        let s0a = items.ambiguity(s0), b0a = items.ambiguity(b0)
        out.append(K.key(242, s0a, b0p)); out.append(K.key(243, s0p, b0a)); out.append(K.key(244, s0a, b0a)); out.append(K.key(245, s1p, s0a))
        // Punctuation and verbs between s0 and b0, and between s1 and s0.
        let pb = s0 >= 1 ? items.between(items.punct, s0, pos(b0)) : 3, vb = s0 >= 1 ? items.between(items.verbs, s0, pos(b0)) : 3
        let p1 = s1 >= 1 ? items.between(items.punct, s1, s0) : 3, v1 = s1 >= 1 ? items.between(items.verbs, s1, s0) : 3
        out.append(K.key(300, s0p, b0p, pb)); out.append(K.key(301, s0p, b0p, vb)); out.append(K.key(302, s1p, s0p, p1))
        out.append(K.key(303, s1p, s0p, v1)); out.append(K.key(304, s0w, b0p, pb)); out.append(K.key(305, s1p, s0p, b0p, p1 &* 4 &+ pb))
        // Dependents' words with the head's tag, the head's word with the dependents' tags.
        out.append(K.key(310, s0p, items.word(s0L))); out.append(K.key(311, s0p, items.word(s0R))); out.append(K.key(312, b0p, items.word(b0L)))
        out.append(K.key(313, s0w, s0Lp)); out.append(K.key(314, s0w, s0Rp)); out.append(K.key(315, b0w, b0Lp))
        out.append(K.key(316, s0p, lab(s0L), b0p)); out.append(K.key(317, s0p, lab(s0R), b0p)); out.append(K.key(318, b0w, lab(b0L)))
        out.append(K.key(319, s0w, lab(s0R))); out.append(K.key(320, s0w, lab(s0L)))
        // Further look-ahead.
        let b3 = state.b(3)
        out.append(K.key(330, items.tag(b3))); out.append(K.key(331, b1p, b2p, items.tag(b3))); out.append(K.key(332, items.suffix(b1), b1p))
        out.append(K.key(333, s0p, b0p, b1p, b2p)); out.append(K.key(334, b0w, b1p, b2p))
        // More of s1 and s2.
        let s1R2 = kid(state.right2, s1)
        out.append(K.key(340, items.suffix(s1), s1p)); out.append(K.key(341, items.ambiguity(s1), s0p)); out.append(K.key(342, s1p, lab(s1L), s0p))
        out.append(K.key(343, s1p, lab(s1R), s0p)); out.append(K.key(344, s2p, s1w)); out.append(K.key(345, s1p, lab(s1R2)))
        out.append(K.key(346, s2p, s1p, b0p)); out.append(K.key(347, s1w, s1p, b0p))
        // Label sets with both items and the distance.
        out.append(K.key(350, s0p, b0p, d, s0sl)); out.append(K.key(351, s0sr, b0sl, s0p, b0p)); out.append(K.key(352, s1p, s0p, s1sr, s0sl))
        out.append(K.key(353, s0w, s0sl, s0sr)); out.append(K.key(354, b0p, b0sl, s0p, s0sl))
        // Grandchildren and dependent pairs.
        let s0LL = kid(state.left1, s0L), s0RR = kid(state.right1, s0R), b0LL = kid(state.left1, b0L)
        out.append(K.key(360, s0p, s0Lp, items.tag(s0LL))); out.append(K.key(361, s0p, s0Rp, items.tag(s0RR))); out.append(K.key(362, b0p, b0Lp, items.tag(b0LL)))
        out.append(K.key(363, s0p, lab(s0R), lab(s0R2))); out.append(K.key(364, b0p, lab(b0L), lab(b0L2))); out.append(K.key(365, s0p, lab(s0L), lab(s0L2)))
        do {
            // Version 4: word clusters (Koo et al. 2008): full clusters stand in for words, their
            // ancestors 4 and 6 steps from the top for tags.
            let s0c = items.cluster(s0), b0c = items.cluster(b0), s1c = items.cluster(s1), b1c = items.cluster(b1)
            let s0c6 = items.cluster6(s0), b0c6 = items.cluster6(b0)
            out.append(K.key(400, s0c)); out.append(K.key(401, b0c)); out.append(K.key(402, s1c)); out.append(K.key(403, b1c))
            out.append(K.key(404, s0c, b0c)); out.append(K.key(405, s0c, b0p)); out.append(K.key(406, s0p, b0c)); out.append(K.key(407, s0c6, b0c6))
            out.append(K.key(408, items.cluster4(s1), items.cluster4(s0), items.cluster4(b0))); out.append(K.key(409, s1c, s0c))
            out.append(K.key(410, s0c6, b0c6, d)); out.append(K.key(411, b0c, items.cluster6(b1))); out.append(K.key(412, s0c, s0p)); out.append(K.key(413, b0c, b0p))
            out.append(K.key(414, items.cluster4(s0), items.cluster4(b0), items.cluster4(b1))); out.append(K.key(415, s0c6, b0p, b1p))
            out.append(K.key(416, s0p, items.cluster6(s0L))); out.append(K.key(417, b0p, items.cluster6(b0L))); out.append(K.key(418, s0p, items.cluster6(s0R)))
            out.append(K.key(419, items.cluster6(s1), s0p, b0c6))
        }
    }

    /// Writes the labeller's features for the arc `head → dependent` into `out` (cleared first).
    /// - Complexity: O(1).
    static func extractLabel(_ state: ArcHybrid, _ items: Items, dependent d: Int, head h: Int, into out: inout FeatureBuffer) {
        out.removeAll()
        let n = state.n
        let dw = items.word(d), dp = items.tag(d), hw = items.word(h), hp = items.tag(h)
        let hpos = h == 0 ? n + 1 : h
        let dir: UInt64 = hpos > d ? 1 : 2
        let dist = bucket(hpos - d)
        func lab(_ x: Int) -> UInt64 { x <= 0 ? noLabel : UInt64(bitPattern: Int64(state.labels[x])) }
        let dL = Int(state.left1[d]), dR = Int(state.right1[d]), dL2 = Int(state.left2[d])
        let dsl = state.leftLabels[d], dsr = state.rightLabels[d]
        let hsl = state.leftLabels[h], hsr = state.rightLabels[h]
        let prev = items.tag(d - 1), nextTag = items.tag(d + 1 <= n ? d + 1 : -1)
        typealias K = Key
        out.append(K.key(201, 0)); out.append(K.key(202, dp)); out.append(K.key(203, dw)); out.append(K.key(204, hp)); out.append(K.key(205, hw))
        out.append(K.key(206, dp, hp, dir)); out.append(K.key(207, dw, hp, dir)); out.append(K.key(208, dp, hw, dir)); out.append(K.key(209, dw, hw))
        out.append(K.key(210, dp, hp, dist, dir))
        out.append(K.key(211, dp, dsl)); out.append(K.key(212, dp, dsr)); out.append(K.key(213, hp, hsl, dir)); out.append(K.key(214, hp, hsr, dir))
        out.append(K.key(215, items.word(dL), dp, hp)); out.append(K.key(216, lab(dL), dp)); out.append(K.key(217, lab(dR), dp))
        out.append(K.key(218, dp, prev, nextTag)); out.append(K.key(219, dw, dp, hp)); out.append(K.key(220, items.suffix(d), dp, hp))
        out.append(K.key(221, items.tag(dL), dp, hp)); out.append(K.key(222, items.word(dL2), dp))
        out.append(K.key(223, d == 1 ? 1 : 0, dp, hp)); out.append(K.key(224, dw, dir, hp))
        out.append(K.key(225, dp, hp, items.tag(state.b(0)))); out.append(K.key(226, lab(Int(state.left1[h])), dp, dir))
        out.append(K.key(227, dp, hp, dsl, dir)); out.append(K.key(228, items.word(dR), dp)); out.append(K.key(229, dp, hw, hsl))
        out.append(K.key(230, UInt64(state.leftCount[d]), UInt64(state.rightCount[d]), dp, hp))
        out.append(K.key(231, items.ambiguity(d), hp, dir)); out.append(K.key(232, dp, items.ambiguity(h), dir))
        do {
            // Version 4: word clusters.
            let dc = items.cluster(d), hc = items.cluster(h)
            out.append(K.key(250, dc)); out.append(K.key(251, hc)); out.append(K.key(252, dc, hp, dir)); out.append(K.key(253, dp, hc, dir))
            out.append(K.key(254, items.cluster6(d), items.cluster6(h), dir))
        }
    }
}
