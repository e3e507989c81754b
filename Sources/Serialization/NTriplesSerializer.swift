import KnowledgeGraph
import XMLSupport

/// N-Triples (RDF 1.1, canonical form): one triple per line, the same triples as the RDF/XML
/// export, streamed as they are produced.
///
/// IRIs are written in full between `<>`; an IRI the format cannot hold (a document URL with a
/// space, say) is refused before anything is written. Literals escape `"`, `\` and control
/// characters; every other character, emoji and bidi marks included, is UTF-8 as is.
public struct NTriplesSerializer: GraphSerializer {
    public var options: ExportOptions

    public init(options: ExportOptions) { self.options = options }

    public func write(_ graph: Graph, to sink: ByteSink) throws {
        do {
            let emitter = RDFTripleEmitter(options: options)
            try emitter.validate(graph, format: "N-Triples")
            try emitter.emit(graph) { t in
                try sink.write(Self.term(t.subject) + " <" + t.predicate + "> " + Self.term(t.object) + " .\n")
            }
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
    }

    /// The N-Triples text of a term.
    static func term(_ t: RDFTerm) -> String {
        switch t {
        case .iri(let i): return "<" + i + ">"
        case .blank(let b): return "_:" + b
        case .literal(let v, let datatype):
            let body = "\"" + rdfStringBody(v) + "\""
            return datatype.map { body + "^^<" + $0 + ">" } ?? body
        }
    }
}
