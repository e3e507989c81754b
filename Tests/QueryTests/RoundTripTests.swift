import Foundation
import Testing
import KnowledgeGraph
import Corpus
import Query
import Serialization
import XMLSupport

let options = ExportOptions(ontologyNamespace: ontology.namespace, generator: "kg test")

func load(_ rdf: String, source: String = "test.rdf") throws -> LoadedGraph {
    try RDFXMLGraphReader.load(bytes: Array(rdf.utf8), source: source, vocabulary: ontology.relations, namespace: ontology.namespace)
}

func rdfxml(_ graph: Graph, _ options: ExportOptions = options) throws -> String {
    try RDFXMLSerializer(options: options).string(graph)
}

@Suite struct RoundTripTests {
    @Test func sampleExportLoadsAndWritesTheSameBytes() throws {
        let path = repository + "/exports/xi-putin-2022-12-30.rdf"
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let loaded = try RDFXMLGraphReader.load(file: path, vocabulary: ontology.relations, namespace: ontology.namespace)
        #expect(loaded.graph.checkInvariants())
        #expect(loaded.generator?.hasPrefix("kg ") == true)
        let again = try rdfxml(loaded.graph, ExportOptions(baseIRI: loaded.baseIRI, ontologyNamespace: ontology.namespace, generator: loaded.generator ?? ""))
        #expect(again == original)
    }

    @Test func extractedSampleRoundTrips() throws {
        let graph = extractedGraph([("xi-putin-2022-12-30", try sampleText())])
        let first = try rdfxml(graph)
        let loaded = try load(first).graph
        #expect(loaded.statements.count == graph.statements.count)
        #expect(loaded.statements.map(\.weight).reduce(0, +) == graph.statements.map(\.weight).reduce(0, +))
        #expect(try rdfxml(loaded) == first)
        // CAMEO actor codes (kg:cameoActorCode) come back from RDF/XML.
        #expect(first.contains("<kg:cameoActorCode>RUS</kg:cameoActorCode>"))
        #expect(Dictionary(uniqueKeysWithValues: loaded.entities.map { ($0.key, $0.code) })
                == Dictionary(uniqueKeysWithValues: graph.entities.map { ($0.key, $0.code) }))
    }

    @Test func multiDocumentGraphRoundTrips() throws {
        let text = try sampleText()
        let half = text.index(text.startIndex, offsetBy: text.count / 2)
        // Documents added out of id order, so document indexes differ between the two graphs.
        let graph = extractedGraph([("second-half", String(text[half...])), ("first-half", String(text[..<half]))])
        #expect(graph.documents.count == 2)
        let first = try rdfxml(graph)
        let loaded = try load(first).graph
        #expect(loaded.documents.map(\.id) == ["first-half", "second-half"])
        #expect(try rdfxml(loaded) == first)
    }

    @Test func handGraphKeepsEveryStatementAndItsEvidence() throws {
        let graph = handGraph()
        let first = try rdfxml(graph)
        let loaded = try load(first)
        #expect(loaded.baseIRI == ExportOptions.defaultBaseIRI)
        #expect(loaded.generator == "kg test")
        let g = loaded.graph
        #expect(g.statements.count == graph.statements.count)
        #expect(g.documents.sorted { $0.id < $1.id } == graph.documents.sorted { $0.id < $1.id })
        for s in graph.statements {
            let key = StatementKey(subject: g.entityID(key: graph[s.subject].key)!, relation: s.relation,
                                   object: g.entityID(key: graph[s.object].key)!, negated: s.negated, modality: s.modality)
            let t = try #require(g.statement(key))
            func norm(_ e: Evidence, _ graph: Graph) -> String {
                "\(graph.documents[e.document].id) \(e.sentence) \(e.start) \(e.end) \(e.quote) \(e.pattern) \(e.confidence)"
            }
            #expect(Set(t.evidence.map { norm($0, g) }) == Set(s.evidence.map { norm($0, graph) }))
        }
        #expect(g[g.entityID(key: "ben & jerry's")!].label == "Ben & Jerry's \"Republic\" 🚀")
        #expect(try rdfxml(g) == first)
    }

    @Test func aliasesComeBackInOrderAndNameActors() throws {
        var graph = handGraph()
        let d = graph.addDocument(DocumentInfo(id: "aliases"))
        let usa = graph.intern(Entity(key: "USA", label: "United States", type: .country,
                                      aliases: ["US", "U.S.", "America", "US", "Ben & \"Jerry\" <x> 🚀"], country: "USA", wikidata: "Q30"))
        let cho = graph.intern(Entity(key: "cho-hyundong", label: "Cho Hyundong", type: .person, aliases: ["Cho"], country: "KOR"))
        graph.add(StatementKey(subject: usa, relation: ontology.relations.id("meetsWith")!, object: cho),
                  evidence: Evidence(document: d, sentence: 0, start: 0, end: 5, quote: "q", pattern: "p", confidence: 0.7))
        let first = try rdfxml(graph)
        #expect(first.contains("<skos:altLabel>U.S.</skos:altLabel>"))
        let loaded = try load(first).graph
        for e in graph.entities {
            #expect(loaded[try #require(loaded.entityID(key: e.key))].aliases == e.aliases, "\(e.key)")
        }
        #expect(try rdfxml(loaded) == first)
        // Without the gazetteer, the aliases read back are names of their actors.
        let resolver = NameResolver(graph: loaded)
        #expect(loaded[try resolver.resolve("u.s.")].key == "USA")
        #expect(loaded[try resolver.resolve("America")].key == "USA")
        #expect(loaded[try resolver.resolve("Cho")].key == "cho-hyundong")
    }

    @Test func malformedXMLReportsFileAndLine() throws {
        let rdf = try rdfxml(handGraph())
        let broken = rdf.replacingOccurrences(of: "</kg:Document>", with: "</kg:Documnt>")
        do {
            _ = try load(broken, source: "broken.rdf")
            Issue.record("no error")
        } catch let e as XMLError {
            #expect(e.source == "broken.rdf")
            #expect((e.line ?? 0) > 1)
            #expect(e.description.hasPrefix("broken.rdf:\(e.line!)"))
        }
    }

    @Test func notAKGExportIsRefused() throws {
        #expect(throws: XMLError.self) { try load("<html><body/></html>") }
        let rdf = try rdfxml(handGraph())
        let unknown = rdf.replacingOccurrences(of: "ontology#attacks\"", with: "ontology#frobnicates\"")
        do {
            _ = try load(unknown)
            Issue.record("no error")
        } catch let e as XMLError {
            #expect(e.description.contains("unknown relation"))
            #expect(e.line != nil)
        }
    }

    @Test func entitiesAndDTDsAreRefused() throws {
        let evil = """
        <?xml version="1.0"?>
        <!DOCTYPE rdf:RDF [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">&x;</rdf:RDF>
        """
        #expect(throws: XMLError.self) { try load(evil) }
    }

    @Test func streamReaderReadsNodes() throws {
        let r = try XMLStreamReader(bytes: Array("<a xmlns:p='urn:p'><p:b p:c='1'>x &amp; y</p:b><d/></a>".utf8), source: "mem")
        var seen: [String] = []
        while try r.read() {
            if r.nodeKind == .element {
                seen.append(r.localName)
                if r.localName == "b" {
                    #expect(r.namespaceURI == "urn:p")
                    #expect(r.attribute("urn:p", "c") == "1")
                    #expect(try r.readText() == "x & y")
                }
            }
        }
        #expect(seen == ["a", "b", "d"])
    }
}
