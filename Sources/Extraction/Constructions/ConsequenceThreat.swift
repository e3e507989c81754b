import KnowledgeGraph

/// "Kim Yo Jong said Seoul would pay dearly", "Iran said Israel will face severe consequences":
/// a consequence (`cues.tsv` consequence: "pay price", "pay dearly", "face consequences")
/// announced (will, would) for the subject of a clause that a speaker reports is the speaker's
/// act against that subject; the cue's value names the relation (threatens). Not when either
/// verb is negated ("said Seoul would not pay"), and not under a verb that is a trigger of its
/// own ("warned that Seoul would pay": warns).
struct ConsequenceThreat {
    let name = "consequence-threat"

    /// - Parameter scope: the stage's polarity reader, whose negations these are too.
    func relations(in c: ConstructionContext, analysis: DocumentAnalysis, sentence s: Int, scope: ClauseScope) -> [FoundRelation] {
        var out: [FoundRelation] = []
        for v in c.tree.tokens where ["VERB", "AUX"].contains(c.tree.tag(v)) {
            guard let cues = c.knowledge.consequences[c.word(v)],
                  let cue = cues.first(where: { cue in
                      cue.complement.isEmpty || c.tree.dependents(v).contains { d in
                          ["obj", "advmod"].contains(c.tree.universal(d)) && c.word(d) == cue.complement
                      }
                  }),
                  c.tree.dependents(v, ["aux"]).contains(where: c.announces),
                  // (Not under a verb that is a trigger itself: "warned that Taiwan would pay" warns.)
                  c.tree.universal(v) == "ccomp", let said = c.tree.head(v), c.tokens[said].is(.reporting), !c.tokens[said].is(.verbTrigger),
                  !scope.isNegated(v, in: c), !scope.isNegated(said, in: c) else { continue }
            let speakers = c.tree.dependents(said, ["nsubj"]).flatMap { c.actors(at: $0) }
            let sufferers = c.tree.dependents(v, ["nsubj"]).flatMap { c.actors(at: $0) }
            for a in speakers {
                for b in sufferers where a.mention.range != b.mention.range {
                    for x in a.entities {
                        for y in b.entities where x != y && analysis.typeAllowed(cue.relation, x, y) {
                            let lo = min(a.mention.range.lowerBound, said), hi = max(b.mention.range.upperBound, v + 1)
                            out.append(FoundRelation(subject: x, relation: analysis.relation(cue.relation, by: x), object: y,
                                                     negated: false, modality: .asserted, confidence: 0.7, sentence: s, tokens: lo..<hi,
                                                     pattern: "\(name) cues.tsv consequence \(cue.phrase)",
                                                     subjectRole: a.mention.role, objectRole: b.mention.role))
                        }
                    }
                }
            }
        }
        return out
    }
}
