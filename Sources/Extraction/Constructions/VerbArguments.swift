import Ontology

/// Constructions of a verb trigger's own clause: subject, direct object, prepositional object,
/// and the passive's two arguments.

/// "Russia attacked Ukraine": the verb's `nsubj` is the agent. Also a copular noun trigger's
/// subject ("The United States is Israel's closest ally").
struct ClauseSubject: ArgumentConstruction {
    let name = "clause-subject"
    let role = ArgumentRole.subject
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        if !trigger.isVerb {
            // A copular noun or predicative adjective ("is an ally of", "is troubled by").
            guard !c.tree.dependents(trigger.head, ["cop"]).isEmpty || c.tree.isPredicative(trigger.head) else { return [] }
            return c.tree.dependents(trigger.head, ["nsubj", "nsubj:pass"]).flatMap { c.actors(at: $0) }
        }
        // A passive verb's subject is its patient, however it is labelled.
        if c.tree.isPassive(trigger.head, trigger: trigger.span) { return [] }
        // ("Thousands of protesters marched": a word of quantity stands for its "of" phrase.)
        return c.tree.dependents(trigger.head, ["nsubj"]).flatMap { c.quantifiedActors(at: $0) }
    }
}

/// "Ukraine was attacked by Russia": the passive's `obl:agent` (or `by` phrase) is the agent.
struct PassiveAgent: ArgumentConstruction {
    let name = "passive-agent"
    let role = ArgumentRole.subject
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard trigger.isVerb else { return [] }
        return c.tree.dependents(trigger.head).filter { d in
            (c.tree.relation(d) == "obl:agent" || (c.tree.universal(d) == "obl" && c.marker(of: d) == "by"))
                && !c.tree.dependents(d, ["case"]).contains { trigger.span.contains($0) }
        }.flatMap { c.actors(at: $0) }
    }
}

/// "Russia attacked Ukraine": the verb's `obj`, when the lexicon entry takes a direct object.
struct DirectObject: ArgumentConstruction {
    let name = "direct-object"
    let role = ArgumentRole.object
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard trigger.isVerb, trigger.takesDirectObject else { return [] }
        // A multi-word trigger ("cut ties with") has its own words as objects: skip them.
        // An "object" with a preposition of its own ("fought alongside Mali") is a misparsed
        // prepositional phrase: the lexicon frame decides those.
        let objects = c.tree.dependents(trigger.head, ["obj", "iobj"]).filter { o in
            !trigger.span.contains(o) && !c.tree.dependents(o).contains { $0 < o && c.tokens[$0].is(.preposition) && c.tree.universal($0) != "det" }
        }.flatMap { o -> [ParsedArgument] in
            c.quantifiedActors(at: o)
        }
        if !objects.isEmpty { return objects }
        // "called on Iran", "lifted sanctions on Venezuela": the trigger's own last word is the
        // preposition of its object, which hangs on the verb or on a noun of the trigger.
        guard trigger.span.count > 1 else { return [] }
        return trigger.span.filter { c.tree.contains($0) }.flatMap { w in
            c.tree.dependents(w).filter { d in
                !trigger.span.contains(d) && ["obl", "nmod"].contains(c.tree.universal(d))
                    && c.tree.dependents(d, ["case"]).contains { trigger.span.contains($0) }
            }
        }.flatMap { c.actors(at: $0, framed: true) }
    }
}

/// "Ukraine was attacked by Russia": the passive's subject is the patient (also when the parser
/// labels it `nsubj` under a verb with `aux:pass`).
struct PassiveSubject: ArgumentConstruction {
    let name = "passive-subject"
    let role = ArgumentRole.object
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard trigger.isVerb, trigger.takesDirectObject else { return [] }
        let subjects: Set<String> = c.tree.isPassive(trigger.head) ? ["nsubj:pass", "nsubj"] : ["nsubj:pass"]
        return c.tree.dependents(trigger.head, subjects).flatMap { c.actors(at: $0) }
    }
}

/// "Xi met with Putin", "Russia withdrew from Georgia": an `obl` (or `nmod`) whose preposition
/// is one the lexicon entry gives; for a multi-word trigger, also one attached to its last word.
struct PrepositionalObject: ArgumentConstruction {
    let name = "prepositional-object"
    let role = ArgumentRole.object
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        let markers = trigger.entry.objectMarkers.filter { !$0.isEmpty }
        guard trigger.isVerb, !markers.isEmpty else { return [] }
        var heads = [trigger.head]
        if trigger.span.count > 1 { heads += trigger.span.dropFirst().filter { c.tree.contains($0) } }
        // "discussed the war with the RSF": a phrase right after a direct object that is an event
        // noun taking that preposition itself is the noun's, wherever the parser hung it (not the
        // noun of a frame, whose phrase is the frame's; "between" names the parties of both:
        // "mediated talks between A and B").
        let frameNoun = trigger.entry.pos == .frame ? trigger.entry.words.last : nil
        let eventObjects = c.tree.dependents(trigger.head, ["obj"]).filter { !trigger.span.contains($0) && c.isEventNoun($0) && c.word($0) != frameNoun }
        return c.prepositionalDependents(of: heads, markers: markers, excluding: trigger.span).filter { d in
            !eventObjects.contains { o in
                c.tree.leftmost(d) == c.tree.rightmost(o) + 1 && c.marker(of: d).map { $0 != "between" && c.knowledge.startsNounTrigger(c.tokens[o], taking: $0) } == true
            }
        }.flatMap { c.actors(at: $0, framed: true) }
    }
}

/// "France donated vaccines to Mali", "Italy blamed the crisis on France": the entry's
/// prepositional phrase, which a parser often attaches to the verb's direct object rather than
/// to the verb. The lexicon's frame says where it belongs; "of" never leaves its noun.
struct ObjectAttachedPreposition: ArgumentConstruction {
    let name = "object-attached-preposition"
    let role = ArgumentRole.object
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        let markers = trigger.entry.objectMarkers.filter { !$0.isEmpty && $0 != "of" && $0 != "between" }
        guard trigger.isVerb, !markers.isEmpty else { return [] }
        // An event noun keeps its own phrase ("protested the war against Ukraine"), except the
        // noun of a frame, whose phrase is the frame's ("suspended cooperation with Ethiopia").
        let frameNoun = trigger.entry.pos == .frame ? trigger.entry.words.last : nil
        let objects = c.tree.dependents(trigger.head, ["obj"]).filter {
            !trigger.span.contains($0) && c.actor(at: $0) == nil && (!c.isEventNoun($0) || c.word($0) == frameNoun)
        }
        return c.prepositionalDependents(of: objects, markers: markers, excluding: trigger.span).flatMap { c.actors(at: $0, framed: true) }
    }
}

/// "Iranian drones struck an oil facility in Saudi Arabia", "missiles hit a hospital in Kyiv",
/// "Russia shelled Kharkiv", "M23's hostilities on Goma": for a relation whose act on a place is
/// done to the place's country (`kg.owl` `kg:onPlaceIn`), a direct object that is no actor and
/// its "in" phrase naming a state or a town, a town as the direct object, or a town in the
/// phrase of the trigger's own preposition ("withdrew from Kherson", "attacks on Goma") make
/// that state the object.
struct PlaceOfObject: ArgumentConstruction {
    let name = "place-of-object"
    let role = ArgumentRole.object
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard c.knowledge.onPlaceRelations.contains(trigger.entry.relation) else { return [] }
        guard trigger.isVerb else {
            // A noun's phrase of its entry ("attacks on Goma", "the shelling of Kharkiv").
            let markers = trigger.entry.objectMarkers.filter { !$0.isEmpty && $0 != "between" }
            // ("strikes on military sites in Syria": the state where the phrase's place lies.)
            return places(in: c.prepositionalDependents(of: [trigger.head], markers: markers, excluding: trigger.span), excluding: trigger.span, c)
        }
        // "withdrew its troops from Kherson", "fired at Kharkiv": a town in the phrase of the
        // entry's own preposition.
        let markers = trigger.entry.objectMarkers.filter { !$0.isEmpty }
        if !markers.isEmpty {
            let heads = [trigger.head] + c.tree.dependents(trigger.head, ["obj"]).filter { !trigger.span.contains($0) }
            // ("withdrew from two posts in Kyrgyzstan's Batken region": the state where the place
            // of the phrase lies.)
            let framed = places(in: c.prepositionalDependents(of: heads, markers: markers, excluding: trigger.span), excluding: trigger.span, c)
            if !framed.isEmpty { return framed }
        }
        guard trigger.takesDirectObject else { return [] }
        return placesOfObjects(of: trigger.head, excluding: trigger.span, c)
    }

    /// The towns of `phrases`, else the states where the places of those naming no actor lie.
    func places(in phrases: [Int], excluding span: Range<Int>, _ c: ConstructionContext) -> [ParsedArgument] {
        let towns = phrases.compactMap { town(at: $0, c) }
        if !towns.isEmpty { return towns }
        return states(in: phrases.filter { c.actor(at: $0) == nil }, excluding: span, c)
    }

    /// The towns among `verb`'s direct objects that name no actor, else the states those objects
    /// (or the verb) are said to be in ("bombed villages in northern Iraq").
    func placesOfObjects(of verb: Int, excluding span: Range<Int>, _ c: ConstructionContext) -> [ParsedArgument] {
        let objects = c.tree.dependents(verb, ["obj"]).filter { !span.contains($0) && c.actor(at: $0) == nil }
        let towns = objects.compactMap { town(at: $0, c) }
        if !towns.isEmpty { return towns }
        guard !objects.isEmpty else { return [] }
        return states(in: objects + [verb], excluding: span, c)
    }

    /// The states named (by name or seat) in the "in" (or "across", "throughout") phrases of
    /// `heads`, else their towns.
    func states(in heads: [Int], excluding span: Range<Int>, _ c: ConstructionContext) -> [ParsedArgument] {
        let phrases = c.prepositionalDependents(of: heads, markers: ["in", "across", "throughout"], excluding: span)
        let states = phrases.flatMap { c.actors(at: $0, framed: true) }.filter { a in a.mention.kind == .name || a.mention.kind == .seat }
        return states.isEmpty ? phrases.compactMap { town(at: $0, c) } : states
    }

    /// The town at `t`, or named by the place noun at `t` ("the city of Kharkiv", `cues.tsv`
    /// `place-noun`).
    func town(at t: Int, _ c: ConstructionContext) -> ParsedArgument? {
        if let town = c.towns[t] { return town }
        guard c.tokens[t].is(.placeNoun) else { return nil }
        return c.nounPhrases(of: t, "of").lazy.compactMap { c.towns[$0] }.first
    }
}

/// "Iran threatened to take countermeasures against Israel", "Turkey threatened to retaliate
/// against Greece": the infinitive of a threatening control verb (`cues.tsv` `threat-control`)
/// aimed `against` an actor, or an act of one ("against the drills of South Korea"), makes that
/// actor the threat's object.
struct ThreatTarget: ArgumentConstruction {
    let name = "threat-target"
    let role = ArgumentRole.object
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard trigger.isVerb, c.tokens[trigger.head].is(.threatControl) else { return [] }
        for x in c.tree.dependents(trigger.head, ["xcomp"]) {
            let heads = [x] + c.tree.dependents(x, ["obj"])
            let found = c.prepositionalDependents(of: heads, markers: ["against"], excluding: trigger.span).flatMap { c.actorsOrAgents(at: $0) }
            if !found.isEmpty { return found }
        }
        return []
    }
}

/// "Washington warned that it could suspend military cooperation with Addis Ababa", "Turkey
/// threatened that it would retaliate against Greece": a threat verb (`cues.tsv` `threat-clause`)
/// whose that-clause announces its own subject's act (a pronoun subject standing for the
/// threatener, a modal of what is to come) makes the act's target, after against or on (or with,
/// after a verb that ends it: `cues.tsv` `negating-verb`), the threat's object.
struct ThreatClauseTarget: ArgumentConstruction {
    let name = "threat-clause"
    let role = ArgumentRole.object
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard trigger.isVerb, c.knowledge.threatClauseVerbs.contains(c.word(trigger.head)) else { return [] }
        let threatener = Set(c.tree.dependents(trigger.head, ["nsubj"]).flatMap { c.actors(at: $0) }.flatMap(\.entities))
        guard !threatener.isEmpty else { return [] }
        for clause in c.tree.dependents(trigger.head, ["ccomp"]) {
            let own = c.tree.dependents(clause, ["nsubj"]).filter { c.tree.tag($0) == "PRON" }.flatMap { c.actors(at: $0) }
            guard !own.isEmpty, own.allSatisfy({ Set($0.entities) == threatener }),
                  c.tree.dependents(clause, ["aux"]).contains(where: { c.announces($0) })
            else { continue }
            let heads = [clause] + c.tree.dependents(clause, ["obj"])
            // "with" only after a verb that ends what follows ("suspend cooperation with"): "would
            // work with Germany" is no threat.
            let markers = c.knowledge.negatingVerbs.contains(c.word(clause)) ? ["against", "on", "with"] : ["against", "on"]
            let found = c.prepositionalDependents(of: heads, markers: markers, excluding: trigger.span).flatMap { c.actorsOrAgents(at: $0) }
            if !found.isEmpty { return found }
        }
        return []
    }
}

/// "the US-mediated talks", "a Qatar-brokered truce": an actor joined by a hyphen to a participle
/// is its agent.
struct HyphenAgent: ArgumentConstruction {
    let name = "hyphen-agent"
    let role = ArgumentRole.subject
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        let h = trigger.head
        // (The name is a modifier of the word it is joined to, which `actor(at:)` leaves out.)
        guard trigger.isVerb, c.tree.contains(h - 2), c.tokens[h - 1].norm == "-", !c.tokens[h - 1].spaceBefore, !c.tokens[h].spaceBefore,
              let m = c.mentions.first(where: { $0.range.contains(h - 2) && $0.range.upperBound == h - 1 }), m.kind == .name, !m.entities.isEmpty
        else { return [] }
        return [ParsedArgument(entities: m.entities, mention: m, token: h - 2)]
    }
}

/// "talks between Armenia and Azerbaijan, mediated by the United States", "the US-mediated talks
/// between A and B", "brokered a ceasefire between A and B": a verb whose lexicon entry names
/// "between" takes the sides of the event noun it describes or governs.
struct DescribedEventSides: ArgumentConstruction {
    let name = "described-event-sides"
    let role = ArgumentRole.object
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard trigger.isVerb, trigger.entry.objectMarkers.contains("between") else { return [] }
        // "The ceasefire between Israel and Lebanon was brokered by the US": a passive verb's
        // subject event with sides of its own.
        let subjectSides = c.tree.dependents(trigger.head, ["nsubj:pass"]).flatMap { noun in
            c.tree.dependents(noun).filter { c.marker(of: $0) == "between" }.flatMap { c.actors(at: $0) }
        }
        if !subjectSides.isEmpty { return subjectSides }
        // "Russia brokered a ceasefire between Armenia and Azerbaijan", "mediated the final round
        // of talks between the two leaders": the direct object's sides, also one "of" away.
        let objectSides = c.tree.dependents(trigger.head, ["obj"]).filter { c.actor(at: $0) == nil }.flatMap { noun in
            ([noun] + c.nounPhrases(of: noun, "of")).flatMap { c.nounPhrases(of: $0, "between") }.flatMap { c.actors(at: $0) }
        }
        if !objectSides.isEmpty { return objectSides }
        guard ["acl", "amod"].contains(c.tree.universal(trigger.head)), let noun = c.tree.head(trigger.head) else { return [] }
        let between = c.tree.dependents(noun).filter { c.marker(of: $0) == "between" }.flatMap { c.actors(at: $0) }
        if !between.isEmpty { return between }
        // "Saudi Arabia and the Houthis released 300 prisoners in an exchange brokered by Oman":
        // an event noun with no sides of its own, in a clause of two or more coordinated actors,
        // has them as its sides.
        guard c.isEventNoun(noun) || c.tokens[noun].is([.agentNoun, .agentNounPlural]), var verb = c.tree.head(noun) else { return [] }
        // "Thailand and Cambodia agreed to a ceasefire after talks hosted by Malaysia": a parser
        // may hang the event's phrase on the clause's oblique or object noun; the clause is that
        // noun's verb (not through "of": "the outcome of talks" is no event of the clause).
        if c.tree.universal(noun) == "nmod", c.marker(of: noun) != "of", ["obl", "obj"].contains(c.tree.universal(verb)),
           let v = c.tree.head(verb), c.tree.tag(v) == "VERB" {
            verb = v
        } else if !["obl", "obj"].contains(c.tree.universal(noun)) {
            return []
        }
        var sides = c.tree.dependents(verb, ["nsubj"]).flatMap { c.actors(at: $0) }
        // "Niger and Benin agreed to reopen the border after talks mediated by Togo": an
        // infinitive's sides are those who act in it.
        if sides.isEmpty { sides = ControlledSubject.agents(ofInfinitive: verb, in: c) }
        // "Cuba released prisoners under an agreement with the United States brokered by the
        // Vatican", "Saudi Arabia, which restored relations with Iran under a deal mediated by
        // China": the clause's subject (also through a relative pronoun) and the partner named
        // with "with" by the noun or by the clause.
        if c.isEventNoun(noun) {
            if sides.isEmpty { sides = RelativeClauseSubject().arguments(of: TriggerSite(head: verb, span: verb..<(verb + 1), entry: trigger.entry, form: .base), in: c) }
            if !sides.isEmpty {
                let own = c.withPhrase(of: noun)
                sides += own.isEmpty ? c.clausePartners(of: verb) : own
            }
        }
        return Set(sides.flatMap(\.entities)).count >= 2 ? sides : []
    }
}

/// "said he had spoken to the leaders of Ethiopia and Eritrea and offered to mediate", "urged
/// the two countries to settle the matter, and Brazil offered to mediate": a verb of mediation
/// (an entry that takes "between") with no object of its own mediates between the two or more
/// actors a clause coordinated with its own has as objects.
struct CoordinatedClauseSides: ArgumentConstruction {
    let name = "coordinated-clause-sides"
    let role = ArgumentRole.object
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard trigger.isVerb, trigger.entry.objectMarkers.contains("between"),
              c.tree.dependents(trigger.head).allSatisfy({ !["obj", "obl", "iobj"].contains(c.tree.universal($0)) }) else { return [] }
        // The clause: the verb, or the verb it completes ("offered to mediate").
        var clause = trigger.head
        if c.tree.relation(clause) == "xcomp", let h = c.tree.head(clause) { clause = h }
        var others = c.tree.dependents(clause, ["conj"])
        if c.tree.relation(clause) == "conj", let h = c.tree.head(clause) { others.append(h) }
        for other in others where c.tree.tag(other) == "VERB" {
            let sides = c.tree.dependents(other).filter { ["obj", "obl", "iobj"].contains(c.tree.universal($0)) }.flatMap { c.actors(at: $0) }
            if Set(sides.flatMap(\.entities)).count >= 2 { return sides }
        }
        return []
    }
}

extension ConstructionContext {
    /// The actors at `t`, or when `t` is a word of quantity or a collective (`cues.tsv` quantity)
    /// that is none, those of its "of" phrase, through nested ones: "dozens of Algerian
    /// civilians", "a convoy of Sudanese refugees", "hundreds of thousands of Afghan refugees".
    func quantifiedActors(at t: Int) -> [ParsedArgument] {
        var heads = [t]
        for _ in 0..<3 {
            let own = heads.flatMap { actors(at: $0) }
            guard own.isEmpty, heads.allSatisfy({ knowledge.quantityWords.contains(word($0)) }) else { return own }
            heads = heads.flatMap { nounPhrases(of: $0, "of") }
            if heads.isEmpty { return [] }
        }
        return heads.flatMap { actors(at: $0) }
    }
}
