import Ontology

/// Constructions that find an argument outside the trigger's own clause: control, coordinated
/// verbs, relative clauses and participles.

/// "Putin invited Xi to visit Moscow": an infinitive (`xcomp`) under an object-control verb
/// (`cues.tsv` `control-object`) takes the verb's object as its subject; under any other verb
/// ("China offered to mediate"), the verb's subject.
struct ControlledSubject: ArgumentConstruction {
    let name = "control"
    let role = ArgumentRole.subject
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard c.tree.relation(trigger.head) == "xcomp", let verb = c.tree.head(trigger.head) else { return [] }
        if c.tokens[verb].is(.controlObject) {
            let objects = c.tree.dependents(verb, ["obj"]).flatMap { c.actors(at: $0) }
            if !objects.isEmpty { return objects }
        }
        return c.tree.dependents(verb, ["nsubj"]).flatMap { c.actors(at: $0) }
    }
}

/// "Russia attacked and occupied Ukraine": a coordinated verb without a subject of its own
/// shares the first verb's.
struct SharedSubject: ArgumentConstruction {
    let name = "shared-subject"
    let role = ArgumentRole.subject
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard c.tree.relation(trigger.head) == "conj", c.tree.dependents(trigger.head, ["nsubj", "nsubj:pass"]).isEmpty else { return [] }
        let first = c.tree.firstConjunct(trigger.head)
        return c.tree.dependents(first, ["nsubj"]).flatMap { c.actors(at: $0) }
    }
}

/// "Iran, which attacked Israel, …": a relative clause's verb whose subject is the relative
/// pronoun takes the noun the clause modifies.
struct RelativeClauseSubject: ArgumentConstruction {
    let name = "relative-clause"
    let role = ArgumentRole.subject
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard c.tree.relation(trigger.head) == "acl:relcl", let noun = c.tree.head(trigger.head) else { return [] }
        let pronouns = c.tree.dependents(trigger.head, ["nsubj"]).filter { c.tree.tag($0) == "PRON" }
        guard !pronouns.isEmpty else { return [] }
        return c.actors(at: noun)
    }
}

/// "Ukraine, attacked by Russia, …": a participle modifying an actor (`acl`) has that actor as
/// its patient.
struct ParticipleHead: ArgumentConstruction {
    let name = "participle-head"
    let role = ArgumentRole.object
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard trigger.isVerb, trigger.takesDirectObject, c.tree.relation(trigger.head) == "acl",
              trigger.form == .participle || trigger.form == .pastOrParticiple,
              let noun = c.tree.head(trigger.head) else { return [] }
        return c.actors(at: noun)
    }
}

/// "The G7 demanded that Iran cease its attacks": a verb whose object is a clause (`ccomp` with
/// "that") takes that clause's subject as its object, when the lexicon entry takes a direct one.
struct ComplementSubject: ArgumentConstruction {
    let name = "complement-subject"
    let role = ArgumentRole.object
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard trigger.isVerb, trigger.takesDirectObject else { return [] }
        return c.tree.dependents(trigger.head, ["ccomp"]).flatMap { clause in
            c.tree.dependents(clause, ["nsubj", "nsubj:pass"]).flatMap { c.actors(at: $0) }
        }
    }
}

/// "condemned the launch of a missile by North Korea", "condemns the Houthi missile attack": the
/// object of a verb is an event noun; the event's agent is the verb's object.
struct EventAgentObject: ArgumentConstruction {
    let name = "event-agent"
    let role = ArgumentRole.object
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard trigger.isVerb, trigger.takesDirectObject else { return [] }
        for event in c.tree.dependents(trigger.head, ["obj"]) where c.tokens[event].is([.agentNoun, .agentNounPlural]) {
            let agents = c.tree.dependents(event).filter { d in
                c.tree.relation(d) == "nmod:poss" || (c.tree.universal(d) == "nmod" && c.marker(of: d) == "by")
                    || ((c.tree.relation(d) == "amod" || c.tree.relation(d) == "compound") && c.actor(at: d) != nil)
            }.compactMap { c.actor(at: $0) }
            if !agents.isEmpty { return agents }
        }
        return []
    }
}
