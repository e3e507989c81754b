import Corpus
import Extraction
import Foundation
import KnowledgeGraph
import Ontology
import Serialization
import Testing

/// Reading kg's Turtle and N-Triples exports back, and telling the graph formats apart.
@Suite struct TriplesShardTests {
    static let options = ExportOptions(ontologyNamespace: ontology.namespace, generator: "kg test")

    /// Two documents (ids in input order, so every format keeps their order), with a negated
    /// statement, a statement mentioned in both, names with aliases, and hostile metadata.
    static let documents = [
        SourceDocument(id: "a-first", text: """
            Russia attacked Ukraine on Monday. China supported Russia. The United States did not sanction China.
            Xi Jinping met Vladimir Putin in Moscow.
            """, date: "2024-03-01", title: "A \"quoted\" title \\ with <markup> and é🚀", url: "https://example.org/a?x=1&y=2"),
        SourceDocument(id: "b second/ünï", text: """
            Russia attacked Ukraine again. Vladimir Putin met Xi Jinping in Beijing.
            """),
    ]

    func graph() -> Graph {
        var g = Graph(vocabulary: ontology.relations)
        for d in Self.documents { extractor.extract(d, into: &g) }
        return g
    }

    func reader() -> ShardReader {
        ShardReader(vocabulary: ontology.relations, gazetteer: ontology.gazetteer.map(\.entity))
    }

    func jsonl(_ g: Graph) throws -> String { try ExportFormat.jsonl.serializer(options: Self.options).string(g) }

    @Test func turtleNTriplesNQuadsAndJSONLinesReadBackToTheSameGraph() throws {
        let g = graph()
        #expect(g.statements.count >= 4)
        #expect(g.statements.contains { $0.negated }, "the text should give a negated statement")
        #expect(g.statements.contains { Set($0.evidence.map(\.document)).count == 2 }, "a statement should be in both documents")
        let expected = try jsonl(g)
        for format in [ExportFormat.turtle, .ntriples, .nquads, .jsonl] {
            let text = try format.serializer(options: Self.options).string(g)
            var r = reader()
            let problems = r.read(Data(text.utf8), source: "graph")
            #expect(problems.isEmpty, "\(format): \(problems)")
            #expect(r.graph.checkInvariants())
            #expect(r.graph.documents == g.documents, "\(format)")
            #expect(try jsonl(r.graph) == expected, "\(format)")
            // CAMEO actor codes come back (kg:cameoActorCode, "code" in JSON Lines).
            #expect(Dictionary(uniqueKeysWithValues: r.graph.entities.map { ($0.key, $0.code) })
                    == Dictionary(uniqueKeysWithValues: g.entities.map { ($0.key, $0.code) }), "\(format)")
        }
        #expect(g.entities.first { $0.key == "RUS" }?.code == "RUS")
        #expect(g.entities.first { $0.key == "vladimir-putin" }?.code == "RUSGOV")
        // The explicit readers too, and a merge of both files (a graph read twice counts twice).
        var t = reader(), n = reader()
        #expect(t.readTurtle(Data(try ExportFormat.turtle.serializer(options: Self.options).string(g).utf8), source: "g.ttl").isEmpty)
        #expect(n.readNTriples(Data(try ExportFormat.ntriples.serializer(options: Self.options).string(g).utf8), source: "g.nt").isEmpty)
        #expect(try jsonl(t.graph) == expected && jsonl(n.graph) == expected)
    }

    @Test func theCommittedExportsReadBackAlike() throws {
        let dir = repositoryRoot.appendingPathComponent("exports")
        var results: [String] = []
        for ext in ["ttl", "nt", "nq", "jsonl"] {
            let path = dir.appendingPathComponent("xi-putin-2022-12-30.\(ext)").path
            let data = try #require(FileManager.default.contents(atPath: path))
            var r = reader()
            let problems = r.read(data, source: path)
            #expect(problems.isEmpty, "\(ext): \(problems)")
            #expect(r.graph.statements.count > 10)
            results.append(try jsonl(r.graph))
        }
        #expect(Set(results).count == 1)
    }

    @Test func incompleteStatementsAreReportedWithTheirLine() throws {
        let nt = try ExportFormat.ntriples.serializer(options: Self.options).string(graph())
        var lines = nt.split(separator: "\n").map(String.init)
        // Drop one evidence's quote, and break one line.
        let quote = try #require(lines.firstIndex { $0.hasPrefix("_:ev1 ") && $0.contains("#quote>") })
        lines.remove(at: quote)
        lines.insert("<http://a> <http://b> \"open", at: 3)
        var r = reader()
        let problems = r.read(Data((lines.joined(separator: "\n") + "\n").utf8), source: "g.nt")
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.first?.description == "g.nt:4: not N-Triples: a literal is not closed with '\"'")
        #expect(problems.last?.message.contains("evidence _:ev1 has no kg:quote") == true, "\(problems)")
        #expect(r.graph.statements.count == graph().statements.count - 1)
    }

    @Test func aTurtleSyntaxErrorMergesNothing() {
        var r = reader()
        let problems = r.read(Data("@prefix kg: <https://w3id.org/kg-news/ontology#> .\n\nkg:a kg:b \"open .\n".utf8), source: "x.ttl")
        #expect(problems.map(\.description) == ["x.ttl:3: not Turtle: a string opened with \" is not closed on its line (unterminated string; use \"\"\" for several lines)"])
        #expect(r.graph.documents.isEmpty)
    }

    @Test func graphFormatsAreToldByContentThenByName() {
        func d(_ s: String, _ path: String? = nil) -> GraphFormat? { GraphFormat.detect(path: path, prefix: Array(s.utf8)) }
        #expect(d("{\"document\":\"x\"}") == .jsonLines)
        #expect(d("<http://a> <http://b> <http://c> <http://g> .\n") == .nQuads)
        #expect(d("# comment\n\n<http://a> <http://b> \"c\"@en .\n", "x.nq") == .nTriples)
        #expect(d("_:b <http://b> \"x\"^^<http://t> .") == .nTriples)
        #expect(d("@prefix ex: <http://e/> .") == .turtle)
        #expect(d("\u{FEFF}PREFIX ex: <http://e/>") == .turtle)
        #expect(d("base <http://e/>") == .turtle)
        #expect(d("# generated by kg\n@base <http://e/> .") == .turtle)
        #expect(d("<http://a> <http://b> <http://c> ;\n  <http://d> 1 .") == .turtle)
        #expect(d("[ <http://b> 1 ] .") == .turtle)
        #expect(d("<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>") == .rdfXML)
        #expect(d("<rdf:RDF\n xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">") == .rdfXML)
        #expect(d("<html><body/></html>") == nil)
        #expect(d("<html><body/></html>", "x.rdf") == .rdfXML)
        // Content that tells nothing: the name.
        #expect(d("id,text\n", "x.ttl") == .turtle)
        #expect(d("", "dir.v2/x.NT") == .nTriples)
        #expect(d("", "x.jsonl") == .jsonLines)
        #expect(d("", "x.owl") == .rdfXML)
        #expect(d("", "dir.nt/x") == nil)
        #expect(d("PREFIX:a <http://b> <http://c> .") == nil)
        // The reader's own view agrees.
        #expect(ShardReader.format(of: Data("@prefix a: <http://a/> .".utf8)) == .turtle)
        #expect(ShardReader.format(of: Data("<http://a> <http://b> <http://c> .".utf8)) == .nTriples)
        #expect(ShardReader.format(of: Data("# only a comment\n".utf8)) == .nQuads)
    }

    @Test func rdfXMLIsNamedNotMerged() {
        var r = reader()
        let problems = r.read(Data("<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>".utf8), source: "g.rdf")
        #expect(problems.count == 1 && problems[0].message.hasPrefix("RDF/XML cannot be merged"))
    }

    @Test func damagedTurtleAndNTriplesNeverCrash() throws {
        let g = graph()
        let texts = try [ExportFormat.turtle, .ntriples].map { Array(try $0.serializer(options: Self.options).string(g).utf8) }
        let pieces = ["[", "(", ")", "]", "\"", "\"\"\"", "'", ";", ",", ".", "\\u12", "@prefix x: <y> .", "_:b", "a", "\n", "#", "^^", "@en", "1e", ":"].map { Array($0.utf8) }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<150 {
            for text in texts {
                var t = text
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    let at = Int.random(in: 0..<t.count, using: &rng)
                    switch Int.random(in: 0..<3, using: &rng) {
                    case 0: t.removeSubrange(at..<min(t.count, at + Int.random(in: 1...40, using: &rng)))
                    case 1: t.insert(contentsOf: pieces.randomElement(using: &rng)!, at: at)
                    default: t[at] = UInt8.random(in: 0...255, using: &rng)
                    }
                    if t.isEmpty { t = [UInt8(ascii: "<")] }
                }
                var r = reader()
                let problems = r.read(Data(t), source: "x")
                for p in problems { #expect(!p.message.isEmpty) }
            }
        }
    }
}
