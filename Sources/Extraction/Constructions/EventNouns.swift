import Ontology

/// Constructions of an event noun trigger ("invasion", "talks", "sanctions"): its agent as a
/// possessor, a modifier, a `by` phrase or the subject of a light verb; its patient as a
/// prepositional dependent.

/// "Russia's invasion of Ukraine": the noun's `nmod:poss` is the agent.
struct Possessor: ArgumentConstruction {
    let name = "possessor"
    let role = ArgumentRole.subject
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard !trigger.isVerb else { return [] }
        return c.tree.dependents(trigger.head, ["nmod:poss"]).flatMap { c.actors(at: $0) }
    }
}

/// "the Russian invasion of Ukraine", "US sanctions on Iran": an actor modifying the noun
/// (`amod` demonym, `compound` name) is the agent.
struct ModifierAgent: ArgumentConstruction {
    let name = "modifier-agent"
    let role = ArgumentRole.subject
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard !trigger.isVerb else { return [] }
        return c.tree.dependents(trigger.head, ["amod", "compound"]).filter { !trigger.span.contains($0) }.flatMap { c.actors(at: $0) }
    }
}

/// "the invasion of Ukraine by Russia": a `by` phrase of the noun (or of its "of" object) is
/// the agent.
struct NounAgent: ArgumentConstruction {
    let name = "noun-agent"
    let role = ArgumentRole.subject
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard !trigger.isVerb else { return [] }
        // "under the auspices of the AU", "with the mediation of Qatar": under such a phrase, an
        // "of" the entry does not take for its object names the agent.
        let framedAgent = MediatedClauseSides.framing.contains(c.marker(of: trigger.head) ?? "") && !trigger.entry.objectMarkers.contains("of")
        let own = c.tree.dependents(trigger.head).filter { d in
            c.tree.universal(d) == "nmod" && (c.marker(of: d) == "by" || (framedAgent && c.marker(of: d) == "of"))
        }.flatMap { c.actors(at: $0) }
        if !own.isEmpty { return own }
        // "the shelling of Indian villages by Pakistani troops": a parser may hang the "by"
        // phrase on the noun's "of" object; a patient has no agent of its own there.
        if trigger.entry.objectMarkers.contains("of") {
            let under = c.nounPhrases(of: trigger.head, "of").flatMap { c.nounPhrases(of: $0, "by") }.flatMap { c.actors(at: $0) }
            if !under.isEmpty { return under }
        }
        // "the sanctions imposed by Washington on Caracas": the agent of a light verb's
        // participle describing the noun (not of one that arranges the event for others:
        // "talks hosted by Qatar").
        return Self.participleAgents(Self.participles(of: trigger, in: c), in: c).flatMap { c.actors(at: $0) }
    }

    /// The agent phrases (`obl:agent`, or an `obl` with "by") of `participles`.
    static func participleAgents(_ participles: [Int], in c: ConstructionContext) -> [Int] {
        participles.flatMap { v in
            c.tree.dependents(v).filter { c.tree.relation($0) == "obl:agent" || (c.tree.universal($0) == "obl" && c.marker(of: $0) == "by") }
        }
    }

    /// The passive participles of light verbs that describe the noun trigger ("sanctions
    /// imposed by …", "aid sent by …"), not those of verbs that arrange an event for others.
    static func participles(of trigger: TriggerSite, in c: ConstructionContext) -> [Int] {
        c.tree.dependents(trigger.head, ["acl"]).filter { v in
            c.tokens[v].is(.lightVerb) && c.tree.isPassiveParticiple(v, c.tokens) && !c.knowledge.arrangingVerbs.contains(c.word(v))
        }
    }
}

/// "Xi held talks with Putin", "the EU imposed sanctions on Iran": a noun trigger that is the
/// object of a light verb (`cues.tsv`) takes the verb's subject as its agent.
struct LightVerbSubject: ArgumentConstruction {
    let name = "light-verb"
    let role = ArgumentRole.subject
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard !trigger.isVerb, let object = c.lightVerbObject(trigger.head, relation: trigger.entry.relation), let verb = c.tree.head(object) else { return [] }
        return Self.agents(of: verb, for: trigger, in: c)
    }

    /// The subject of `verb`, its own or the one it gets by control or coordination.
    static func agents(of verb: Int, for trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        let asVerb = TriggerSite(head: verb, span: verb..<(verb + 1), entry: trigger.entry.asVerb,
                                 form: c.word(verb).hasSuffix("ing") ? .gerund : .base)
        for s in [ClauseSubject(), PassiveAgent(), ControlledSubject(), SharedSubject(), RelativeClauseSubject(),
                  ParticipleSubject(), AdverbialClauseSubject(), NounComplementSubject()] as [any ArgumentConstruction] {
            let found = s.arguments(of: asVerb, in: c)
            if !found.isEmpty { return found }
        }
        return []
    }
}

/// "Hezbollah fought a war with Israel", "Ethiopia fought a two-year war against the TPLF": an
/// event noun that is the direct object of a verb of the same relation (its cognate object) is
/// that verb's act, and the verb's subject, its own or by control or coordination, is its agent.
struct CognateVerbSubject: ArgumentConstruction {
    let name = "cognate-verb"
    let role = ArgumentRole.subject
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard let verb = Self.verb(of: trigger, in: c) else { return [] }
        return LightVerbSubject.agents(of: verb, for: trigger, in: c)
    }

    /// The verb of the same relation whose direct object the noun trigger is.
    static func verb(of trigger: TriggerSite, in c: ConstructionContext) -> Int? {
        guard !trigger.isVerb, c.tree.relation(trigger.head) == "obj", let verb = c.tree.head(trigger.head),
              c.tree.tag(verb) == "VERB", c.tokens[verb].triggerList >= 0,
              c.knowledge.triggerLists[Int(c.tokens[verb].triggerList)].contains(where: {
                  let e = c.knowledge.lexicon[$0.entry]
                  return e.pos == .verb && $0.rest.isEmpty && e.relation == trigger.entry.relation
              }) else { return nil }
        return verb
    }
}

/// "Cuba freed prisoners under an agreement with the United States", "Iran agreed after talks
/// with the IAEA": an event noun whose entry takes "with", in a phrase that frames a clause
/// (`MediatedClauseSides.framing`) and with its "with" phrase naming an actor, is the act of
/// the clause's subject.
struct FramedEventSubject: ArgumentConstruction {
    let name = "framed-event"
    let role = ArgumentRole.subject
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard let verb = Self.framedClause(of: trigger, in: c),
              !c.withPhrase(of: trigger.head).isEmpty || !c.clausePartners(of: verb).isEmpty else { return [] }
        return LightVerbSubject.agents(of: verb, for: trigger, in: c)
    }

    /// The verb of the clause an event noun frames (`MediatedClauseSides.framing`), when its
    /// entry takes "with".
    static func framedClause(of trigger: TriggerSite, in c: ConstructionContext) -> Int? {
        guard !trigger.isVerb, trigger.entry.objectMarkers.contains("with"), c.tree.universal(trigger.head) == "obl",
              let marker = c.marker(of: trigger.head), MediatedClauseSides.framing.contains(marker),
              let verb = c.tree.head(trigger.head), c.tree.tag(verb) == "VERB" else { return nil }
        return verb
    }
}

/// "Saudi Arabia restored relations with Iran under a deal mediated by China": a framing event
/// noun without a partner of its own has the clause's ("relations with Iran").
struct FramedEventPartner: ArgumentConstruction {
    let name = "framed-event-partner"
    let role = ArgumentRole.object
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard let verb = FramedEventSubject.framedClause(of: trigger, in: c), c.withPhrase(of: trigger.head).isEmpty else { return [] }
        return c.clausePartners(of: verb)
    }
}

/// "Japan gave Ukraine military aid", "pledged 500 million dollars in aid to Ukraine": the
/// light verb's indirect object, or the entry's prepositional phrase on the light verb or on
/// the amount, is the event noun's object.
struct LightVerbRecipient: ArgumentConstruction {
    let name = "light-verb-recipient"
    let role = ArgumentRole.object
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard !trigger.isVerb, let object = c.lightVerbObject(trigger.head, relation: trigger.entry.relation), let verb = c.tree.head(object) else { return [] }
        let markers = trigger.entry.objectMarkers.filter { !$0.isEmpty && $0 != "between" && $0 != "of" }
        guard !markers.isEmpty else { return [] }
        if markers.contains("to") {
            let recipients = c.tree.dependents(verb, ["iobj"]).flatMap { c.actors(at: $0) }
            if !recipients.isEmpty { return recipients }
        }
        // (After the noun only: "On Peru, Chile imposed sanctions" names no object.)
        let heads = object == trigger.head ? [verb] : [verb, object]
        return c.prepositionalDependents(of: heads, markers: markers, excluding: trigger.span).filter { $0 > trigger.head }
            .flatMap { c.actors(at: $0, framed: true) }
    }
}

/// "the invasion of Ukraine", "sanctions on Iran", "talks with Putin": a prepositional dependent
/// of the noun whose preposition the lexicon entry gives (an `obl` of a predicative adjective:
/// "concerned over Iran's actions").
struct NounObject: ArgumentConstruction {
    let name = "noun-object"
    let role = ArgumentRole.object
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard !trigger.isVerb else { return [] }
        // ("between" names both sides of a symmetric relation (`BetweenPair`), but the objects of
        // another: "Egypt's mediation between Israel and Hamas".)
        let symmetric = c.knowledge.isSymmetric(trigger.entry.relation)
        let markers = trigger.entry.objectMarkers.filter { !$0.isEmpty && ($0 != "between" || !symmetric) }
        // (A predicate's phrase may be an `obl`: "…, of which Peru is a member".)
        let predicate = c.tree.isPredicative(trigger.head) || !c.tree.dependents(trigger.head, ["cop"]).isEmpty
        let own = c.prepositionalDependents(of: [trigger.head], markers: markers, excluding: trigger.span).filter { d in
            c.tree.universal(d) == "nmod" || predicate || c.tree.head(d) != trigger.head
        }.flatMap { c.actors(at: $0, framed: true) }
        if !own.isEmpty { return own }
        // "the sanctions imposed by Washington on Caracas": the phrase of a light verb's
        // participle describing the noun (or of its agent, where a parser may hang it).
        let participles = NounAgent.participles(of: trigger, in: c)
        let described = c.prepositionalDependents(of: participles + NounAgent.participleAgents(participles, in: c), markers: markers, excluding: trigger.span)
            .flatMap { c.actors(at: $0, framed: true) }
        if !described.isEmpty { return described }
        // "imposed sanctions on Iran", "fought a war with Israel": the noun's phrase, which a
        // parser often hangs on the light or cognate verb whose object the noun is.
        guard c.tree.relation(trigger.head) == "obj", let verb = c.tree.head(trigger.head),
              c.tokens[verb].is(.lightVerb) || CognateVerbSubject.verb(of: trigger, in: c) == verb else { return [] }
        return c.prepositionalDependents(of: [verb], markers: markers, excluding: trigger.span).filter { $0 > trigger.head }
            .flatMap { c.actors(at: $0, framed: true) }
    }
}

extension LexiconEntry {
    /// The same entry read as a verb (for a light verb's clause).
    var asVerb: LexiconEntry {
        var e = self
        e.pos = .verb
        return e
    }
}

/// "A Turkish drone strike killed three fighters", "Russia's shelling hit Kharkiv": a verb whose
/// subject is an event noun of the same relation takes the noun's agent (possessor, demonym or
/// name modifier, `by` phrase) as its own.
struct EventSubject: ArgumentConstruction {
    let name = "event-subject"
    let role = ArgumentRole.subject
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard trigger.isVerb, !c.tree.isPassive(trigger.head, trigger: trigger.span) else { return [] }
        for n in c.tree.dependents(trigger.head, ["nsubj"]) where c.actor(at: n) == nil && c.isEventNoun(n) {
            guard let same = c.knowledge.triggerLists[Int(c.tokens[n].triggerList)].first(where: {
                let e = c.knowledge.lexicon[$0.entry]
                return e.pos == .noun && $0.rest.isEmpty && e.relation == trigger.entry.relation
            }) else { continue }
            // The noun's own agent: its possessor, modifier or `by` phrase. (A city or seat before
            // the noun says where it struck: "the Tehran airstrike".)
            let noun = TriggerSite(head: n, span: n..<(n + 1), entry: c.knowledge.lexicon[same.entry], form: .noun)
            for s in [Possessor(), ModifierAgent(), NounAgent()] as [any ArgumentConstruction] {
                let found = s.arguments(of: noun, in: c).filter { !(s is ModifierAgent) || $0.mention.kind != .seat }
                if !found.isEmpty { return found }
            }
        }
        return []
    }
}

/// "Israeli strikes hit towns in southern Lebanon", "Russian missiles hit Kharkiv": an event
/// noun of a relation done to places (`kg.owl` `kg:onPlaceIn`) that is the subject of a verb of
/// impact (`cues.tsv` `impact-verb`) is done to the verb's direct object: an actor, a town, or
/// the state its "in" ("across", "throughout") phrase names. The verb alone says nothing
/// ("sanctions hit the economy"). (A verb of impact that is a trigger itself, "struck", lends
/// the noun's agent to its own reading instead: `EventSubject`.)
struct ImpactObject: ArgumentConstruction {
    let name = "impact-object"
    let role = ArgumentRole.object
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard !trigger.isVerb, c.knowledge.onPlaceRelations.contains(trigger.entry.relation),
              c.tree.universal(trigger.head) == "nsubj", let verb = c.tree.head(trigger.head),
              c.tokens[verb].is(.impactVerb), c.tree.tag(verb) == "VERB", !c.tree.isPassive(verb) else { return [] }
        let actors = c.tree.dependents(verb, ["obj"]).flatMap { c.quantifiedActors(at: $0) }
        return actors.isEmpty ? PlaceOfObject().placesOfObjects(of: verb, excluding: trigger.span, c) : actors
    }
}

/// "Israel's strike drew criticism from Egypt", "Peru faced condemnation from Chile": an event
/// noun that is the object of a verb of eliciting (`cues.tsv` `elicit-verb`) has its agent in a
/// `from` phrase of the noun or the verb.
struct ElicitedAgent: ArgumentConstruction {
    let name = "elicited-agent"
    let role = ArgumentRole.subject
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard let verb = ElicitedTarget.elicitingVerb(of: trigger, in: c) else { return [] }
        return c.prepositionalDependents(of: [trigger.head, verb], markers: ["from"], excluding: trigger.span).flatMap { c.actors(at: $0, framed: true) }
    }
}

/// The same event's patient: the eliciting verb's subject (or, for a participle or conjunct
/// without one, its clause's), or whose it is ("Israel's strike").
struct ElicitedTarget: ArgumentConstruction {
    let name = "elicited-target"
    let role = ArgumentRole.object
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard let verb = Self.elicitingVerb(of: trigger, in: c) else { return [] }
        // "North Korea fired a missile, drawing condemnation from Japan", "… and drew
        // condemnation": a participle or a conjunct without a subject of its own draws it on the
        // subject of the clause it belongs to.
        var clause = verb
        if c.tree.dependents(verb, ["nsubj", "nsubj:pass"]).isEmpty, ["advcl", "conj"].contains(c.tree.universal(verb)), let h = c.tree.head(verb) {
            clause = h
        }
        for n in c.tree.dependents(clause, ["nsubj"]) {
            let found = c.actors(at: n)
            if !found.isEmpty { return found }
            let author = c.author(of: n)
            if !author.isEmpty { return author }
        }
        return []
    }

    /// The verb of eliciting whose direct object the noun trigger is.
    static func elicitingVerb(of trigger: TriggerSite, in c: ConstructionContext) -> Int? {
        guard !trigger.isVerb, c.tree.relation(trigger.head) == "obj", let verb = c.tree.head(trigger.head),
              c.tokens[verb].is(.elicitVerb) else { return nil }
        return verb
    }
}

/// "Turkey offered to act as a mediator between Russia and Ukraine", "Norway served as
/// mediator": a noun trigger in the "as" phrase of a verb has the verb's subject as its agent,
/// or the agent a control verb gives the verb ("offered to act").
struct RoleAsSubject: ArgumentConstruction {
    let name = "role-as"
    let role = ArgumentRole.subject
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard !trigger.isVerb, c.tree.universal(trigger.head) == "obl", c.marker(of: trigger.head) == "as",
              let verb = c.tree.head(trigger.head), c.tree.tag(verb) == "VERB" else { return [] }
        // "described France as a reliable partner", "named Qatar as mediator": the phrase says
        // what the verb's object is.
        let objects = c.tree.dependents(verb, ["obj", "iobj"]).flatMap { c.actors(at: $0) }
        if !objects.isEmpty { return objects }
        let own = c.tree.dependents(verb, ["nsubj"]).flatMap { c.actors(at: $0) }
        if !own.isEmpty { return own }
        return ControlledSubject.agents(ofInfinitive: verb, in: c)
    }
}

/// "With Qatari mediation, Israel and Hamas agreed to a truce", "Under the auspices of the AU,
/// Ethiopia and Eritrea signed a deal": a noun of mediation (an entry that takes "between")
/// in an adverbial phrase of a clause has the clause's coordinated subject as its sides.
struct MediatedClauseSides: ArgumentConstruction {
    /// The prepositions of a phrase that frames a clause's event ("with Qatari mediation",
    /// "under the auspices of the AU").
    static let framing: Set<String> = ["with", "under", "through", "after", "via"]
    let name = "mediated-clause-sides"
    let role = ArgumentRole.object
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard !trigger.isVerb, trigger.entry.objectMarkers.contains("between"), ["obl", "nmod"].contains(c.tree.universal(trigger.head)),
              let marker = c.marker(of: trigger.head), Self.framing.contains(marker),
              var verb = c.tree.head(trigger.head) else { return [] }
        // Hung on the clause's oblique or object noun ("agreed to a truce under the mediation
        // of Qatar", "held talks under Turkey's mediation"): the clause is that noun's verb.
        if c.tree.universal(trigger.head) == "nmod" {
            guard ["obl", "obj"].contains(c.tree.universal(verb)), let v = c.tree.head(verb), c.tree.tag(v) == "VERB" else { return [] }
            verb = v
        }
        var sides = c.tree.dependents(verb, ["nsubj", "nsubj:pass"]).flatMap { c.actors(at: $0) }
        // "agreed to pull back their troops under Turkish mediation": those who act in the infinitive.
        if sides.isEmpty { sides = ControlledSubject.agents(ofInfinitive: verb, in: c) }
        return Set(sides.flatMap(\.entities)).count >= 2 ? sides : []
    }
}

