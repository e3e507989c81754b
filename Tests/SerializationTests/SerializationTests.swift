import Foundation
import Testing
import Extraction
import KnowledgeGraph
import Ontology
import XMLSupport
@testable import Serialization
import Syntax

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let ontology: Ontology = {
    do { return try Ontology.load(directory: repository + "/ontology") } catch { fatalError("\(error)") }
}()
let options = ExportOptions(ontologyNamespace: ontology.namespace, generator: "kg test")

/// A small graph with hostile names, a negated and a hypothetical statement.
func smallGraph() -> Graph {
    var g = Graph(vocabulary: ontology.relations)
    let d = g.addDocument(DocumentInfo(id: "doc <1> & \"2\"", title: "Title & <more>", date: "2024-01-02", url: "https://example.org/a?b=1&c=2"))
    let a = g.intern(Entity(key: "ben-jerry", label: "Ben & Jerry's <Republic> 🚀", type: .country, country: "BJR"))
    let b = g.intern(Entity(key: "RUS", label: "Russia", type: .country, country: "RUS", wikidata: "Q159", code: "RUS"))
    let c = g.intern(Entity(key: "rtl-\u{200F}", label: "Émirat \u{200F}Alliance\u{202E} \"Quote\"", type: .organization, code: "IGOUNO"))
    func ev(_ start: Int, _ quote: String, _ codes: (String?, String?) = (nil, nil), date: String? = nil, place: Place? = nil) -> Evidence {
        Evidence(document: d, sentence: 0, start: start, end: start + 4, quote: quote, pattern: "test", confidence: 0.8,
                 eventDate: date, place: place, subjectCode: codes.0, objectCode: codes.1)
    }
    let r = ontology.relations
    // Mention codes: a role ("BJRMIL") where the entity has no code, and none on the second mention.
    g.add(StatementKey(subject: a, relation: r.id("attacks")!, object: b), evidence: ev(0, "Ben & Jerry's <Republic> 🚀 attacked Russia.", ("BJRMIL", "RUS"),
                                                                                       date: "2024-01-01", place: Place(name: "Kursk & <Oblast>", country: "RUS")))
    g.add(StatementKey(subject: a, relation: r.id("attacks")!, object: b), evidence: ev(50, "It attacked \"again\"\u{07}.", date: "2023-W52",
                                                                                       place: Place(name: "Sea of Azov", country: nil)))
    g.add(StatementKey(subject: b, relation: r.id("meetsWith")!, object: c), evidence: ev(10, "Russia met the Alliance.", ("RUSGOV", "IGOUNO")))
    g.add(StatementKey(subject: b, relation: r.id("attacks")!, object: a, negated: true), evidence: ev(20, "Russia did not attack."))
    g.add(StatementKey(subject: c, relation: r.id("visits")!, object: b, modality: .future), evidence: ev(30, "It will visit Russia."))
    return g
}

func checkGolden(_ name: String, _ actual: String) throws {
    let path = repository + "/Tests/SerializationTests/Golden/" + name
    if ProcessInfo.processInfo.environment["KG_RECORD"] != nil {
        try actual.write(toFile: path, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOfFile: path, encoding: .utf8)
    #expect(actual == expected, "\(name) differs from its golden file; re-record with KG_RECORD=1 swift test if the change is intended")
}

@Suite struct GoldenTests {
    @Test(arguments: ExportFormat.allCases) func smallGraphMatchesItsGoldenFile(_ format: ExportFormat) throws {
        try checkGolden("small.\(format.fileExtension)", try format.serializer(options: options).string(smallGraph()))
    }

    @Test func exportsAreDeterministic() throws {
        for format in ExportFormat.allCases {
            let a = try format.serializer(options: options).string(smallGraph())
            let b = try format.serializer(options: options).string(smallGraph())
            #expect(a == b)
        }
    }

    /// The sample's graph as `kg` makes it: with the default relation stage, both.
    static let sampleGraph: Graph? = {
        guard let text = try? String(contentsOfFile: repository + "/Sources/kg/Resources/xi-putin-2022-12-30.txt", encoding: .utf8),
              let bytes = FileManager.default.contents(atPath: ontology.directory + "/syntax/en_ewt.model"),
              let model = try? SyntaxModel(bytes: [UInt8](bytes)) else { return nil }
        var graph = Graph(vocabulary: ontology.relations)
        Extractor(ontology: ontology, syntax: model, relations: .both).extract(SourceDocument(id: "xi-putin-2022-12-30", text: text), into: &graph)
        return graph
    }()

    /// exports/ holds the sample's graph; it must be what the current code and ontology give.
    @Test(arguments: ExportFormat.allCases) func committedSampleExportsAreCurrent(_ format: ExportFormat) throws {
        let graph = try #require(Self.sampleGraph, "the sample or the syntax model cannot be read")
        let fresh = try format.serializer(options: ExportOptions(ontologyNamespace: ontology.namespace, generator: "kg 0.1.0")).string(graph)
        let committed = try String(contentsOfFile: repository + "/exports/xi-putin-2022-12-30.\(format.fileExtension)", encoding: .utf8)
        #expect(fresh == committed, "exports/ is stale: run `swift run kg` and commit exports/")
    }
}

@Suite struct RDFXMLTests {
    @Test func negatedAndHypotheticalStatementsAreNotDirectTriples() throws {
        let xml = try RDFXMLSerializer(options: options).string(smallGraph())
        let root = try XMLDocumentParser.parse(bytes: Array(xml.utf8), source: "rdf")
        let ns = ontology.namespace
        let direct = root.children.flatMap { node in node.children.filter { $0.namespace == ns && ontology.relations.id($0.name) != nil } }
        #expect(direct.map(\.name).sorted() == ["attacks", "meetsWith"])
        let statements = root.children.filter { $0.name == "Statement" }
        #expect(statements.count == 4)
    }

    @Test func iriPartsArePercentEncoded() {
        #expect(iriEscape("doc <1> & é") == "doc%20%3C1%3E%20%26%20%C3%A9")
    }

    @Test func aFailingSinkIsAbandoned() throws {
        final class Failing: ByteSink {
            var abandoned = false
            func write(_ bytes: UnsafeRawBufferPointer) throws { throw SinkError(path: "x", message: "No space left on device") }
            func finish() throws {}
            func abandon() { abandoned = true }
        }
        for format in ExportFormat.allCases {
            let sink = Failing()
            #expect(throws: (any Error).self) { try format.serializer(options: options).write(smallGraph(), to: sink) }
            #expect(sink.abandoned)
        }
    }
}

@Suite struct GraphMLTests {
    @Test func nodeIDsAreXMLNameTokens() {
        #expect(GraphMLSerializer.nodeID("RUS") == "n-RUS")
        #expect(GraphMLSerializer.nodeID("a b<é") == "n-a_20_b_3c__e9_")
    }

    @Test func everyKeyHasAType() throws {
        let xml = try GraphMLSerializer(options: options, yFiles: false).string(smallGraph())
        let root = try XMLDocumentParser.parse(bytes: Array(xml.utf8), source: "graphml")
        let keys = root.children.filter { $0.name == "key" }
        #expect(!keys.isEmpty)
        for k in keys { #expect(k.attribute("", "attr.type") != nil) }
        #expect(!keys.contains { ["d3", "d7"].contains($0.attribute("", "id") ?? "") })
    }

    @Test func negatedStatementsAreNotEdges() throws {
        let xml = try GraphMLSerializer(options: options, yFiles: false).string(smallGraph())
        let root = try XMLDocumentParser.parse(bytes: Array(xml.utf8), source: "graphml")
        let edges = root.children.first { $0.name == "graph" }!.children.filter { $0.name == "edge" }
        #expect(edges.count == 3)
    }

    @Test func edgesCarryTheirMentionsDatesAndPlaces() throws {
        let xml = try GraphMLSerializer(options: options, yFiles: false).string(smallGraph())
        let root = try XMLDocumentParser.parse(bytes: Array(xml.utf8), source: "graphml")
        let edges = root.children.first { $0.name == "graph" }!.children.filter { $0.name == "edge" }
        func data(_ edge: XMLElementNode, _ key: String) -> String? {
            edge.children.first { $0.name == "data" && $0.attribute("", "key") == key }?.text
        }
        let attack = try #require(edges.first { data($0, "relation") == "attacks" })
        #expect(data(attack, "dates") == "2023-W52 2024-01-01")
        #expect(data(attack, "places") == "Kursk & <Oblast> (RUS); Sea of Azov")
        // A statement whose mentions name neither has no such data.
        let meeting = try #require(edges.first { data($0, "relation") == "meetsWith" })
        #expect(data(meeting, "dates") == nil && data(meeting, "places") == nil)
    }
}

@Suite struct JSONLinesTests {
    @Test func everyLineIsJSONWithTheScorerFields() throws {
        let text = try JSONLinesSerializer(options: options).string(smallGraph())
        let lines = text.split(separator: "\n")
        #expect(lines.count == 4)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            for field in ["document", "subject", "predicate", "object", "negated", "modality", "sentence", "start", "end",
                          "evidence", "confidence", "cameo", "quadClass", "goldstein"] {
                #expect(object[field] != nil, "missing \(field)")
            }
            let subject = object["subject"] as! [String: Any]
            #expect(Set(subject.keys).isSuperset(of: ["id", "label", "type", "country"]))
        }
    }
}
