import KnowledgeGraph
import Ontology

/// Stage: relation patterns. For every lexicon trigger in a sentence, the frames of its part of
/// speech find the subject and object among the actor mentions: active and passive voice,
/// infinitives under control verbs, relative clauses, possessors and demonyms of event nouns,
/// light verbs, "between A and B"; then negation and modality cues in the clause.
extension DocumentAnalysis {
    static let prepositions: Set<String> = ["of", "in", "on", "at", "to", "with", "from", "by", "for", "against", "between",
                                            "over", "about", "into", "toward", "towards", "after", "before", "during", "under",
                                            "through", "among", "via", "within", "amid", "across", "upon", "behind", "than", "like",
                                            "alongside", "beside", "besides", "near", "outside", "inside", "around", "beyond",
                                            "despite", "along", "throughout", "onto", "since", "until", "unlike", "amongst", "except"]

    struct Argument {
        var entities: [Int]
        var mention: Mention
        var how: String
        var penalty: Double
    }

    /// "China threatened to impose sanctions on Lithuania": a threat-control verb before the
    /// infinitive also relates its subject to the object by a threat (asserted: the threat was made),
    /// when the infinitive is an act of conflict ("vowed to stand with Syria" threatens nobody).
    func threats(implied results: [FoundRelation], trigger i: Int, sentence s: Int) -> [FoundRelation] {
        let range = sentences[s]
        var k = i - 1
        var to: Int? = nil
        while k >= range.lowerBound, i - k <= 5 {
            if tokens[k].lower == "to" { to = k; break }
            k -= 1
        }
        guard let to, to > range.lowerBound, let relation = knowledge.threatControl[tokens[to - 1].lower] else { return [] }
        return results.filter { $0.relation != relation && !$0.negated && knowledge.conflictRelations.contains($0.relation) }.map { r in
            var t = r
            t.relation = relation
            t.modality = .asserted
            t.pattern = "cues.tsv threat-control '\(tokens[to - 1].text)'; " + r.pattern
            return t
        }
    }

    /// Remembers who did the events of a sentence: "the DPRK's launch of a missile" → launch: DPRK;
    /// "North Korea launched a missile" → launch: North Korea (a past or present verb form of a
    /// `cues.tsv` nominalization right after the actor who does it).
    func recordEventAgents(sentence s: Int, list: [Mention]) {
        let range = sentences[s]
        for k in range where k > range.lowerBound && tokens[k].isWord && !tokens[k].isCapitalized {
            let w = tokens[k].lower
            guard knowledge.eventVerbForms.contains(w), let noun = knowledge.nominalizations[w],
                  let m = list.last(where: { $0.range.upperBound == k }), !m.possessive, !m.locative, !m.target, !m.modifier,
                  m.kind != .demonym else { continue }
            eventAgents[Self.singular(noun)] = m.entities
        }
        for k in range where tokens[k].isWord && !tokens[k].isCapitalized
            && tokens[k].is([.agentNoun, .agentNounPlural]) {
            var j = k
            var skipped = 0
            while j > range.lowerBound, skipped <= 6 {
                if let m = list.first(where: { $0.range.upperBound == j }) {
                    // "Korea's (DPRK) launch": skip an abbreviation in brackets.
                    if j < range.upperBound, tokens[j].norm == ")", m.range.lowerBound > range.lowerBound, tokens[m.range.lowerBound - 1].norm == "(" {
                        j = m.range.lowerBound - 1
                        skipped += 1
                        continue
                    }
                    if m.possessive || m.kind == .demonym || m.kind == .state { eventAgents[Self.singular(tokens[k].lower)] = m.entities }
                    break
                }
                let w = tokens[j - 1]
                if w.norm == "(" || w.norm == ")" || (w.isWord && !w.isCapitalized && !w.is(.preposition) && !w.is(.determiner)) {
                    j -= 1
                    skipped += 1
                    continue
                }
                break
            }
        }
    }

    /// The determiners of a definite reference back to a named event ("the launch", "this attack").
    static let definiteDeterminers: Set<String> = ["the", "this", "these", "that", "those"]

    /// The singular of a regular plural in -s ("attacks" → "attack"), the key of `eventAgents`.
    static func singular(_ w: String) -> String { w.count > 3 && w.hasSuffix("s") && !w.hasSuffix("ss") ? String(w.dropLast()) : w }

    /// "denounced the launch": a definite event noun refers back to the event of that name, and
    /// its agent is the object.
    func eventAnaphor(at e: Int, sentence s: Int, list: [Mention]) -> Argument? {
        let range = sentences[s]
        var k = e
        guard k < range.upperBound, Self.definiteDeterminers.contains(tokens[k].lower) else { return nil }
        k += 1
        var adjectives = 0
        while k < range.upperBound, adjectives <= 2 {
            let w = tokens[k].lower
            if tokens[k].is(.agentNoun) || knowledge.agentNouns.contains(Self.singular(w)), let agents = eventAgents[Self.singular(w)] {
                // "the launch of ..." names a new event, not the earlier one.
                if k + 1 < range.upperBound, tokens[k + 1].lower == "of" || tokens[k + 1].lower == "by" { return nil }
                if list.contains(where: { $0.range.contains(k) }) { return nil }
                let m = Mention(range: e..<k + 1, entities: agents, kind: .description,
                                note: trace ? "'\(span(e..<k + 1))' → \(agents.map { entities[$0].label }.joined(separator: ", ")) (the event named earlier)" : "")
                return Argument(entities: agents, mention: m, how: "event anaphor", penalty: 0.8)
            }
            guard tokens[k].isWord, !tokens[k].isCapitalized, !tokens[k].is(.preposition) else { return nil }
            k += 1
            adjectives += 1
        }
        return nil
    }

    /// Marks mentions in hyphenated compounds ("Rwanda-supported", "ASEAN-U.S. partnership").
    func markModifiers() {
        for s in mentions.indices {
            for k in mentions[s].indices {
                let m = mentions[s][k]
                let end = m.range.upperBound
                let sentenceEnd = sentences[s].upperBound
                guard end + 1 < sentenceEnd, tokens[end].norm == "-", !tokens[end].spaceBefore, !tokens[end + 1].spaceBefore else { continue }
                mentions[s][k].modifier = true
                // "ASEAN-U.S.": both halves of an actor-actor compound are modifiers.
                if k + 1 < mentions[s].count, mentions[s][k + 1].range.lowerBound == end + 1 { mentions[s][k + 1].modifier = true }
            }
        }
    }

    /// The relations the actor stage already gives: hyphenated compounds ("Rwanda-backed") and
    /// leaderOf from titles and appositions. Both relation stages start with them.
    func actorRelations(_ s: Int, list: [Mention]) -> [FoundRelation] {
        var found = compoundRelations(s, list: list) + membershipRelations(s, list: list)
        // (All mentions: a deputy who stands for nobody keeps the leader title of the person named in it.)
        for m in mentions[s] {
            if let of = m.leaderOf, let p = m.titledPerson ?? m.entities.first, p != of {
                found.append(FoundRelation(subject: p, relation: "leaderOf", object: of, negated: false, modality: .asserted,
                                           confidence: 0.9, sentence: s, tokens: m.range, pattern: trace ? "title: \(m.note)" : "title"))
            }
        }
        return found
    }

    /// "a Rwanda-supported rebel group", "Iranian-backed militias": the compound's participle
    /// relates the modifier to the head it modifies, or to the mention the phrase is apposed to.
    func compoundRelations(_ s: Int, list: [Mention]) -> [FoundRelation] {
        var out: [FoundRelation] = []
        let range = sentences[s]
        for (k, m) in list.enumerated() where m.modifier {
            let p = m.range.upperBound + 1
            guard p < range.upperBound else { continue }
            guard tokens[p].triggerList >= 0 else { continue }
            for trigger in knowledge.triggerLists[Int(tokens[p].triggerList)] where trigger.rest.isEmpty && (trigger.form == .participle || trigger.form == .pastOrParticiple) {
                let entry = knowledge.lexicon[trigger.entry]
                guard entry.pos == .verb, entry.objectMarkers.contains("") else { continue }
                // The head: a mention within three words after, else the mention the phrase is apposed to.
                var head: Mention? = list[(k + 1)...].first { $0.range.lowerBound > p && $0.range.lowerBound - p <= 4 && !$0.modifier && $0.kind != .demonym }
                if head == nil, k > 0, m.range.lowerBound >= 2, tokens[m.range.lowerBound - 1].lower == "a" || tokens[m.range.lowerBound - 1].lower == "an",
                   tokens[m.range.lowerBound - 2].norm == "," {
                    head = list[k - 1]
                }
                guard let head else { continue }
                for a in m.entities {
                    for b in head.entities where a != b && typeAllowed(entry.relation, a, b) {
                        out.append(FoundRelation(subject: a, relation: entry.relation, object: b, negated: false, modality: .asserted,
                                                 confidence: entry.confidence * 0.9, sentence: s,
                                                 tokens: min(m.range.lowerBound, head.range.lowerBound)..<max(p + 1, head.range.upperBound),
                                                 pattern: "\(entry.source) compound '\(tokens[m.range.upperBound - 1].text)-\(tokens[p].text)'",
                                                 subjectRole: m.role, objectRole: head.role))
                    }
                }
            }
        }
        return out
    }

    /// - Parameter dictionary: whether the entries converted from the CAMEO dictionary
    ///   (`lexicon-cameo.tsv`) fire here; without, only the parse gives their triples (`.both`).
    func findRelations(dictionary: Bool = true) -> [FoundRelation] {
        markModifiers()
        var found: [FoundRelation] = []
        for (s, range) in sentences.enumerated() {
            let list = mentions[s].filter { !$0.entities.isEmpty }
            coordinationCache = (list.count, list.first?.range, list.last?.range, coordinations(list))
            found += actorRelations(s, list: list)
            var i = range.lowerBound
            while i < range.upperBound {
                guard tokens[i].triggerList >= 0 else { i += 1; continue }
                if list.contains(where: { $0.range.contains(i) && $0.kind != .demonym && $0.kind != .state }) { i += 1; continue }
                let triggers = knowledge.triggerLists[Int(tokens[i].triggerList)]
                var longest = 0
                for trigger in triggers {
                    guard matches(trigger.rest, at: i + 1, limit: range.upperBound) else { continue }
                    let end = i + 1 + trigger.rest.count
                    let entry = knowledge.lexicon[trigger.entry]
                    if !dictionary && !entry.cameo.isEmpty { continue }
                    let results = entry.pos == .verb
                        ? verbFrame(trigger, entry, i..<end, sentence: s, list: list)
                        : nounFrame(entry, i..<end, sentence: s, list: list)
                    if !results.isEmpty { longest = max(longest, end - i) }
                    found += results
                    found += threats(implied: results, trigger: i, sentence: s)
                }
                i += max(longest, 1)
            }
            recordEventAgents(sentence: s, list: list)
        }
        coordinationCache = nil
        return dedupe(found)
    }

    private struct RelationKey: Hashable {
        var sentence: Int, subject: Int, relation: String, object: Int, negated: Bool, modality: Modality
    }

    /// The first of each (sentence, subject, relation, object, polarity, modality).
    func dedupe(_ found: [FoundRelation]) -> [FoundRelation] {
        var seen = Set<RelationKey>()
        var out: [FoundRelation] = []
        for f in found {
            let key = RelationKey(sentence: f.sentence, subject: f.subject, relation: f.relation, object: f.object,
                                  negated: f.negated, modality: f.modality)
            if seen.insert(key).inserted { out.append(f) }
        }
        return out
    }

    // MARK: Frames

    func verbFrame(_ trigger: Trigger, _ entry: LexiconEntry, _ t: Range<Int>, sentence s: Int, list: [Mention]) -> [FoundRelation] {
        let range = sentences[s]
        let i = t.lowerBound
        // A word hyphenated to the one before is part of a compound modifier ("EU-mediated talks",
        // "Rwanda-backed"), never a finite verb; `compoundRelations` reads those.
        if i > range.lowerBound, tokens[i - 1].norm == "-", !tokens[i - 1].spaceBefore, !tokens[i].spaceBefore { return [] }
        // A determiner or possessive before the word makes it a noun ("the attack", "his support").
        if i > range.lowerBound {
            let prev = tokens[i - 1].lower
            if tokens[i - 1].is(.determiner) || prev == "'s" || prev == "a" || prev == "an" { return [] }
            if list.contains(where: { $0.range.upperBound == i && ($0.possessive || $0.kind == .demonym) }) { return [] }
            // After a gerund or a light verb the word is that verb's object ("mediating talks", "held talks").
            let lowerWord = tokens[i - 1].isWord && !tokens[i - 1].isCapitalized
            // Two finite verbs do not follow each other: after "rejected", "talks" is a noun.
            if lowerWord, prev.hasSuffix("ed"), prev.count > 3, trigger.form == .third || trigger.form == .base { return [] }
            // Nor two past forms: "met jailed journalist Evan Gershkovich", "visited wounded
            // soldiers": the second describes the noun after it.
            if lowerWord, trigger.form == .past || trigger.form == .pastOrParticiple || trigger.form == .participle,
               prev.hasSuffix("ed") && prev.count > 3 || tokens[i - 1].triggerList >= 0 && knowledge.triggerLists[Int(tokens[i - 1].triggerList)].contains(where: { $0.form == .past || $0.form == .pastOrParticiple }),
               i + 1 < range.upperBound, tokens[i + 1].isWord, !tokens[i + 1].isCapitalized, !tokens[i + 1].is(.preposition), !tokens[i + 1].is(.determiner) {
                return []
            }
            let nounLike = trigger.form == .base || trigger.form == .third
            if lowerWord && nounLike && (prev.count > 4 && prev.hasSuffix("ing") && !tokens[i - 1].is(.preposition) || tokens[i - 1].is(.lightVerb) && !tokens[i - 1].is(.be)) {
                return []
            }
        }
        let participle = trigger.form == .participle || trigger.form == .pastOrParticiple
        var k = i - 1
        while k >= range.lowerBound, tokens[k].lower.hasSuffix("ly") || ["also", "not", "never", "already", "been", "being"].contains(tokens[k].lower) { k -= 1 }
        let beBefore = k >= range.lowerBound && tokens[k].is(.be)
        // "signed in Barbados last October by A and B": the agent may follow a few words later.
        var byIndex: Int? = nil
        for k in t.upperBound..<min(range.upperBound, t.upperBound + 6) {
            if tokens[k].lower == "by" { byIndex = k; break }
            // A determiner starts a direct object: "condemned the launch of a missile by X" is active.
            if !tokens[k].isWord || tokens[k].is(.clauseBreak) || ["the", "a", "an", "its", "their", "his", "her"].contains(tokens[k].lower) { break }
            // So does a bare noun right after the verb: "rejected calls by the United States" is active.
            if k == t.upperBound, !tokens[k].isCapitalized, !tokens[k].is(.preposition), !tokens[k].lower.hasSuffix("ly") { break }
        }
        let byAfter = byIndex != nil
        var subject: Argument?
        var object: Argument?
        var how = "\(entry.source) verb '\(entry.words.joined(separator: " "))'"
        var modality: Modality? = nil
        if participle && (beBefore || byAfter) {
            // Passive: "Russia condemned by the international community".
            guard let by = byIndex, let agent = firstMention(after: by + 1, within: 3, list: list, range: range) else { return [] }
            subject = Argument(entities: coordinationGroup(agent, list: list) ?? agent.entities, mention: agent, how: "by-agent", penalty: 1)
            if !beBefore, let patient = list.last(where: { $0.range.upperBound == i && !$0.possessive }) {
                // Reduced passive: "with Russia condemned by the international community".
                object = Argument(entities: patient.entities, mention: patient, how: "patient", penalty: 1)
            } else if beBefore || i == range.lowerBound || tokens[i - 1].triggerList >= 0 || !tokens[i - 1].isWord {
                // ("a deal brokered by China", "a ceasefire mediated by Qatar": the event's parties,
                // the clause's subject, are the patients.)
                object = findSubject(before: beBefore ? k : i, sentence: s, list: list, patient: true)
            } else {
                // A reduced passive after a noun that is neither actor nor event modifies that
                // noun: "waters claimed by Vietnam" says nothing of the clause's subject.
                return []
            }
            how += " (passive)"
            if knowledge.isSymmetric(entry.relation),
               let agents = subject, agents.entities.count >= 2, object == nil || !object!.mention.entities.allSatisfy({ agents.entities.contains($0) }) && object!.mention.kind == .pronoun {
                return emitPairs(entry, agents.entities, trigger: t, sentence: s, how: how + " (plural agent)", mention: agents.mention)
            }
        } else {
            if trigger.form == .participle { return [] }
            object = findObject(after: t.upperBound, markers: entry.objectMarkers, sentence: s, list: list,
                                eventAgents: !knowledge.isSymmetric(entry.relation))
            // "host the G7 summit": a direct object that modifies a noun of the same relation is
            // the event's name, not a party to it.
            if let o = object, o.how == "object", o.mention.range.upperBound < range.upperBound,
               tokens[o.mention.range.upperBound].triggerList >= 0,
               knowledge.triggerLists[Int(tokens[o.mention.range.upperBound].triggerList)].contains(where: {
                   $0.form == .noun && knowledge.lexicon[$0.entry].relation == entry.relation
               }) {
                object = nil
            }
            // An infinitive takes its agent from a control verb: "invited Xi to visit", "offered to mediate".
            if i - 1 >= range.lowerBound, tokens[i - 1].lower == "to", trigger.form == .base {
                if let control = controlledSubject(toAt: i - 1, sentence: s, list: list) {
                    // "urged Sudan to attack Chad": only asked for, no fact.
                    if control.requested { return [] }
                    subject = control.0
                    let asserting = knowledge.assertingControl[entry.relation]?.contains(control.1.lowercased()) == true
                    modality = asserting ? nil : .intended
                    how += " (infinitive under '\(control.1)')"
                } else if let owner = nounComplementOwner(toAt: i - 1, sentence: s, list: list) {
                    // "the U.S. commitment to work with ASEAN", "Sweden's bid to join NATO": a plan,
                    // not yet a deed.
                    subject = owner
                    modality = .intended
                    how += " (complement of a noun)"
                } else {
                    subject = findSubject(before: i - 1, sentence: s, list: list)
                    modality = .intended
                }
            } else if trigger.form == .gerund, i - 1 >= range.lowerBound, tokens[i - 1].lower == "to",
                      let owner = nounComplementOwner(toAt: i - 1, sentence: s, list: list) {
                // "the U.S. commitment to working with ASEAN"
                subject = owner
                how += " (complement of a noun)"
            } else if trigger.form == .gerund, let m = list.last(where: { $0.range.upperBound == i && !$0.possessive && $0.kind != .demonym }) {
                // A participle right after a name modifies it: "Abiy expressing gratitude to the AU".
                subject = Argument(entities: m.entities, mention: m, how: "participle subject", penalty: 0.9)
            } else if trigger.form == .gerund, i - 1 > range.lowerBound, tokens[i - 1].is(.documentNoun) {
                // "a resolution condemning North Korea": the participle describes the document;
                // its agent is the document's owner when one is named ("China's statement condemning").
                guard let owner = list.last(where: { $0.range.upperBound == i - 1 && ($0.possessive || $0.kind == .demonym) }) else { return [] }
                subject = Argument(entities: owner.entities, mention: owner, how: "owner of '\(tokens[i - 1].text)'", penalty: 0.9)
            } else if trigger.form == .gerund, let agent = gerundAgent(at: i, sentence: s, list: list) {
                subject = agent.argument
                if let m = agent.modality { modality = m }
            } else if trigger.form == .gerund, gerundOfANoun(at: i, sentence: s) {
                // "sanctioned three Chinese companies for supplying": the companies supplied.
                return []
            } else if trigger.form == .gerund, i > range.lowerBound, tokens[i - 1].norm == "," {
                // A participle after a comma takes the clause's subject: "X supported Y, hailing Z".
                subject = clauseSubject(before: i, sentence: s, list: list)
            } else {
                subject = findSubject(before: i, sentence: s, list: list)
                if subject == nil, trigger.form == .gerund {
                    subject = participialSubject(after: t.upperBound, sentence: s, list: list)
                }
            }
        }
        if object == nil, let subject, subject.entities.count >= 2,
           knowledge.isSymmetric(entry.relation), !knowledge.arrangingVerbs.contains(tokens[t.lowerBound].lower) {
            // "the two met", "Iran and Saudi Arabia signed" (not "Qatar and Egypt hosted")
            return emitPairs(entry, subject.entities, trigger: t, sentence: s, how: how + " (plural subject)", mention: subject.mention)
        }
        // "Scholz welcomed Ruto to Berlin": welcoming someone to a place is receiving a visitor.
        var afterObject = object?.mention.range.upperBound ?? range.upperBound
        // ("President William Ruto of Kenya to Berlin")
        if afterObject + 1 < range.upperBound, tokens[afterObject].lower == "of",
           let of = list.first(where: { $0.range.lowerBound == afterObject + 1 }) { afterObject = of.range.upperBound }
        if entry.relation == "praises", entry.words == ["welcome"], let o = object, o.how == "object",
           afterObject + 1 < range.upperBound, tokens[afterObject].lower == "to",
           let place = list.first(where: { $0.range.lowerBound == afterObject + 1 }),
           place.kind == .seat || place.entities.allSatisfy({ entities[$0].type == .country }) {
            var receiving = entry
            receiving.relation = "meetsWith"
            return emit(receiving, subject: subject, object: object, trigger: t, sentence: s, how: how + " (to a place: receiving)", modality: modality)
        }
        return emit(entry, subject: subject, object: object, trigger: t, sentence: s, how: how, modality: modality)
    }

    /// The first mention of the clause that can be a subject (not after a preposition, not a possessor).
    func clauseSubject(before i: Int, sentence s: Int, list: [Mention]) -> Argument? {
        let range = sentences[s]
        var start = range.lowerBound
        for k in stride(from: i - 1, through: range.lowerBound, by: -1) where tokens[k].is(.clauseBreak) {
            start = k + 1
            break
        }
        for m in list where m.range.lowerBound >= start && m.range.upperBound <= i {
            if m.possessive || m.locative || m.kind == .demonym || m.modifier || m.target || isOblique(m.range.lowerBound, range) { continue }
            let penalty = [.pronoun, .description, .firstPerson, .relative].contains(m.kind) ? 0.9 : 1
            return Argument(entities: coordinationGroup(m, list: list) ?? m.entities, mention: m, how: "clause subject", penalty: penalty * 0.9)
        }
        return nil
    }

    func nounFrame(_ entry: LexiconEntry, _ t: Range<Int>, sentence s: Int, list: [Mention]) -> [FoundRelation] {
        let range = sentences[s]
        let i = t.lowerBound
        var how = "\(entry.source) noun '\(entry.words.joined(separator: " "))'"
        // A noun directly after "to" is a verb ("to support"); after a subject pronoun too.
        if i > range.lowerBound, ["to", "will", "would", "could", "may", "might", "must", "should", "not", "n't"].contains(tokens[i - 1].lower) {
            return []
        }
        var object: Argument? = nil
        if entry.objectMarkers.contains("between"), let pair = between(after: t.upperBound, sentence: s, list: list) {
            if knowledge.isSymmetric(entry.relation) {
                return emitPairs(entry, pair.entities, trigger: t, sentence: s, how: how + " between", mention: pair.mention)
            }
        }
        var subject: Argument? = nil
        // "a visit by Xi Jinping to Moscow": the agent right after the noun, then the object; so
        // with "of" after an agent noun whose object takes another preposition ("the visit of
        // U.S. lawmakers to Taiwan", but "the invasion of Ukraine" is the object).
        let agentOf = t.upperBound < range.upperBound && tokens[t.upperBound].lower == "of" && !entry.objectMarkers.contains("of")
            && tokens[t.upperBound - 1].is([.agentNoun, .agentNounPlural])
        if t.upperBound + 1 < range.upperBound, tokens[t.upperBound].lower == "by" || agentOf,
           let agent = firstMention(after: t.upperBound + 1, within: 2, list: list, range: range) {
            subject = Argument(entities: coordinationGroup(agent, list: list) ?? agent.entities, mention: agent,
                               how: agentOf ? "of-agent" : "by-agent", penalty: agentOf ? 0.95 : 1)
            object = findObject(after: agent.range.upperBound, markers: entry.objectMarkers.filter { $0 != "between" && $0 != "" }, sentence: s, list: list,
                                eventAgents: true)
            return emit(entry, subject: subject, object: object, trigger: t, sentence: s, how: how, modality: nil)
        }
        object = findObject(after: t.upperBound, markers: entry.objectMarkers.filter { $0 != "between" }, sentence: s, list: list, eventAgents: true)
        // Possessor or demonym: "Iran's attack", "his alliance", "Russian invasion", "U.S. support".
        var j = i
        var skipped = 0
        while j > range.lowerBound, skipped <= 4 {
            if let m = list.first(where: { $0.range.upperBound == j }) {
                // "the ASEAN-U.S. strategic partnership": the two halves of the compound.
                if let k = list.firstIndex(where: { $0.range.upperBound + 1 == m.range.lowerBound && $0.modifier }),
                   knowledge.isSymmetric(entry.relation) {
                    return emitPairs(entry, list[k].entities + m.entities, trigger: t, sentence: s, how: how + " (compound)", mention: list[k])
                }
                if m.possessive || m.kind == .demonym || m.kind == .state || m.kind == .name || m.kind == .members {
                    subject = Argument(entities: m.entities, mention: m, how: "possessor", penalty: m.kind == .pronoun ? 0.9 : 1)
                    // "Rwanda's and M23's hostilities"
                    if m.possessive, let g = coordinatedBefore(m, list: list) { subject!.entities = g + subject!.entities }
                }
                break
            }
            let w = tokens[j - 1]
            if !w.isWord || w.is(.preposition) || w.is(.determiner) && w.lower != "other" && w.lower != "new" {
                if w.norm == "-" || w.lower == "and" { j -= 1; skipped += 1; continue }
                break
            }
            if w.is(.lightVerb) || w.is(.be) { break }
            j -= 1
            skipped += 1
        }
        // "In a call with Erdogan, Putin discussed ...": a fronted phrase of the noun takes the
        // subject after its comma.
        if subject == nil, i > range.lowerBound, i - range.lowerBound <= 3,
           tokens[range.lowerBound].is(.preposition), (range.lowerBound + 1..<i).allSatisfy({ tokens[$0].is(.determiner) || tokens[$0].lower == "a" || tokens[$0].lower == "an" }),
           let fronted = participialSubject(after: t.upperBound, sentence: s, list: list) {
            subject = fronted
            subject!.how = "subject after the fronted phrase"
        }
        // "hit Iran with new sanctions", "attacked Israel with missiles": a verb's object stands
        // before "with" and the event noun after it.
        if subject == nil, object == nil {
            var k = i - 1
            var adjectives = 0
            while k > range.lowerBound, adjectives < 2, tokens[k].isWord, !tokens[k].isCapitalized, !tokens[k].is(.preposition) {
                k -= 1
                adjectives += 1
            }
            if k > range.lowerBound, tokens[k].lower == "with",
               let m = list.last(where: { $0.range.upperBound == k && !$0.possessive && $0.kind != .demonym && !$0.modifier }) {
                var p = m.range.lowerBound - 1
                while p > range.lowerBound, tokens[p].is(.determiner) { p -= 1 }
                // The verb must not be a trigger of another relation: "attacked Israel with rockets"
                // is no aid, though rockets sent to a country are. (No verb at all when the mention
                // opens the sentence: "Iran with sanctions ...".) Only triggers whose other words
                // follow count: "hit" alone is not "hit out at".
                let here = p < range.lowerBound || tokens[p].triggerList < 0 ? [] : knowledge.triggerLists[Int(tokens[p].triggerList)]
                    .filter { matches($0.rest, at: p + 1, limit: range.upperBound) }
                let otherRelation = p < range.lowerBound || !here.isEmpty && !here.contains {
                    knowledge.lexicon[$0.entry].relation == entry.relation
                }
                // A thing handed over ("missiles to Ukraine") is handed by a verb of giving: "supplied
                // Ukraine with missiles" is aid, "hit Israel with missiles" is none.
                let handedOver = entry.objectMarkers.contains("to") && !tokens[p].is(.lightVerb) && here.isEmpty
                if !otherRelation, !handedOver, p < m.range.lowerBound, tokens[p].isWord, !tokens[p].isCapitalized,
                   !tokens[p].is([.preposition, .determiner, .be]) {
                    object = Argument(entities: m.entities, mention: m, how: "object before 'with'", penalty: 0.9)
                    subject = findSubject(before: p, sentence: s, list: list)
                }
            }
        }
        // "the release of hostages by Hamas": "by X" after the object.
        if subject == nil, let o = object, o.mention.range.upperBound + 1 < range.upperBound, tokens[o.mention.range.upperBound].lower == "by",
           let agent = firstMention(after: o.mention.range.upperBound + 1, within: 2, list: list, range: range) {
            subject = Argument(entities: agent.entities, mention: agent, how: "by-agent", penalty: 1)
        }
        // Light verb: "held talks with", "issued a warning to", "imposed sanctions on".
        var modality: Modality? = nil
        var arranged = false
        if subject == nil {
            var k = i - 1
            var steps = 0
            while k >= range.lowerBound, steps < 6 {
                let w = tokens[k].lower
                // "the remaining sanctions", "the continuing talks": a participle after a
                // determiner describes the noun; it is no verb.
                if tokens[k].is(.lightVerb), w.hasSuffix("ing"), k > range.lowerBound, tokens[k - 1].is(.determiner) { break }
                if tokens[k].is(.lightVerb) {
                    if w.hasSuffix("ing"), let agent = gerundAgent(at: k, sentence: s, list: list) {
                        // "warned Beijing against sending weapons to Moscow"
                        subject = agent.argument
                        modality = agent.modality
                    } else if w.hasSuffix("ing"), gerundOfANoun(at: k, sentence: s) {
                        break
                    } else if w.hasSuffix("ing"), let m = list.last(where: { $0.range.upperBound == k && !$0.possessive && $0.kind != .demonym }) {
                        subject = Argument(entities: m.entities, mention: m, how: "participle subject", penalty: 0.9)
                    } else if w.hasSuffix("ing"), k == range.lowerBound {
                        // "Expressing deep concerns about X, Blinken recalled ..."
                        subject = participialSubject(after: i, sentence: s, list: list)
                    } else if k - 1 >= range.lowerBound, tokens[k - 1].lower == "to", let control = controlledSubject(toAt: k - 1, sentence: s, list: list) {
                        if control.requested { return [] }
                        subject = control.0
                        modality = .intended
                    } else if k - 1 >= range.lowerBound, tokens[k - 1].lower == "to", let owner = nounComplementOwner(toAt: k - 1, sentence: s, list: list) {
                        // "Germany's decision to send tanks to Ukraine"
                        subject = owner
                        modality = .intended
                    } else {
                        subject = findSubject(before: k, sentence: s, list: list)
                    }
                    if subject != nil {
                        subject!.penalty *= 0.9
                        how += " (light verb '\(tokens[k].text)')"
                        arranged = knowledge.arrangingVerbs.contains(w)
                    }
                    break
                }
                // Quotes, currency signs ("a $2 billion aid package") and the hyphens of model names
                // ("F-16 jets") stand between a light verb and its noun.
                if ["\"", "$", "€", "£", "¥"].contains(tokens[k].norm)
                    || tokens[k].norm == "-" && !tokens[k].spaceBefore && k + 1 < tokens.count && !tokens[k + 1].spaceBefore {
                    k -= 1
                    continue
                }
                // "pledged 500 million euros in aid to": an amount before "in".
                if w == "in", k > range.lowerBound, tokens[k - 1].is(.amountWord) { k -= 1; steps += 1; continue }
                // "launched more than 300 drones": a comparative quantity.
                if w == "than", k > range.lowerBound, ["more", "less", "fewer"].contains(tokens[k - 1].lower) { k -= 2; steps += 1; continue }
                // "Russia retaliated with missile strikes on Kyiv": the event is the means of a
                // verb right before "with" (no trigger of its own), whose subject is the agent.
                if w == "with", k - 1 > range.lowerBound, tokens[k - 1].isWord, !tokens[k - 1].isCapitalized,
                   tokens[k - 1].lower.hasSuffix("ed"), !triggerFires(at: k - 1, limit: range.upperBound),
                   let agent = findSubject(before: k - 1, sentence: s, list: list) {
                    subject = agent
                    subject!.penalty *= 0.9
                    how += " (means of '\(tokens[k - 1].text)')"
                    break
                }
                if !tokens[k].isWord || tokens[k].is(.preposition) || list.contains(where: { $0.range.contains(k) }) { break }
                k -= 1
                steps += 1
            }
        }
        let symmetric = knowledge.isSymmetric(entry.relation)
        // "Russia's ally Belarus": a name right after a possessed symmetric noun is the other side.
        if symmetric, object == nil, let possessor = subject, possessor.how == "possessor", t.upperBound < range.upperBound,
           let named = list.first(where: { $0.range.lowerBound == t.upperBound && $0.kind == .name && !$0.possessive }) {
            object = Argument(entities: named.entities, mention: named, how: "apposed name", penalty: 0.95)
        }
        // "Belarus, a close ally of Russia": the noun phrase apposed to a name has it as subject.
        if symmetric, subject == nil, object != nil {
            var k = i - 1
            while k > range.lowerBound, i - k <= 3, tokens[k].isWord, !tokens[k].isCapitalized, !tokens[k].is(.determiner) { k -= 1 }
            if k - 1 > range.lowerBound, tokens[k].lower == "a" || tokens[k].lower == "an", tokens[k - 1].norm == ",",
               let apposed = list.last(where: { $0.range.upperBound == k - 1 && !$0.possessive && $0.kind != .demonym }) {
                subject = Argument(entities: apposed.entities, mention: apposed, how: "apposition", penalty: 0.95)
            }
        }
        // "The United States is Israel's closest ally": the clause's subject is the other side.
        if let possessor = subject, object == nil, possessor.how == "possessor",
           knowledge.isSymmetric(entry.relation) {
            var b = possessor.mention.range.lowerBound - 1
            while b > range.lowerBound, tokens[b].is(.determiner) { b -= 1 }
            if b > range.lowerBound, tokens[b].is(.be), let other = findSubject(before: b, sentence: s, list: list) {
                object = other
            } else if b > range.lowerBound, tokens[b].norm == ",", tokens[t.lowerBound].is(.roleNoun),
                      t.upperBound < range.upperBound, [",", ".", ";", ")"].contains(tokens[t.upperBound].norm),
                      let apposed = list.last(where: { $0.range.upperBound == b && !$0.possessive && $0.kind != .demonym && !$0.target }) {
                // "Cuba, Venezuela's closest ally, criticized …": the apposition's head is the other side.
                object = Argument(entities: apposed.entities, mention: apposed, how: "apposition", penalty: 0.95)
            }
        }
        if let subject, object == nil, subject.entities.count >= 2,
           knowledge.isSymmetric(entry.relation), !(subject.how == "possessor" && tokens[t.lowerBound].is(.roleNoun)) {
            // "their cooperation", "China and Russia ... global partners"; not "Qatar and Egypt hosted talks".
            if arranged { return [] }
            return emitPairs(entry, subject.entities, trigger: t, sentence: s, how: how + " (plural agent)", mention: subject.mention)
        }
        var results = emit(entry, subject: subject, object: object, trigger: t, sentence: s, how: how, modality: modality)
        // "rejected talks with", "blocked EU aid to", "the meeting ... was postponed": the event is negated.
        if let v = governingVerb(before: i, sentence: s, list: list), knowledge.negatingVerbs.contains(v) {
            for k in results.indices { results[k].negated = true }
        } else if negatedAfter(t.upperBound, sentence: s) {
            for k in results.indices { results[k].negated = true }
        }
        // "a trilateral call with A and B": the other participants meet each other too.
        if let subject, let object, object.entities.count >= 2,
           knowledge.isSymmetric(entry.relation),
           (max(range.lowerBound, i - 3)..<i).contains(where: { tokens[$0].is(.multilateral) }) {
            results += emitPairs(entry, object.entities.filter { !subject.entities.contains($0) }, trigger: t, sentence: s,
                                 how: how + " (multilateral)", mention: object.mention)
        }
        return results
    }

    // MARK: Arguments

    /// The mentions coordinated before `m` ("Rwanda's and M23's").
    func coordinatedBefore(_ m: Mention, list: [Mention]) -> [Int]? {
        guard let k = list.firstIndex(where: { $0.range == m.range }), k > 0 else { return nil }
        let prev = list[k - 1]
        guard prev.possessive, joined(prev.range.upperBound, m.range.lowerBound) else { return nil }
        return prev.entities
    }

    func firstMention(after i: Int, within n: Int, list: [Mention], range: Range<Int>) -> Mention? {
        var j = i
        while j < min(range.upperBound, i + n) {
            if let m = list.first(where: { $0.range.lowerBound == j }), m.kind != .demonym { return m }
            if !tokens[j].is(.determiner) { return nil }
            j += 1
        }
        return nil
    }

    /// "helping Russia attack Ukraine": the object of an object-control verb (`cues.tsv`
    /// `control-object`, every form) right before a bare infinitive is that infinitive's subject.
    func isBareInfinitiveSubject(_ m: Mention, verb i: Int) -> Bool {
        m.range.upperBound == i && m.range.lowerBound > 0 && knowledge.controlObject.contains(tokens[m.range.lowerBound - 1].lower)
    }

    /// The subject of a verb at `i`: the nearest mention to its left in the same clause that is
    /// not the object of a preposition, a possessor or a place.
    /// - Parameter patient: the subject of a passive, which may be a target ("Indian nationals were detained").
    func findSubject(before i: Int, sentence s: Int, list: [Mention], patient: Bool = false) -> Argument? {
        let range = sentences[s]
        let candidates = list.filter { $0.range.upperBound <= i }.reversed()
        var memberSpans: [Range<Int>]? = nil
        for m in candidates {
            if i - m.range.upperBound > 20 { return nil }
            let between = tokens[m.range.upperBound..<i]
            if between.contains(where: { $0.is(.clauseBreak) && $0.lower != "as" }) && m.kind != .relative { return nil }
            if between.contains(where: { $0.norm == "\"" }) && !quoted[i] { return nil }
            if m.possessive || m.locative || m.kind == .demonym || m.modifier || (m.target && !patient) { continue }
            // "The Tehran airstrike killed": a city or seat before an event noun says where.
            if m.kind == .seat, m.range.upperBound < i, tokens[m.range.upperBound].triggerList >= 0, !tokens[m.range.upperBound].isCapitalized,
               knowledge.triggerLists[Int(tokens[m.range.upperBound].triggerList)].contains(where: { $0.form == .noun }) { continue }
            // "The G7 (Canada, France, …) condemned": a parenthesis closed before the verb is an
            // aside; the subject is before it.
            if between.contains(where: { $0.norm == ")" }), insideParenthesis(m.range.lowerBound, range) { continue }
            // A spokesperson for X speaks as X: "a spokesman for the foreign ministry said".
            let groupStart = coordinationStart(m, list: list)
            let spokesperson = speaksFor(groupStart, range: range)
            if !spokesperson, m.kind != .relative, m.range.lowerBound > range.lowerBound, isOblique(m.range.lowerBound, range),
               !tokens[m.range.lowerBound - 1].is(.preposition), !isBareInfinitiveSubject(m, verb: i) { continue }
            // The object of a preposition ("with Putin", "of Ukraine") is not a subject; neither is a
            // mention coordinated with one.
            if groupStart > range.lowerBound, !spokesperson {
                var p = groupStart - 1
                while p > range.lowerBound, tokens[p].is(.determiner) { p -= 1 }
                if tokens[p].is(.preposition) { continue }
            }
            // "The Forum, whose members include A, B and C, will discuss": a member list is an
            // aside about the body, which is the subject.
            if memberSpans == nil { memberSpans = memberListSpans(s, list: list).map(\.list) }
            if memberSpans!.contains(where: { $0.contains(m.range.lowerBound) }) { continue }
            var entities = m.entities
            if let g = coordinationGroup(m, list: list) { entities = g }
            let penalty = [.pronoun, .description, .firstPerson, .relative].contains(m.kind) ? 0.9 : 1
            return Argument(entities: entities, mention: m, how: "subject", penalty: penalty)
        }
        return nil
    }

    /// The object of a trigger ending at `e`: the first mention after it reached through one of
    /// `markers` ("" = directly) over at most four modifier words; adverbials ("in the strongest
    /// terms") are skipped. A direct object that is an event ("the launch of a missile by X")
    /// stands for its agent, unless `eventAgents` is false: then such an object gives none (the
    /// partner of a symmetric relation is never the agent of an event: "met a deadline set by
    /// X", "signed the deal brokered by Qatar").
    func findObject(after e: Int, markers: [String], sentence s: Int, list: [Mention], eventAgents: Bool) -> Argument? {
        let range = sentences[s]
        var skipUntil = e
        while let adverbial = longest(knowledge.adverbials, at: skipUntil, limit: range.upperBound) { skipUntil += adverbial.count }
        for m in list where m.range.lowerBound >= skipUntil {
            if m.range.lowerBound - skipUntil > 9 { break }
            // A clause break that is not part of a marker, or a full stop, ends the search.
            let between = tokens[skipUntil..<m.range.lowerBound]
            if between.contains(where: { t in
                t.lower == "." || t.is(.clauseBreak) && !markers.contains { $0.split(separator: " ").contains(Substring(t.lower)) }
            }) { break }
            let words = between.map(\.lower).filter { $0 != "\"" }
            // "condemned the Israeli strikes on Rafah": a demonym before an event noun is the
            // event's agent, and the agent of a direct object event is the object.
            if m.kind == .demonym, markers.contains(""), m.range.upperBound < range.upperBound,
               tokens[m.range.upperBound].triggerList >= 0,
               knowledge.triggerLists[Int(tokens[m.range.upperBound].triggerList)].contains(where: { $0.form == .noun }),
               objectMarker(words, [""]) == "" {
                guard eventAgents else { return nil }
                return Argument(entities: m.entities, mention: m, how: "agent of the object event", penalty: 0.9)
            }
            if m.kind == .demonym || m.modifier { continue }
            // "strikes on Gaza and we support …": "we", "they", "he" start a clause; they are nobody's object.
            if Self.nominativePronouns.contains(tokens[m.range.lowerBound].lower) { break }
            // The first actor after the trigger is the only candidate.
            var how = ""
            var marker = objectMarker(words, markers)
            if marker == nil, markers.contains(""), let noun = agentNounOf(words) {
                // "commends the efforts of Oman": the agent of the action is the object.
                marker = ""
                how = "agent of '\(noun)'"
            }
            guard let marker else { break }
            // "discussed the war with the RSF": the phrase belongs to an event noun right before
            // its preposition that takes that preposition itself.
            // ("between" names the parties of both: "mediated talks between A and B".)
            if marker != "between", let first = marker.split(separator: " ").first,
               let p = (skipUntil..<m.range.lowerBound).last(where: { tokens[$0].lower == first }), p - 1 >= skipUntil,
               knowledge.startsNounTrigger(tokens[p - 1], taking: marker) {
                break
            }
            // A place ("in Beijing") is an object only when the trigger asks for that preposition.
            if m.locative && marker.isEmpty && m.range.lowerBound > e { return nil }
            var entities = m.entities
            var last = m
            if let g = coordinationGroup(m, list: list), m.range.upperBound < range.upperBound {
                entities = g
                last = list.last { coordinationGroup($0, list: list) == g } ?? m
            }
            // "X for his leadership as well as the efforts of A, B and C"
            if let more = asWellAs(after: last, sentence: s, list: list) { entities += more }
            let penalty = [.pronoun, .description, .firstPerson, .relative].contains(m.kind) ? 0.9 : 1
            if how.isEmpty { how = marker.isEmpty ? "object" : "'\(marker)' object" }
            return Argument(entities: entities, mention: m, how: how, penalty: penalty)
        }
        guard markers.contains("") else { return nil }
        if let anaphor = eventAnaphor(at: skipUntil, sentence: s, list: list) { return anaphor }
        // "condemns the launch of a ballistic missile by the DPRK", "efforts by other countries, such as Oman"
        var k = skipUntil
        while k < min(range.upperBound, skipUntil + 14) {
            let w = tokens[k].lower
            if w == "by" {
                var j = k + 1
                while j < min(range.upperBound, k + 10) {
                    if let m = list.first(where: { $0.range.lowerBound == j }), m.kind != .demonym {
                        guard eventAgents else { return nil }
                        let entities = coordinationGroup(m, list: list) ?? m.entities
                        return Argument(entities: entities, mention: m, how: "agent of the object event", penalty: 0.9)
                    }
                    let suchAs = tokens[j].lower == "as" && tokens[j - 1].lower == "such"
                    if (tokens[j].is(.clauseBreak) && !suchAs) || tokens[j].norm == "." { return nil }
                    j += 1
                }
                return nil
            }
            if tokens[k].is([.clauseBreak, .be]) || w == "." || w == "," || list.contains(where: { $0.range.lowerBound == k }) { return nil }
            k += 1
        }
        return nil
    }

    /// The agent of a gerund at `i` after "praised X for", "accused X of", "warned X against",
    /// "barred X from": the object X before the preposition ("condemned U.S. lawmakers for
    /// visiting Taiwan"). After "against" and "from" the deed has not happened: possible.
    func gerundAgent(at i: Int, sentence s: Int, list: [Mention]) -> (argument: Argument, modality: Modality?)? {
        let range = sentences[s]
        guard i - 1 > range.lowerBound, ["for", "of", "against", "from"].contains(tokens[i - 1].lower),
              let m = list.last(where: { $0.range.upperBound == i - 1 && !$0.possessive && $0.kind != .demonym }) else { return nil }
        let prevented = tokens[i - 1].lower == "against" || tokens[i - 1].lower == "from"
        // "Iran was accused by Israel of supplying": after a passive's agent, the passive's
        // subject is the one who acts.
        if m.range.lowerBound > range.lowerBound, tokens[m.range.lowerBound - 1].lower == "by" {
            guard let patient = findSubject(before: m.range.lowerBound - 1, sentence: s, list: list, patient: true) else { return nil }
            return (Argument(entities: patient.entities, mention: patient.mention, how: "subject of the governing passive", penalty: 0.9), prevented ? .possible : nil)
        }
        return (Argument(entities: m.entities, mention: m, how: "object of the governing verb", penalty: 0.9), prevented ? .possible : nil)
    }

    /// Whether the gerund at `i` follows "NOUN for/of/against/from", a noun that is no actor
    /// ("companies for supplying", "efforts of helping"): its agent is that noun, not the clause's
    /// subject. After a verb ("accused of attacking", "warned against") the clause's subject stays,
    /// but not after a present verb missing its object ("the firms the EU accuses of helping").
    func gerundOfANoun(at i: Int, sentence s: Int) -> Bool {
        let range = sentences[s]
        guard i - 2 >= range.lowerBound, ["for", "of", "against", "from"].contains(tokens[i - 1].lower) else { return false }
        let w = tokens[i - 2]
        guard w.isWord, !w.isCapitalized else { return false }
        // "companies that the bloc accuses of helping Russia": a present verb with its object
        // taken by a relative pronoun; the relative's noun acts, not the verb's subject.
        if w.is(.verbTrigger), w.lower.hasSuffix("s"), !w.lower.hasSuffix("ss") { return true }
        return !w.lower.hasSuffix("ed") && !w.is([.be, .lightVerb]) && !w.is(.verbTrigger)
    }

    /// Whether a mention starting at `start` follows "spokesman for (the)" or "spokeswoman of".
    func speaksFor(_ start: Int, range: Range<Int>) -> Bool {
        var p = start - 1
        while p > range.lowerBound, tokens[p].is(.determiner) { p -= 1 }
        return p > range.lowerBound && (tokens[p].lower == "for" || tokens[p].lower == "of") && tokens[p - 1].is(.spokesNoun)
    }

    /// "the (adjectives) NOUN of" before a mention, where NOUN is an agent noun: returns NOUN.
    func agentNounOf(_ words: [String]) -> String? {
        guard let of = words.lastIndex(of: "of"), of > 0, knowledge.agentNouns.contains(words[of - 1]) else { return nil }
        let before = words[..<(of - 1)]
        let after = words[(of + 1)...]
        let modifiers = before.allSatisfy { !Self.prepositions.contains($0) && !knowledge.beForms.contains($0) && $0 != "," }
        guard modifiers, before.count <= 4, after.allSatisfy({ knowledge.determiners.contains($0) }) else { return nil }
        return words[of - 1]
    }

    /// Objects added by "as well as" after an object mention, over an optional "the efforts of".
    func asWellAs(after m: Mention, sentence s: Int, list: [Mention]) -> [Int]? {
        let range = sentences[s]
        var j = m.range.upperBound
        // Skip a short "for his leadership" between the object and "as well as".
        var skipped = 0
        while j < range.upperBound, skipped < 5, !(matches(["as", "well", "as"], at: j, limit: range.upperBound)) {
            if tokens[j].is(.clauseBreak) && tokens[j].lower != "as" || tokens[j].norm == "," || list.contains(where: { $0.range.lowerBound == j && $0.kind != .pronoun }) { return nil }
            j += 1
            skipped += 1
        }
        guard matches(["as", "well", "as"], at: j, limit: range.upperBound) else { return nil }
        j += 3
        let start = j
        while j < range.upperBound, j - start < 7 {
            if let next = list.first(where: { $0.range.lowerBound == j }), next.kind != .demonym {
                let words = tokens[start..<j].map(\.lower)
                guard words.isEmpty || words.allSatisfy({ knowledge.determiners.contains($0) }) || agentNounOf(words) != nil else { return nil }
                return coordinationGroup(next, list: list) ?? next.entities
            }
            j += 1
        }
        return nil
    }

    /// Which marker joins a trigger to a mention over `words`, if any.
    func objectMarker(_ words: [String], _ markers: [String]) -> String? {
        func skippable(_ w: ArraySlice<String>) -> Bool {
            w.count <= 5 && w.allSatisfy { !Self.prepositions.contains($0) && !knowledge.clauseBreaks.contains($0) && $0 != "," && $0 != ";" && !knowledge.beForms.contains($0) }
        }
        var words = words
        // "the democratic island of Taiwan": a place noun with "of" before the name is skipped.
        // So is a quantity: "killed dozens of Boko Haram fighters".
        if words.count >= 2, words.last == "of",
           knowledge.placeNouns.contains(words[words.count - 2]) || knowledge.quantityWords.contains(words[words.count - 2]) {
            words.removeLast(2)
        }
        var best: String? = nil
        for marker in markers {
            if marker.isEmpty {
                if skippable(words[...]) && words.count <= 4 { best = best ?? "" }
                continue
            }
            let mw = marker.split(separator: " ").map(String.init)
            guard words.count >= mw.count else { continue }
            for start in 0...(words.count - mw.count) where Array(words[start..<start + mw.count]) == mw {
                if skippable(words[..<start]) && skippable(words[(start + mw.count)...]) {
                    if best == nil || best!.count < marker.count { best = marker }
                }
            }
        }
        return best
    }

    /// "between A and B": the coordinated mentions after "between".
    func between(after e: Int, sentence s: Int, list: [Mention]) -> (entities: [Int], mention: Mention)? {
        let range = sentences[s]
        var j = e
        while j < range.upperBound, j - e < 4, tokens[j].lower != "between" { j += 1 }
        guard j < range.upperBound, tokens[j].lower == "between", let first = firstMention(after: j + 1, within: 2, list: list, range: range) else { return nil }
        guard let group = coordinationGroup(first, list: list), group.count >= 2 else { return nil }
        return (group, first)
    }

    /// The coordinations of the sentence list the relation stage is working on, computed once
    /// per sentence (`findRelations`), else computed here.
    func coordinationGroups(_ list: [Mention]) -> [[Int]] {
        if let cache = coordinationCache, cache.count == list.count, cache.first == list.first?.range, cache.last == list.last?.range {
            return cache.groups
        }
        return coordinations(list)
    }

    func coordinationStart(_ m: Mention, list: [Mention]) -> Int {
        for g in coordinationGroups(list) where g.contains(where: { list[$0].range == m.range }) {
            return list[g[0]].range.lowerBound
        }
        return m.range.lowerBound
    }

    func coordinationGroup(_ m: Mention, list: [Mention]) -> [Int]? {
        for g in coordinationGroups(list) where g.count > 1 && g.contains(where: { list[$0].range == m.range }) {
            return g.flatMap { list[$0].entities }
        }
        return nil
    }

    /// The agent of an infinitive after "to" at `to`: the object of an object-control verb
    /// ("invited Xi to"), or the subject of a subject-control verb ("offered to"); the control
    /// verb; and whether that verb only asks for the infinitive ("urged Sudan to").
    func controlledSubject(toAt to: Int, sentence s: Int, list: [Mention]) -> (Argument?, String, requested: Bool)? {
        let range = sentences[s]
        var k = to - 1
        while k >= range.lowerBound, to - k <= 6 {
            let w = tokens[k].lower
            let two = k + 1 < to ? "\(w) \(tokens[k + 1].lower)" : w
            if knowledge.controlObject.contains(two) || knowledge.controlObject.contains(w) {
                let objectMention = list.first { $0.range.lowerBound > k && $0.range.upperBound <= to }
                let requested = knowledge.requestVerbs.contains(two) || knowledge.requestVerbs.contains(w)
                if let o = objectMention {
                    return (Argument(entities: o.entities, mention: o, how: "controller object", penalty: 0.95), tokens[k].text, requested)
                }
                return (nil, tokens[k].text, requested)
            }
            if tokens[k].is(.controlSubject) {
                return (findSubject(before: k, sentence: s, list: list), tokens[k].text, false)
            }
            k -= 1
        }
        return nil
    }

    /// Whether the clause a noun phrase opens ends in a negating passive ("was postponed",
    /// "has been called off"), skipping a relative clause between commas.
    func negatedAfter(_ e: Int, sentence s: Int) -> Bool {
        let range = sentences[s]
        var k = e
        var inRelative = false
        while k < min(range.upperBound, e + 16) {
            let w = tokens[k].lower
            if w == "," { inRelative.toggle() }
            else if !inRelative, tokens[k].is(.be), k + 1 < range.upperBound {
                var j = k + 1
                while j < range.upperBound, tokens[j].lower.hasSuffix("ly") || tokens[j].lower == "been" { j += 1 }
                return j < range.upperBound && tokens[j].is(.negatingVerb)
            } else if !inRelative && (w == ";" || w == "." || (tokens[k].is(.clauseBreak) && w != "which")) { return false }
            k += 1
        }
        return false
    }

    /// The verb that governs a noun phrase ending before `i`, over determiners, adjectives and one
    /// attributive actor ("blocked EU aid": "blocked").
    func governingVerb(before i: Int, sentence s: Int, list: [Mention]) -> String? {
        let range = sentences[s]
        var k = i - 1
        var steps = 0
        while k >= range.lowerBound, steps < 5 {
            if let m = list.first(where: { $0.range.contains(k) }) { k = m.range.lowerBound - 1; steps += 1; continue }
            let w = tokens[k].lower
            // "denied supplying weapons": a negating verb right before the light verb governs both.
            if tokens[k].is(.lightVerb), !tokens[k].is(.negatingVerb), k - 1 >= range.lowerBound, tokens[k - 1].is(.negatingVerb) {
                return tokens[k - 1].lower
            }
            if tokens[k].is([.negatingVerb, .lightVerb]) { return w }
            if !tokens[k].isWord || tokens[k].is(.preposition) { return nil }
            k -= 1
            steps += 1
        }
        return nil
    }

    /// The owner of a noun that takes "to" + verb: "the U.S. commitment to", "Iran's decision to".
    func nounComplementOwner(toAt to: Int, sentence s: Int, list: [Mention]) -> Argument? {
        let range = sentences[s]
        let noun = to - 1
        guard noun > range.lowerBound, tokens[noun].isWord, !tokens[noun].isCapitalized,
              !tokens[noun].is(.lightVerb), !tokens[noun].is(.be),
              !tokens[noun].is(.verbTrigger) || tokens[noun].lower.hasSuffix("ment") else { return nil }
        guard let m = list.last(where: { $0.range.upperBound == noun || ($0.range.upperBound == noun - 1 && tokens[noun - 1].isWord && !tokens[noun - 1].isCapitalized) }),
              m.possessive || m.kind == .name || m.kind == .demonym || m.kind == .state else { return nil }
        return Argument(entities: m.entities, mention: m, how: "owner of '\(tokens[noun].text)'", penalty: 0.9)
    }

    /// The subject of a sentence-initial participle clause: the first mention after its comma.
    func participialSubject(after e: Int, sentence s: Int, list: [Mention]) -> Argument? {
        let range = sentences[s]
        guard let comma = (e..<range.upperBound).first(where: { tokens[$0].norm == "," }) else { return nil }
        guard let m = list.first(where: { $0.range.lowerBound == comma + 1 && !$0.possessive }) else { return nil }
        return Argument(entities: m.entities, mention: m, how: "participle subject", penalty: 0.9)
    }

    // MARK: Emission

    func polarity(from start: Int, to end: Int, sentence s: Int) -> (Bool, Modality) {
        let range = sentences[s]
        var negated = false
        var modality = Modality.asserted
        var k = max(range.lowerBound, start)
        while k < end {
            if let n = longest(knowledge.negations, at: k, limit: end) {
                // "not only" is not a negation.
                if !(n == ["not"] && k + 1 < range.upperBound && tokens[k + 1].lower == "only") { negated = true }
                k += n.count
                continue
            }
            if tokens[k].is(.modalityStart), let m = knowledge.modalities[tokens[k].lower]?.first(where: { matches($0.words, at: k, limit: end) }) {
                if modality == .asserted { modality = m.value }
            }
            k += 1
        }
        // A condition earlier in the sentence: "if X travels to Moscow".
        for j in range.lowerBound..<min(start, end) where ["if", "unless", "whether"].contains(tokens[j].lower) {
            if modality == .asserted { modality = .conditional }
        }
        return (negated, modality)
    }

    func emit(_ entry: LexiconEntry, subject: Argument?, object: Argument?, trigger t: Range<Int>, sentence s: Int,
              how: String, modality forced: Modality?) -> [FoundRelation] {
        guard let subject, let object else { return [] }
        guard mentionsAllowed(entry.relation, subject: subject.mention, object: object.mention) else { return [] }
        let start = min(subject.mention.range.lowerBound, t.lowerBound)
        let end = max(object.mention.range.upperBound, t.upperBound)
        // The clause between the subject and the trigger; for an agent after the trigger, the words just before it.
        let from = subject.mention.range.upperBound <= t.lowerBound ? subject.mention.range.upperBound
            : (subject.mention.range.lowerBound >= t.upperBound ? max(sentences[s].lowerBound, t.lowerBound - 3) : sentences[s].lowerBound)
        var (negated, modality) = polarity(from: from, to: t.lowerBound, sentence: s)
        // "Rwanda denied backing the M23": a gerund right after a negating verb did not happen.
        if t.lowerBound - 1 >= sentences[s].lowerBound, tokens[t.lowerBound - 1].is(.negatingVerb),
           tokens[t.lowerBound].lower.hasSuffix("ing") { negated = true }
        if let forced, modality == .asserted { modality = forced }
        // "Hamas denied that it had attacked": a clause under a denial is negated.
        let sStart = subject.mention.range.lowerBound
        if sStart >= 2, tokens[sStart - 1].lower == "that" {
            // "denied reports that X attacked", "rejected claims that X would send"
            var k = sStart - 2
            while k > sentences[s].lowerBound, sStart - k <= 4, tokens[k].is([.reportNoun, .determiner]) { k -= 1 }
            if tokens[k].is(.negatingVerb) { negated = true }
        }
        var out: [FoundRelation] = []
        let pattern = trace ? "\(how); subject \(subject.how) [\(subject.mention.note)]; object \(object.how) [\(object.mention.note)]"
            : "\(how); subject \(subject.how); object \(object.how)"
        // "Putin hailed their efforts": a plural reference that includes the subject is its own side.
        if object.mention.kind == .pronoun, object.entities.count > 1, !Set(object.entities).isDisjoint(with: subject.entities) { return [] }
        for a in subject.entities {
            for b in object.entities where a != b {
                guard typeAllowed(entry.relation, a, b) else { continue }
                out.append(FoundRelation(subject: a, relation: relation(entry.relation, by: a), object: b, negated: negated, modality: modality,
                                         confidence: entry.confidence * subject.penalty * object.penalty,
                                         sentence: s, tokens: start..<end, pattern: pattern,
                                         subjectRole: subject.mention.role, objectRole: object.mention.role, trigger: t.lowerBound,
                                         transitiveReading: entry.pos == .verb && entry.objectMarkers.contains("")))
            }
        }
        negated = false
        return out
    }

    func emitPairs(_ entry: LexiconEntry, _ entities: [Int], trigger t: Range<Int>, sentence s: Int, how: String, mention: Mention) -> [FoundRelation] {
        var out: [FoundRelation] = []
        let (negated, modality) = polarity(from: max(sentences[s].lowerBound, t.lowerBound - 4), to: t.lowerBound, sentence: s)
        let unique = entities.reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
        for (x, a) in unique.enumerated() {
            for b in unique[(x + 1)...] where typeAllowed(entry.relation, a, b) {
                out.append(FoundRelation(subject: a, relation: relation(entry.relation, by: a), object: b, negated: negated, modality: modality,
                                         confidence: entry.confidence * 0.95, sentence: s,
                                         tokens: min(t.lowerBound, mention.range.lowerBound)..<max(t.upperBound, mention.range.upperBound),
                                         pattern: trace ? "\(how) [\(mention.note)]" : how,
                                         subjectRole: mention.role, objectRole: mention.role, trigger: t.lowerBound))
            }
        }
        return out
    }

    /// A state does not demonstrate: "the Philippines protested China's ..." is a diplomatic
    /// protest, an official complaint (CAMEO 11), not a street protest (CAMEO 14).
    func relation(_ name: String, by subject: Int) -> String {
        entities[subject].type == .country ? knowledge.byCountry[name] ?? name : name
    }

    /// Whether mentions `subject` and `object` may be the relation's sides as mentions, whoever
    /// they stand for. The subject: no role kg.owl rules out ("Ugandan troops arrived in Juba" is
    /// no visit; `kg:notByRole`). The object: a country's people only as the object of force
    /// ("welcomed Ukrainian refugees" praises nobody; `kg:onPeopleOf`), no role kg.owl rules out
    /// ("hosted French troops" is no meeting; `kg:notOnRole`), and only a name itself where kg.owl
    /// asks for one ("leads Hamas", not "leads Hamas's bureau" or "the Russian delegation";
    /// `kg:onNamedObject`). Both relation stages ask it.
    func mentionsAllowed(_ relation: String, subject: Mention, object m: Mention) -> Bool {
        if let role = subject.role, knowledge.notByRoles[relation]?.contains(role) == true { return false }
        if m.target && !knowledge.onPeopleRelations.contains(relation) { return false }
        if knowledge.namedObjectRelations.contains(relation), m.kind != .name || m.possessive || m.locative { return false }
        if let role = m.role, knowledge.notOnRoles[relation]?.contains(role) == true { return false }
        return true
    }

    /// Argument types a relation accepts (the ontology's domain and range).
    func typeAllowed(_ relation: String, _ a: Int, _ b: Int) -> Bool {
        // A person and the state they act for are one actor at the state level: no edge between them
        // but the structural ones.
        // (Where kg.owl allows it, a person acts on their own state only in a relation of people,
        // leaderOf; a state may still arrest or investigate its own citizens, never the reverse.)
        let own = knowledge.ownStateRelations.contains(relation)
        if entities[a].type == .person, entities[a].country == entities[b].key,
           !own || (knowledge.relationClasses[relation]?.domain != .person && relation != "memberOf") { return false }
        if entities[b].type == .person, entities[b].country == entities[a].key, !own { return false }
        // The classes kg.owl gives the relation's subject and object (rdfs:domain, rdfs:range).
        if let r = knowledge.relationClasses[relation] {
            if let d = r.domain, entities[a].type != d { return false }
            if let c = r.range, entities[b].type != c { return false }
        }
        // A group (the West, protesters) is no member state.
        if relation == "memberOf" { return entities[a].type != .group }
        return true
    }

    /// Whether a trigger of the lexicon matches at `i` with all its words ("retaliated" alone
    /// is no "retaliate against").
    func triggerFires(at i: Int, limit: Int) -> Bool {
        guard tokens[i].triggerList >= 0 else { return false }
        return knowledge.triggerLists[Int(tokens[i].triggerList)].contains { matches($0.rest, at: i + 1, limit: limit) }
    }

    /// Whether token `i` is inside a parenthesis opened in `range` before it.
    func insideParenthesis(_ i: Int, _ range: Range<Int>) -> Bool {
        var k = i - 1
        while k >= range.lowerBound {
            if tokens[k].norm == ")" { return false }
            if tokens[k].norm == "(" { return true }
            k -= 1
        }
        return false
    }
}
