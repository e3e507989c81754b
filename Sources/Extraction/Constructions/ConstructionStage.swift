import KnowledgeGraph
import Ontology

/// The relation stage over the dependency parse: finds the lexicon's triggers in a sentence's
/// tree (a verb trigger only where the tagger says VERB, a noun trigger only on a noun or a
/// predicative adjective or participle, "is concerned over", "is troubled by", so "the talks"
/// and "the shelling" are not verbs), asks the registered constructions for each
/// trigger's subject and object, and gives the relations with the polarity and modality of
/// the trigger's clause.
struct ConstructionStage: Sendable {
    let scope: ClauseScope
    /// Place names (`places.tsv`, countries and seats), for towns an attack is aimed at.
    let places: EventSettingFinder

    /// - Parameter places: the extractor's place names (built from the ontology when nil).
    init(knowledge: Knowledge, places: EventSettingFinder? = nil) {
        scope = ClauseScope(ontology: knowledge.ontology, asserting: knowledge.assertingControl)
        self.places = places ?? EventSettingFinder(ontology: knowledge.ontology)
    }

    /// The towns of sentence `s` that no mention covers, by each of their tokens, as arguments
    /// standing for their country ("shelled Kharkiv": Ukraine). Only a capitalized run that is
    /// the whole name (no capitalized word or "'s" next to it) counts, and only
    /// `PlaceOfObject` reads them.
    func towns(in analysis: DocumentAnalysis, sentence s: Int) -> [Int: ParsedArgument] {
        var out: [Int: ParsedArgument] = [:]
        for (r, place, key) in townNames(in: analysis, sentence: s) {
            guard let e = analysis.local(key: key), analysis.entities[e].type == .country else { continue }
            let m = Mention(range: r, entities: [e], kind: .name, locative: true,
                            note: analysis.trace ? "town '\(place.name)' of \(analysis.entities[e].label)" : "")
            for t in r { out[t] = ParsedArgument(entities: [e], mention: m, token: t) }
        }
        return out
    }

    /// The town names of sentence `s` that no mention covers, with their country's key.
    func townNames(in analysis: DocumentAnalysis, sentence s: Int) -> [(Range<Int>, Place, String)] {
        let range = analysis.sentences[s], tokens = analysis.tokens
        var out: [(Range<Int>, Place, String)] = []
        var i = range.lowerBound + 1
        while i < range.upperBound {
            defer { i += 1 }
            guard tokens[i].isCapitalized, !tokens[i - 1].isCapitalized || !tokens[i - 1].isWord,
                  let (r, place) = places.match(tokens, at: i, end: range.upperBound), let key = place.country,
                  !analysis.mentions[s].contains(where: { $0.range.overlaps(r) }) else { continue }
            if r.upperBound < range.upperBound, tokens[r.upperBound].isCapitalized || tokens[r.upperBound].norm == "'s" { continue }
            out.append((r, place, key))
            i = r.upperBound - 1
        }
        return out
    }

    /// Whether verb `t` in "-ing" has no subject, object or auxiliary and a prepositional phrase
    /// with one of `markers`.
    func isGerundNoun(_ t: Int, markers: [String], tree: DependencyTree, tokens: [Token]) -> Bool {
        tokens[t].lower.hasSuffix("ing") && tree.dependents(t, ["nsubj", "nsubj:pass", "obj", "aux", "aux:pass", "cop"]).isEmpty
            && tree.dependents(t).contains { d in
                ["obl", "nmod"].contains(tree.universal(d)) && tree.dependents(d, ["case"]).contains { markers.contains(tokens[$0].lower) }
            }
    }

    /// The triggers of the lexicon in the tree, longest first where two start on one token.
    func triggers(in tree: DependencyTree, tokens: [Token], knowledge: Knowledge) -> [TriggerSite] {
        var out: [TriggerSite] = []
        for t in tree.tokens where tokens[t].triggerList >= 0 {
            var found: [TriggerSite] = []
            for trig in knowledge.triggerLists[Int(tokens[t].triggerList)] {
                let entry = knowledge.lexicon[trig.entry]
                guard let end = trig.end(at: t, in: tokens, limit: tree.tokens.upperBound, filler: entry.pos == .verb) else { continue }
                // A noun phrase is headed by the word whose head lies outside it ("relief supplies",
                // "military aid"); a verb phrase by its verb, the first word.
                let span = t..<end
                let head = entry.pos == .noun ? span.first(where: { w in tree.head(w).map { !span.contains($0) } ?? true }) ?? t : t
                let tag = tree.tag(head)
                if entry.pos == .verb && tag != "VERB" { continue }
                // A noun entry is also a predicative adjective ("Kenya is concerned over ...",
                // "remained grateful to ..."), never an attributive one ("concerned citizens").
                // A gerund the parser read as a verb is the noun when it has no subject, object or
                // auxiliary of its own but a phrase the noun takes ("Fighting between the two armies
                // resumed", "Shelling of Kharkiv continued").
                if entry.pos == .noun && tag != "NOUN" && tag != "PROPN" && !tree.isPredicative(head)
                    && !(tag == "VERB" && isGerundNoun(head, markers: entry.objectMarkers, tree: tree, tokens: tokens)) { continue }
                found.append(TriggerSite(head: head, span: span, entry: entry, form: trig.form))
            }
            if let longest = found.map(\.span.count).max() { out += found.filter { $0.span.count == longest } }
        }
        // Verb-object frames ("expelled the Russian ambassador", "cut diplomatic ties with"): a
        // verb whose direct object ends in the frame's noun phrase; the span is the verb alone.
        // A predicative entry ("held Russia responsible"): a verb with the entry's word as its
        // secondary predicate (`xcomp`); its object is the verb's own.
        for t in tree.tokens where tree.tag(t) == "VERB" {
            guard let frames = knowledge.frames[tokens[t].lower] else { continue }
            // "suspended some of its funding": a quantity word's "of" phrase holds the noun.
            // A passive verb's object is its subject or, of a participle, the noun it describes
            // ("talks hosted by Qatar", "Talks were hosted by Qatar").
            let passiveObjects = tree.isPassiveParticiple(t, tokens) ? tree.head(t).map { [$0] } ?? [] : tree.dependents(t, ["nsubj:pass"])
            // (Or a conjunct of the object: "exchanged artillery and small-arms fire".)
            let direct = tree.dependents(t, ["obj"]) + passiveObjects
            let objects = (direct + direct.flatMap { tree.dependents($0, ["conj"]) }).flatMap { o in
                knowledge.quantityWords.contains(tokens[o].lower)
                    ? [o] + tree.dependents(o).filter { tree.universal($0) == "nmod" && tree.dependents($0, ["case"]).contains { tokens[$0].lower == "of" } }
                    : [o]
            }
            let predicates = tree.dependents(t, ["xcomp"])
            for frame in frames {
                if knowledge.lexicon[frame.entry].pos == .predicative {
                    guard let word = frame.rest.last, predicates.contains(where: { tokens[$0].lower == word }) else { continue }
                    out.append(TriggerSite(head: t, span: t..<(t + 1), entry: knowledge.lexicon[frame.entry], form: frame.form))
                    continue
                }
                guard let noun = frame.rest.last,
                      objects.contains(where: { o in
                          tokens[o].lower == noun && frame.rest.count - 1 <= o - tree.tokens.lowerBound
                              && frame.rest.dropLast().enumerated().allSatisfy { k, w in tokens[o - (frame.rest.count - 1) + k].lower == w }
                      }),
                      // (One frame per relation; a frame replaces the verb's own entry of it: "suspended a programme with".)
                      !out.contains(where: { $0.head == t && $0.entry.pos == .frame && $0.entry.relation == knowledge.lexicon[frame.entry].relation }) else { continue }
                // The frame is more specific than the verb alone ("returned the migrants").
                out.removeAll { $0.head == t && $0.span.count == 1 }
                out.append(TriggerSite(head: t, span: t..<(t + 1), entry: knowledge.lexicon[frame.entry], form: frame.form))
            }
        }
        return out
    }

    /// Whether the trigger is a verb that arranges an event for others, or a noun trigger the
    /// object of one ("Qatar and Egypt hosted talks", "… hosted": the hosts do not meet each other).
    func arrangedForOthers(_ trigger: TriggerSite, in c: ConstructionContext) -> Bool {
        if trigger.isVerb { return c.knowledge.arrangingVerbs.contains(c.tokens[trigger.head].lower) }
        guard c.tree.relation(trigger.head) == "obj", let verb = c.tree.head(trigger.head) else { return false }
        return c.knowledge.arrangingVerbs.contains(c.tokens[verb].lower)
    }

    /// The relations of sentence `s` of `analysis`, read from `tree`.
    func relations(in analysis: DocumentAnalysis, sentence s: Int, tree: DependencyTree) -> [FoundRelation] {
        var unused: [String]? = nil
        return relations(in: analysis, sentence: s, tree: tree, misses: &unused)
    }

    /// The same, noting in `misses` (when not nil) each trigger that gave nothing and which
    /// argument it lacked, for `kg explain`.
    func relations(in analysis: DocumentAnalysis, sentence s: Int, tree: DependencyTree, misses: inout [String]?) -> [FoundRelation] {
        let sites = triggers(in: tree, tokens: analysis.tokens, knowledge: analysis.knowledge)
        // Towns matter only to a relation done to places.
        let towns = sites.contains { analysis.knowledge.onPlaceRelations.contains($0.entry.relation) } ? towns(in: analysis, sentence: s) : [:]
        let context = ConstructionContext(tree: tree, mentions: analysis.mentions[s], tokens: analysis.tokens, knowledge: analysis.knowledge,
                                          eventAgents: analysis.eventAgents,
                                          latestActAgents: analysis.latestAct.flatMap { $0.sentence >= s - 1 ? $0.agents : nil } ?? [],
                                          entities: analysis.entities, towns: towns)
        var out: [FoundRelation] = []
        for trigger in sites {
            // "urged Sudan to attack Chad": what is only asked for gives no triple.
            if scope.isRequested(trigger, in: context) {
                analysis.vetoedTriggers.insert(trigger.span.lowerBound)
                misses?.append("'\(trigger.span.map { analysis.tokens[$0].text }.joined(separator: " "))' \(trigger.entry.relation): only requested")
                continue
            }
            let (negated, modality) = scope.scope(of: trigger, relation: trigger.entry.relation, in: context)
            // "suspended some of its funding to Niger": an event the parse shows did not happen
            // gives no asserted triple, whatever arguments the pattern stage reads for it.
            if negated, !trigger.isVerb { analysis.vetoedTriggers.insert(trigger.span.lowerBound) }
            func emit(_ a: ParsedArgument, _ b: ParsedArgument, _ how: String, penalty: Double) {
                guard analysis.mentionsAllowed(trigger.entry.relation, subject: a.mention, object: b.mention) else { return }
                // "Armenia said Azerbaijani forces had attacked its positions": a pronoun that
                // would make the agent act on itself is the reporting speaker's.
                var b = b
                if b.mention.kind == .pronoun, !analysis.knowledge.isSymmetric(trigger.entry.relation), Set(b.entities) == Set(a.entities),
                   let speaker = Self.reportingSpeaker(of: trigger.head, in: context), !Set(speaker).isSubset(of: a.entities) {
                    b.entities = speaker
                }
                for x in a.entities {
                    // "Chile praised their joint work": a plural that includes the agent is
                    // the agent's own side, not a partner it acts on.
                    if b.entities.count > 1 && b.entities.contains(x) && a.mention.range != b.mention.range { continue }
                    for y in b.entities where x != y && analysis.typeAllowed(trigger.entry.relation, x, y) {
                        let lo = min(a.mention.range.lowerBound, b.mention.range.lowerBound, trigger.span.lowerBound)
                        let hi = max(a.mention.range.upperBound, b.mention.range.upperBound, trigger.span.upperBound)
                        let pronouns = [a, b].filter { $0.mention.kind == .pronoun || $0.mention.kind == .relative }.count
                        // (Of a symmetric relation both sides: "a trilateral call with A and B".)
                        analysis.resolvedTriggers[trigger.span.lowerBound, default: []].formUnion(analysis.knowledge.isSymmetric(trigger.entry.relation) ? [x, y] : [x])
                        if trigger.entry.pos == .frame { analysis.framedTriggers[trigger.span.lowerBound, default: []].insert(trigger.entry.relation) }
                        out.append(FoundRelation(subject: x, relation: analysis.relation(trigger.entry.relation, by: x), object: y,
                                                 negated: negated, modality: modality,
                                                 confidence: trigger.entry.confidence * penalty * (pronouns > 0 ? 0.9 : 1),
                                                 sentence: s, tokens: lo..<hi,
                                                 pattern: "\(how) \(trigger.entry.source) \(trigger.entry.words.joined(separator: " "))",
                                                 subjectRole: a.mention.role, objectRole: b.mention.role))
                    }
                }
            }
            // "talks between A and B": every pair of the coordination, for a symmetric relation
            // only ("a mediator between A and B" does not make A B's mediator: they are its objects).
            let pairs = analysis.knowledge.isSymmetric(trigger.entry.relation) ? BetweenPair().pairs(of: trigger, in: context) : []
            if pairs.count >= 2 {
                // Talks between others that someone only offers, asks for or plans ("offered to
                // facilitate talks between A and B", "called for talks between A and B") are not held.
                if modality == .intended || modality == .conditional || modality == .possible {
                    analysis.vetoedTriggers.insert(trigger.span.lowerBound)
                    continue
                }
                for (k, a) in pairs.enumerated() { for b in pairs[(k + 1)...] { emit(a, b, "between-pair", penalty: 0.95) } }
                continue
            }
            let what = "'\(trigger.span.map { analysis.tokens[$0].text }.joined(separator: " "))' \(trigger.entry.relation) (\(trigger.entry.source))"
            var onlyTargets = false
            guard let (subjectRule, subjects) = first(ConstructionRegistry.subjects, trigger, context, onlyTargets: &onlyTargets) else {
                // The parse names the verb's subject and it is no actor ("three Chinese companies
                // accused of supplying Russia", "the vessels blocked …"): the pattern stage's reading
                // of the trigger with another actor as its subject is dropped too.
                if trigger.isVerb, onlyTargets || subjectIsNoActor(trigger, in: context) { analysis.vetoedTriggers.insert(trigger.span.lowerBound) }
                // The nearest subject up the clauses, to say what was there instead of an actor.
                var k = trigger.head, steps = 0
                var near: Int? = nil
                while near == nil, steps < 6 {
                    near = tree.dependents(k, ["nsubj", "nsubj:pass"]).first
                    guard let h = tree.head(k) else { break }
                    k = h
                    steps += 1
                }
                let said = near.map { n in "; nearest subject '\(analysis.tokens[n].text)' (\(tree.relation(trigger.head)))" } ?? " (\(tree.relation(trigger.head)))"
                misses?.append("\(what): no subject found\(said)")
                continue
            }
            analysis.parsedSubjects[trigger.span.lowerBound, default: []].formUnion(subjects.flatMap(\.entities))
            // "North Korea launched a missile", "Estonia detained a Russian ship": "the launch", "the
            // detention" named later is this subject's act.
            if trigger.isVerb, !negated, modality == .asserted,
               let noun = analysis.knowledge.nominalizations[analysis.tokens[trigger.head].lower] {
                analysis.eventAgents[DocumentAnalysis.singular(noun)] = subjects.flatMap(\.entities)
            }
            // A deed, not a statement: "welcomed the move" is about what was done, not said.
            if trigger.isVerb, !negated, modality == .asserted, analysis.knowledge.materialRelations.contains(trigger.entry.relation) {
                analysis.latestAct = (s, subjects.flatMap(\.entities))
            }
            // "Armenia and Azerbaijan accused each other", "both sides blamed one another": a
            // reciprocal object makes each of the subjects act on each other one.
            if Self.hasReciprocalObject(trigger, in: context) {
                let each = subjects.flatMap { a in a.entities.map { e -> ParsedArgument in var p = a; p.entities = [e]; return p } }
                for a in each { for b in each where a.entities != b.entities { emit(a, b, "\(subjectRule)+reciprocal", penalty: 0.9) } }
                continue
            }
            guard let (objectRule, objects) = first(ConstructionRegistry.objects, trigger, context, onlyTargets: &onlyTargets) else {
                if !analysis.knowledge.isSymmetric(trigger.entry.relation) { misses?.append("\(what): no object found") }
                // "China and Russia met", "their cooperation": a symmetric relation between
                // coordinated subjects (or the actors one plural pronoun stands for) when it has no object.
                // "their ally" names a third party: its owners are not allies of each other.
                let thirdParty = subjectRule == "possessor" && analysis.tokens[trigger.head].is(.roleNoun)
                    || arrangedForOthers(trigger, in: context)
                if analysis.knowledge.isSymmetric(trigger.entry.relation), !thirdParty {
                    if subjects.count >= 2 || subjects.first.map({ $0.entities.count >= 2 }) == true {
                        analysis.coordinatedTriggers.insert(trigger.span.lowerBound)
                    }
                    if subjects.count >= 2 {
                        for (k, a) in subjects.enumerated() { for b in subjects[(k + 1)...] { emit(a, b, "\(subjectRule)+plural-subject", penalty: 0.95) } }
                    } else if let a = subjects.first, a.entities.count >= 2 {
                        for (k, x) in a.entities.enumerated() {
                            for y in a.entities[(k + 1)...] {
                                var p = a, q = a
                                p.entities = [x]; q.entities = [y]
                                emit(p, q, "\(subjectRule)+plural-subject", penalty: 0.9)
                            }
                        }
                    }
                }
                continue
            }
            for a in subjects {
                for b in objects where a.mention.range != b.mention.range {
                    emit(a, b, "\(subjectRule)+\(objectRule)", penalty: 1)
                }
            }
        }
        return out + ConsequenceThreat().relations(in: context, analysis: analysis, sentence: s, scope: scope)
            + ThankedAct().relations(in: context, analysis: analysis, sentence: s, scope: scope)
    }

    /// Whether the verb trigger's direct object is a reciprocal pronoun of two words ("each
    /// other", "one another": `cues.tsv` reciprocal), whichever word the parse made the object.
    static func hasReciprocalObject(_ trigger: TriggerSite, in c: ConstructionContext) -> Bool {
        guard trigger.isVerb else { return false }
        let pair = { (a: Int) in c.tree.contains(a) && c.tree.contains(a + 1) && c.knowledge.reciprocals.contains(c.word(a) + " " + c.word(a + 1)) }
        return c.tree.dependents(trigger.head, ["obj"]).contains { pair($0) || pair($0 - 1) }
    }

    /// The actors who report the clause of `t`: the subject of the verb its clause is the
    /// complement of ("Armenia said [Azerbaijan attacked …]"); nil for an unreported clause.
    static func reportingSpeaker(of t: Int, in c: ConstructionContext) -> [Int]? {
        var k = t
        var steps = 0
        while let h = c.tree.head(k), steps < 6 {
            if c.tree.universal(k) == "ccomp", c.tokens[h].is(.reporting) {
                let speakers = c.tree.dependents(h, ["nsubj"]).flatMap { c.actors(at: $0) }.flatMap(\.entities)
                return speakers.isEmpty ? nil : speakers
            }
            guard ["conj", "xcomp", "ccomp"].contains(c.tree.universal(k)) else { return nil }
            k = h
            steps += 1
        }
        return nil
    }

    /// Whether the parse gives verb trigger `trigger` a subject that is no actor: a common noun
    /// of its own clause that no mention covers, the object of the verb whose "of"/"for" clause
    /// it is when that object is no actor ("accused the businessman Ilan Shor of working with
    /// Russia"), or the noun an active participle modifies when it is no actor ("the businessman
    /// working with Russia"). (Subjects that are only a country's people or craft, which never
    /// act, are found by `first`.)
    func subjectIsNoActor(_ trigger: TriggerSite, in c: ConstructionContext) -> Bool {
        let uncovered = { (t: Int) in !c.mentions.contains(where: { $0.range.contains(t) }) && c.actors(at: t).isEmpty }
        for s in c.tree.dependents(trigger.head, ["nsubj"]) where c.tree.tag(s) == "NOUN" && uncovered(s) { return true }
        if c.tree.universal(trigger.head) == "advcl", let verb = c.tree.head(trigger.head), !c.tree.isPassive(verb),
           c.tree.dependents(trigger.head, ["mark"]).contains(where: { c.knowledge.objectClauseMarkers.contains(c.word($0)) }),
           c.tree.dependents(verb, ["obj"]).contains(where: { $0 < trigger.head && ["NOUN", "PROPN"].contains(c.tree.tag($0)) && uncovered($0) }) {
            return true
        }
        // "as fighting with M23 continues": a gerund after a conjunction of finite clauses is
        // that clause's subject, an act of nobody named.
        if trigger.form == .gerund, c.tree.dependents(trigger.head, ["mark"]).contains(where: { c.knowledge.finiteClauseMarkers.contains(c.word($0)) }) {
            return true
        }
        // "the businessman working with Russia": an active participle or gerund modifying a noun
        // that is no actor.
        if c.tree.universal(trigger.head) == "acl", !c.tree.isPassiveParticiple(trigger.head, c.tokens),
           !AdverbialClauseSubject.isCommaParticiple(trigger, in: c),
           c.tree.dependents(trigger.head, ["nsubj", "nsubj:pass"]).isEmpty, let noun = c.tree.head(trigger.head),
           ["NOUN", "PROPN"].contains(c.tree.tag(noun)), uncovered(noun) {
            return true
        }
        return false
    }

    /// The first construction of `list` that finds an actor, with what it found; `onlyTargets`
    /// is set when a construction found only a country's people or craft for the subject.
    private func first(_ list: [any ArgumentConstruction], _ trigger: TriggerSite, _ context: ConstructionContext,
                       onlyTargets: inout Bool) -> (String, [ParsedArgument])? {
        for c in list {
            // (People or craft of a country are only ever what an act is done to.)
            let raw = c.arguments(of: trigger, in: context)
            let found = raw.filter { c.role == .object || !$0.mention.target }
            if !found.isEmpty { return (c.name, found) }
            if !raw.isEmpty { onlyTargets = true }
        }
        return nil
    }
}

/// "talks between Armenia and Azerbaijan": a symmetric noun's `between` phrase names both sides.
struct BetweenPair {
    func pairs(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard !trigger.isVerb, trigger.entry.objectMarkers.contains("between") else { return [] }
        // "talks between A and B", "a cessation of hostilities between A and B" (on any word of
        // the trigger), "cooperation and coordination between A and B" (on a conjunct), "the
        // agreement reached between A and B" (on a participle describing it).
        var words = trigger.span.filter { c.tree.contains($0) }
        words += c.tree.conjuncts(trigger.head).filter { !trigger.span.contains($0) && c.tree.tag($0) == "NOUN" }
        words += c.tree.dependents(trigger.head, ["acl"]).filter { c.tree.tag($0) == "VERB" && c.tree.isPassiveParticiple($0, c.tokens) }
        let sides = words.flatMap { w in
            c.tree.dependents(w).filter { c.marker(of: $0) == "between" && !trigger.span.contains($0) }
        }.flatMap { c.actors(at: $0) }
        // "clashes between the two countries' troops": one phrase that stands for both sides.
        guard sides.count == 1, sides[0].entities.count >= 2 else { return sides }
        return sides[0].entities.map { e in var side = sides[0]; side.entities = [e]; return side }
    }
}
