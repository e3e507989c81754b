import KnowledgeGraph
import XMLSupport

/// The formats kg writes, each with its file extension.
public enum ExportFormat: String, CaseIterable, Sendable {
    case rdfxml
    case graphml
    case yed
    case jsonl
    case nquads
    case turtle
    case ntriples
    case csv
    case dot

    /// The usual file extension, without the dot.
    public var fileExtension: String {
        switch self {
        case .rdfxml: return "rdf"
        case .graphml: return "graphml"
        case .yed: return "yed.graphml"
        case .jsonl: return "jsonl"
        case .nquads: return "nq"
        case .turtle: return "ttl"
        case .ntriples: return "nt"
        case .csv: return "csv"
        case .dot: return "dot"
        }
    }

    public var summary: String {
        switch self {
        case .rdfxml: return "RDF/XML: direct triples plus reified statements with their evidence"
        case .graphml: return "GraphML, valid against the GraphML XSD (Gephi, Cytoscape, networkx, igraph)"
        case .yed: return "GraphML with yFiles graphics, so yEd shows labels and colours"
        case .jsonl: return "JSON Lines, one statement per document per line"
        case .nquads: return "N-Quads, one named graph per document, for bulk loaders and clusters"
        case .turtle: return "Turtle: the triples of the RDF/XML export, grouped by subject"
        case .ntriples: return "N-Triples: the triples of the RDF/XML export, one per line"
        case .csv: return "CSV with GDELT-like columns (pandas, R, spreadsheets)"
        case .dot: return "Graphviz DOT: a picture with relation labels, QuadClass colours and a legend"
        }
    }

    /// The serializer for this format.
    public func serializer(options: ExportOptions) -> GraphSerializer {
        switch self {
        case .rdfxml: return RDFXMLSerializer(options: options)
        case .graphml: return GraphMLSerializer(options: options, yFiles: false)
        case .yed: return GraphMLSerializer(options: options, yFiles: true)
        case .jsonl: return JSONLinesSerializer(options: options)
        case .nquads: return NQuadsSerializer(options: options)
        case .turtle: return TurtleSerializer(options: options)
        case .ntriples: return NTriplesSerializer(options: options)
        case .csv: return CSVSerializer(options: options)
        case .dot: return DOTSerializer(options: options)
        }
    }
}

/// Settings shared by the serializers.
public struct ExportOptions: Sendable {
    /// The base of entity, document and statement IRIs; ends with "/" or "#".
    public var baseIRI: String
    /// The namespace of classes and relations (the ontology's).
    public var ontologyNamespace: String
    /// The tool name and version written into exports.
    public var generator: String

    public static let defaultBaseIRI = "https://w3id.org/kg-news/id/"

    public init(baseIRI: String = ExportOptions.defaultBaseIRI, ontologyNamespace: String, generator: String = "kg") {
        self.baseIRI = baseIRI
        self.ontologyNamespace = ontologyNamespace
        self.generator = generator
    }
}

/// An error of a serializer: something the format cannot represent, or a failing sink.
public struct SerializationError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Writes a whole graph to a byte sink, streaming statement by statement, then finishes the sink.
public protocol GraphSerializer {
    func write(_ graph: Graph, to sink: ByteSink) throws
}

extension GraphSerializer {
    /// The serialization as a string (tests, golden files).
    public func string(_ graph: Graph) throws -> String {
        let sink = MemorySink()
        try write(graph, to: sink)
        return sink.string
    }
}

/// Percent-encodes everything but unreserved IRI characters (RFC 3987 `iunreserved` minus
/// non-ASCII, which is encoded too so every consumer reads it the same way).
public func iriEscape(_ s: String) -> String {
    var out = ""
    for b in s.utf8 {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            out.append(Character(Unicode.Scalar(b)))
        default:
            let hex = Array("0123456789ABCDEF")
            out += "%\(hex[Int(b >> 4)])\(hex[Int(b & 15)])"
        }
    }
    return out
}

/// Decimal text of a number with up to 4 decimals, without trailing zeros ("0.85", "-10").
public func decimal(_ v: Double) -> String {
    let scaled = (v * 10000).rounded()
    let negative = scaled < 0
    let n = Int(abs(scaled))
    let whole = n / 10000
    var frac = String(n % 10000)
    while frac.count < 4 { frac = "0" + frac }
    while frac.hasSuffix("0") { frac.removeLast() }
    let sign = negative && n != 0 ? "-" : ""
    return frac.isEmpty ? "\(sign)\(whole).0" : "\(sign)\(whole).\(frac)"
}

extension Graph {
    /// The statement's IRI local part: readable, stable across runs and inputs.
    func statementSlug(_ s: Statement) -> String {
        var slug = "\(self[s.subject].key)--\(vocabulary[s.relation].name)--\(self[s.object].key)"
        if s.negated { slug += "--negated" }
        if s.modality != .asserted { slug += "--\(s.modality.rawValue)" }
        return slug
    }
}
