import KnowledgeGraph

/// The relation stage over the parse (`ConstructionStage`), in place of the pattern stage
/// (`findRelations`): the same structural relations of the actor stage (leaderOf from titles,
/// hyphenated compounds), then, for each sentence with an actor and a trigger, its tree and the
/// constructions' relations.
extension DocumentAnalysis {
    func constructionRelations(parser: SentenceParser, stage: ConstructionStage) -> [FoundRelation] {
        markModifiers()
        var found: [FoundRelation] = []
        for (s, range) in sentences.enumerated() {
            let list = mentions[s].filter { !$0.entities.isEmpty }
            // Who did this sentence's events, for "condemned the launch" later on.
            defer { recordEventAgents(sentence: s, list: list) }
            // (A sentence whose only mention stands for nobody may still name a leader's title.)
            guard !list.isEmpty else { found += actorRelations(s, list: list); continue }
            coordinationCache = (list.count, list.first?.range, list.last?.range, coordinations(list))
            found += actorRelations(s, list: list)
            // Parse only the sentences that can give a triple: two different actors (or an
            // actor and an event named earlier) and a trigger. Parsing is most of the stage's time.
            // (A definite one: "condemned the detention"; "the launch of" names a new event.)
            let actBefore = latestAct.map { $0.sentence >= s - 1 } ?? false
            let namedEarlier = range.contains { k in
                (((tokens[k].is([.agentNoun, .agentNounPlural]) || knowledge.nominalNouns.contains(tokens[k].lower))
                    && eventAgents[Self.singular(tokens[k].lower)] != nil)
                    || (actBefore && knowledge.actAnaphors.contains(Self.singular(tokens[k].lower))))
                    && k > range.lowerBound && Self.definiteDeterminers.contains(tokens[k - 1].lower)
            }
            // (Or one actor and a town within eight words after a trigger of an act on places:
            // "Russia shelled Kharkiv", "attacks on Goma", "Russian missiles hit a hospital in Kharkiv".)
            // (A trigger counts only when the sentence has an actor of the class kg.owl gives its
            // relation's subject: "led" needs a person for leaderOf.)
            let actors = Set(list.flatMap(\.entities)), types = Set(actors.map { entities[$0].type })
            // (Or a consequence announced for someone: "said Seoul would pay dearly".)
            guard range.contains(where: { triggerMatches(at: $0, in: range, types: types) })
                    || (actors.count >= 2 && range.contains { k in
                        // (Its complement within four words: "pay a heavy price", "pay dearly".)
                        knowledge.consequences[tokens[k].lower]?.contains { cue in
                            cue.complement.isEmpty || (k + 1..<min(k + 5, range.upperBound)).contains { tokens[$0].lower == cue.complement }
                        } ?? false
                    }) else { continue }
            if actors.count < 2 && !namedEarlier {
                let triggers = range.filter { placeTriggerStarts(at: $0) }
                guard !triggers.isEmpty, stage.townNames(in: self, sentence: s).contains(where: { town in
                    triggers.contains { town.0.lowerBound > $0 && town.0.lowerBound - $0 <= 8 }
                }) else { continue }
            }
            // A dateline ("OTTAWA, June 2 (Reuters) -") is no part of the sentence's syntax.
            let tree = parsedTree(s, list: list, parser: parser)
            if trace { trees[s] = tree }
            // "Belgrade's legitimate demands": a trigger word the parse shows as a noun with an
            // article, possessor or adjective of its own is no verb (a relative "which" tagged as its
            // determiner says nothing: "Iran, which arms the Houthis").
            for t in tree.tokens where tokens[t].triggerList >= 0 && tree.tag(t) == "NOUN"
                && (!tree.dependents(t, ["nmod:poss", "amod"]).isEmpty
                    || tree.dependents(t, ["det"]).contains { ["the", "a", "an"].contains(tokens[$0].lower) }) {
                parsedNouns.insert(t)
            }
            var misses: [String]? = trace ? [] : nil
            found += stage.relations(in: self, sentence: s, tree: tree, misses: &misses)
            if let misses, !misses.isEmpty { unmatchedTriggers[s] = misses }
        }
        coordinationCache = nil
        return dedupe(found)
    }

    /// Whether a lexicon trigger of a relation done to places (`kg:onPlaceIn`) may start at `i`.
    func placeTriggerStarts(at i: Int) -> Bool {
        guard tokens[i].triggerList >= 0 else { return false }
        return knowledge.triggerLists[Int(tokens[i].triggerList)].contains { knowledge.onPlaceRelations.contains(knowledge.lexicon[$0.entry].relation) }
    }

    /// Whether a trigger of the lexicon starts at token `i` with all its words inside `range`,
    /// as the construction stage matches them ("security" alone starts "security guarantees" but
    /// is none), or a verb-object frame's verb is there (its object is found in the parse).
    /// - Parameter types: the classes of the sentence's actors; a relation whose `rdfs:domain` is
    ///   a class none of them has cannot be found (nil: any). (Not the range: a town may stand
    ///   for the object's country.)
    func triggerMatches(at i: Int, in range: Range<Int>, types: Set<ActorType>? = nil) -> Bool {
        func possible(_ relation: String) -> Bool {
            guard let types, let r = knowledge.relationClasses[relation] else { return true }
            return r.domain.map(types.contains) ?? true
        }
        // A frame's verb counts when its object noun is in the sentence too.
        if let frames = knowledge.frames[tokens[i].lower],
           frames.contains(where: { f in possible(knowledge.lexicon[f.entry].relation) && f.rest.last.map { noun in range.contains { tokens[$0].lower == noun } } ?? false }) { return true }
        guard tokens[i].triggerList >= 0 else { return false }
        return knowledge.triggerLists[Int(tokens[i].triggerList)].contains {
            possible(knowledge.lexicon[$0.entry].relation)
                && $0.end(at: i, in: tokens, limit: range.upperBound, filler: knowledge.lexicon[$0.entry].pos == .verb) != nil
        }
    }

    /// Where the body of a sentence starts after a news dateline: a place in capitals or a
    /// date or an agency in parentheses, then a dash ("KYIV, July 20 -", "Nairobi, March 3
    /// (AP) —"), within the first dozen tokens. Nil when the sentence has none.
    func datelineEnd(in range: Range<Int>) -> Int? {
        let first = tokens[range.lowerBound]
        let allCaps = first.isWord && first.text.count >= 3 && first.text == first.text.uppercased() && first.text.contains(where: \.isLetter)
        // The shape "PLACE, …": a capitalized place, then a comma (within its first three words).
        guard first.isCapitalized, range.prefix(4).contains(where: { tokens[$0].norm == "," }) else { return nil }
        var dated = false
        for t in range.prefix(12) {
            let tok = tokens[t]
            if DateFinder.month(tok) != nil || ["Reuters", "AP", "AFP", "Xinhua", "TASS", "Anadolu"].contains(tok.text) { dated = true }
            if ["-", "—", "–", "--"].contains(tok.norm), tok.spaceBefore, t > range.lowerBound, t + 1 < range.upperBound {
                return allCaps || dated ? t + 1 : nil
            }
            if tok.norm == "." || tok.norm == ";" { return nil }
        }
        return nil
    }

    /// The tree of sentence `s`: without its dateline, and with the gazetteer's names of people,
    /// states and organizations tagged as proper nouns, whatever the tagger would guess (not a
    /// group's: "Protesters" at a sentence's start is a noun).
    func parsedTree(_ s: Int, list: [Mention], parser: SentenceParser) -> DependencyTree {
        let range = sentences[s]
        let names = Set(list.filter { m in
            (m.kind == .name || m.kind == .seat) && m.entities.allSatisfy { entities[$0].type != .group }
        }.flatMap { Array($0.range) })
        // Names of two to five capitalized words ("Saudi Arabia", "Democratic Republic" is not
        // one: "of the Congo" follows), each word a token of its own.
        // A titled person too, with the title in apposition ("Iraq's foreign minister, Haider
        // al-Jubouri,"): the parser sees the name's last word alone, where the apposition's
        // commas and possessive would lead it astray.
        let spans = list.filter { m in
            !m.possessive && (
                ((m.kind == .name || m.kind == .seat) && (2...5).contains(m.range.count)
                    && m.range.allSatisfy { tokens[$0].isCapitalized && tokens[$0].text.allSatisfy(\.isLetter) })
                || (m.kind == .titled && (2...12).contains(m.range.count) && tokens[m.range.upperBound - 1].isCapitalized))
        }.map { m in m.kind == .titled ? hyphenPrefixed(m.range, in: range) : m.range }
        // The comma that closes a titled person's apposition ("…, Haider al-Jubouri, accused").
        var hidden: [Int: Int] = [:]
        for m in list where m.kind == .titled && spans.contains(m.range) && m.range.contains(where: { tokens[$0].norm == "," }) {
            if m.range.upperBound < range.upperBound && tokens[m.range.upperBound].norm == "," { hidden[m.range.upperBound] = m.range.upperBound - 1 }
        }
        // A member list between commas ("The GCC, whose members include Kuwait and Qatar, backed")
        // or after "of" ("The Quad of A, B, C and D met"): read apart (`membershipRelations`), it
        // only misleads the parser about the clause.
        for (org, list) in memberListSpans(s, list: list) {
            if tokens[list.lowerBound].norm == "," {
                guard list.upperBound < range.upperBound && tokens[list.upperBound].norm == "," else { continue }
                hidden[list.upperBound] = org
            }
            for t in list { hidden[t] = org }
        }
        let triggers = Set(range.filter { tokens[$0].triggerList >= 0 && tokens[$0].isWord && !names.contains($0) })
        let tree = parser.tree(tokens, sentence: (datelineEnd(in: range) ?? range.lowerBound)..<range.upperBound, names: names,
                               nounsOrVerbs: triggers, nameSpans: spans,
                               hidden: hidden)
        let actors = Set(list.filter { !$0.possessive }.flatMap { Array($0.range) })
        return TreeRepair.repaired(tree, words: tokens, quantities: knowledge.quantityWords, naming: knowledge.namingVerbs,
                                   pastTense: knowledge.pastTenseForms, actors: actors)
    }

    /// A title's span with the capitalized prefix joined to it by a hyphen ("Co-President
    /// Rosario Murillo", "Ex-President"), which the tokenizer splits off: left outside, the
    /// parser reads the prefix as a word of its own ("and Co" joined to the noun before).
    func hyphenPrefixed(_ span: Range<Int>, in sentence: Range<Int>) -> Range<Int> {
        let h = span.lowerBound - 1, p = span.lowerBound - 2
        guard p >= sentence.lowerBound, tokens[h].text == "-", tokens[p].isCapitalized, tokens[p].isWord,
              !tokens[h].spaceBefore, !tokens[span.lowerBound].spaceBefore else { return span }
        return p..<span.upperBound
    }

    /// `first`, then the relations of `second` that name a triple (in either order for a
    /// symmetric relation) no relation of `first` names in the same sentence.
    func merge(_ first: [FoundRelation], _ second: [FoundRelation]) -> [FoundRelation] {
        struct Key: Hashable { var sentence: Int, a: Int, relation: String, b: Int }
        func key(_ f: FoundRelation) -> Key {
            let symmetric = knowledge.isSymmetric(f.relation)
            return Key(sentence: f.sentence, a: symmetric ? min(f.subject, f.object) : f.subject, relation: f.relation,
                       b: symmetric ? max(f.subject, f.object) : f.object)
        }
        let taken = Set(first.map(key))
        return first + second.filter { !taken.contains(key($0)) }
    }
}
