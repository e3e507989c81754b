import Testing
@testable import KnowledgeGraph

@Suite struct GraphTests {
    let vocabulary = RelationVocabulary([
        Relation(name: "attacks", label: "attacks", symmetric: false, quadClass: 4, cameo: "19", plover: "ASSAULT", goldstein: -10),
        Relation(name: "meetsWith", label: "meets with", symmetric: true, quadClass: 1, cameo: "04", plover: "CONSULT", goldstein: 1),
    ])

    func evidence(_ doc: Int, _ start: Int, _ confidence: Double = 0.5) -> Evidence {
        Evidence(document: doc, sentence: 0, start: start, end: start + 5, quote: "q", pattern: "p", confidence: confidence)
    }

    @Test func internsEntitiesByKey() {
        var g = Graph(vocabulary: vocabulary)
        let a = g.intern(Entity(key: "RUS", label: "Russia", type: .country))
        let b = g.intern(Entity(key: "RUS", label: "Other label", type: .country))
        #expect(a == b)
        #expect(g.entities.count == 1)
        #expect(g[a].label == "Russia")
    }

    @Test func mergesRepeatedStatementsAndAccumulatesEvidence() {
        var g = Graph(vocabulary: vocabulary)
        let ru = g.intern(Entity(key: "RUS", label: "Russia", type: .country))
        let ua = g.intern(Entity(key: "UKR", label: "Ukraine", type: .country))
        let d = g.addDocument(DocumentInfo(id: "doc"))
        let attacks = vocabulary.id("attacks")!
        g.add(StatementKey(subject: ru, relation: attacks, object: ua), evidence: evidence(d, 0))
        g.add(StatementKey(subject: ru, relation: attacks, object: ua), evidence: evidence(d, 10))
        g.add(StatementKey(subject: ua, relation: attacks, object: ru), evidence: evidence(d, 20))
        #expect(g.statements.count == 2)
        let s = g.statement(StatementKey(subject: ru, relation: attacks, object: ua))!
        #expect(s.weight == 2)
        #expect(abs(s.confidence - 0.75) < 1e-9)
        #expect(g.checkInvariants())
    }

    @Test func storesASymmetricRelationOnceInEitherOrder() {
        var g = Graph(vocabulary: vocabulary)
        let cn = g.intern(Entity(key: "CHN", label: "China", type: .country))
        let ru = g.intern(Entity(key: "RUS", label: "Russia", type: .country))
        let meets = vocabulary.id("meetsWith")!
        g.add(StatementKey(subject: ru, relation: meets, object: cn), evidence: evidence(0, 0))
        g.add(StatementKey(subject: cn, relation: meets, object: ru), evidence: evidence(0, 5))
        #expect(g.statements.count == 1)
        #expect(g.statements[0].subject == cn)
        #expect(g.match(subject: ru, relation: meets).count == 1)
        #expect(g.match(relation: meets, object: cn).count == 1)
    }

    @Test func negatedAndHypotheticalStatementsStayApartFromPositiveOnes() {
        var g = Graph(vocabulary: vocabulary)
        let ru = g.intern(Entity(key: "RUS", label: "Russia", type: .country))
        let ua = g.intern(Entity(key: "UKR", label: "Ukraine", type: .country))
        let attacks = vocabulary.id("attacks")!
        g.add(StatementKey(subject: ru, relation: attacks, object: ua), evidence: evidence(0, 0))
        g.add(StatementKey(subject: ru, relation: attacks, object: ua, negated: true), evidence: evidence(0, 10))
        g.add(StatementKey(subject: ru, relation: attacks, object: ua, modality: .future), evidence: evidence(0, 20))
        #expect(g.statements.count == 3)
        #expect(g.statements.filter(\.isPositive).count == 1)
    }

    @Test func indexesAnswerPatternsWithoutScanning() {
        var g = Graph(vocabulary: vocabulary)
        let ids = (0..<5).map { g.intern(Entity(key: "E\($0)", label: "E\($0)", type: .country)) }
        let attacks = vocabulary.id("attacks")!
        for i in 0..<4 { g.add(StatementKey(subject: ids[i], relation: attacks, object: ids[i + 1]), evidence: evidence(0, i)) }
        #expect(g.match(subject: ids[1]).map(\.object) == [ids[2]])
        #expect(g.match(object: ids[1]).map(\.subject) == [ids[0]])
        #expect(g.match(relation: attacks).count == 4)
        #expect(g.match(subject: ids[0], object: ids[2]).isEmpty)
    }

    @Test func mergeCombinesGraphsByKey() {
        var a = Graph(vocabulary: vocabulary)
        var b = Graph(vocabulary: vocabulary)
        for g in [0, 1] {
            var graph = Graph(vocabulary: vocabulary)
            let d = graph.addDocument(DocumentInfo(id: "doc\(g)"))
            let x = graph.intern(Entity(key: "RUS", label: "Russia", type: .country))
            let y = graph.intern(Entity(key: "UKR", label: "Ukraine", type: .country))
            graph.add(StatementKey(subject: x, relation: vocabulary.id("attacks")!, object: y), evidence: evidence(d, 0))
            if g == 0 { a = graph } else { b = graph }
        }
        a.merge(b)
        #expect(a.documents.count == 2)
        #expect(a.statements.count == 1)
        #expect(a.statements[0].documents == [0, 1])
    }
}
