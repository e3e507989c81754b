import TestSupport
import Foundation
import Testing
import Extraction
import KnowledgeGraph
import Ontology
import XMLSupport
@testable import Serialization

/// The graph of Tests/Fixtures/hostile/hostile.txt, extracted with an ontology whose gazetteer is
/// the fixture's: names with markup characters, quotes, an emoji, bidi controls and ']]>'.
func hostileGraph() throws -> Graph {
    let fm = FileManager.default
    let dir = TestTemporary.path("kg-hostile")
    try fm.createDirectory(atPath: dir + "/gazetteer", withIntermediateDirectories: true)
    defer { try? fm.removeItem(atPath: dir) }
    for name in try fm.contentsOfDirectory(atPath: repository + "/ontology") where name != "gazetteer" {
        try fm.copyItem(atPath: repository + "/ontology/" + name, toPath: dir + "/" + name)
    }
    let fixture = repository + "/Tests/Fixtures/hostile/"
    try fm.copyItem(atPath: fixture + "gazetteer.tsv", toPath: dir + "/gazetteer/hostile.tsv")
    let hostile = try Ontology.load(directory: dir)
    var graph = Graph(vocabulary: hostile.relations)
    let text = try String(contentsOfFile: fixture + "hostile.txt", encoding: .utf8)
    Extractor(ontology: hostile).extract(SourceDocument(id: "hostile", text: text), into: &graph)
    return graph
}

@Suite struct HostileFixtureTests {
    static let labels = ["Ben & Jerry's <Republic>", "\"Quote\" Land 🚀", "Émirat \u{200F}Alliance",
                         "Front \u{202E}NOITAN\u{202C} > Söñ", "R&amp;D Party ]]> --"]

    @Test func theFixtureReachesTheHostileNames() throws {
        let found = Set(try hostileGraph().entities.map(\.label)).intersection(Self.labels)
        #expect(found.count >= 4, "only \(found)")
    }

    @Test func turtleAndNTriplesEscapeQuotesAndKeepTheRestVerbatim() throws {
        let graph = try hostileGraph()
        let ttl = try TurtleSerializer(options: options).string(graph)
        let nt = try NTriplesSerializer(options: options).string(graph)
        for e in graph.entities {
            let literal = "\"" + e.label.replacingOccurrences(of: "\"", with: "\\\"") + "\""
            #expect(ttl.contains("rdfs:label " + literal + " ;") || ttl.contains("rdfs:label " + literal + " ."), "\(e.label)")
            #expect(nt.contains("<http://www.w3.org/2000/01/rdf-schema#label> " + literal + " ."), "\(e.label)")
        }
    }

    @Test func csvFieldsReadBackToTheNames() throws {
        let graph = try hostileGraph()
        let records = CSVTests.parse(try CSVSerializer(options: options).string(graph))
        let names = Set(records.dropFirst().flatMap { [$0[2], $0[11]] })
        #expect(names == Set(graph.statements.flatMap { [graph[$0.subject].label, graph[$0.object].label] }))
    }

    @Test func dotLabelsAreEscapedForGraphviz() throws {
        let graph = try hostileGraph()
        let dot = try DOTSerializer(options: options).string(graph)
        #expect(dot.contains("label=\"Ben &amp; Jerry's <Republic>\""))
        #expect(dot.contains("label=\"\\\"Quote\\\" Land 🚀\""))
        #expect(dot.contains("label=\"R&amp;amp;D Party ]]> --\""))
        #expect(!dot.contains("\u{0}"))
    }
}
