import Foundation
import KnowledgeGraph
import Ontology
@testable import Extraction

/// The repository's ontology, loaded once for all extraction tests.
let sharedOntology: Ontology = {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("ontology").path
    do { return try Ontology.load(directory: dir) } catch { fatalError("test ontology: \(error)") }
}()

let sharedExtractor = Extractor(ontology: sharedOntology)

/// Triples found in `text` as "Subject relation Object", split by polarity and modality.
struct Found {
    var positive: Set<String> = []
    var negated: Set<String> = []
    var hypothetical: Set<String> = []
    var all: Set<String> { positive.union(negated).union(hypothetical) }
}

func extract(_ text: String, date: String? = nil) -> Found {
    var graph = Graph(vocabulary: sharedOntology.relations)
    sharedExtractor.extract(SourceDocument(id: "test", text: text, date: date), into: &graph)
    var found = Found()
    for s in graph.statements {
        let t = "\(graph[s.subject].label) \(graph.vocabulary[s.relation].name) \(graph[s.object].label)"
        if s.negated { found.negated.insert(t) } else if s.modality == .asserted { found.positive.insert(t) } else { found.hypothetical.insert(t) }
    }
    return found
}

func extractGraph(_ text: String, date: String? = nil) -> Graph {
    var graph = Graph(vocabulary: sharedOntology.relations)
    sharedExtractor.extract(SourceDocument(id: "test", text: text, date: date), into: &graph)
    return graph
}
