import Foundation
import Testing
import KnowledgeGraph
import Query

/// The hand graph, with the gazetteer for names.
func engine(_ filter: QueryFilter = QueryFilter()) -> (QueryEngine, PatternParser) {
    let g = handGraph()
    let resolver = NameResolver(graph: g, gazetteer: ontology.gazetteer)
    return (QueryEngine(graph: g, filter: filter), PatternParser(vocabulary: g.vocabulary, resolver: resolver))
}

func answer(_ pattern: String, _ filter: QueryFilter = QueryFilter()) throws -> [[String]] {
    let (e, p) = engine(filter)
    let t = e.table(try p.parse(pattern))
    return t.rows.map { $0.dropLast(2).map(\.text) }
}

@Suite struct QueryEngineTests {
    @Test func singlePatterns() throws {
        #expect(try answer("\"Xi Jinping\" mediates ?x") == [["Ukraine"]])
        #expect(try answer("Xi Jinping mediates ?x") == [["Ukraine"]])
        #expect(try answer("?who attacks Ukraine") == [["Russia"]])
        #expect(try answer("Russia ?rel ?other") == [["allyOf", "China"], ["attacks", "Ukraine"]])
    }

    @Test func symmetricRelationsReadBothWays() throws {
        #expect(try answer("China allyOf ?x") == [["Russia"]])
        #expect(try answer("?x allyOf ?y") == [["China", "Russia"], ["Russia", "China"]])
    }

    @Test func joinsOnSharedVariables() throws {
        #expect(try answer("?a allyOf ?b . ?b attacks ?c") == [["China", "Russia", "Ukraine"]])
        #expect(try answer("?a ?r ?b . ?b attacks Ukraine") == [["Ben & Jerry's \"Republic\" 🚀", "supports", "Russia"], ["China", "allyOf", "Russia"]])
    }

    @Test func relationClassesAndAlternatives() throws {
        #expect(try answer("?a @conflict ?b") == [["Russia", "Ukraine"]])
        #expect(try answer("?a @material-conflict|mediates ?b") == [["Russia", "Ukraine"], ["Xi Jinping", "Ukraine"]])
        #expect(try answer("?a @cooperation ?b").contains(["Ben & Jerry's \"Republic\" 🚀", "Russia"]))
    }

    @Test func filters() throws {
        #expect(try answer("?a attacks ?b", QueryFilter(includeNegated: true)) == [["China", "Ukraine"], ["Russia", "Ukraine"]])
        #expect(try answer("Xi ?r Russia") == [])
        #expect(try answer("Xi ?r Russia", QueryFilter(includeHypothetical: true)) == [["visits"]])
        #expect(try answer("?a ?r ?b", QueryFilter(documents: ["alpha"])) == [["China", "allyOf", "Russia"], ["Russia", "allyOf", "China"], ["Russia", "attacks", "Ukraine"]])
        #expect(try answer("?a ?r ?b", QueryFilter(since: "2023-01-01")).count == 3)
        #expect(try answer("?a ?r ?b", QueryFilter(until: "2022-12-31")).count == 3)
        #expect(try answer("?a ?r ?b", QueryFilter(minConfidence: 0.85)) == [["Russia", "attacks", "Ukraine"], ["Xi Jinping", "mediates", "Ukraine"]])
    }

    @Test func orderAndLimit() throws {
        let (e, p) = engine()
        let t = e.table(try p.parse("?a ?r ?b ORDER BY confidence DESC, ?a LIMIT 2"))
        #expect(t.rows.map { $0[0].text } == ["Russia", "Xi Jinping"])
        #expect(t.columns == ["?a", "?r", "?b", "weight", "confidence"])
        #expect(try answer("?a ?r ?b order by ?b desc limit 1") == [["Russia", "attacks", "Ukraine"]])
    }

    @Test func namesResolveThroughLabelsAliasesSeatsAndKeys() throws {
        let g = handGraph()
        let r = NameResolver(graph: g, gazetteer: ontology.gazetteer)
        #expect(g[try r.resolve("xi")].key == "xi-jinping")
        #expect(g[try r.resolve("XI JINPING")].key == "xi-jinping")
        #expect(g[try r.resolve("Moscow")].key == "RUS")
        #expect(g[try r.resolve("rus")].key == "RUS")
        #expect(g[try r.resolve("the Kremlin")].key == "RUS")
        #expect(throws: QueryError.unknownActor("Xy Jinping", suggestion: "Xi Jinping")) { try r.resolve("Xy Jinping") }
        #expect("\(QueryError.unknownActor("Xy Jinping", suggestion: "Xi Jinping"))" == "no actor 'Xy Jinping'; did you mean 'Xi Jinping'?")
        #expect(throws: QueryError.unknownActor("Atlantis", suggestion: nil)) { try r.resolve("Atlantis") }
    }

    @Test func syntaxErrorsPointAtTheProblem() throws {
        let (_, p) = engine()
        for (pattern, offset) in [("?x attacks", 10), ("?x atacks ?y", 3), ("?x attacks ?y .", 15), ("?x attacks ?y LIMIT x", 20),
                                  ("\"Xi mediates ?x", 0), ("? attacks ?y", 0), ("?x ?x ?y", 3), ("?x attacks ?y ORDER BY ?z", 23)] {
            do {
                _ = try p.parse(pattern)
                Issue.record("'\(pattern)' parsed")
            } catch let QueryError.syntax(_, pattern: text, offset: at) {
                #expect(text == pattern)
                #expect(at == offset, "\(pattern)")
            }
        }
    }

    @Test func neighborsPathsEvidenceAndStats() throws {
        let (e, _) = engine()
        let g = e.graph
        let n = e.neighbors(g.entityID(key: "RUS")!)
        #expect(n.rows.map { "\($0[0].text) \($0[1].text) \($0[2].text) \($0[3].text)" }
                == ["allyOf ↔ China 1", "attacks → Ukraine 2", "supports ← Ben & Jerry's \"Republic\" 🚀 1"])
        let paths = e.paths(from: g.entityID(key: "xi-jinping")!, to: g.entityID(key: "CHN")!, maxHops: 4, limit: 10)
        #expect(paths.map { $0.map { g[$0.to].key } } == [["UKR", "RUS", "CHN"]])
        #expect(paths[0].map(\.relations) == [["mediates →"], ["← attacks"], ["allyOf"]])
        #expect(e.paths(from: g.entityID(key: "xi-jinping")!, to: g.entityID(key: "CHN")!, maxHops: 2, limit: 10).isEmpty)
        let ev = e.evidence(subject: g.entityID(key: "RUS")!, relation: .relations([g.vocabulary.id("attacks")!]), object: g.entityID(key: "UKR")!)
        #expect(ev.rows.map { "\($0[5].text) \($0[8].text)" } == ["alpha 10", "zeta 40"])
        let s = e.stats(top: 2)
        #expect(s.rows.contains([.text("graph"), .text("documents"), .integer(2)]))
        #expect(s.rows.filter { $0[0] == .text("degree") }.count == 2)
    }

    @Test func formats() throws {
        let t = ResultTable(columns: ["?a", "n"], rows: [[.entity(label: "A, \"b\"", key: "a"), .integer(1)], [.text("x\ty"), .number(0.5)]])
        #expect(t.render(.tsv) == "?a\tn\nA, \"b\"\t1\nx\\ty\t0.5\n")
        #expect(t.render(.csv) == "?a,n\r\n\"A, \"\"b\"\"\",1\r\nx\ty,0.5\r\n")
        #expect(t.render(.json) == "[\n  {\"?a\":{\"key\":\"a\",\"label\":\"A, \\\"b\\\"\"},\"n\":1},\n  {\"?a\":\"x\\ty\",\"n\":0.5}\n]\n")
        #expect(t.render(.table).split(separator: "\n").count == 4)
    }
}
