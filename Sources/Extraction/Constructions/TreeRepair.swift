/// Repairs of misparses that no construction could read around, made once on each tree
/// before any construction reads it. Each is a shape English grammar rules out, so the repair
/// holds whatever the words are.
enum TreeRepair {
    /// The tree with the repairs made (the same tree when none applies).
    /// - Parameters:
    ///   - quantities: the nouns of quantity (`cues.tsv` `quantity`: "dozens", "hundreds").
    ///   - naming: the forms of the verbs of naming (`cues.tsv` `naming-verb`: "called", "dubbed").
    static func repaired(_ tree: DependencyTree, words: [Token], quantities: Set<String>, naming: Set<String>) -> DependencyTree {
        var changes = namingParticiple(tree, words, naming)
        if changes.isEmpty { changes = headlineVerb(tree, words) }
        if changes.isEmpty { changes = verbAfterRelative(tree, words) }
        if changes.isEmpty { changes = verbAfterQuantity(tree, words, quantities) }
        if changes.isEmpty { changes = gerundSubject(tree, words) }
        changes += meansPhrase(tree, words)
        return changes.isEmpty ? tree : tree.reattaching(changes)
    }

    /// "Israeli air strikes killed dozens of civilians", "Ukrainian drones struck a refinery": a
    /// parser may read the subject noun as the sentence's root and the verb after it as a
    /// participle describing it (`acl`) or a word before the object (`amod`), hanging the object
    /// on the noun. A past participle that describes a noun is passive and takes no direct
    /// object, and a noun takes none at all; so a root noun followed by a verb (not in "-ing",
    /// with no subject, marker or passive auxiliary of its own) with a direct object, its own or
    /// the noun's, is the main verb and the noun its subject. The dependents of the noun after
    /// the verb (the object, the final period) move to the verb.
    static func headlineVerb(_ tree: DependencyTree, _ words: [Token]) -> [(word: Int, head: Int?, relation: String)] {
        guard let root = tree.tokens.first(where: { tree.head($0) == nil && tree.relation($0) == "root" }),
              ["NOUN", "PROPN"].contains(tree.tag(root)) else { return [] }
        var v = root + 1
        while tree.contains(v), tree.tag(v) == "ADV" { v += 1 }
        guard tree.contains(v), tree.tag(v) == "VERB", !words[v].lower.hasSuffix("ing"), ["acl", "amod"].contains(tree.relation(v)),
              tree.dependents(v, ["nsubj", "nsubj:pass", "mark", "aux:pass"]).isEmpty else { return [] }
        let later = tree.dependents(root).filter { $0 > v }
        guard !tree.dependents(v, ["obj"]).isEmpty || later.contains(where: { tree.relation($0) == "obj" }) else { return [] }
        var changes: [(word: Int, head: Int?, relation: String)] = [(v, nil, "root"), (root, v, "nsubj")]
        for d in later { changes.append((d, v, tree.relation(d))) }
        return changes
    }

    /// "The African Union, of which both countries are members, called on Ethiopia to …": a
    /// parser may take the verb after a relative clause set off by commas as part of that clause
    /// and leave the noun before it as the sentence's root. A relative clause ends at its
    /// closing comma, and a sentence whose root is a noun with no copula or subject has no main
    /// verb; so the first verb right after that comma (not in "-ing", with no subject, marker or
    /// passive auxiliary of its own) is the main verb and the noun its subject. The noun's
    /// dependents after the verb (the final period) move to the verb.
    static func verbAfterRelative(_ tree: DependencyTree, _ words: [Token]) -> [(word: Int, head: Int?, relation: String)] {
        guard let root = tree.tokens.first(where: { tree.head($0) == nil && tree.relation($0) == "root" }),
              ["NOUN", "PROPN"].contains(tree.tag(root)), tree.dependents(root, ["cop", "nsubj", "nsubj:pass"]).isEmpty,
              let clause = tree.dependents(root, ["acl:relcl"]).first,
              root < clause else { return [] }
        // The relative word opens the clause right after a comma: "X, which …", "X, of which …".
        let opening = (root + 1..<clause).first { words[$0].norm == "," }
        guard let opening, (opening + 1...min(opening + 2, clause)).contains(where: { ["which", "who", "whom", "whose"].contains(words[$0].lower) }),
              let closing = (clause + 1..<tree.tokens.upperBound).first(where: { words[$0].norm == "," }) else { return [] }
        let v = closing + 1
        guard tree.contains(v), tree.tag(v) == "VERB", !words[v].lower.hasSuffix("ing"), tree.dominates(clause, v),
              tree.dependents(v, ["nsubj", "nsubj:pass", "mark", "aux:pass"]).isEmpty else { return [] }
        var changes: [(word: Int, head: Int?, relation: String)] = [(v, nil, "root"), (root, v, "nsubj")]
        for d in tree.dependents(root) where d > v { changes.append((d, v, tree.relation(d))) }
        return changes
    }

    /// "Hundreds of fishermen rallied outside the embassy.": a parser may read the noun of
    /// quantity as the sentence's root and the verb after its "of" phrase as a participle
    /// describing that phrase's noun. A sentence (ending in a period) whose root is a noun of
    /// quantity with no copula or subject has no main verb; so that verb (right after the noun's
    /// phrase or an adverb, not in "-ing", with no subject, marker, passive auxiliary or "by"
    /// phrase of its own) is the main verb and the quantity its subject. The root's dependents
    /// after the verb (the final period) move to the verb.
    static func verbAfterQuantity(_ tree: DependencyTree, _ words: [Token], _ quantities: Set<String>) -> [(word: Int, head: Int?, relation: String)] {
        guard let root = tree.tokens.first(where: { tree.head($0) == nil && tree.relation($0) == "root" }),
              tree.tag(root) == "NOUN", quantities.contains(words[root].lower),
              tree.dependents(root, ["cop", "nsubj", "nsubj:pass"]).isEmpty,
              let last = tree.tokens.last, words[last].norm == ".", tree.head(last) == root,
              let noun = tree.dependents(root, ["nmod"]).first(where: { n in n > root && tree.dependents(n, ["case"]).contains { words[$0].lower == "of" } }),
              let v = tree.dependents(noun, ["acl"]).first(where: { $0 > noun }), tree.leftmost(v) > noun, (tree.leftmost(v)..<v).allSatisfy({ tree.tag($0) == "ADV" }),
              (noun + 1..<tree.leftmost(v)).allSatisfy({ tree.dominates(noun, $0) && tree.tag($0) != "VERB" }),
              tree.tag(v) == "VERB", !words[v].lower.hasSuffix("ing"),
              tree.dependents(v, ["nsubj", "nsubj:pass", "mark", "aux:pass", "obl:agent"]).isEmpty,
              !tree.dependents(v).contains(where: { d in tree.universal(d) == "obl" && tree.dependents(d, ["case"]).contains { words[$0].lower == "by" } })
        else { return [] }
        var changes: [(word: Int, head: Int?, relation: String)] = [(v, nil, "root"), (root, v, "nsubj")]
        for d in tree.dependents(root) where d > v { changes.append((d, v, tree.relation(d))) }
        return changes
    }

    /// "Fighting between Sudan and Chad resumed on Sunday.": a parser may read the gerund that
    /// opens the sentence as its root and the finite verb after its phrase as a clause under it.
    /// A gerund with no subject, auxiliary or marker of its own cannot head a sentence; the first
    /// verb after it (an `advcl`, `conj` or `parataxis` of it, not in "-ing", with no subject,
    /// marker or conjunction of its own) is the main verb, and the gerund its clausal subject.
    /// The gerund's dependents after that verb (the final period) move to the verb.
    static func gerundSubject(_ tree: DependencyTree, _ words: [Token]) -> [(word: Int, head: Int?, relation: String)] {
        let first = tree.tokens.lowerBound
        guard tree.contains(first), tree.head(first) == nil, tree.tag(first) == "VERB", words[first].lower.hasSuffix("ing"),
              tree.dependents(first, ["nsubj", "nsubj:pass", "csubj", "aux", "aux:pass", "cop", "mark"]).isEmpty,
              let v = tree.dependents(first).first(where: { d in
                  ["advcl", "conj", "parataxis"].contains(tree.universal(d)) && tree.tag(d) == "VERB" && !words[d].lower.hasSuffix("ing")
                      && tree.dependents(d, ["nsubj", "nsubj:pass", "csubj", "mark", "cc", "expl"]).isEmpty
              }) else { return [] }
        var changes: [(word: Int, head: Int?, relation: String)] = [(v, nil, "root"), (first, v, "csubj")]
        for d in tree.dependents(first) where d > v { changes.append((d, v, tree.relation(d))) }
        return changes
    }

    /// "France and a group called Vilnius Forum condemned Russia.": a parser may read the
    /// participle of naming as the sentence's verb, with the noun before it as its subject and
    /// the real verb after the name as its complement. A participle of naming ("called",
    /// "dubbed") right after a noun and followed by a name describes that noun; so the verb
    /// right after the name (not in "-ing", with no subject of its own) is the main verb, the
    /// participle a clause of the noun, and the participle's other subjects and final
    /// punctuation the verb's; after a conjunction the noun is the first subject's last conjunct.
    static func namingParticiple(_ tree: DependencyTree, _ words: [Token], _ naming: Set<String>) -> [(word: Int, head: Int?, relation: String)] {
        guard let w = tree.tokens.first(where: { tree.head($0) == nil && tree.relation($0) == "root" }),
              tree.tag(w) == "VERB", naming.contains(words[w].lower), words[w].lower.hasSuffix("ed"),
              tree.contains(w - 1), tree.tag(w - 1) == "NOUN", tree.head(w - 1) == w, tree.relation(w - 1) == "nsubj",
              tree.dependents(w, ["aux", "aux:pass", "mark"]).isEmpty,
              let name = tree.dependents(w, ["obj", "xcomp"]).first(where: { $0 == w + 1 || ($0 > w && tree.leftmost($0) == w + 1) }),
              tree.tag(name) == "PROPN",
              let v = tree.dependents(w).first(where: { d in
                  d == tree.rightmost(name) + 1 && tree.tag(d) == "VERB" && !words[d].lower.hasSuffix("ing")
                      && ["xcomp", "ccomp", "conj", "parataxis", "advcl"].contains(tree.universal(d))
                      && tree.dependents(d, ["nsubj", "nsubj:pass", "mark", "cc"]).isEmpty
              }) else { return [] }
        let noun = w - 1
        var changes: [(word: Int, head: Int?, relation: String)] = [(v, nil, "root"), (w, noun, "acl")]
        // "France, Germany and a group called …": with a conjunction before it, the noun is the
        // last conjunct of the first subject.
        let first = tree.dependents(w, ["nsubj"]).min() ?? noun
        let joined = first < noun && tree.dependents(w, ["cc"]).contains { $0 > first && $0 < noun }
        for d in tree.dependents(w) where d != name && d != v {
            if tree.universal(d) == "nsubj" { changes.append(d == noun && joined ? (d, first, "conj") : (d, v, tree.relation(d))) }
            else if tree.relation(d) == "cc", d < noun { changes.append((d, noun, "cc")) }
            else if d > v { changes.append((d, v, tree.relation(d))) }
        }
        return changes
    }

    /// "Putin spoke by phone with Erdogan": a parser may hang the "with" phrase on "phone". A
    /// "by" phrase of an active clause (a verb with a subject and no passive auxiliary or
    /// passive subject) says how it was done, not who did it, and a "with" or "to" phrase
    /// under it belongs to the verb. The "by" phrase itself becomes a plain `obl`.
    static func meansPhrase(_ tree: DependencyTree, _ words: [Token]) -> [(word: Int, head: Int?, relation: String)] {
        var changes: [(word: Int, head: Int?, relation: String)] = []
        func marker(_ t: Int) -> String? { tree.dependents(t, ["case"]).first.map { words[$0].lower } }
        for v in tree.tokens where tree.tag(v) == "VERB" && !tree.dependents(v, ["nsubj"]).isEmpty
            && tree.dependents(v, ["aux:pass", "nsubj:pass", "csubj:pass"]).isEmpty {
            for by in tree.dependents(v) where tree.universal(by) == "obl" && marker(by) == "by" {
                // Only with such a phrase under it: a bare "by" phrase may still be an agent
                // ("with Russia condemned by the international community").
                let phrases = tree.dependents(by, ["nmod"]).filter { $0 > by && ["with", "to"].contains(marker($0) ?? "") }
                guard !phrases.isEmpty else { continue }
                if tree.relation(by) == "obl:agent" { changes.append((by, v, "obl")) }
                for n in phrases { changes.append((n, v, "obl")) }
            }
        }
        return changes
    }
}
