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
/// - Complexity: O(n) in the UTF-8 length; returns `s` itself when nothing needs encoding.
public func iriEscape(_ s: String) -> String {
    @inline(__always) func unreserved(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
    if s.utf8.allSatisfy(unreserved) { return s }
    let hex: StaticString = "0123456789ABCDEF"
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count * 3)
    for b in s.utf8 {
        if unreserved(b) {
            out.append(b)
        } else {
            out.append(UInt8(ascii: "%"))
            out.append(hex.utf8Start[Int(b >> 4)])
            out.append(hex.utf8Start[Int(b & 15)])
        }
    }
    return String(decoding: out, as: UTF8.self)
}

/// Decimal text of a number with up to 4 decimals, without trailing zeros ("0.85", "-10.0").
public func decimal(_ v: Double) -> String {
    let scaled = (v * 10000).rounded()
    let negative = scaled < 0
    let n = Int(abs(scaled))
    var whole = n / 10000
    var frac = n % 10000
    // Up to 20 digits of the whole part, a sign, a point and 4 decimals.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(28)
    if negative && n != 0 { bytes.append(UInt8(ascii: "-")) }
    let wholeStart = bytes.count
    repeat {
        bytes.append(UInt8(ascii: "0") + UInt8(whole % 10))
        whole /= 10
    } while whole > 0
    bytes[wholeStart...].reverse()
    bytes.append(UInt8(ascii: "."))
    if frac == 0 {
        bytes.append(UInt8(ascii: "0"))
    } else {
        var digits = 4
        while frac % 10 == 0 { frac /= 10; digits -= 1 }
        let fracStart = bytes.count
        for _ in 0..<digits {
            bytes.append(UInt8(ascii: "0") + UInt8(frac % 10))
            frac /= 10
        }
        bytes[fracStart...].reverse()
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// How the XML exports drive libxml2's writer.
enum XMLExportMode {
    /// One libxml2 call per element, attribute and text instead of pre-escaped chunks: the
    /// reference the tests compare the chunked output with.
    @TaskLocal static var perCall = false
}

/// The graph's statements and entities in export order, ranked once.
///
/// `Graph.sortedStatements` compares tuples of strings at every step of its sort; this sorts
/// integer ranks instead (entities by key, relations by name, then non-negated first, then
/// modality), which gives the same order.
/// - Complexity: O(e log e) string comparisons for the entities and relations, then
///   O(n log n) integer comparisons for the n statements.
struct ExportOrder {
    /// Entity ids by key: `Graph.sortedEntityIDs`.
    let entityIDs: [EntityID]
    /// The statements in `Graph.sortedStatements` order.
    let statements: [Statement]

    init(_ graph: Graph) {
        let ids = graph.sortedEntityIDs
        var entityRank = [UInt64](repeating: 0, count: graph.entities.count)
        for (i, id) in ids.enumerated() {
            if i > 0, graph[ids[i - 1]].key == graph[id].key {
                entityRank[Int(id.raw)] = entityRank[Int(ids[i - 1].raw)]
            } else {
                entityRank[Int(id.raw)] = UInt64(i)
            }
        }
        let relations = graph.vocabulary.relations
        let byName = relations.indices.sorted { relations[$0].name < relations[$1].name }
        var relationRank = [UInt64](repeating: 0, count: relations.count)
        for (i, r) in byName.enumerated() {
            if i > 0, relations[byName[i - 1]].name == relations[r].name {
                relationRank[r] = relationRank[byName[i - 1]]
            } else {
                relationRank[r] = UInt64(i)
            }
        }
        let modalities = Modality.allCases.sorted()
        func modalityRank(_ m: Modality) -> UInt64 { UInt64(modalities.firstIndex(of: m) ?? 0) }
        let all = graph.statements
        var keys: [(UInt64, UInt64, Int)] = []
        keys.reserveCapacity(all.count)
        for i in all.indices {
            let k = all[i].key
            let first = entityRank[Int(k.subject.raw)] << 20 | relationRank[Int(k.relation.raw)]
            let second = entityRank[Int(k.object.raw)] << 16 | (k.negated ? 1 << 8 : 0) | modalityRank(k.modality)
            keys.append((first, second, i))
        }
        keys.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        entityIDs = ids
        statements = keys.map { all[$0.2] }
    }
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
