import KnowledgeGraph
import Ontology

/// Polarity and modality of a trigger, with their scope taken from the tree: what is attached
/// to the trigger's clause, and what governs that clause.
///
/// - Negation: a `not`/`never`/`n't` dependent of the clause's verb; an infinitive or clause
///   under "refused to", "failed to" or a negating verb ("denied that", "rejected talks with").
/// - Modality: an auxiliary (`will` future, `would` conditional, `may`/`could` possible,
///   `should`/`must` intended), a governing "plans to"/"wants to" (`cues.tsv` `modality`), an
///   `if`/`unless` marker on the clause or on a clause it belongs to. Under an asserting-control
///   verb ("offered to mediate" is mediating) the relation stays asserted.
struct ClauseScope: Sendable {
    let negationWords: Set<String>
    /// "refused to", "failed to": a governing verb form followed by "to".
    let negatingControl: Set<String>
    let auxiliaries: [String: Modality]
    /// "plans to" → intended: a governing verb form followed by "to".
    let governing: [String: Modality]
    let conditionMarkers: Set<String>
    /// Asserting-control verb forms by relation.
    let asserting: [String: Set<String>]
    /// "did not respond but accused …": a verb coordinated by these (`cues.tsv`
    /// contrast-conjunction) keeps none of the first verb's negation or modality.
    let contrastConjunctions: Set<String>

    init(ontology: Ontology, asserting: [String: Set<String>]) {
        var negationWords = Set<String>(), negatingControl = Set<String>()
        for c in ontology.cues("negation") {
            if c.words.count == 1 { negationWords.insert(c.words[0]) }
            if c.words.count == 2, c.words[1] == "to" { negatingControl.insert(c.words[0]) }
        }
        var aux: [String: Modality] = [:], governing: [String: Modality] = [:], markers = Set<String>()
        for c in ontology.cues("modality") {
            guard let m = Modality(rawValue: c.value) else { continue }
            if c.words.count == 1 {
                if m == .conditional && ["if", "unless"].contains(c.words[0]) { markers.insert(c.words[0]) } else { aux[c.words[0]] = m }
            } else if c.words.count == 2, c.words[1] == "to" || c.words[1] == "for" {
                governing[c.words[0]] = m
            }
        }
        self.negationWords = negationWords
        contrastConjunctions = Set(ontology.cues("contrast-conjunction").map { $0.words.joined(separator: " ") })
        self.negatingControl = negatingControl
        auxiliaries = aux
        self.governing = governing
        conditionMarkers = markers
        self.asserting = asserting
    }

    /// Whether a negation ("not", "never", "n't") hangs on verb `v`.
    func isNegated(_ v: Int, in c: ConstructionContext) -> Bool {
        c.tree.dependents(v).contains { negates($0, in: c) }
    }

    /// Whether dependent `d` negates its head ("not only … but also" adds, it does not negate).
    private func negates(_ d: Int, in c: ConstructionContext) -> Bool {
        let w = c.word(d), r = c.tree.universal(d)
        let notOnly = w == "not" && c.tree.contains(d + 1) && c.word(d + 1) == "only"
        return (r == "advmod" || r == "aux" || r == "neg") && negationWords.contains(w) && !notOnly
    }

    /// The polarity and modality of `trigger` in `c`'s tree.
    func scope(of trigger: TriggerSite, relation: String, in c: ConstructionContext) -> (negated: Bool, modality: Modality) {
        let t = c.tree
        // The clause: a noun trigger's clause is the verb it is an argument of ("held talks").
        var clause = trigger.head
        // ("suspended some of its funding": the noun of a quantity word's "of" phrase is as much
        // the verb's object as the quantity.)
        var argument = trigger.head
        if !trigger.isVerb, t.universal(argument) == "nmod", c.marker(of: argument) == "of", let q = t.head(argument),
           c.knowledge.quantityWords.contains(c.word(q)) {
            argument = q
        }
        if !trigger.isVerb, let h = t.head(argument), ["obj", "nsubj:pass", "obl"].contains(t.relation(argument)) { clause = h }
        // "cancelled its agreement with France", "cut its cooperation with": a negating verb's
        // object event did not happen (the clause walk below starts above that verb).
        var negated = !trigger.isVerb && clause != trigger.head && t.relation(argument) == "obj" && c.tokens[clause].is(.negatingVerb)
        var modality = Modality.asserted
        // "called for talks between A and B": an event asked for is not yet held.
        if !trigger.isVerb, clause != trigger.head, t.universal(trigger.head) == "obl",
           t.dependents(trigger.head, ["case"]).contains(where: { c.word($0) == "for" }), let m = governing[c.word(clause)] {
            modality = m
        }
        func look(at v: Int) {
            for d in t.dependents(v) {
                let w = c.word(d), r = t.universal(d)
                if negates(d, in: c) { negated = true }
                if r == "aux", let m = auxiliaries[w], modality == .asserted { modality = m }
                if r == "mark", conditionMarkers.contains(w) { modality = .conditional }
            }
        }
        look(at: clause)
        // A speech act the parser joined to the reported clause is the reporting verb's conjunct:
        // its scope is that verb's ("said the bloc was ready to act and called on Iran to …" is
        // not made intended by "ready to").
        if let reporting = SharedSubject.reportingVerb(joining: trigger, in: c) {
            clause = reporting
            look(at: clause)
        }
        // Up the clauses it belongs to: infinitives, complements, coordinated verbs, adverbial clauses.
        var k = clause
        var steps = 0
        while let h = t.head(k), steps < 6 {
            let r = t.relation(k)
            let governor = c.word(h)
            switch t.universal(k) {
            case "xcomp":
                if negatingControl.contains(governor) { negated = true }
                // An infinitive hung on the verb but completing its object noun ("approved the bid to join").
                if let noun = c.intentNoun(of: h, before: k), let m = governing[c.word(noun)], modality == .asserted { modality = m }
                if asserting[relation]?.contains(governor) == true {
                    // "offered to mediate" is mediating.
                } else if modality == .asserted, let m = intention(of: h, c) {
                    modality = m
                }
                if c.tokens[h].is(.negatingVerb) { negated = true }
                look(at: h)
            case "acl":
                // "Sweden's bid to join": a noun of intent makes its complement intended.
                if let m = governing[governor], modality == .asserted { modality = m }
            case "ccomp":
                // "denied that X attacked": a denial negates its clause; reporting leaves it as it is.
                if c.tokens[h].is(.negatingVerb) { negated = true }
            case "conj":
                if !t.dependents(k, ["cc"]).contains(where: { contrastConjunctions.contains(c.word($0)) }) { look(at: h) }
            case "advcl":
                if t.dependents(k, ["mark"]).contains(where: { conditionMarkers.contains(c.word($0)) }) { modality = .conditional }
                // An infinitive hung on the verb but completing its object noun ("support the bid to join").
                if t.dependents(k, ["mark"]).contains(where: { c.word($0) == "to" }),
                   let noun = c.intentNoun(of: h, before: k), let m = governing[c.word(noun)], modality == .asserted { modality = m }
                // "urged Sudan to resume talks" read as an adverbial clause: an infinitive under a
                // verb of the governing kind is as intended as under `xcomp`.
                if t.dependents(k, ["mark"]).contains(where: { c.word($0) == "to" }), modality == .asserted,
                   asserting[relation]?.contains(governor) != true, let m = intention(of: h, c) {
                    modality = m
                }
            case "obj":
                // "rejected talks with": a negating verb's object event did not happen.
                if c.tokens[h].is(.negatingVerb) { negated = true }
            default:
                break
            }
            // A participle describing a noun tells of an event as given, whatever the clause says
            // of the noun: "agreed to reopen the border after talks mediated by Togo" (held),
            // "did not attend the talks hosted by Qatar" (hosted). An infinitive goes on: "refused
            // to back the bid to join".
            let participle = t.universal(k) == "acl" && !t.dependents(k, ["mark"]).contains { c.word($0) == "to" }
            if ["ccomp", "advcl", "parataxis", "root"].contains(String(t.universal(k))) || r == "acl:relcl" || participle { break }
            k = h
            steps += 1
        }
        return (negated, modality)
    }

    /// Whether `trigger` is in an infinitive that a verb of request only asks for ("urged Sudan
    /// to attack Chad", "called on the donors to provide aid to Yemen"), directly or through the
    /// clauses it belongs to: the asked party's act is no fact, and the appeal is the event.
    func isRequested(_ trigger: TriggerSite, in c: ConstructionContext) -> Bool {
        let t = c.tree
        var k = trigger.head
        if !trigger.isVerb, let h = t.head(k), ["obj", "nsubj:pass", "obl"].contains(t.relation(k)) { k = h }
        var steps = 0
        while let h = t.head(k), steps < 6 {
            let r = t.universal(k)
            let infinitive = r == "xcomp" || (r == "advcl" && t.dependents(k, ["mark"]).contains { c.word($0) == "to" })
            if infinitive, c.tokens[h].is(.requestVerb) { return true }
            guard infinitive || r == "conj" else { return false }
            k = h
            steps += 1
        }
        return false
    }

    /// The modality a governing verb gives the infinitive under it: its `cues.tsv` `modality`
    /// ("plans to" intended), else intended under an object-control verb ("urged Sudan to
    /// attack Chad": what one is urged, asked or invited to do is not yet done); nil for none.
    private func intention(of governor: Int, _ c: ConstructionContext) -> Modality? {
        // "prompted Riyadh to sever ties": a verb of causing says the infinitive happened.
        if c.knowledge.causeVerbs.contains(c.word(governor)) { return nil }
        return governing[c.word(governor)] ?? (c.tokens[governor].is(.controlObject) ? .intended : nil)
    }
}
