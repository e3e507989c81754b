import Foundation
import KnowledgeGraph

/// Reading kg's N-Triples (`kg extract --format ntriples`) and Turtle (`--format turtle`) back
/// into a graph.
///
/// Both hold exactly the triples of the RDF/XML export in one default graph: every document
/// (`<BASE/document/ID> a kg:Document` with `dcterms:identifier`, title, date, source), the
/// entities (class, label, `skos:altLabel`s in order, country code, CAMEO actor code, Wikidata id), and each
/// statement reified with its `kg:Evidence` nodes (blank nodes `_:evN`), each naming its
/// document with `kg:document`. The whole file is resolved at once by the routine that
/// resolves an N-Quads block (`resolve(_:scope:source:)`), with the same rules: the base IRI
/// and ontology namespace are read from the data, aliases default to the gazetteer's, and the
/// provenance triples (weights, combined confidence, PROV-O, CAMEO coding) are ignored, since
/// they follow from the statements. Documents are added in the order they are described (id
/// order in kg's exports).
extension ShardReader {
    /// Reads one N-Triples file into `graph`. A bad line is skipped and reported; an incomplete
    /// statement or evidence is skipped and reported; the rest is merged.
    /// - Returns: a problem per bad line or statement, as `SOURCE:LINE: message`.
    /// - Complexity: O(n) in the size of the file.
    public mutating func readNTriples(_ data: Data, source: String) -> [CorpusProblem] {
        var problems: [CorpusProblem] = []
        var triples: [NQuad] = []
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0, number = 0
            while start < bytes.count {
                number += 1
                var end = start
                while end < bytes.count && bytes[end] != 10 { end += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                start = end + 1
                do throws(NQuadsLineParser.SyntaxError) {
                    guard let q = try NQuadsLineParser.parse(line, number: number) else { continue }
                    guard q.graph == nil else {
                        problems.append(CorpusProblem(source: source, line: number, message: "not N-Triples: a fourth term (a graph name); N-Quads files are read as such when their first statement has one"))
                        continue
                    }
                    triples.append(q)
                } catch {
                    problems.append(CorpusProblem(source: source, line: number, message: "not N-Triples: \(error.message)"))
                }
            }
        }
        return problems + resolve(triples, scope: .defaultGraph, source: source)
    }

    /// Reads one Turtle file into `graph`. A syntax error stops the reading and nothing of the
    /// file is merged (Turtle statements span lines, so what follows an error cannot be trusted);
    /// an incomplete statement or evidence is skipped and reported, the rest merged.
    /// - Returns: the problems, as `SOURCE:LINE: message`.
    /// - Complexity: O(n) in the size of the file.
    public mutating func readTurtle(_ data: Data, source: String) -> [CorpusProblem] {
        let parsed: Result<[NQuad], TurtleParser.SyntaxError> = data.withUnsafeBytes { raw in
            do throws(TurtleParser.SyntaxError) {
                return .success(try TurtleParser.parse(raw.bindMemory(to: UInt8.self)))
            } catch {
                return .failure(error)
            }
        }
        switch parsed {
        case .success(let triples): return resolve(triples, scope: .defaultGraph, source: source)
        case .failure(let e): return [CorpusProblem(source: source, line: e.line, message: "not Turtle: \(e.message)")]
        }
    }
}
