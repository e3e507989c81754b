/// Repairs of misparses that no construction could read around, made once on each tree
/// before any construction reads it. Each is a shape English grammar rules out, so the repair
/// holds whatever the words are.
enum TreeRepair {
    /// The tree with the repairs made (the same tree when none applies).
    /// - Parameters:
    ///   - quantities: the nouns of quantity (`cues.tsv` `quantity`: "dozens", "hundreds").
    ///   - naming: the forms of the verbs of naming (`cues.tsv` `naming-verb`: "called", "dubbed").
    ///   - pastTense: the past tense forms that are no participle ("flew", "went").
    ///   - actors: the words of the sentence's actor mentions ("Afghan forces").
    static func repaired(_ tree: DependencyTree, words: [Token], quantities: Set<String>, naming: Set<String>,
                         pastTense: Set<String>, actors: Set<Int>) -> DependencyTree {
        var changes = namingParticiple(tree, words, naming)
        if changes.isEmpty { changes = headlineVerb(tree, words, pastTense, actors) }
        if changes.isEmpty { changes = verbAfterRelative(tree, words) }
        if changes.isEmpty { changes = relativeClauseHead(tree, words) }
        if changes.isEmpty { changes = verbAfterQuantity(tree, words, quantities) }
        if changes.isEmpty { changes = gerundSubject(tree, words) }
        changes += meansPhrase(tree, words)
        changes += nameBeforeTime(tree, words)
        changes += copulaOnVerb(tree, words)
        changes += unlikeConjunct(tree, words, pastTense)
        changes += verbJoinedToNoun(tree, words)
        changes += auxiliaryAsVerb(tree, words, pastTense)
        changes += possessorOfTheLastConjunct(tree, words, actors)
        changes += clauseAfterConjunction(tree, words)
        changes += subordinatorOnNoun(tree, words)
        changes += participleAfterBetween(tree, words)
        let out = changes.isEmpty ? tree : tree.reattaching(changes)
        // On the repaired tree: "Indian troops shelled Pakistani posts" has its verb only now.
        let second = listAfterObject(out, words) + bareNounOnVerb(out, words)
        return second.isEmpty ? out : out.reattaching(second)
    }

    /// "… thanked Malaysia, the United States and China for their efforts": a parser may read
    /// the second member of a list after a verb's object as a clause of its own (`parataxis`)
    /// or a phrase with no preposition (`obl`), with the rest of the list under it. A noun right
    /// after the object and a comma, that itself heads a list closed by "and" or "or", continues
    /// the object's list: it becomes the object's conjunct.
    static func listAfterObject(_ tree: DependencyTree, _ words: [Token]) -> [(word: Int, head: Int?, relation: String)] {
        var changes: [(word: Int, head: Int?, relation: String)] = []
        for t in tree.tokens where ["NOUN", "PROPN"].contains(tree.tag(t))
            && (tree.relation(t) == "parataxis" || (tree.relation(t) == "obl" && tree.dependents(t, ["case"]).isEmpty)) {
            guard let v = tree.head(t), tree.tag(v) == "VERB",
                  let object = tree.dependents(v, ["obj"]).first(where: { $0 < t }) else { continue }
            let comma = tree.rightmost(object) + 1
            guard words[comma].norm == ",", [comma, comma + 1].contains(tree.leftmost(t)),
                  tree.dependents(t, ["conj"]).contains(where: { c in
                      tree.dependents(c, ["cc"]).contains { ["and", "or"].contains(words[$0].lower) }
                  }) else { continue }
            changes += [(t, object, "conj"), (comma, t, "punct")]
        }
        return changes
    }

    /// "Israeli air strikes killed dozens of civilians", "Ukrainian drones struck a refinery": a
    /// parser may read the subject noun as the sentence's root and the verb after it as a
    /// participle describing it (`acl`) or a word before the object (`amod`), hanging the object
    /// on the noun. A past participle that describes a noun is passive and takes no direct
    /// object, and a noun takes none at all; so a root noun followed by a verb (not in "-ing",
    /// with no subject, marker or passive auxiliary of its own) with a direct object, its own or
    /// the noun's, is the main verb and the noun its subject. So is such a verb without an
    /// object when it is a past tense that is no participle ("drones flew to Kyiv"), or, in a
    /// sentence ending in a period, when the noun is a name or an actor and the verb has no "by"
    /// phrase ("Prime Minister Fils-Aime appealed to the Council.", "Afghan forces retaliated.").
    /// The dependents of the noun after the verb (the object, the final period) move to the verb.
    static func headlineVerb(_ tree: DependencyTree, _ words: [Token], _ pastTense: Set<String>, _ actors: Set<Int>) -> [(word: Int, head: Int?, relation: String)] {
        guard let root = tree.tokens.first(where: { tree.head($0) == nil && tree.relation($0) == "root" }),
              ["NOUN", "PROPN"].contains(tree.tag(root)) else { return [] }
        // After the noun, or after its last conjunct ("Ethiopian troops and Somali police clashed").
        var v = (tree.dependents(root, ["conj"]).last.map { tree.rightmost($0) } ?? root) + 1
        while tree.contains(v), tree.tag(v) == "ADV" { v += 1 }
        guard tree.contains(v), tree.tag(v) == "VERB", !words[v].lower.hasSuffix("ing"), ["acl", "amod"].contains(tree.relation(v)),
              tree.dependents(v, ["nsubj", "nsubj:pass", "mark", "aux:pass"]).isEmpty else { return [] }
        let later = tree.dependents(root).filter { $0 > v }
        let namedSubject = (tree.tag(root) == "PROPN" || actors.contains(root)
                            || tree.dependents(root, ["compound"]).contains { $0 == root - 1 && tree.tag($0) == "PROPN" })
            && tree.tokens.last.map({ words[$0].norm == "." && tree.head($0) == root }) == true
            && !hasAgentPhrase(v, tree, words)
        guard !tree.dependents(v, ["obj"]).isEmpty || later.contains(where: { tree.relation($0) == "obj" })
                || pastTense.contains(words[v].lower) || namedSubject else { return [] }
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

    /// "Somalia, which has accused Ethiopia of meddling, urged Kenya to stay neutral.": a parser
    /// may read the relative clause's verb as the sentence's root (the noun before it a
    /// vocative or a second subject) and the main verb after the closing comma as a clause
    /// under it. A relative word right after the comma that closes a sentence's opening noun
    /// phrase ("which", "who", "whose") opens a clause that describes that noun; so when the
    /// clause's head dominates the first verb after a later comma (after auxiliaries and
    /// adverbs; not in "-ing", with no subject, marker or conjunction of its own, and no "by"
    /// right after a bare participle), that verb is the main verb, the noun its subject and the
    /// clause's head a relative clause of the noun. The words after the clause that hung on it
    /// or on the noun (the final period) move to the verb.
    static func relativeClauseHead(_ tree: DependencyTree, _ words: [Token]) -> [(word: Int, head: Int?, relation: String)] {
        // The opening noun phrase: from the sentence's start (or a dateline's dash) to its first comma.
        let dash = tree.tokens.prefix(12).first { ["-", "–", "—"].contains(words[$0].norm) }
        let first = dash.map { $0 + 1 } ?? tree.tokens.lowerBound
        guard let opening = (first..<tree.tokens.upperBound).first(where: { words[$0].norm == "," }),
              opening > first, opening - first <= 8, tree.contains(opening + 1),
              ["which", "who", "whose"].contains(words[opening + 1].lower) else { return [] }
        let phrase = first..<opening
        let phraseHeads = phrase.filter { t in tree.tag(t) != "PUNCT" && !(tree.head(t).map(phrase.contains) ?? false) }
        guard phraseHeads.count == 1, let noun = phraseHeads.first, ["NOUN", "PROPN"].contains(tree.tag(noun)),
              !phrase.contains(where: { ["VERB", "AUX"].contains(tree.tag($0)) }) else { return [] }
        let relative = opening + 1
        for closing in (relative + 1)..<tree.tokens.upperBound where words[closing].norm == "," {
            let clause = relative..<closing
            let clauseHeads = clause.filter { t in t != relative && tree.tag(t) != "PUNCT" && !(tree.head(t).map(clause.contains) ?? false) }
            guard clauseHeads.count == 1, let head = clauseHeads.first else { continue }
            var v = closing + 1
            while tree.contains(v), ["AUX", "ADV"].contains(tree.tag(v)) || (tree.tag(v) == "PART" && words[v].lower != "to") { v += 1 }
            guard tree.contains(v), tree.tag(v) == "VERB", !words[v].lower.hasSuffix("ing"), tree.dominates(head, v),
                  tree.dependents(v, ["nsubj", "nsubj:pass", "csubj", "mark", "cc", "expl"]).isEmpty,
                  !(v == closing + 1 && tree.contains(v + 1) && words[v + 1].lower == "by") else { continue }
            let passive = !tree.dependents(v, ["aux:pass"]).isEmpty
            var changes: [(word: Int, head: Int?, relation: String)] = [
                (v, nil, "root"), (noun, v, passive ? "nsubj:pass" : "nsubj"), (head, noun, "acl:relcl"),
                (opening, head, "punct"), (closing, head, "punct"),
            ]
            // "which"/"who" hung outside the clause: the clause's subject when it has none; a
            // passive subject with no passive auxiliary ("which has accused") is an active one.
            if words[relative].lower != "whose", !(tree.head(relative).map(clause.contains) ?? false) {
                let subject = tree.dependents(head).contains { $0 != relative && tree.universal($0) == "nsubj" }
                changes.append((relative, head, subject ? "obj" : "nsubj"))
            } else if tree.head(relative) == head, tree.relation(relative) == "nsubj:pass", tree.dependents(head, ["aux:pass"]).isEmpty {
                changes.append((relative, head, "nsubj"))
            }
            for t in tree.tokens where t > closing && t != v {
                guard let h = tree.head(t) else { changes.append((t, v, "parataxis")); continue }
                if clause.contains(h) || h == noun { changes.append((t, v, tree.relation(t))) }
            }
            return changes
        }
        return []
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
              tree.dependents(v, ["nsubj", "nsubj:pass", "mark", "aux:pass"]).isEmpty, !hasAgentPhrase(v, tree, words)
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

    /// "Beijing accused Manila of provoking the incident and warned it against …", "appealed to
    /// the Council to turn the mission into an operation and thanked Kenya": a parser may join
    /// a verb in the past tense to the gerund or infinitive before it. Coordination joins like
    /// forms, and a past tense (in "-ed", not "-eed", or an irregular one) is neither; so such a
    /// conjunct, with no subject, auxiliary or marker of its own, joins the finite verb that
    /// governs the gerund or infinitive instead.
    static func unlikeConjunct(_ tree: DependencyTree, _ words: [Token], _ pastTense: Set<String>) -> [(word: Int, head: Int?, relation: String)] {
        var changes: [(word: Int, head: Int?, relation: String)] = []
        func nonFinite(_ v: Int) -> Bool {
            words[v].lower.hasSuffix("ing") || tree.dependents(v, ["mark"]).contains { words[$0].lower == "to" }
        }
        for c in tree.tokens where tree.tag(c) == "VERB" && tree.relation(c) == "conj" {
            let w = words[c].lower
            guard let h = tree.head(c), tree.tag(h) == "VERB", nonFinite(h),
                  (w.hasSuffix("ed") && !w.hasSuffix("eed") && w.count > 4) || pastTense.contains(w),
                  tree.dependents(c, ["nsubj", "nsubj:pass", "aux", "aux:pass", "mark", "cop"]).isEmpty else { continue }
            // Up from the gerund or infinitive to the finite verb that governs it.
            var k = h
            while nonFinite(k), ["xcomp", "advcl", "ccomp", "acl"].contains(tree.universal(k)) || tree.relation(k) == "conj",
                  let up = tree.head(k), tree.tag(up) == "VERB" { k = up }
            guard k != h, !nonFinite(k), k < c else { continue }
            changes.append((c, k, "conj"))
        }
        return changes
    }

    /// "Dhaka suspended a patrol programme with India and called on New Delhi to …": a parser
    /// may join the second verb to the first one's object noun (or to an adjective it reads as
    /// the verb's complement). Coordination joins like categories; so a verb (not in "-ing")
    /// joined by a conjunction to a noun or adjective, with no subject of its own and an
    /// object or oblique, joins the verb that word belongs to.
    static func verbJoinedToNoun(_ tree: DependencyTree, _ words: [Token]) -> [(word: Int, head: Int?, relation: String)] {
        var changes: [(word: Int, head: Int?, relation: String)] = []
        for c in tree.tokens where tree.tag(c) == "VERB" && tree.relation(c) == "conj" && !words[c].lower.hasSuffix("ing") {
            guard let n = tree.head(c), ["NOUN", "PROPN", "ADJ"].contains(tree.tag(n)), !tree.dependents(c, ["cc"]).isEmpty,
                  tree.dependents(c, ["nsubj", "nsubj:pass", "mark"]).isEmpty,
                  tree.dependents(c).contains(where: { ["obj", "obl", "xcomp", "ccomp"].contains(String(tree.universal($0))) }) else { continue }
            // Up from the noun through its phrases to its verb.
            var k = n
            while ["NOUN", "PROPN", "ADJ"].contains(tree.tag(k)), ["obj", "obl", "nmod", "conj", "xcomp"].contains(String(tree.universal(k))),
                  let up = tree.head(k) { k = up }
            guard tree.tag(k) == "VERB", k < n else { continue }
            changes.append((c, k, "conj"))
        }
        return changes
    }

    /// "Indian troops shelled Pakistani checkpoints": a parser may label a verb's object a noun
    /// modifier (`nmod`), a relation only nouns have. A noun right after a verb (after its
    /// determiners and modifiers) with that label and no preposition is the verb's object when
    /// the verb has none.
    static func bareNounOnVerb(_ tree: DependencyTree, _ words: [Token]) -> [(word: Int, head: Int?, relation: String)] {
        var changes: [(word: Int, head: Int?, relation: String)] = []
        for n in tree.tokens where ["NOUN", "PROPN"].contains(tree.tag(n)) && tree.relation(n) == "nmod" {
            guard let v = tree.head(n), v < n, tree.tag(v) == "VERB", tree.dependents(n, ["case"]).isEmpty,
                  tree.dependents(v, ["obj"]).isEmpty, tree.leftmost(n) == v + 1 else { continue }
            changes.append((n, v, "obj"))
        }
        return changes
    }

    /// "said Iran had not sent a single missile to Russia": a parser may read the auxiliary
    /// "have" as the clause's verb and the participle after it as its complement. A form of
    /// "have" with no object of its own, followed (after adverbs, "not" or quotation marks) by
    /// a verb it governs, with no subject or auxiliary of its own, that is not in "-ing" nor an
    /// irregular past tense, is that participle's auxiliary: the participle takes its place,
    /// and the auxiliary's other dependents (its subject) move to it.
    static func auxiliaryAsVerb(_ tree: DependencyTree, _ words: [Token], _ pastTense: Set<String>) -> [(word: Int, head: Int?, relation: String)] {
        for a in tree.tokens where tree.tag(a) == "VERB" && ["has", "have", "had"].contains(words[a].lower) {
            var p = a + 1
            while tree.contains(p), ["ADV", "PART", "PUNCT"].contains(tree.tag(p)), words[p].lower != "to" { p += 1 }
            let w = tree.contains(p) ? words[p].lower : ""
            guard tree.contains(p), tree.tag(p) == "VERB", tree.head(p) == a, ["xcomp", "ccomp", "obj"].contains(String(tree.universal(p))),
                  !w.hasSuffix("ing"), !pastTense.contains(w), tree.dependents(p, ["nsubj", "aux"]).isEmpty,
                  tree.dependents(a, ["obj"]).isEmpty else { continue }
            var changes: [(word: Int, head: Int?, relation: String)] = [(p, tree.head(a), tree.relation(a)), (a, p, "aux")]
            for d in tree.dependents(a) where d != p { changes.append((d, p, tree.relation(d))) }
            return changes
        }
        return []
    }

    /// "Pakistan and Afghanistan's Taliban government negotiated a ceasefire": a parser may read
    /// both names as the possessors of the noun. A singular noun that names an actor (a
    /// government, an army) belongs to one owner; so when "'s" follows only the last of two
    /// coordinated names, the noun is the second conjunct, with that name its possessor, and the
    /// first name takes the noun's place.
    static func possessorOfTheLastConjunct(_ tree: DependencyTree, _ words: [Token], _ actors: Set<Int>) -> [(word: Int, head: Int?, relation: String)] {
        for x in tree.tokens where tree.relation(x) == "nmod:poss" && tree.tag(x) == "PROPN" {
            guard let n = tree.head(x), n > x, actors.contains(n), ["NOUN", "PROPN"].contains(tree.tag(n)), !words[n].lower.hasSuffix("s"),
                  let y = tree.dependents(x, ["conj"]).last, y < n, tree.tag(y) == "PROPN",
                  let mark = tree.dependents(x, ["case"]).first(where: { words[$0].lower == "'s" || words[$0].norm == "'" }), mark == y + 1,
                  let cc = tree.dependents(y, ["cc"]).first, cc < y else { continue }
            return [(x, tree.head(n), tree.relation(n)), (n, x, "conj"), (y, n, "nmod:poss"), (mark, y, "case"), (cc, n, "cc")]
        }
        return []
    }

    /// "…, and the two governments signed a memorandum", "…, while Niger and Chad voiced
    /// support": a parser may hang the second clause's subject on the conjunction and read its
    /// verb as a participle describing the subject. A conjunction has no subject; so its
    /// subject's participle (not in "-ing", with no subject or marker of its own) is the verb of
    /// a clause joined to the sentence's main verb (a coordinating conjunction's as `conj`, a
    /// subordinating one's as `advcl`), with the conjunction, its subject and the comma before it.
    static func clauseAfterConjunction(_ tree: DependencyTree, _ words: [Token]) -> [(word: Int, head: Int?, relation: String)] {
        guard let main = tree.tokens.first(where: { tree.head($0) == nil && tree.tag($0) == "VERB" }) else { return [] }
        for c in tree.tokens where ["CCONJ", "SCONJ"].contains(tree.tag(c)) && c > main {
            guard let n = tree.dependents(c, ["nsubj", "nsubj:pass"]).first, n > c,
                  let v = tree.dependents(n, ["acl", "amod"]).first(where: { v in
                      v > n && tree.tag(v) == "VERB" && !words[v].lower.hasSuffix("ing")
                          && tree.dependents(v, ["nsubj", "nsubj:pass", "mark"]).isEmpty
                  }) else { continue }
            let coordinating = tree.tag(c) == "CCONJ"
            var changes: [(word: Int, head: Int?, relation: String)] = [(v, main, coordinating ? "conj" : "advcl"), (n, v, "nsubj"),
                                                                         (c, v, coordinating ? "cc" : "mark")]
            if tree.contains(c - 1), words[c - 1].norm == "," { changes.append((c - 1, v, "punct")) }
            return changes
        }
        return []
    }

    /// "imposed sanctions on Caracas, while Russia and China pledged support": a parser may hang
    /// the subordinator on the subject after it, read that subject (and its conjuncts) as
    /// conjuncts of a noun before the subordinator, and join the verb to the main verb. A noun
    /// takes a subordinator only as a predicate with a copula; so a subordinator on a noun
    /// conjunct after it, with no copula, opens the clause of the next verb joined to the main
    /// verb: the noun and the conjuncts after it that shared its head are the verb's subjects,
    /// and the clause modifies the main verb (`advcl`).
    static func subordinatorOnNoun(_ tree: DependencyTree, _ words: [Token]) -> [(word: Int, head: Int?, relation: String)] {
        guard let main = tree.tokens.first(where: { tree.head($0) == nil && tree.tag($0) == "VERB" }) else { return [] }
        for c in tree.tokens where tree.tag(c) == "SCONJ" && tree.relation(c) == "mark" && c > main {
            guard let n = tree.head(c), n > c, ["NOUN", "PROPN"].contains(tree.tag(n)), tree.relation(n) == "conj",
                  tree.dependents(n, ["cop"]).isEmpty, let old = tree.head(n), old < c,
                  let v = tree.dependents(main, ["conj", "parataxis"]).first(where: { v in
                      v > n && tree.tag(v) == "VERB" && !words[v].lower.hasSuffix("ing")
                          && tree.dependents(v, ["nsubj", "nsubj:pass", "mark"]).isEmpty
                  }) else { continue }
            var changes: [(word: Int, head: Int?, relation: String)] = [(v, main, "advcl"), (n, v, "nsubj"), (c, v, "mark")]
            for k in tree.dependents(old, ["conj"]) where k > n && k < v { changes.append((k, n, "conj")) }
            if tree.contains(c - 1), words[c - 1].norm == "," { changes.append((c - 1, v, "punct")) }
            return changes
        }
        return []
    }

    /// "talks between their defence ministers hosted by Malaysia": a parser may hang the
    /// participle on the last noun of the "between" phrase. What is hosted, mediated or brokered
    /// between two parties is the event, not one party; so a passive participle with a "by"
    /// agent that describes the noun of a noun's "between" phrase describes that noun.
    static func participleAfterBetween(_ tree: DependencyTree, _ words: [Token]) -> [(word: Int, head: Int?, relation: String)] {
        var changes: [(word: Int, head: Int?, relation: String)] = []
        for p in tree.tokens where tree.tag(p) == "VERB" && tree.relation(p) == "acl" && !words[p].lower.hasSuffix("ing") {
            guard let n = tree.head(p), n < p, tree.universal(n) == "nmod",
                  tree.dependents(n, ["case"]).contains(where: { words[$0].lower == "between" }),
                  let e = tree.head(n), tree.tag(e) == "NOUN", hasAgentPhrase(p, tree, words) else { continue }
            changes.append((p, e, "acl"))
        }
        return changes
    }

    /// "Putin is due to visit Turkey": a parser may read "due to" as a preposition of the
    /// verb and the copula as the verb's, or the subject as the head of the copula. A copula
    /// links a subject to a predicate that is neither a verb nor the subject itself; so an
    /// adjective right after a copula and before "to" and a verb ("due", "likely", "set") is the
    /// predicate and the verb its infinitive: the adjective takes the place of the copula's
    /// head, the subject, copula and auxiliaries before it move to it, "to" marks the verb, and
    /// a subject that was the head leaves the rest of its dependents after the copula to it.
    static func copulaOnVerb(_ tree: DependencyTree, _ words: [Token]) -> [(word: Int, head: Int?, relation: String)] {
        for cop in tree.tokens where tree.relation(cop) == "cop" {
            guard let h = tree.head(cop), let p = (cop + 1..<tree.tokens.upperBound).first(where: { tree.tag($0) != "ADV" }),
                  tree.tag(p) == "ADJ", h != p, tree.contains(p + 2), words[p + 1].lower == "to", tree.tag(p + 2) == "VERB" else { continue }
            let v = p + 2
            var changes: [(word: Int, head: Int?, relation: String)] = [(v, p, "xcomp"), (p + 1, v, "mark")]
            if h == v {
                changes.append((p, tree.head(v), tree.relation(v)))
                for d in tree.dependents(v) where d < p { changes.append((d, p, tree.relation(d))) }
            } else if ["NOUN", "PROPN", "PRON"].contains(tree.tag(h)), h < cop, tree.dominates(h, v) {
                changes += [(p, tree.head(h), tree.relation(h)), (h, p, "nsubj")]
                for d in tree.dependents(h) where d > h && ![p, p + 1, v].contains(d) { changes.append((d, p, tree.relation(d))) }
            } else {
                continue
            }
            return changes
        }
        return []
    }

    /// "Putin will visit Turkey next month": a parser may read the name before a phrase of time
    /// as a compound of its noun ("Turkey … month"). A compound stands right before its noun's
    /// adjectives and determiners, never before them; so a name that is a compound of a verb's
    /// object or bare oblique, with a determiner, number or adjective of that noun between them,
    /// is the verb's object (or, after a preposition, its oblique with that preposition), and
    /// the noun after it a bare oblique of time.
    static func nameBeforeTime(_ tree: DependencyTree, _ words: [Token]) -> [(word: Int, head: Int?, relation: String)] {
        var changes: [(word: Int, head: Int?, relation: String)] = []
        for d in tree.tokens where tree.tag(d) == "PROPN" && tree.relation(d) == "compound" {
            guard let noun = tree.head(d), noun > d, tree.tag(noun) == "NOUN", let v = tree.head(noun), tree.tag(v) == "VERB",
                  tree.dependents(noun).contains(where: { m in m > d && m < noun && ["amod", "det", "nummod"].contains(tree.relation(m)) }),
                  tree.leftmost(d) == d || tree.dependents(d).allSatisfy({ tree.relation($0) == "compound" }) else { continue }
            // "travel to Niamey next week": the preposition goes with the name.
            if tree.relation(noun) == "obl", let c = tree.dependents(noun, ["case"]).first(where: { $0 < d }) {
                changes += [(d, v, "obl"), (c, d, "case"), (noun, v, "obl:tmod")]
                continue
            }
            guard ["obj", "obl:unmarked", "obl:tmod"].contains(tree.relation(noun)),
                  !tree.dependents(v, ["obj"]).contains(where: { $0 != noun }) else { continue }
            changes.append((d, v, "obj"))
            if tree.relation(noun) == "obj" { changes.append((noun, v, "obl:tmod")) }
        }
        return changes
    }

    /// Whether verb `v` has an agent phrase: an `obl:agent`, or an oblique with "by".
    static func hasAgentPhrase(_ v: Int, _ tree: DependencyTree, _ words: [Token]) -> Bool {
        tree.dependents(v).contains { d in
            tree.relation(d) == "obl:agent" || (tree.universal(d) == "obl" && tree.dependents(d, ["case"]).contains { words[$0].lower == "by" })
        }
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
