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
        // "approved Sweden's bid to join NATO": an infinitive after a noun of resolve belongs to
        // that noun (parsers often hang it on the verb); its owner is the agent.
        if let noun = c.intentNoun(of: verb, before: trigger.head) {
            let owner = c.author(of: noun)
            if !owner.isEmpty { return owner }
        }
        return Self.agents(under: verb, in: c)
    }

    /// Who acts in `verb` when it is an infinitive (`xcomp`) under a control verb; none otherwise.
    static func agents(ofInfinitive verb: Int, in c: ConstructionContext) -> [ParsedArgument] {
        guard c.tree.relation(verb) == "xcomp", let control = c.tree.head(verb) else { return [] }
        return agents(under: control, in: c)
    }

    /// Who acts in an infinitive under control verb `verb`: its object under an object-control
    /// verb, else its subject (its passive subject when it has none).
    static func agents(under verb: Int, in c: ConstructionContext) -> [ParsedArgument] {
        if c.tokens[verb].is(.controlObject) {
            let objects = c.tree.dependents(verb, ["obj"]).flatMap { c.actors(at: $0) }
            if !objects.isEmpty { return objects }
        }
        // "Kenya's president is expected to visit Ethiopia", "Turkey was asked to mediate": a
        // passive control verb's subject is the one who acts in its infinitive.
        var own = c.tree.dependents(verb, ["nsubj"])
        if own.isEmpty { own = c.tree.dependents(verb, ["nsubj:pass"]) }
        // "Turkey criticized both and offered to mediate": a coordinated control verb without a
        // subject of its own shares the first verb's.
        if own.isEmpty, c.tree.relation(verb) == "conj", c.tree.dependents(verb, ["nsubj:pass"]).isEmpty {
            return c.tree.dependents(c.tree.firstConjunct(verb), ["nsubj"]).flatMap { c.actors(at: $0) }
        }
        return own.flatMap { c.actors(at: $0) }
    }
}

/// "Russia attacked and occupied Ukraine": a coordinated verb without a subject of its own
/// shares the first verb's.
struct SharedSubject: ArgumentConstruction {
    let name = "shared-subject"
    let role = ArgumentRole.subject
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard c.tree.relation(trigger.head) == "conj", c.tree.dependents(trigger.head, ["nsubj", "nsubj:pass"]).isEmpty else { return [] }
        let first = c.tree.firstConjunct(Self.reportingVerb(joining: trigger, in: c) ?? trigger.head)
        return c.tree.dependents(first, ["nsubj"]).flatMap { c.actors(at: $0) }
    }

    /// "X said Ethiopian forces were preparing for war and accused Abiy": a parser may join a
    /// speech act in the past to the reported clause's verb; with an auxiliary or a copula there
    /// ("were preparing", "said the drills were defensive and urged Russia to …"), also through
    /// an infinitive of it ("said the bloc was ready to act and called on Iran to …"), and none
    /// on the trigger, it is the reporting verb's conjunct: this returns that reporting verb.
    /// (Not when the report follows: "X has ended the programme and asked Y to …, Z said".)
    static func reportingVerb(joining trigger: TriggerSite, in c: ConstructionContext) -> Int? {
        guard trigger.isVerb, c.tree.relation(trigger.head) == "conj", c.tree.dependents(trigger.head, ["nsubj", "nsubj:pass"]).isEmpty else { return nil }
        var reported = c.tree.firstConjunct(trigger.head)
        while c.tree.relation(reported) == "xcomp", let h = c.tree.head(reported) { reported = h }
        guard c.tree.relation(reported) == "ccomp", let reporting = c.tree.head(reported), reporting < reported, c.tokens[reporting].is(.reporting),
              trigger.form == .past || trigger.form == .pastOrParticiple, c.tree.dependents(trigger.head, ["aux", "aux:pass"]).isEmpty,
              !c.tree.dependents(reported, ["aux", "aux:pass", "cop"]).isEmpty, c.knowledge.isVerbalEvent(trigger.entry.relation) else { return nil }
        return reporting
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

/// "Iran staged drills near the islands, a move the UAE condemned as a provocation": a noun
/// of an act (`cues.tsv` act-noun) set beside a clause names that clause's act, and a verb in
/// its relative clause whose object is the noun (no object of its own, or the relative pronoun)
/// takes the clause's subject as its object.
struct ClauseActObject: ArgumentConstruction {
    let name = "clause-act"
    let role = ArgumentRole.object
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard trigger.isVerb, trigger.takesDirectObject, c.tree.relation(trigger.head) == "acl:relcl",
              let noun = c.tree.head(trigger.head), c.isActNoun(noun) || c.isEventNoun(noun),
              ["parataxis", "appos", "dep"].contains(c.tree.universal(noun)) || ["obl:unmarked", "obl:npmod"].contains(c.tree.relation(noun)),
              let verb = c.tree.head(noun),
              c.tree.tag(verb) == "VERB", verb < noun else { return [] }
        // The relative clause's object is the noun: none of its own, or a relative pronoun.
        let objects = c.tree.dependents(trigger.head, ["obj"])
        guard objects.allSatisfy({ c.tree.tag($0) == "PRON" && c.actor(at: $0) == nil }),
              c.tree.dependents(trigger.head, ["nsubj"]).allSatisfy({ c.tree.tag($0) != "PRON" || c.actor(at: $0) != nil }) else { return [] }
        return c.tree.dependents(verb, ["nsubj"]).flatMap { c.actors(at: $0) }
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

/// "condemned the launch of a missile by North Korea", "condemns the Houthi missile attack",
/// "praised the Australian response": the object of a verb is an event noun or a noun of an
/// actor's act (`cues.tsv` `act-noun`); the event's agent is the verb's object.
struct EventAgentObject: ArgumentConstruction {
    let name = "event-agent"
    let role = ArgumentRole.object
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard trigger.isVerb, trigger.takesDirectObject else { return [] }
        // "praised the speed of the Australian response": an object that is no event itself
        // stands for the act of its "of" phrase. "The seizure was denounced by the GCC": a
        // passive's subject is its object. "denounced what it called Israeli aggression": the
        // object of a free relative's naming verb.
        var objects = c.tree.dependents(trigger.head, c.tree.isPassive(trigger.head, trigger: trigger.span) ? ["nsubj:pass"] : ["obj"])
        objects = objects.flatMap { o in c.namedByFreeRelative(o) ?? [o] }
        let events = objects.flatMap { o in
            c.namesAnAct(o) ? [o] : c.actor(at: o) != nil ? [] : c.tree.dependents(o).filter { c.tree.universal($0) == "nmod" && c.marker(of: $0) == "of" && c.isActNoun($0) }
        }
        for event in events {
            let agents = c.agents(ofEvent: event)
            if !agents.isEmpty { return agents }
            // "rejected the sanctions imposed by the United States": the agent of a participle
            // describing the event.
            let described = c.tree.dependents(event, ["acl"]).filter { c.tree.isPassiveParticiple($0, c.tokens) }.flatMap { p in
                c.tree.dependents(p).filter { c.tree.relation($0) == "obl:agent" || (c.tree.universal($0) == "obl" && c.marker(of: $0) == "by") }
            }.compactMap { c.actor(at: $0) }
            if !described.isEmpty { return described }
            // "North Korea launched a missile. … The UN condemned the launch": a definite event
            // noun with no agent of its own names the event of that name told earlier.
            // ("the launch of a missile" names a new one; "denounced the detention as piracy" does not.)
            if !c.tree.dependents(event).contains(where: { c.tree.universal($0) == "nmod" && c.marker(of: $0) != "as" }),
               c.tree.dependents(event, ["det"]).contains(where: { DocumentAnalysis.definiteDeterminers.contains(c.word($0)) }),
               let agents = c.eventAgents[DocumentAnalysis.singular(c.word(event))], !agents.isEmpty {
                let m = Mention(range: event..<event + 1, entities: agents, kind: .description, note: "the event named earlier")
                return [ParsedArgument(entities: agents, mention: m, token: event)]
            }
            // "Russia expelled two Estonian diplomats. Estonia condemned the move": a definite
            // act noun with no owner (`cues.tsv` act-anaphor) takes up the latest act told.
            if c.knowledge.actAnaphors.contains(DocumentAnalysis.singular(c.word(event))), !c.latestActAgents.isEmpty,
               c.tree.dependents(event, ["det"]).contains(where: { DocumentAnalysis.definiteDeterminers.contains(c.word($0)) }),
               !c.tree.dependents(event).contains(where: { ["nmod", "acl"].contains(c.tree.universal($0)) }) {
                let m = Mention(range: event..<event + 1, entities: c.latestActAgents, kind: .description, note: "the latest act told")
                return [ParsedArgument(entities: c.latestActAgents, mention: m, token: event)]
            }
            // "condemned the test by North Korea": an active verb has no agent phrase of its own,
            // so a `by` phrase a parser attached to it is its event object's.
            if !c.tree.isPassive(trigger.head) {
                let byPhrase = c.tree.dependents(trigger.head).filter { d in
                    d > event && c.tree.universal(d) == "obl" && c.marker(of: d) == "by"
                }.compactMap { c.actor(at: $0) }
                if !byPhrase.isEmpty { return byPhrase }
            }
        }
        return []
    }
}

/// "a communiqué by Chile thanking Peru", "Russian troops shelling Kharkiv":
/// an active participle (`acl`, "-ing") has the noun it modifies as its agent (so does a main
/// verb the parser read as one: "Rights groups criticised Thailand."); a document
/// ("the statement of X expressing …") speaks for its author.
struct ParticipleSubject: ArgumentConstruction {
    let name = "participle-subject"
    let role = ArgumentRole.subject
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard trigger.isVerb, c.tree.universal(trigger.head) == "acl", let noun = c.tree.head(trigger.head) else { return [] }
        // "accused by Israel of supplying drones": a clause after "of"/"for" hung on a noun is the
        // clause of the verb the noun depends on, whose patient acts in it.
        if c.tree.dependents(trigger.head, ["mark"]).contains(where: { c.knowledge.objectClauseMarkers.contains(c.word($0)) }) {
            guard let verb = c.tree.head(noun), c.tree.tag(verb) == "VERB" else { return [] }
            return AdverbialClauseSubject.patient(of: verb, before: trigger.head, in: c)
        }
        // "Rights groups criticised Thailand." read as a noun phrase with a reduced relative: a
        // past form with a direct object under a noun that heads the whole sentence is its
        // main verb (a passive participle has no direct object).
        let misreadMainVerb = c.tree.head(noun) == nil && !c.tree.dependents(trigger.head, ["obj"]).isEmpty
        guard trigger.form == .gerund || misreadMainVerb else { return [] }
        let direct = c.actors(at: noun)
        if !direct.isEmpty || !c.tokens[noun].is(.documentNoun) { return direct }
        return c.author(of: noun)
    }
}

/// "Brazil left the summit early, accusing Peru of bad faith": an adverbial participle or
/// infinitive clause (`advcl`) without a subject of its own has the subject of the clause it
/// modifies. A clause introduced by a preposition after an object ("condemned Russia for
/// attacking Ukraine", "accused China of supplying Russia") is the object's act, not the
/// subject's; one after "against" or "from" ("warned Iran against attacking") did not happen.
struct AdverbialClauseSubject: ArgumentConstruction {
    let name = "adverbial-clause"
    let role = ArgumentRole.subject
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        // (A parser may call the participle after a comma `parataxis`: "…, accusing them of", or
        // hang it on the object before the comma: "backed the position, calling on Tehran to".)
        let commaParticiple = Self.isCommaParticiple(trigger, in: c)
        guard trigger.isVerb, c.tree.universal(trigger.head) == "advcl" || (c.tree.universal(trigger.head) == "parataxis" && trigger.form == .gerund)
                || commaParticiple,
              c.tree.dependents(trigger.head, ["nsubj", "nsubj:pass", "expl"]).isEmpty,
              let head = c.tree.head(trigger.head), let verb = commaParticiple ? c.tree.head(head) : head else { return [] }
        let marks = c.tree.dependents(trigger.head, ["mark"]).map { c.word($0) }
        // "as fighting with M23 continues": after a conjunction of finite clauses an "-ing" word
        // is the clause's subject, a noun with no agent here.
        if trigger.form == .gerund, marks.contains(where: { c.knowledge.finiteClauseMarkers.contains($0) }) { return [] }
        if marks.contains(where: { c.knowledge.objectClauseMarkers.contains($0) }) {
            // The object's act: "for attacking", "of supplying".
            guard !marks.contains(where: { c.knowledge.preventingMarkers.contains($0) }) else { return [] }
            return AdverbialClauseSubject.patient(of: verb, before: trigger.head, in: c)
        }
        // "would not support Sweden's bid to join NATO" with the infinitive hung on the verb: it
        // completes the noun of intent before it, whose owner (or nobody) acts, not the clause's subject.
        if marks.contains("to"), let noun = c.intentNoun(of: verb, before: trigger.head) {
            return c.author(of: noun)
        }
        guard !c.tree.isPassive(verb) else { return [] }
        // "urged Sudan and Chad to resume talks" with the infinitive read as an adverbial clause:
        // under an object-control verb it is still the object's act.
        if marks.contains("to"), c.tokens[verb].is(.controlObject) {
            let objects = AdverbialClauseSubject.patient(of: verb, before: trigger.head, in: c)
            if !objects.isEmpty { return objects }
        }
        return c.tree.dependents(verb, ["nsubj"]).flatMap { c.actors(at: $0) }
    }

    /// Whether `trigger` is a gerund after a comma that the parse hangs on the direct object
    /// before it ("backed the Emirati position, calling on Tehran to …"): an adverbial
    /// participle of the clause, whose subject is the clause's.
    static func isCommaParticiple(_ trigger: TriggerSite, in c: ConstructionContext) -> Bool {
        guard trigger.isVerb, trigger.form == .gerund, c.tree.universal(trigger.head) == "acl",
              let noun = c.tree.head(trigger.head), c.tree.relation(noun) == "obj", c.actor(at: noun) == nil else { return false }
        let before = trigger.head - 1
        return before > c.tree.tokens.lowerBound && c.tokens[before].norm == ","
    }

    /// The one a verb acts on, who acts in its "of"/"for" clause: its object ("accused China of
    /// supplying"), a passive verb's subject ("China was accused of supplying") or the noun a
    /// reduced passive relative describes ("firms accused of supplying").
    static func patient(of verb: Int, before clause: Int, in c: ConstructionContext) -> [ParsedArgument] {
        // "three companies accused of supplying Russia": a reduced passive relative's noun.
        if c.tree.universal(verb) == "acl", c.tree.isPassiveParticiple(verb, c.tokens), let noun = c.tree.head(verb) {
            return c.actors(at: noun)
        }
        if c.tree.isPassive(verb) { return c.tree.dependents(verb, ["nsubj:pass", "nsubj"]).flatMap { c.actors(at: $0) } }
        let objects = c.tree.dependents(verb, ["obj"]).filter { $0 < clause }
        let direct = objects.flatMap { c.actors(at: $0) }
        if !direct.isEmpty || objects.isEmpty { return direct }
        // "expressed gratitude to Qatar for mediating", "paid tribute to India for hosting": the
        // one an event noun in the object's place is addressed to, on the noun or on the verb.
        guard objects.contains(where: { c.isEventNoun($0) }) else { return [] }
        let recipients = (objects + [verb]).flatMap { h in
            c.tree.dependents(h).filter { ["nmod", "obl"].contains(c.tree.universal($0)) && c.marker(of: $0) == "to" && $0 < clause }
        }
        return recipients.flatMap { c.actors(at: $0) }
    }
}

/// "Chile's commitment to working with Peru", "Egypt's decision to expel the ambassador": a
/// verb completing a noun of intent or resolve (`cues.tsv` `complement-noun`) has the noun's
/// owner (possessor or modifying actor) as its agent.
struct NounComplementSubject: ArgumentConstruction {
    let name = "noun-complement"
    let role = ArgumentRole.subject
    func arguments(of trigger: TriggerSite, in c: ConstructionContext) -> [ParsedArgument] {
        guard trigger.isVerb, c.tree.universal(trigger.head) == "acl", trigger.form != .gerund || !c.tree.dependents(trigger.head, ["mark"]).isEmpty,
              let noun = c.tree.head(trigger.head), c.tokens[noun].is(.complementNoun) else { return [] }
        return c.author(of: noun)
    }
}

extension ConstructionContext {
    /// Whether the noun at `t` names an act: an agent noun, an event noun, an act noun, a
    /// nominalization or an act anaphor ("the incident").
    func namesAnAct(_ t: Int) -> Bool {
        tokens[t].is([.agentNoun, .agentNounPlural]) || isEventNoun(t) || isActNoun(t) || knowledge.nominalNouns.contains(tokens[t].lower)
            || knowledge.actAnaphors.contains(DocumentAnalysis.singular(tokens[t].lower))
    }

    /// The actors at `t`, or when `t` names an act with none there, the act's agents
    /// ("countermeasures against the drills of South Korea").
    func actorsOrAgents(at t: Int) -> [ParsedArgument] {
        let named = actors(at: t)
        return named.isEmpty && namesAnAct(t) ? agents(ofEvent: t) : named
    }

    /// The agents an event noun names itself: its possessor ("Japan's provocations"), its "by"
    /// phrase, the "of" phrase of an agent noun (`cues.tsv` agent-noun: "the drills of South
    /// Korea and the United States"), and coordinated actor modifiers ("the Australian and
    /// Chinese response").
    func agents(ofEvent event: Int) -> [ParsedArgument] {
        var agents: [ParsedArgument] = []
        // "the killing of two villagers by India's border force": a parser may hang the
        // agent's "by" phrase on the patient's noun.
        let patientBy = tree.dependents(event).filter { tree.universal($0) == "nmod" && marker(of: $0) == "of" }.flatMap { p in
            tree.dependents(p).filter { tree.universal($0) == "nmod" && marker(of: $0) == "by" }
        }
        // "the provocations of Japan", "the efforts of Oman": an agent noun's (`cues.tsv`
        // agent-noun) "of" phrase is its agent ("the invasion of Iraq" keeps its patient).
        let agentOf = tokens[event].is([.agentNoun, .agentNounPlural])
        for d in tree.dependents(event) + patientBy {
            if tree.relation(d) == "nmod:poss" || (tree.universal(d) == "nmod" && (marker(of: d) == "by" || agentOf && marker(of: d) == "of")) {
                // "by India's Border Security Force": a body no list knows acts for its owner;
                // "the drills of South Korea and the United States": each of a coordination.
                let named = actors(at: d)
                if !named.isEmpty { agents += named } else if let a = owner(of: d) { agents.append(a) }
            } else if (tree.relation(d) == "amod" || tree.relation(d) == "compound") && actor(at: d) != nil {
                // "the Australian and Chinese response": coordinated modifiers, each an agent.
                for a in actors(at: d) where !agents.contains(where: { $0.mention.range == a.mention.range }) { agents.append(a) }
            }
        }
        return agents
    }
}
