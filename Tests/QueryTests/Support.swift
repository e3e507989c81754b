import Foundation
import Extraction
import KnowledgeGraph
import Ontology
import Serialization

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let ontology: Ontology = {
    do { return try Ontology.load(directory: repository + "/ontology") } catch { fatalError("\(error)") }
}()

/// The graph of some texts, as `kg extract` builds it.
func extractedGraph(_ texts: [(String, String)]) -> Graph {
    let extractor = Extractor(ontology: ontology)
    var graph = Graph(vocabulary: ontology.relations)
    for (id, text) in texts { extractor.extract(SourceDocument(id: id, text: text, date: nil), into: &graph) }
    return graph
}

func sampleText() throws -> String {
    try String(contentsOfFile: repository + "/Sources/kg/Resources/xi-putin-2022-12-30.txt", encoding: .utf8)
}

/// A hand-made graph: two documents given out of id order, symmetric, negated and hypothetical statements.
func handGraph() -> Graph {
    var g = Graph(vocabulary: ontology.relations)
    let d2 = g.addDocument(DocumentInfo(id: "zeta", title: "Second & <last>", date: "2023-03-01", url: "https://example.org/z?a=1&b=2"))
    let d1 = g.addDocument(DocumentInfo(id: "alpha", date: "2022-01-15"))
    let rus = g.intern(Entity(key: "RUS", label: "Russia", type: .country, country: "RUS", wikidata: "Q159"))
    let ukr = g.intern(Entity(key: "UKR", label: "Ukraine", type: .country, country: "UKR", wikidata: "Q212"))
    let chn = g.intern(Entity(key: "CHN", label: "China", type: .country, country: "CHN", wikidata: "Q148"))
    let xi = g.intern(Entity(key: "xi-jinping", label: "Xi Jinping", type: .person, country: "CHN"))
    let odd = g.intern(Entity(key: "ben & jerry's", label: "Ben & Jerry's \"Republic\" 🚀", type: .group))
    let r = ontology.relations
    func ev(_ d: Int, _ start: Int, _ c: Double = 0.8) -> Evidence {
        Evidence(document: d, sentence: start / 10, start: start, end: start + 7, quote: "Quote <\(start)> & \"more\"", pattern: "lexicon.tsv:\(start)", confidence: c)
    }
    g.add(StatementKey(subject: rus, relation: r.id("attacks")!, object: ukr), evidence: ev(d2, 40))
    g.add(StatementKey(subject: rus, relation: r.id("attacks")!, object: ukr), evidence: ev(d1, 10, 0.65))
    g.add(StatementKey(subject: rus, relation: r.id("allyOf")!, object: chn), evidence: ev(d1, 20))
    g.add(StatementKey(subject: xi, relation: r.id("mediates")!, object: ukr), evidence: ev(d2, 0, 0.9))
    g.add(StatementKey(subject: chn, relation: r.id("attacks")!, object: ukr, negated: true), evidence: ev(d1, 30))
    g.add(StatementKey(subject: xi, relation: r.id("visits")!, object: rus, modality: .future), evidence: ev(d2, 50))
    g.add(StatementKey(subject: odd, relation: r.id("supports")!, object: rus), evidence: ev(d2, 60, 0.5))
    return g
}
