import KnowledgeGraph
import Ontology

/// Extraction over the dependency parse, as named constructions.
///
/// A trigger of the lexicon found in a sentence (`TriggerSite`) has an agent and a patient; each
/// `ArgumentConstruction` is one general rule of English that finds one of them at a place of
/// the tree ("the passive's agent is its `obl:agent`", "an object-control verb lends its object to
/// its infinitive"). `ConstructionRegistry` lists them in the order they are tried; the first that
/// finds an actor for a role wins, and the statement's `pattern` names the two that did, then the
/// lexicon line (`passive-agent+passive-subject lexicon.tsv:47 visit`).

/// Which argument of the relation a construction finds.
enum ArgumentRole: Sendable {
    /// The agent: the relation's subject.
    case subject
    /// The patient: the relation's object.
    case object
}

/// A trigger of the lexicon at a place of the tree.
struct TriggerSite: Sendable {
    /// The token that heads the trigger in the tree: a verb phrase's first word, a noun phrase's
    /// syntactic head ("supplies" of "relief supplies").
    let head: Int
    /// All the trigger's tokens.
    let span: Range<Int>
    let entry: LexiconEntry
    /// The form the trigger's first word has (a participle, a gerund, a noun, ...).
    var form: VerbForm = .base
    /// Whether the entry is a verb or a verb-object frame (else a noun).
    var isVerb: Bool { entry.pos != .noun }
    /// Whether the entry takes a direct object (`-` in the lexicon's object column).
    var takesDirectObject: Bool { entry.objectMarkers.contains("") }
}

/// An actor a construction found: the mention at that place of the tree and its entities.
struct ParsedArgument: Sendable {
    var entities: [Int]
    var mention: Mention
    /// The token the construction pointed at.
    var token: Int
}

/// One general rule that finds a trigger's subject or object in the tree.
protocol ArgumentConstruction: Sendable {
    /// The construction's name, which starts the `pattern` of every statement it finds.
    var name: String { get }
    var role: ArgumentRole { get }
    /// The actors this construction finds for `trigger`, empty when it does not apply.
    func arguments(of trigger: TriggerSite, in context: ConstructionContext) -> [ParsedArgument]
}

/// What constructions read: the sentence's tree and mentions, and the cues of the ontology.
struct ConstructionContext {
    let tree: DependencyTree
    let mentions: [Mention]
    let tokens: [Token]
    let knowledge: Knowledge
    /// The agents of events named in earlier sentences, by the event noun's singular ("launch").
    var eventAgents: [String: [Int]] = [:]
    /// The agents of the latest act told in this sentence or the one before ("the move").
    var latestActAgents: [Int] = []
    /// The document's entities (what a mention's entity indices point at).
    var entities: [Entity] = []
    /// Towns no mention covers, by token, as their country (`ConstructionStage.towns`).
    var towns: [Int: ParsedArgument] = [:]

    /// The actor whose mention holds token `t`, if any (a locative place or a hyphenated
    /// modifier is no argument).
    /// A place after a preposition is an actor only when the lexicon frame names that preposition
    /// (`framed`: "mediate in Sudan"); otherwise it says where ("met Xi in Beijing").
    func actor(at t: Int, framed: Bool = false) -> ParsedArgument? {
        guard let m = mentions.first(where: { $0.range.contains(t) }) else { return framed ? territoryOwner(t) : nil }
        guard !m.locative || framed, !m.modifier, !m.entities.isEmpty else { return nil }
        return ParsedArgument(entities: m.entities, mention: m, token: t)
    }

    /// A frame's place that is a state's territory named by its owner ("along its border with
    /// Ukraine", "near Ukraine's border", `cues.tsv` territory-noun): the state after "with" or
    /// "of", else a possessor that is a name ("its border" may be the actor's own).
    private func territoryOwner(_ t: Int) -> ParsedArgument? {
        guard tokens[t].is(.territoryNounStart) else { return nil }
        for d in tree.dependents(t) where tree.universal(d) == "nmod" && ["with", "of"].contains(marker(of: d) ?? "") {
            if let a = actor(at: d) { return a }
        }
        // "near the border with Ukraine" where the parse hung "with Ukraine" on the clause's verb:
        // a "with" or "of" phrase that starts right after the territory noun's phrase is still its own.
        let next = tree.rightmost(t) + 1
        if tree.contains(next), ["with", "of"].contains(word(next)), tree.relation(next) == "case", let noun = tree.head(next),
           tree.universal(noun) == "obl", let verb = tree.head(noun), tree.dominates(verb, t), let a = actor(at: noun) {
            return a
        }
        // (The possessor of a place after "in" is marked locative with it: it still owns it.)
        return tree.dependents(t, ["nmod:poss"]).lazy.compactMap { actor(at: $0, framed: true) }.first { $0.mention.kind != .pronoun }
    }

    /// The actors at `t` and at the conjuncts of `t` ("Russia, China and Iran" shared out);
    /// an appositive after a name is the same actor ("Ana Cebotari, Moldova's foreign minister").
    func actors(at t: Int, framed: Bool = false) -> [ParsedArgument] {
        var out: [ParsedArgument] = []
        for c in tree.conjuncts(t, words: tokens) {
            if let a = named(actor(at: c, framed: framed), apposedTo: c) ?? tree.dependents(c, ["appos"]).lazy.compactMap({ actor(at: $0) }).first
                ?? apposedPersonOfPhrase(c) ?? owner(of: c) ?? apposedActor(c), !out.contains(where: { $0.mention.range == a.mention.range }) {
                out.append(a)
                // "the ambassadors of Argentina, Chile and Peru": a state noun stands for each
                // coordinated state of its `of` phrase.
                if let phrase = stateNounOfPhrase(c), actor(at: c) == nil, a.mention.range.contains(phrase) {
                    for x in tree.conjuncts(phrase, words: tokens).dropFirst() {
                        if let b = actor(at: x), !out.contains(where: { $0.mention.range == b.mention.range }) { out.append(b) }
                    }
                }
                // "the leaders of Ethiopia and Eritrea": the members of each coordinated body.
                if a.mention.kind == .members {
                    for k in a.mention.range where k != c && tree.contains(k) {
                        for x in tree.conjuncts(k, words: tokens).dropFirst() {
                            if let b = actor(at: x), !out.contains(where: { $0.mention.range == b.mention.range }) { out.append(b) }
                        }
                    }
                }
                // "Indian and Filipino sailors", "Ethiopian and Somali delegations": the people or
                // the body of each coordinated demonym.
                if a.mention.target || a.mention.kind == .state {
                    for d in tree.dependents(c, ["amod", "compound"]) {
                        for x in tree.conjuncts(d).compactMap({ actor(at: $0) })
                        where x.mention.target == a.mention.target && x.mention.kind == a.mention.kind && !out.contains(where: { $0.mention.range == x.mention.range }) {
                            out.append(x)
                        }
                    }
                }
            } else if actor(at: c) == nil, tree.tag(c) == "NOUN", knowledge.membersFrom.contains(word(c)) {
                // "envoys from Kenya, Uganda and Tanzania": they act for each state they come from
                // (a place after "from" is where they come from, which here says who they are).
                for a in nounPhrases(of: c, "from").flatMap({ actors(at: $0, framed: true) }) where !out.contains(where: { $0.mention.range == a.mention.range }) {
                    out.append(a)
                }
            } else if actor(at: c) == nil, isActNoun(c), tree.dependents(c, ["nmod:poss"]).isEmpty {
                // "praised the efforts of Qatar and Egypt", "condemned the decision of the United
                // States": an act is its doers' (`cues.tsv` act-noun), as "Qatar's efforts" is.
                for a in nounPhrases(of: c, "of").flatMap({ actors(at: $0) }) where !out.contains(where: { $0.mention.range == a.mention.range }) {
                    out.append(a)
                }
            } else if actor(at: c) == nil {
                // "other countries, such as Oman and Iraq": a group that is no actor stands for
                // the actors it is illustrated by.
                for e in tree.dependents(c) where tree.universal(e) == "nmod" && isExampleMarker(e) {
                    for a in tree.conjuncts(e).compactMap({ actor(at: $0) }) where !out.contains(where: { $0.mention.range == a.mention.range }) {
                        out.append(a)
                    }
                }
            }
        }
        return respectiveHolders(out)
    }

    /// "the foreign ministers of Congo and Rwanda, Therese Wagner and Olivier Nduhungirehe,":
    /// people listed after a comma as many as the states a members phrase names before it (and
    /// each acting for one of them, where known) are those members, which a parser may have
    /// coordinated with the states: a person is the person, so they replace the states.
    func respectiveHolders(_ list: [ParsedArgument]) -> [ParsedArgument] {
        guard list.count >= 4, let members = list.first(where: { $0.mention.kind == .members }) else { return list }
        let isPerson = { (a: ParsedArgument) in !a.entities.isEmpty && a.entities.allSatisfy { entities.isEmpty || entities[$0].type == .person } }
        let states = list.filter { !isPerson($0) }, people = list.filter(isPerson)
        guard states.count == people.count, let lastState = states.map(\.mention.range.upperBound).max(),
              let firstPerson = people.map(\.mention.range.lowerBound).min(), firstPerson > lastState,
              members.mention.range.lowerBound == states.map(\.mention.range.lowerBound).min(),
              tokens[lastState..<firstPerson].contains(where: { $0.norm == "," }) else { return list }
        if !entities.isEmpty {
            let stateKeys = Set(states.flatMap { $0.entities.map { entities[$0].key } })
            guard people.allSatisfy({ p in p.entities.allSatisfy { entities[$0].country.map { stateKeys.contains($0) } ?? true } }) else { return list }
        }
        return people
    }

    /// The person named in apposition at the end of the phrase of an office or deputy noun `t`
    /// ("the EU's envoy for the dialogue, Peter Sorensen,"), which a parser may hang on the last
    /// noun of the phrase instead: an envoy is the person, not the body they act for.
    func apposedPersonOfPhrase(_ t: Int) -> ParsedArgument? {
        guard tokens[t].is([.deputyNounStart, .titleStart]), actor(at: t) == nil else { return nil }
        for n in tree.dependents(t) where tree.universal(n) == "nmod" && n > t && actor(at: n) == nil {
            for d in tree.dependents(n, ["appos"]) where d > n {
                if let a = actor(at: d), a.entities.allSatisfy({ entities[$0].type == .person }) { return a }
            }
        }
        return nil
    }

    /// The actor a description `t` is in apposition to: "the Azawad Liberation Front, the
    /// separatist movement that has fought the Malian army" (the movement is the front).
    func apposedActor(_ t: Int) -> ParsedArgument? {
        guard tree.relation(t) == "appos", let head = tree.head(t), head < t else { return nil }
        return actor(at: head)
    }

    /// The noun of intent (`cues.tsv` complement-noun) that is `verb`'s direct object before
    /// token `k`: an infinitive at `k` that a parser hangs on the verb completes that noun
    /// ("approved Sweden's bid to join NATO"), not the verb.
    func intentNoun(of verb: Int, before k: Int) -> Int? {
        tree.dependents(verb, ["obj"]).first { $0 < k && tokens[$0].is(.complementNoun) }
    }

    /// The nominal dependents of noun `t` that preposition `m` introduces ("the talks between
    /// …", "a round of talks").
    func nounPhrases(of t: Int, _ m: String) -> [Int] {
        tree.dependents(t).filter { tree.universal($0) == "nmod" && marker(of: $0) == m }
    }

    /// The actors of noun `t`'s "with" phrase ("an agreement with the United States").
    func withPhrase(of t: Int) -> [ParsedArgument] {
        nounPhrases(of: t, "with").flatMap { actors(at: $0) }
    }

    /// The partners a clause names with "with", on its verb or on the verb's direct object
    /// ("met with Iran", "restored relations with Iran").
    func clausePartners(of verb: Int) -> [ParsedArgument] {
        let phrases = tree.dependents(verb).filter { tree.universal($0) == "obl" && marker(of: $0) == "with" }
            + tree.dependents(verb, ["obj"]).flatMap { nounPhrases(of: $0, "with") }
        return phrases.flatMap { actors(at: $0) }
    }

    /// The direct object of a light verb that noun `t` is, itself, as the "in" phrase of an
    /// amount ("pledged 500 million dollars in aid": `cues.tsv` amount-word) or as the "of"
    /// phrase of a noun of quantity ("carried out dozens of strikes": `quantity`), nil otherwise.
    /// (Or of a verb that takes an event of `relation` in a prepositional phrase: "agreed to a
    /// ceasefire", `cues.tsv` light-verb-phrase.)
    func lightVerbObject(_ t: Int, relation: String) -> Int? {
        var object = t
        // "pledged 500 million euros in aid", "carried out hundreds of strikes": the amount or the
        // noun of quantity stands in the noun's place.
        if tree.universal(t) == "nmod", let amount = tree.head(t) {
            if marker(of: t) == "in", tokens[amount].is(.amountWord) { object = amount }
            if marker(of: t) == "of", knowledge.quantityWords.contains(word(amount)) { object = amount }
        }
        guard let verb = tree.head(object) else { return nil }
        // "agreed to a ceasefire": an event noun in the phrase a verb takes it in (`cues.tsv` light-verb-phrase).
        if tree.universal(object) == "obl", let m = marker(of: object), knowledge.lightVerbPhrases[tokens[verb].lower]?[relation]?.contains(m) == true { return object }
        guard tree.relation(object) == "obj", tokens[verb].is(.lightVerb) else { return nil }
        return object
    }

    /// `own`, or the person an appositive names when `own` only describes them by their office:
    /// "Iraq's foreign minister, Haider al-Jubouri," is the minister, not Iraq (a person is the
    /// person).
    func named(_ own: ParsedArgument?, apposedTo t: Int) -> ParsedArgument? {
        let isPerson = { (e: Int) in entities[e].type == .person }
        guard let own, own.mention.kind == .state, !own.entities.contains(where: isPerson) else { return own }
        return tree.dependents(t, ["appos"]).lazy.compactMap { actor(at: $0) }.first { $0.entities.allSatisfy(isPerson) } ?? own
    }

    /// "what it called Israeli aggression", "what Kyiv described as a massacre": for a free
    /// relative pronoun `what` whose clause's verb names (`cues.tsv` `naming-verb`), what it
    /// names (the verb's object other than `what`, or its "as" phrase); nil for any other word.
    func namedByFreeRelative(_ t: Int) -> [Int]? {
        guard word(t) == "what" else { return nil }
        for clause in tree.dependents(t, ["acl:relcl", "acl"]) where knowledge.namingVerbs.contains(word(clause)) {
            let named = tree.dependents(clause).filter { d in
                d != t && (tree.universal(d) == "obj" || tree.universal(d) == "xcomp" || (tree.universal(d) == "obl" && marker(of: d) == "as"))
            }
            if !named.isEmpty { return named }
        }
        return nil
    }

    /// Whether `t` is a noun trigger of the lexicon ("sanctions", "attack"): an event with an agent.
    func isEventNoun(_ t: Int) -> Bool {
        guard tokens[t].triggerList >= 0, ["NOUN", "PROPN"].contains(tree.tag(t)) else { return false }
        return knowledge.triggerLists[Int(tokens[t].triggerList)].contains { knowledge.lexicon[$0.entry].pos == .noun && $0.rest.isEmpty }
    }

    /// Whether `t` is a noun for an actor's act or stance ("response", "decision", "stance";
    /// `cues.tsv` `act-noun`), singular or plural.
    func isActNoun(_ t: Int) -> Bool {
        guard tree.tag(t) == "NOUN" else { return false }
        return knowledge.actNouns.contains(word(t)) || knowledge.actNouns.contains(DocumentAnalysis.singular(word(t)))
    }

    /// Whether `t` is introduced by "such as", "including" or another example marker (`cues.tsv`
    /// `example-marker`), written as one word or with its `fixed` second word.
    func isExampleMarker(_ t: Int) -> Bool {
        for m in tree.dependents(t, ["case"]) {
            let second = tree.dependents(m, ["fixed"]).first.map { word($0) } ?? (tree.contains(m + 1) ? word(m + 1) : "")
            if knowledge.exampleMarkers.contains(word(m)) || knowledge.exampleMarkers.contains(word(m) + " " + second) { return true }
        }
        return false
    }

    /// "Iran's Revolutionary Guards", "NATO troops": a noun that is no actor but belongs to one
    /// (its possessor, or a name modifying it) stands for that actor. A demonym alone does not
    /// ("Russian television" is no actor; "the Russian army" is one already, by the actor stage).
    func owner(of t: Int) -> ParsedArgument? {
        guard ["NOUN", "PROPN"].contains(tree.tag(t)) else { return nil }
        for d in tree.dependents(t, ["nmod:poss"]) {
            if let a = actor(at: d) { return a }
        }
        for d in tree.dependents(t, ["compound"]) {
            if let a = actor(at: d), a.mention.kind == .name { return a }
            // "Vietnam's state shipping company" with the possessor hung on a compound word.
            for e in tree.dependents(d, ["nmod:poss"]) { if let a = actor(at: e) { return a } }
        }
        // "the Ministry of Foreign Affairs of China", "the government of Sudan": a state noun
        // stands for the actor of its `of` phrase (one step further through a noun between).
        if let phrase = stateNounOfPhrase(t) { return actor(at: phrase) }
        // "police in Kenya", "authorities in Beijing": a body of the state where it is (`cues.tsv`
        // resident-state-noun) acts for the state named after "in" (a state or its seat).
        if knowledge.residentStateNouns.contains(word(t)) {
            for d in tree.dependents(t) where tree.universal(d) == "nmod" && marker(of: d) == "in" {
                if let a = actor(at: d, framed: true), a.mention.kind == .name || a.mention.kind == .seat,
                   a.entities.count == 1, entities.isEmpty || entities[a.entities[0]].type == .country {
                    return a
                }
            }
        }
        return nil
    }

    /// The `of` phrase whose actor a state noun `t` stands for ("the Ministry of Foreign Affairs
    /// of China", "the government of Sudan"; one step further through a noun between), or nil.
    func stateNounOfPhrase(_ t: Int) -> Int? {
        guard knowledge.stateNouns.byFirst[tokens[t].lower]?.contains([tokens[t].lower]) == true else { return nil }
        for d in tree.dependents(t) where tree.universal(d) == "nmod" && marker(of: d) == "of" {
            if actor(at: d) != nil { return d }
            for e in tree.dependents(d) where tree.universal(e) == "nmod" && marker(of: e) == "of" {
                if actor(at: e) != nil { return e }
            }
        }
        return nil
    }

    /// Who a noun belongs to: its possessor ("Egypt's decision"), an actor modifying it ("the
    /// U.S. commitment", "the Russian statement") or its `of`/`by` phrase ("the statement of Abiy",
    /// "a statement by the ministers").
    func author(of noun: Int) -> [ParsedArgument] {
        for d in tree.dependents(noun, ["nmod:poss"]) { let a = actors(at: d); if !a.isEmpty { return a } }
        for d in tree.dependents(noun, ["amod", "compound"]) { if let a = actor(at: d) { return [a] } }
        for d in tree.dependents(noun) where tree.universal(d) == "nmod" && ["of", "by"].contains(marker(of: d) ?? "") {
            let a = actors(at: d)
            if !a.isEmpty { return a }
        }
        return []
    }

    /// Whether token `t` is a one-word modality cue of what is to come or may come (`cues.tsv`
    /// modality future, conditional or possible: "will", "would", "could", "might").
    func announces(_ t: Int) -> Bool {
        knowledge.modalities[word(t)]?.contains { $0.words.count == 1 && [.future, .conditional, .possible].contains($0.value) } ?? false
    }

    /// The lower-case word of token `t`.
    func word(_ t: Int) -> String { tokens[t].lower }

    /// The preposition or case marker of `t` ("with" of "with Xi"), lower case.
    func marker(of t: Int) -> String? {
        tree.dependents(t, ["case"]).first.map { word($0) }
    }

    /// The `obl` and `nmod` dependents of `heads` (not agents) whose preposition is one of
    /// `markers`, outside `span`.
    /// A marker of several words ("to the defense of", "for peace in") is a path: the first
    /// preposition's noun is the marker's noun, and the argument is that noun's dependent with
    /// the last preposition.
    func prepositionalDependents(of heads: [Int], markers: [String], excluding span: Range<Int>) -> [Int] {
        var out: [Int] = []
        let single = Set(markers.filter { !$0.contains(" ") })
        let paths = markers.filter { $0.contains(" ") }.map { $0.split(separator: " ").map(String.init) }.filter { $0.count >= 3 }
        for h in heads {
            // An agent phrase is an object only where the frame says "by" ("troubled by").
            for d in tree.dependents(h) where ["obl", "nmod"].contains(tree.universal(d)) && (tree.relation(d) != "obl:agent" || single.contains("by")) {
                guard let m = marker(of: d), !span.contains(d) else { continue }
                if single.contains(m) { out.append(d) }
                for path in paths where path[0] == m && word(d) == path[path.count - 2] {
                    out += tree.dependents(d).filter { tree.universal($0) == "nmod" && marker(of: $0) == path[path.count - 1] }
                }
            }
        }
        return out
    }
}

/// The constructions, in the order they are tried for each role. One list, one file.
/// (Two find both sides of a relation at once and run in `ConstructionStage` itself:
/// `BetweenPair`, "talks between A and B", and `ConsequenceThreat`, "said B would pay dearly".)
enum ConstructionRegistry {
    static let subjects: [any ArgumentConstruction] = [
        ClauseSubject(), AppositionSubject(), PassiveAgent(), HyphenAgent(), EventSubject(), NounAgent(), Possessor(), ModifierAgent(),
        LightVerbSubject(), CognateVerbSubject(), FramedEventSubject(), ElicitedAgent(), ControlledSubject(), SharedSubject(), RelativeClauseSubject(),
        ParticipleSubject(), AdverbialClauseSubject(), NounComplementSubject(), RoleAsSubject(),
    ]
    static let objects: [any ArgumentConstruction] = [
        DirectObject(), PassiveSubject(), PrepositionalObject(), ThreatTarget(), NounObject(), RoleOwnerObject(), LightVerbRecipient(), ElicitedTarget(), ParticipleHead(),
        ThreatClauseTarget(), ComplementSubject(), EventAgentObject(), ObjectAttachedPreposition(), DescribedEventSides(), MediatedClauseSides(),
        PlaceOfObject(), ImpactObject(), FramedEventPartner(), ClauseActObject(), CoordinatedClauseSides(),
    ]
}
