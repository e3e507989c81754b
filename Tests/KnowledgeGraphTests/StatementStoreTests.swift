import Testing
@testable import KnowledgeGraph

@Suite struct StatementIndexTableTests {
    @Test func collidingHashesProbeToDistinctSlots() {
        var t = StatementIndexTable()
        // Every element hashes to slot 3: each insert probes past the previous ones.
        for i in 0..<10 as Range<UInt32> { t.insert(i, hash: 3) { _ in 3 } }
        for i in 0..<10 as Range<UInt32> { #expect(t.find(hash: 3) { $0 == i } == i) }
        #expect(t.find(hash: 3) { $0 == 10 } == nil)
        #expect(t.checkInvariants { _ in 3 })
    }

    @Test func probingWrapsAroundTheEnd() {
        var t = StatementIndexTable()
        let last = t.slots.count - 1
        for i in 0..<5 as Range<UInt32> { t.insert(i, hash: last) { _ in last } }
        for i in 0..<5 as Range<UInt32> { #expect(t.find(hash: last) { $0 == i } == i) }
        #expect(t.slots[0] != 0)
        #expect(t.checkInvariants { _ in last })
    }

    @Test func growsAndRehashesKeepingEveryElement() {
        var t = StatementIndexTable()
        let hash = { (i: UInt32) in Int(i) &* 7919 }
        for i in 0..<1000 as Range<UInt32> { t.insert(i, hash: hash(i), hashOf: hash) }
        #expect(t.count == 1000)
        #expect(t.slots.count == 2048)
        for i in 0..<1000 as Range<UInt32> { #expect(t.find(hash: hash(i)) { $0 == i } == i) }
        #expect(t.checkInvariants(hashOf: hash))
    }
}

@Suite struct StatementStoreTests {
    let vocabulary = RelationVocabulary([
        Relation(name: "attacks", label: "attacks", symmetric: false, quadClass: 4, cameo: "19", plover: "ASSAULT", goldstein: -10),
        Relation(name: "meetsWith", label: "meets with", symmetric: true, quadClass: 1, cameo: "04", plover: "CONSULT", goldstein: 1),
    ])

    @Test func packedKeysRoundTripEveryModalityAndPolarity() {
        for modality in Modality.allCases {
            for negated in [false, true] {
                let key = StatementKey(subject: EntityID(UInt32.max - 1), relation: RelationID(UInt16.max),
                                       object: EntityID(7), negated: negated, modality: modality)
                #expect(PackedKey(key).key == key)
            }
        }
        #expect(MemoryLayout<PackedKey>.stride == 12)
        #expect(MemoryLayout<Mention>.stride == 28)
    }

    @Test func evidenceComesBackExactlyAndInOrder() {
        var g = Graph(vocabulary: vocabulary)
        let a = g.intern(Entity(key: "A", label: "A", type: .country))
        let b = g.intern(Entity(key: "B", label: "B", type: .country))
        let attacks = vocabulary.id("attacks")!
        let evidence = [
            Evidence(document: 0, sentence: 1, start: 2, end: 3, quote: "first", pattern: "p", confidence: 0.1 + 0.2),
            Evidence(document: 4, sentence: 5, start: 6, end: 7, quote: "second", pattern: "p", confidence: 0.3),
            Evidence(document: 0, sentence: 1, start: 2, end: 3, quote: "first", pattern: "q", confidence: 0.1 + 0.2),
            // Integers a UInt32 cannot hold are kept too.
            Evidence(document: -1, sentence: Int(UInt32.max) + 1, start: 0, end: 1, quote: "", pattern: "", confidence: -0.0),
        ]
        for e in evidence { g.add(StatementKey(subject: a, relation: attacks, object: b), evidence: e) }
        #expect(g.statements.count == 1)
        #expect(g.statements[0].evidence == evidence)
        #expect(g.statements[0].evidence[3].confidence.sign == .minus)
        #expect(g.store.quotes == ["first", "second"])
        #expect(g.store.provenances.count == 3)
        #expect(g.checkInvariants())
    }

    @Test func interleavedMentionsStayWithTheirStatements() {
        var g = Graph(vocabulary: vocabulary)
        let ids = (0..<20).map { g.intern(Entity(key: "E\($0)", label: "E\($0)", type: .country)) }
        let attacks = vocabulary.id("attacks")!
        var expected: [[Int]] = Array(repeating: [], count: 19)
        for round in 0..<3 {
            for i in 0..<19 where (i + round) % 2 == 0 || round == 0 {
                let start = round * 100 + i
                g.add(StatementKey(subject: ids[i], relation: attacks, object: ids[i + 1]),
                      evidence: Evidence(document: 0, sentence: 0, start: start, end: start + 1, quote: "q", pattern: "p",
                                         confidence: 0.5))
                expected[i].append(start)
            }
        }
        #expect(g.statements.map { $0.evidence.map(\.start) } == expected)
        #expect(g.checkInvariants())
    }

    @Test func symmetricKeysAreFoundInEitherOrderAndIndexedOnce() {
        var g = Graph(vocabulary: vocabulary)
        let z = g.intern(Entity(key: "Z", label: "Z", type: .country))
        let a = g.intern(Entity(key: "A", label: "A", type: .country))
        let meets = vocabulary.id("meetsWith")!
        let e = Evidence(document: 0, sentence: 0, start: 0, end: 1, quote: "q", pattern: "p", confidence: 0.5)
        g.add(StatementKey(subject: z, relation: meets, object: a), evidence: e)
        g.add(StatementKey(subject: a, relation: meets, object: z), evidence: e)
        #expect(g.statements.count == 1)
        #expect(g.statements[0].subject == a && g.statements[0].object == z)
        #expect(g.statement(StatementKey(subject: z, relation: meets, object: a))?.weight == 2)
        #expect(g.statement(StatementKey(subject: a, relation: meets, object: z))?.weight == 2)
        #expect(g.match(subject: z).count == 1)
        #expect(g.match(object: a).count == 1)
        #expect(g.match(subject: z, object: a).count == 1)
        #expect(g.match(subject: a, object: z).count == 1)
        #expect(g.statement(StatementKey(subject: a, relation: meets, object: z, negated: true)) == nil)
        #expect(g.checkInvariants())
    }

    @Test func matchListsStatementsInInsertionOrderFromEveryIndex() {
        var g = Graph(vocabulary: vocabulary)
        let ids = (0..<6).map { g.intern(Entity(key: "E\($0)", label: "E\($0)", type: .country)) }
        let attacks = vocabulary.id("attacks")!
        let meets = vocabulary.id("meetsWith")!
        let e = Evidence(document: 0, sentence: 0, start: 0, end: 1, quote: "q", pattern: "p", confidence: 0.5)
        for o in [3, 1, 5, 2] { g.add(StatementKey(subject: ids[0], relation: attacks, object: ids[o]), evidence: e) }
        g.add(StatementKey(subject: ids[4], relation: meets, object: ids[0]), evidence: e)
        g.add(StatementKey(subject: ids[4], relation: attacks, object: ids[0]), evidence: e)
        #expect(g.match(subject: ids[0]).map(\.object.raw) == [3, 1, 5, 2, 4])
        #expect(g.match(object: ids[0]).map(\.subject.raw) == [4, 0])
        #expect(g.match(relation: attacks).count == 5)
        #expect(g.match(relation: meets).count == 1)
        #expect(g.match().count == 6)
        #expect(g.match(subject: ids[5]).isEmpty)
        #expect(g.match(subject: EntityID(99)).isEmpty)
        #expect(g.checkInvariants())
    }

    @Test func manyStatementsSurviveTableGrowth() {
        var g = Graph(vocabulary: vocabulary)
        let ids = (0..<50).map { g.intern(Entity(key: "E\($0)", label: "E\($0)", type: .country)) }
        let attacks = vocabulary.id("attacks")!
        for round in 0..<2 {
            for s in 0..<50 {
                for o in 0..<50 where o != s {
                    let i = g.add(StatementKey(subject: ids[s], relation: attacks, object: ids[o], negated: s % 3 == 0),
                                  evidence: Evidence(document: round, sentence: 0, start: s, end: o, quote: "q\(s)",
                                                     pattern: "p", confidence: 0.5))
                    #expect(i == s * 49 + (o < s ? o : o - 1))
                }
            }
        }
        #expect(g.statements.count == 50 * 49)
        #expect(g.statements.allSatisfy { $0.weight == 2 && $0.documents == [0, 1] })
        #expect(g.store.table.slots.count == 4096)
        #expect(g.checkInvariants())
    }

    @Test func mergeRemapsDocumentsAndEntitiesAndKeepsSymmetricOrder() {
        let e = { (doc: Int, start: Int) in
            Evidence(document: doc, sentence: 0, start: start, end: start + 1, quote: "q", pattern: "p", confidence: 0.5)
        }
        let meets = vocabulary.id("meetsWith")!
        let attacks = vocabulary.id("attacks")!
        var a = Graph(vocabulary: vocabulary)
        a.addDocument(DocumentInfo(id: "shared"))
        let x = a.intern(Entity(key: "X", label: "X", type: .country))
        let y = a.intern(Entity(key: "Y", label: "Y", type: .country))
        a.add(StatementKey(subject: x, relation: meets, object: y), evidence: e(0, 0))
        var b = Graph(vocabulary: vocabulary)
        b.addDocument(DocumentInfo(id: "only-b"))
        b.addDocument(DocumentInfo(id: "shared"))
        // Interned in the other order: ids differ between the graphs.
        let by = b.intern(Entity(key: "Y", label: "Y", type: .country))
        let bx = b.intern(Entity(key: "X", label: "X", type: .country))
        let bw = b.intern(Entity(key: "W", label: "W", type: .country))
        b.add(StatementKey(subject: by, relation: meets, object: bx), evidence: e(1, 10))
        b.add(StatementKey(subject: bw, relation: attacks, object: bx), evidence: e(0, 20))
        a.merge(b)
        #expect(a.documents.map(\.id) == ["shared", "only-b"])
        #expect(a.statements.count == 2)
        let met = a.statement(StatementKey(subject: y, relation: meets, object: x))
        #expect(met?.evidence.map(\.start) == [0, 10])
        #expect(met?.documents == [0])
        let w = a.entityID(key: "W")!
        #expect(a.statement(StatementKey(subject: w, relation: attacks, object: x))?.documents == [1])
        #expect(a.checkInvariants())
        #expect(b.checkInvariants())
    }
}
