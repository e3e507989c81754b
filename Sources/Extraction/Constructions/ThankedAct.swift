import KnowledgeGraph

/// "Kenya thanked China for its support", "Guyana is grateful for the steadfast support of the
/// Caribbean Community", "Kenya appreciates Japan's assistance": an act of a relation whose
/// beneficiary is the one who thanks for it (`cues.tsv` thanked-act: support, aid), named by an
/// event noun that is the object of a praising trigger or its phrase of the cue's preposition,
/// is its agent's act toward the speaker: China supports Kenya. Not when the act names another
/// beneficiary ("the support of China for the peace process"), nor under a negation.
struct ThankedAct {
    let name = "thanked-act"

    /// - Parameter scope: the stage's polarity reader.
    func relations(in c: ConstructionContext, analysis: DocumentAnalysis, sentence s: Int, scope: ClauseScope) -> [FoundRelation] {
        guard !c.knowledge.thankedActs.isEmpty else { return [] }
        var out: [FoundRelation] = []
        for n in c.tree.tokens where c.tree.tag(n) == "NOUN" && c.tokens[n].triggerList >= 0 {
            let relations = Set(c.knowledge.triggerLists[Int(c.tokens[n].triggerList)].compactMap { t -> String? in
                let e = c.knowledge.lexicon[t.entry]
                return e.pos == .noun && t.rest.isEmpty && c.knowledge.thankedActs[e.relation] != nil ? e.relation : nil
            })
            guard let relation = relations.first, relations.count == 1, let praising = c.tree.head(n),
                  praises(praising, in: c) else { continue }
            // The noun is what is thanked for: the object, or the phrase of the cue's preposition.
            let r = c.tree.universal(n)
            guard r == "obj" || (["obl", "nmod"].contains(r) && c.marker(of: n).map({ c.knowledge.thankedActs[relation]!.contains($0) }) == true),
                  !scope.isNegated(praising, in: c) else { continue }
            // Another beneficiary of its own ("support for the peace process", which a parser
            // may hang on the thanking verb after the noun): not the speaker's.
            let beneficiary = { (d: Int) in ["for", "to"].contains(c.marker(of: d) ?? "") }
            guard !c.tree.dependents(n).contains(where: { c.tree.universal($0) == "nmod" && beneficiary($0) }),
                  !c.tree.dependents(praising).contains(where: { $0 > n && c.tree.universal($0) == "obl" && beneficiary($0) }) else { continue }
            let speakers = c.tree.dependents(praising, ["nsubj"]).flatMap { c.actors(at: $0) }
            let agents = c.agents(ofEvent: n) + c.nounPhrases(of: n, "from").flatMap { c.actors(at: $0) }
            for a in agents {
                for b in speakers where a.mention.range != b.mention.range {
                    for x in a.entities {
                        for y in b.entities where x != y && analysis.typeAllowed(relation, x, y) {
                            let lo = min(a.mention.range.lowerBound, b.mention.range.lowerBound), hi = max(a.mention.range.upperBound, n + 1)
                            out.append(FoundRelation(subject: x, relation: analysis.relation(relation, by: x), object: y,
                                                     negated: false, modality: .asserted, confidence: 0.7, sentence: s, tokens: lo..<hi,
                                                     pattern: "\(name) cues.tsv thanked-act \(c.word(n))",
                                                     subjectRole: a.mention.role, objectRole: b.mention.role))
                        }
                    }
                }
            }
        }
        return out
    }

    /// Whether `t` is a trigger of praises ("thanked", "grateful", "appreciates", "welcomed").
    private func praises(_ t: Int, in c: ConstructionContext) -> Bool {
        guard c.tokens[t].triggerList >= 0 else { return false }
        return c.knowledge.triggerLists[Int(c.tokens[t].triggerList)].contains { c.knowledge.lexicon[$0.entry].relation == "praises" && $0.rest.isEmpty }
    }
}
