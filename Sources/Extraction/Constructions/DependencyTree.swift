/// The dependency tree of one sentence, laid on kg's tokens: for each token of the sentence its
/// universal part of speech, its head and its Universal Dependencies relation (`nsubj:pass`,
/// `obl:agent`, `acl:relcl`, … with subtypes). Built once per sentence from the parser's
/// analysis (or, in tests, written by hand) and read by every construction.
///
/// Token indices are the document's, so trees, mentions and triggers share one index space.
struct DependencyTree: Sendable {
    /// The document tokens of the sentence.
    let tokens: Range<Int>
    private let upos: [String]
    private let heads: [Int?]
    private let relations: [String]
    private let children: [[Int]]

    /// - Parameters:
    ///   - tokens: the sentence's tokens in the document.
    ///   - upos: a tag per token.
    ///   - heads: per token, the index of its head within the sentence (0-based), or nil for the root.
    ///   - relations: per token, its relation to its head.
    init(tokens: Range<Int>, upos: [String], heads: [Int?], relations: [String]) {
        precondition(upos.count == tokens.count && heads.count == tokens.count && relations.count == tokens.count)
        self.tokens = tokens
        self.upos = upos
        self.relations = relations
        let base = tokens.lowerBound
        self.heads = heads.map { $0.map { $0 + base } }
        var children = [[Int]](repeating: [], count: tokens.count)
        for (k, h) in heads.enumerated() {
            if let h, h >= 0, h < tokens.count, h != k { children[h].append(base + k) }
        }
        self.children = children
    }

    func contains(_ t: Int) -> Bool { tokens.contains(t) }
    func tag(_ t: Int) -> String { upos[t - tokens.lowerBound] }
    func head(_ t: Int) -> Int? { heads[t - tokens.lowerBound] }
    /// The full relation ("nsubj:pass").
    func relation(_ t: Int) -> String { relations[t - tokens.lowerBound] }
    /// The universal part of the relation ("nsubj" for "nsubj:pass").
    func universal(_ t: Int) -> Substring {
        let r = relations[t - tokens.lowerBound]
        return r.split(separator: ":", maxSplits: 1).first ?? Substring(r)
    }
    func dependents(_ t: Int) -> [Int] { children[t - tokens.lowerBound] }

    /// The dependents of `t` whose full relation is one of `relations`.
    func dependents(_ t: Int, _ relations: Set<String>) -> [Int] {
        dependents(t).filter { relations.contains(relation($0)) }
    }

    /// The first dependent of `t` with the full relation `relation`.
    func dependent(_ t: Int, _ relation: String) -> Int? {
        dependents(t).first { self.relation($0) == relation }
    }

    /// `t` and its conjuncts ("A, B and C": A's `conj` dependents B and C), in order.
    func conjuncts(_ t: Int) -> [Int] {
        var out = [t]
        var k = 0
        while k < out.count {
            for c in dependents(out[k]) where relation(c) == "conj" && !out.contains(c) { out.append(c) }
            k += 1
        }
        return out.sorted()
    }

    /// The first conjunct of a coordination `t` is part of (itself when it is not a `conj`).
    func firstConjunct(_ t: Int) -> Int {
        var t = t
        while relation(t) == "conj", let h = head(t) { t = h }
        return t
    }

    /// Whether `ancestor` dominates `t` (or is `t`).
    func dominates(_ ancestor: Int, _ t: Int) -> Bool {
        var k: Int? = t
        var steps = 0
        while let x = k, steps <= tokens.count {
            if x == ancestor { return true }
            k = head(x)
            steps += 1
        }
        return false
    }
}
