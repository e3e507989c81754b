/// A greedy left-to-right part-of-speech tagger scored by an averaged perceptron over
/// `TaggerFeatures`.
public struct Tagger: Sendable, Equatable {
    /// The tag inventory: `UPOS|XPOS` pairs (`VERB|VBN`), or a bare UPOS for rare pairs.
    /// The parser reads these fine tags; the analysis reports their UPOS part.
    public let tags: [String]
    /// The UPOS part of each tag.
    public let upos: [String]
    public let dictionary: TagDictionary
    /// First-pass weights (left-to-right, left context tags only).
    public let weights: WeightTable
    /// Second-pass weights: the first pass's tags of the next words are features too.
    public let second: WeightTable
    /// Each tag's kind for the parser's counting features: `punctuationKind`, `verbKind`, 0.
    let kinds: [UInt8]
    static let punctuationKind: UInt8 = 1, verbKind: UInt8 = 2

    init(tags: [String], dictionary: TagDictionary, weights: WeightTable, second: WeightTable) {
        self.tags = tags
        self.upos = tags.map { String($0.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).first ?? Substring($0)) }
        self.kinds = upos.map { $0 == "PUNCT" ? Tagger.punctuationKind : $0 == "VERB" || $0 == "AUX" ? Tagger.verbKind : 0 }
        let upos = self.upos
        properTags = upos.indices.filter { upos[$0] == "PROPN" }
        nonAdverbTags = upos.indices.filter { upos[$0] != "ADV" }
        adverbBits = upos.indices.reduce(0) { upos[$1] == "ADV" ? $0 | 1 << UInt64($1 & 63) : $0 }
        self.dictionary = dictionary
        self.weights = weights
        self.second = second
    }

    /// The tags whose UPOS is PROPN, and those whose UPOS is not ADV (computed once).
    let properTags: [Int], nonAdverbTags: [Int]
    /// The tags whose UPOS is ADV, as the bits of `TagDictionary` classes.
    let adverbBits: UInt64

    /// The tag of "before the sentence start" in the history features.
    var start: Int { tags.count + 1 }

    /// The margin (in weight units: best score minus the runner-up's) above which the first
    /// pass's tag of a word is kept without a second look. On EWT dev the second pass then
    /// scores about a tenth of the words, tagging and parsing are 40 % faster, and UPOS, UAS
    /// and LAS are as with two full passes (95.63 / 85.80 / 82.63 against 95.59 / 85.82 /
    /// 82.61); margins of 8 and 32 give the same, 4 and less lose 0.3–0.5 UAS.
    static let secondPassMargin: Float = 16

    /// Tags a sentence whose word context is `w`: a first pass, then a second pass that also
    /// sees the first pass's tags of the words to the right, for the words the first pass was
    /// not sure of (`secondPassMargin`).
    /// - Complexity: O(n) in the number of words.
    func tag(_ w: WordContext, hints: [WordHint]? = nil) -> [Int] {
        var margins = [Int32](repeating: 0, count: w.count)
        let first = margins.withUnsafeMutableBufferPointer { pass(w, weights, right: nil, hints: hints, margins: $0) }
        let threshold = Int32(clamping: Int64((Tagger.secondPassMargin * weights.scale).rounded()))
        return first.withUnsafeBufferPointer { f in
            margins.withUnsafeBufferPointer { m in pass(w, second, right: f, hints: hints, confident: (m, threshold)) }
        }
    }

    /// One greedy left-to-right pass, each word's tag the best-scoring one its hint allows
    /// (`WordHint`): for a proper noun, a tag whose UPOS is PROPN; for a word that is no
    /// adverb, any but ADV when the tag dictionary never saw the word as an adverb.
    /// - Parameters:
    ///   - margins: if given, receives each word's margin (best score minus the runner-up's).
    ///   - confident: the first pass's margins and a threshold: a word whose margin reaches it
    ///     keeps its tag in `right` unscored.
    func pass(_ w: WordContext, _ table: WeightTable, right: UnsafeBufferPointer<Int>?, hints: [WordHint]? = nil,
              margins: UnsafeMutableBufferPointer<Int32>? = nil, confident: (UnsafeBufferPointer<Int32>, Int32)? = nil) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(w.count)
        var features: [UInt64] = []
        features.reserveCapacity(64)
        var scores = [Int32](repeating: 0, count: tags.count)
        for i in 0..<w.count {
            let hint = hints.map { i < $0.count ? $0[i] : .none } ?? .none
            if let (m, threshold) = confident, let right, m[i] >= threshold, hint != .properNoun {
                result.append(right[i])
                continue
            }
            TaggerFeatures.extract(w, i, p1: i > 0 ? result[i - 1] : start, p2: i > 1 ? result[i - 2] : start, right: right, into: &features)
            for c in 0..<scores.count { scores[c] = 0 }
            features.withUnsafeBufferPointer { f in scores.withUnsafeMutableBufferPointer { table.score(f, into: $0) } }
            var best = 0
            if hint == .properNoun, let first = properTags.first {
                best = first
                for c in properTags.dropFirst() where scores[c] > scores[best] { best = c }
            } else if hint == .noAdverb, w.ambiguity[i] & adverbBits == 0, let first = nonAdverbTags.first {
                best = first
                for c in nonAdverbTags.dropFirst() where scores[c] > scores[best] { best = c }
            } else {
                for c in scores.indices.dropFirst() where scores[c] > scores[best] { best = c }
            }
            if let margins {
                var runnerUp = Int32.min
                for c in scores.indices where c != best && scores[c] > runnerUp { runnerUp = scores[c] }
                margins[i] = scores[best] &- runnerUp
            }
            result.append(best)
        }
        return result
    }
}
