import Corpus
import Foundation
import KnowledgeGraph
import Serialization
import Testing

/// The mentions' CAMEO actor codes (`Evidence.subjectCode`, `objectCode`) come back from every
/// graph format kg writes and reads.
@Suite struct MentionCodeReadBackTests {
    /// Two statements: one mention with a role code, one with none, one symmetric.
    func codedGraph() -> Graph {
        var g = Graph(vocabulary: ontology.relations)
        let d = g.addDocument(DocumentInfo(id: "codes", date: "2023-05-24"))
        let sdn = g.intern(Entity(key: "SDN", label: "Sudan", type: .country, country: "SDN", code: "SDN"))
        let tcd = g.intern(Entity(key: "TCD", label: "Chad", type: .country, country: "TCD", code: "TCD"))
        let r = ontology.relations
        g.add(StatementKey(subject: sdn, relation: r.id("attacks")!, object: tcd),
              evidence: Evidence(document: d, sentence: 0, start: 0, end: 28, quote: "Sudanese forces shelled Chad.", pattern: "p",
                                 confidence: 0.8, subjectCode: "SDNMIL", objectCode: "TCD"))
        g.add(StatementKey(subject: sdn, relation: r.id("attacks")!, object: tcd),
              evidence: Evidence(document: d, sentence: 1, start: 30, end: 50, quote: "Sudan attacked Chad.", pattern: "p", confidence: 0.8))
        // meetsWith is symmetric: written as (SDN, TCD), the codes swapped with the actors.
        g.add(StatementKey(subject: tcd, relation: r.id("meetsWith")!, object: sdn),
              evidence: Evidence(document: d, sentence: 2, start: 52, end: 80, quote: "Chad's police met Sudan.", pattern: "p",
                                 confidence: 0.7, subjectCode: "TCDCOP", objectCode: "SDN"))
        return g
    }

    func codes(_ g: Graph) -> [String] {
        g.sortedStatements.flatMap { s in
            s.evidence.sorted { $0.start < $1.start }.map {
                "\(g[s.subject].key) \(g.vocabulary[s.relation].name) \(g[s.object].key) \($0.start): \($0.subjectCode ?? "-") \($0.objectCode ?? "-")"
            }
        }
    }

    @Test func theCodesFollowASymmetricStatementsActors() {
        #expect(codes(codedGraph()) == ["SDN attacks TCD 0: SDNMIL TCD", "SDN attacks TCD 30: - -", "SDN meetsWith TCD 52: SDN TCDCOP"])
    }

    @Test(arguments: [(ExportFormat.jsonl, InputKind.jsonStatements), (.nquads, .nQuads), (.ntriples, .nTriples),
                      (.turtle, .turtle), (.rdfxml, .rdfXML)])
    func everyGraphFormatReadsTheCodesBack(_ format: ExportFormat, _ kind: InputKind) throws {
        let graph = codedGraph()
        let text = try format.serializer(options: ExportOptions(ontologyNamespace: ontology.namespace, generator: "kg test")).string(graph)
        var reader = GraphInputReader(vocabulary: ontology.relations, namespace: ontology.namespace)
        let problems = reader.read(Data(text.utf8), kind: kind, source: "codes.\(format.fileExtension)")
        #expect(problems.isEmpty, "\(problems)")
        #expect(codes(reader.graph) == codes(graph), "\(format)")
    }
}
