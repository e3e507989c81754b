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
            guard !list.isEmpty else { continue }
            coordinationCache = (list.count, list.first?.range, list.last?.range, coordinations(list))
            found += actorRelations(s, list: list)
            // Parse only the sentences that can give a triple: an actor and a trigger.
            guard range.contains(where: { tokens[$0].triggerList >= 0 }) else { continue }
            let tree = parser.tree(tokens, sentence: range)
            if trace { trees[s] = tree }
            found += stage.relations(in: self, sentence: s, tree: tree)
        }
        coordinationCache = nil
        return dedupe(found)
    }
}
