import Ontology

/// Constructions of a verb trigger's own clause: subject, direct object, prepositional object,
/// and the passive's two arguments.

/// "Russia attacked Ukraine": the verb's `nsubj` is the agent. Also a copular noun trigger's
/// subject ("The United States is Israel's closest ally").
struct ClauseSubject: ArgumentConstruction {
    let name = "clause-subject"
    let role = ArgumentRole.subject
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        if !trigger.isVerb && c.tree.dependents(trigger.head, ["cop"]).isEmpty { return [] }
        return c.tree.dependents(trigger.head, ["nsubj"]).flatMap { c.actors(at: $0) }
    }
}

/// "Ukraine was attacked by Russia": the passive's `obl:agent` (or `by` phrase) is the agent.
struct PassiveAgent: ArgumentConstruction {
    let name = "passive-agent"
    let role = ArgumentRole.subject
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard trigger.isVerb else { return [] }
        return c.tree.dependents(trigger.head).filter { d in
            c.tree.relation(d) == "obl:agent" || (c.tree.universal(d) == "obl" && c.marker(of: d) == "by")
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
        let objects = c.tree.dependents(trigger.head, ["obj", "iobj"]).filter { !trigger.span.contains($0) }.flatMap { c.actors(at: $0) }
        if !objects.isEmpty { return objects }
        // "called on Iran": the trigger's own last word is the preposition of its object.
        guard trigger.span.count > 1 else { return [] }
        return c.tree.dependents(trigger.head).filter { d in
            ["obl", "nmod"].contains(c.tree.universal(d)) && c.tree.dependents(d, ["case"]).contains { trigger.span.contains($0) }
        }.flatMap { c.actors(at: $0) }
    }
}

/// "Ukraine was attacked by Russia": the passive's subject is the patient.
struct PassiveSubject: ArgumentConstruction {
    let name = "passive-subject"
    let role = ArgumentRole.object
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard trigger.isVerb, trigger.takesDirectObject else { return [] }
        return c.tree.dependents(trigger.head, ["nsubj:pass"]).flatMap { c.actors(at: $0) }
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
        var out: [ParsedArgument] = []
        for h in heads {
            for d in c.tree.dependents(h) where ["obl", "nmod"].contains(c.tree.universal(d)) && c.tree.relation(d) != "obl:agent" {
                guard let m = c.marker(of: d), markers.contains(m), !trigger.span.contains(d) else { continue }
                out += c.actors(at: d)
            }
        }
        return out
    }
}
