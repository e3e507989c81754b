/// The tagger's feature function, the one used both in training and in tagging: word i's
/// form, lower-case, shape, prefixes 1–3 and suffixes 1–4, the two previous predicted tags,
/// the words ±2 around it, the ambiguity classes of the word and the next two (look-ahead),
/// and (version 2) the word clusters of the word and the words next to it.
enum TaggerFeatures {
    /// Bumped whenever a template changes: a model trained with other features is refused.
    static let version: UInt32 = 2

    /// Writes the features of word `i` into `out` (cleared first).
    /// - Parameters:
    ///   - p1, p2: the predicted tags of words i-1 and i-2 (`tagCount` + 1 before the start).
    ///   - right: for the second pass, the first pass's tags of the whole sentence (their
    ///     tags of words i+1, i+2 become features); nil in the first pass.
    /// - Complexity: O(1).
    @inline(__always)
    static func extract(_ w: WordContext, _ i: Int, p1: Int, p2: Int, right: UnsafeBufferPointer<Int>?, into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        let none = WordContext.none
        let n = w.count
        let l0 = w.lower[i]
        let lm1 = i > 0 ? w.lower[i - 1] : none, lm2 = i > 1 ? w.lower[i - 2] : none
        let lp1 = i + 1 < n ? w.lower[i + 1] : none, lp2 = i + 2 < n ? w.lower[i + 2] : none
        let a0 = w.ambiguity[i]
        let ap1 = i + 1 < n ? w.ambiguity[i + 1] : none, ap2 = i + 2 < n ? w.ambiguity[i + 2] : none
        let am1 = i > 0 ? w.ambiguity[i - 1] : none
        let t1 = UInt64(p1), t2 = UInt64(p2)
        let first: UInt64 = i == 0 ? 1 : 0
        out.append(FeatureHash.key(1, 0))
        out.append(FeatureHash.key(2, w.form[i]))
        out.append(FeatureHash.key(3, l0))
        out.append(FeatureHash.key(4, w.suffix1[i]))
        out.append(FeatureHash.key(5, w.suffix2[i]))
        out.append(FeatureHash.key(6, w.suffix3[i]))
        out.append(FeatureHash.key(7, w.suffix4[i]))
        out.append(FeatureHash.key(8, w.prefix1[i]))
        out.append(FeatureHash.key(9, w.prefix2[i]))
        out.append(FeatureHash.key(10, w.prefix3[i]))
        out.append(FeatureHash.key(11, w.shape[i]))
        out.append(FeatureHash.key(12, t1))
        out.append(FeatureHash.key(13, t2))
        out.append(FeatureHash.key(14, t1, t2))
        out.append(FeatureHash.key(15, t1, l0))
        out.append(FeatureHash.key(16, lm1))
        out.append(FeatureHash.key(17, i > 0 ? w.suffix3[i - 1] : none))
        out.append(FeatureHash.key(18, lp1))
        out.append(FeatureHash.key(19, i + 1 < n ? w.suffix3[i + 1] : none))
        out.append(FeatureHash.key(20, lm2))
        out.append(FeatureHash.key(21, lp2))
        out.append(FeatureHash.key(22, a0))
        out.append(FeatureHash.key(23, ap1))
        out.append(FeatureHash.key(24, ap2))
        out.append(FeatureHash.key(25, t1, a0))
        out.append(FeatureHash.key(26, a0, ap1))
        out.append(FeatureHash.key(27, l0, lp1))
        out.append(FeatureHash.key(28, lm1, l0))
        out.append(FeatureHash.key(29, i + 1 < n ? w.shape[i + 1] : none))
        out.append(FeatureHash.key(30, first, w.shape[i]))
        out.append(FeatureHash.key(31, t1, w.suffix3[i]))
        out.append(FeatureHash.key(32, am1, a0, ap1))
        out.append(FeatureHash.key(33, i > 0 ? w.shape[i - 1] : none, w.shape[i]))
        out.append(FeatureHash.key(34, a0, w.suffix2[i]))
        let f0 = w.formAmbiguity[i]
        out.append(FeatureHash.key(35, f0))
        out.append(FeatureHash.key(36, f0, a0))
        out.append(FeatureHash.key(37, t1, f0))
        out.append(FeatureHash.key(38, w.capitalization, first, w.shape[i]))
        out.append(FeatureHash.key(39, w.capitalization, f0, a0))
        out.append(FeatureHash.key(40, i + 1 < n ? w.formAmbiguity[i + 1] : none))
        // Version 2: word clusters of the word and its neighbours.
        out.append(FeatureHash.key(51, w.cluster[i]))
        out.append(FeatureHash.key(52, w.cluster4[i]))
        out.append(FeatureHash.key(53, w.cluster6[i]))
        out.append(FeatureHash.key(54, w.cluster10[i]))
        out.append(FeatureHash.key(55, i + 1 < n ? w.cluster[i + 1] : none))
        out.append(FeatureHash.key(56, i > 0 ? w.cluster[i - 1] : none))
        out.append(FeatureHash.key(57, t1, w.cluster6[i]))
        out.append(FeatureHash.key(58, w.cluster10[i], i + 1 < n ? w.cluster6[i + 1] : none))
        if let right {
            let r0 = UInt64(right[i])
            let r1 = i + 1 < n ? UInt64(right[i + 1]) : none, r2 = i + 2 < n ? UInt64(right[i + 2]) : none
            out.append(FeatureHash.key(41, r1))
            out.append(FeatureHash.key(42, r1, r2))
            out.append(FeatureHash.key(43, t1, r1))
            out.append(FeatureHash.key(44, l0, r1))
            out.append(FeatureHash.key(45, r0))
            out.append(FeatureHash.key(46, t1, r0, r1))
            out.append(FeatureHash.key(47, w.suffix3[i], r1))
            out.append(FeatureHash.key(48, a0, r1))
            out.append(FeatureHash.key(49, lp1, r1))
            out.append(FeatureHash.key(50, w.shape[i], r1))
        }
    }
}
