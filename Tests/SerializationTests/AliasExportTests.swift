import Foundation
import Testing
import KnowledgeGraph
import XMLSupport
@testable import Serialization

/// Entity aliases in the RDF exports: one `skos:altLabel` per alias, a plain literal like
/// `rdfs:label`, in the entity's order (duplicates and hostile text kept as they are).
@Suite struct AliasExportTests {
    static let skos = "http://www.w3.org/2004/02/skos/core#"
    static let aliases = ["US", "U.S.", "A \"quoted\" \\ <name> & more", "line\nbreak\u{07}", "US", "É🚀\u{200F}"]

    func graph() -> Graph {
        var g = Graph(vocabulary: ontology.relations)
        let d = g.addDocument(DocumentInfo(id: "d"))
        let a = g.intern(Entity(key: "USA", label: "United States", type: .country, aliases: Self.aliases, country: "USA", wikidata: "Q30"))
        let b = g.intern(Entity(key: "RUS", label: "Russia", type: .country, country: "RUS"))
        g.add(StatementKey(subject: a, relation: ontology.relations.id("attacks")!, object: b),
              evidence: Evidence(document: d, sentence: 0, start: 0, end: 4, quote: "q", pattern: "p", confidence: 0.5))
        return g
    }

    @Test func theTripleEmitterWritesOneAltLabelPerAliasInOrderAfterTheLabel() throws {
        var triples: [RDFTriple] = []
        try RDFTripleEmitter(options: options).emit(graph()) { triples.append($0) }
        let usa = triples.filter { $0.subject == .iri(ExportOptions.defaultBaseIRI + "entity/USA") }
        let alt = usa.filter { $0.predicate == Self.skos + "altLabel" }
        #expect(alt.map(\.object) == Self.aliases.map { .literal($0, datatype: nil) })
        // Plain literals, as rdfs:label is written (no language tag, no datatype).
        #expect(usa.first { $0.predicate.hasSuffix("rdf-schema#label") }?.object == .literal("United States", datatype: nil))
        let predicates = usa.map(\.predicate)
        let label = try #require(predicates.firstIndex { $0.hasSuffix("rdf-schema#label") })
        #expect(Array(predicates[(label + 1)...].prefix(Self.aliases.count)) == Array(repeating: Self.skos + "altLabel", count: Self.aliases.count))
        #expect(!triples.contains { $0.subject == .iri(ExportOptions.defaultBaseIRI + "entity/RUS") && $0.predicate == Self.skos + "altLabel" })
    }

    @Test func nTriplesNQuadsAndTurtleCarryThem() throws {
        let g = graph()
        let nt = try NTriplesSerializer(options: options).string(g)
        let lines = nt.split(separator: "\n").filter { $0.contains("core#altLabel>") }
        #expect(lines == Self.aliases.map { "<https://w3id.org/kg-news/id/entity/USA> <http://www.w3.org/2004/02/skos/core#altLabel> \"\(rdfStringBody($0))\" ." })
        #expect(nt.contains(#""line\nbreak\u0007""#))

        let nq = try NQuadsSerializer(options: options).string(g)
        let quads = nq.split(separator: "\n").filter { $0.contains("core#altLabel>") }
        #expect(quads == lines.map { $0.dropLast(1) + "<https://w3id.org/kg-news/id/document/d> ." })

        let ttl = try TurtleSerializer(options: options).string(g)
        #expect(ttl.contains("@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"))
        #expect(ttl.contains("    rdfs:label \"United States\" ;\n    skos:altLabel " + Self.aliases.map { "\"\(rdfStringBody($0))\"" }.joined(separator: ", ") + " ;\n"))
    }

    @Test func rdfXMLDeclaresSKOSAndWritesTheAltLabelsInOrder() throws {
        let xml = try RDFXMLSerializer(options: options).string(graph())
        #expect(xml.contains("xmlns:skos=\"http://www.w3.org/2004/02/skos/core#\""))
        let root = try XMLDocumentParser.parse(bytes: Array(xml.utf8), source: "rdf")
        let usa = try #require(root.children.first { $0.attribute(RDFVocabulary.rdf, "about")?.hasSuffix("entity/USA") == true })
        let alt = usa.children.filter { $0.namespace == Self.skos && $0.name == "altLabel" }
        // XML 1.0 cannot carry U+0007: RDF/XML writes U+FFFD for it, as for every literal.
        #expect(alt.map(\.text) == Self.aliases.map { $0.replacingOccurrences(of: "\u{07}", with: "\u{FFFD}") })
        #expect(Array(usa.children.map(\.name).prefix(2 + Self.aliases.count)) == ["label"] + Array(repeating: "altLabel", count: Self.aliases.count) + ["countryCode"])
    }
}
