/// Constructions of a noun that describes an actor: "Egypt, a close ally of Sudan,", "Norway, a
/// founding member of NATO,", "Qatar, a mediator between A and B,", and of a role noun's other
/// side (`cues.tsv` role-noun): "Turkey is a NATO member", "Russia is Serbia's ally", "Armenia
/// described France as a reliable partner". The noun is a lexicon trigger.

/// "Egypt, a close ally of Sudan, said …": a noun trigger in apposition to an actor describes
/// that actor, which is its agent (any noun trigger: "Qatar, a mediator between …").
struct AppositionSubject: ArgumentConstruction {
    let name = "apposition"
    let role = ArgumentRole.subject
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard !trigger.isVerb, c.tree.relation(trigger.head) == "appos", let head = c.tree.head(trigger.head), head < trigger.head else { return [] }
        return c.actors(at: head)
    }
}

/// "Russia is Serbia's closest ally", "Turkey, a NATO member,": a role noun that describes the
/// actor it is said of (by a copula or in apposition) has the other side as its owner, a
/// possessor or a name or demonym modifying it.
struct RoleOwnerObject: ArgumentConstruction {
    let name = "role-owner"
    let role = ArgumentRole.object
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard !trigger.isVerb, c.tokens[trigger.head].is(.roleNoun) else { return [] }
        // "Armenia described France as a reliable partner": the partner of the describer.
        if c.tree.universal(trigger.head) == "obl", c.marker(of: trigger.head) == "as", let verb = c.tree.head(trigger.head),
           c.tree.tag(verb) == "VERB", c.tree.dependents(verb, ["obj", "iobj"]).contains(where: { c.actor(at: $0) != nil }) {
            let owners = Possessor().arguments(of: trigger, in: c)
            return owners.isEmpty ? c.tree.dependents(verb, ["nsubj"]).flatMap { c.actors(at: $0) } : owners
        }
        guard !c.tree.dependents(trigger.head, ["cop"]).isEmpty || c.tree.relation(trigger.head) == "appos" else { return [] }
        let owners = Possessor().arguments(of: trigger, in: c)
        return owners.isEmpty ? ModifierAgent().arguments(of: trigger, in: c) : owners
    }
}
