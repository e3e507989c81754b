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

    /// The same tree with some words given a new head (nil: the root) and relation; the
    /// indices are the document's (`TreeRepair`).
    func reattaching(_ changes: [(word: Int, head: Int?, relation: String)]) -> DependencyTree {
        let base = tokens.lowerBound
        var heads = self.heads.map { $0.map { $0 - base } }
        var relations = self.relations
        for (w, h, r) in changes where contains(w) {
            heads[w - base] = h.map { $0 - base }
            relations[w - base] = r
        }
        return DependencyTree(tokens: tokens, upos: upos, heads: heads, relations: relations)
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

    /// `t` and its conjuncts ("A, B and C": A's `conj` dependents B and C), in order. A conjunct
    /// counts only when a comma, a conjunction or other punctuation comes just before it: in
    /// "cooperation between Chile and Peru worries Bolivia" a parser may make "Bolivia" a third
    /// conjunct, which no coordination of English writes that way.
    /// A chain with no conjunction at all ("MONUSCO, the UN's mission") is an apposition a
    /// parser labelled `conj`: `t` alone.
    func conjuncts(_ t: Int) -> [Int] {
        var out = [t]
        var k = 0
        while k < out.count {
            for c in dependents(out[k]) where relation(c) == "conj" && !out.contains(c) && isMarkedConjunct(c) { out.append(c) }
            k += 1
        }
        if out.count > 1, !out.dropFirst().contains(where: hasConjunction) { return [t] }
        out.sort()
        // "the foreign ministers of Peru and Chile, Ana Torres and Luis Vidal,": one list has one
        // conjunction, so a second one after a comma starts another list, an apposition to the
        // first, which a parser may have joined to it.
        let marked = out.indices.dropFirst().filter { hasConjunction(out[$0]) }
        if marked.count > 1, let second = out.indices.first(where: { $0 > marked[0] }),
           rightmost(out[second - 1]) < out[second],
           (rightmost(out[second - 1]) + 1..<out[second]).contains(where: { tag($0) == "PUNCT" }) {
            return Array(out[...marked[0]])
        }
        return out
    }

    /// Whether conjunct `c` is introduced by a conjunction: its own `cc`, or one the parser hung
    /// on a word of its phrase ("and" under "Saudi" in "Iran and Saudi Arabia").
    func hasConjunction(_ c: Int) -> Bool {
        if !dependents(c, ["cc"]).isEmpty { return true }
        let first = leftmost(c)
        return (first..<c).contains { relation($0) == "cc" } || (contains(first - 1) && tag(first - 1) == "CCONJ")
    }

    /// `conjuncts(t)`, unless the conjuncts stand right before a finite verb with no subject of
    /// its own ("praised Warsaw's response, and Lithuania and Latvia said …"): they are that
    /// verb's subject, a parser's misreading, so `t` alone. (Not before an "-ing" form: "condemned
    /// Russia and Belarus following the attack".)
    func conjuncts(_ t: Int, words: [Token]) -> [Int] {
        let out = conjuncts(t)
        guard out.count > 1, let last = out.last else { return out }
        let next = rightmost(last) + 1
        // An auxiliary's subject is its verb's ("The ceasefire between A and B was brokered").
        let verb = contains(next) && ["aux", "cop"].contains(universal(next)) ? head(next) ?? next : next
        if contains(next), tag(next) == "VERB" || tag(next) == "AUX", dependents(verb, ["nsubj", "nsubj:pass", "csubj", "expl"]).isEmpty,
           !words[next].lower.hasSuffix("ing"), !["acl", "amod", "xcomp", "conj"].contains(universal(next)) {
            return [t]
        }
        return out
    }

    /// The last word of the phrase `t` heads (its rightmost descendant).
    func rightmost(_ t: Int) -> Int { edge(of: t, leftward: false) }

    /// Whether conjunct `c` is introduced by a conjunction (`hasConjunction`) or punctuation.
    func isMarkedConjunct(_ c: Int) -> Bool {
        if hasConjunction(c) || dependents(c).contains(where: { $0 < c && relation($0) == "punct" }) { return true }
        let before = leftmost(c) - 1
        return contains(before) && tag(before) == "PUNCT"
    }

    /// The first word of the phrase `t` heads (its leftmost descendant).
    func leftmost(_ t: Int) -> Int { edge(of: t, leftward: true) }

    /// The leftmost or rightmost descendant of `t`. In a projective tree only dependents on that
    /// side can reach further out.
    private func edge(of t: Int, leftward: Bool) -> Int {
        var best = t
        var stack = [t]
        var steps = 0
        while let x = stack.popLast(), steps <= tokens.count {
            steps += 1
            for d in dependents(x) where leftward ? d < x : d > x {
                if leftward ? d < best : d > best { best = d }
                stack.append(d)
            }
        }
        return best
    }

    /// Whether `t` is a past participle describing the noun it modifies ("the agreement reached",
    /// "the deal signed"): a verb in `acl` with no subject of its own, ending in "-ed"/"-en" or
    /// irregular (not "-ing").
    func isPassiveParticiple(_ t: Int, _ words: [Token]) -> Bool {
        universal(t) == "acl" && !words[t].lower.hasSuffix("ing") && dependents(t, ["nsubj", "mark"]).isEmpty
    }

    /// Whether `t` is a predicative adjective: "is concerned", "remained grateful", also a
    /// participle read as a passive verb ("is troubled by").
    func isPredicative(_ t: Int) -> Bool {
        switch tag(t) {
        case "ADJ": return !dependents(t, ["cop"]).isEmpty || relation(t) == "xcomp"
        case "VERB": return !dependents(t, ["cop", "aux:pass"]).isEmpty
        default: return false
        }
    }

    /// Whether verb `t` is passive: an `aux:pass`, a passive subject or an agent below it (a
    /// parser may label the subject of "Russia was condemned" `nsubj`; the auxiliary still says it).
    /// An agent whose "by" is a word of `trigger` ("stand by Ukraine") is no agent, nor is one
    /// of a verb with a direct object ("condemns the launch … by North Korea": an active verb).
    func isPassive(_ t: Int, trigger: Range<Int>? = nil) -> Bool {
        let deps = dependents(t)
        if deps.contains(where: { relation($0) == "aux:pass" }) { return true }
        // A verb with a direct object and no passive auxiliary is active, whatever its subject is
        // labelled ("Iraq's minister, NAME, accused Kuwait": the parser may read two subjects).
        if deps.contains(where: { relation($0) == "obj" }) { return false }
        if deps.contains(where: { ["nsubj:pass", "csubj:pass"].contains(relation($0)) }) { return true }
        return deps.contains { d in
            relation(d) == "obl:agent" && !(trigger.map { span in dependents(d, ["case"]).contains { span.contains($0) } } ?? false)
        }
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
