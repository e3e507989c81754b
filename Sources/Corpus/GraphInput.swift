import Foundation
import KnowledgeGraph
import Ontology
import Store
import XMLSupport

/// Builds one graph from kg's graph files (RDF/XML, Turtle, N-Triples, N-Quads, JSON Lines) and
/// from graphs extracted from news, the way every reading command and `kg merge` combine their
/// inputs: entities by key, statements by subject, relation, object, polarity and modality, with
/// every mention kept; documents through a `DocumentLedger`, so a document already in the graph
/// (same id, same content) is not counted twice and merging a graph with itself gives the same
/// graph.
///
/// Each input is read into a graph of its own first, then merged, so a bad input leaves the
/// graph as it was but for the statements it had read right.
public struct GraphInputReader {
    public private(set) var graph: Graph
    private var ledger = DocumentLedger()
    private let namespace: String
    private let gazetteerAliases: [String: [String]]

    /// - Parameters:
    ///   - vocabulary: the relations the graph may use (the ontology's).
    ///   - namespace: kg's ontology namespace, for RDF/XML (other formats name it in the data).
    ///   - gazetteer: entities whose aliases an N-Quads entity without `skos:altLabel` gets.
    public init(vocabulary: RelationVocabulary, namespace: String, gazetteer: [Entity] = []) {
        graph = Graph(vocabulary: vocabulary)
        self.namespace = namespace
        var aliases: [String: [String]] = [:]
        for e in gazetteer { aliases[e.key] = e.aliases }
        gazetteerAliases = aliases
    }

    /// A reader for the ontology's relations, namespace and gazetteer.
    public init(ontology: Ontology) {
        self.init(vocabulary: ontology.relations, namespace: ontology.namespace, gazetteer: ontology.gazetteer.map(\.entity))
    }

    /// Reads a graph file (or `-`, standard input, classified by its content) and merges it.
    /// - Returns: problems with their place (bad lines are skipped; the rest still counts), and
    ///   warnings for documents skipped or renamed.
    public mutating func read(_ input: CorpusInput) -> [CorpusProblem] {
        if input.kind == .store && input.path != "-" {
            let vocabulary = graph.vocabulary
            return load(source: input.path) {
                let store = try GraphStore(path: input.path, access: .read)
                defer { store.close() }
                return try StoreReader(store: store, vocabulary: vocabulary).graph()
            }
        }
        if input.kind == .rdfXML && input.path != "-" {
            // Streamed from the file: memory in the size of the graph, not of the file.
            let (vocabulary, namespace) = (graph.vocabulary, self.namespace)
            return load(source: input.path) { try RDFXMLGraphReader.load(file: input.path, vocabulary: vocabulary, namespace: namespace).graph }
        }
        let data: Data
        if input.path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else if let d = FileManager.default.contents(atPath: input.path) {
            data = d
        } else {
            var isDir: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: input.path, isDirectory: &isDir)
            return [CorpusProblem(source: input.path, message: !exists ? "no such file" : isDir.boolValue ? "is a folder, not a file" : "cannot be read (permission denied?)")]
        }
        var kind = input.kind
        if input.path == "-" {
            guard let k = InputKind.classify(path: nil, prefix: [UInt8](data.prefix(8192))), k.role == .graph else {
                return [CorpusProblem(source: input.source, message: "not a kg graph (\(InputKind.readable))")]
            }
            kind = k
        }
        return read(data, kind: kind, source: input.source)
    }

    /// Reads graph data of a known kind and merges it.
    public mutating func read(_ data: Data, kind: InputKind, source: String) -> [CorpusProblem] {
        var problems: [CorpusProblem] = []
        let part: Graph
        switch kind {
        case .rdfXML:
            let (vocabulary, namespace) = (graph.vocabulary, self.namespace)
            return load(source: source) { try RDFXMLGraphReader.load(bytes: [UInt8](data), source: source, vocabulary: vocabulary, namespace: namespace).graph }
        case .nQuads, .jsonStatements, .turtle, .nTriples:
            var shard = ShardReader(vocabulary: graph.vocabulary, aliases: gazetteerAliases)
            switch kind {
            case .nQuads: problems = shard.readNQuads(data, source: source)
            case .turtle: problems = shard.readTurtle(data, source: source)
            case .nTriples: problems = shard.readNTriples(data, source: source)
            default: problems = shard.readJSONLines(data, source: source)
            }
            part = shard.graph
        case .text, .html, .jsonLines:
            return [CorpusProblem(source: source, message: CorpusInput.roleMismatch(kind))]
        case .store:
            return [CorpusProblem(source: source, message: "a kg store is read from its file, not from standard input; name the file")]
        }
        return problems + merge(part, source: source)
    }

    /// Loads an RDF/XML graph and merges it; an `XMLError` becomes a problem with its place.
    private mutating func load(source: String, _ body: () throws -> Graph) -> [CorpusProblem] {
        do {
            let part = try body()
            return merge(part, source: source)
        } catch let e as XMLError {
            return [CorpusProblem(source: e.source ?? source, line: e.line, column: e.column, message: e.message)]
        } catch let e as StoreError {
            return [CorpusProblem(source: e.file, message: e.message)]
        } catch {
            return [CorpusProblem(source: source, message: "\(error)")]
        }
    }

    /// Merges a graph (extracted from news, or read) into the graph, documents through the ledger.
    /// - Returns: a warning for each document skipped as already read, or renamed.
    /// - Complexity: O(n) in the statements and mentions of `part`.
    public mutating func merge(_ part: Graph, source: String) -> [CorpusProblem] {
        var warnings: [CorpusProblem] = []
        var documentMap = [Int?](repeating: nil, count: part.documents.count)
        for (i, d) in part.documents.enumerated() {
            let (admitted, warning) = ledger.resolve(d, source: source)
            if let warning { warnings.append(warning) }
            documentMap[i] = admitted.map { graph.addDocument($0) }
        }
        for s in part.statements {
            let mentions = s.evidence.compactMap { e -> Evidence? in
                guard let d = documentMap[e.document] else { return nil }
                var moved = e
                moved.document = d
                return moved
            }
            guard !mentions.isEmpty, let relation = graph.vocabulary.id(part.vocabulary[s.relation].name) else { continue }
            let key = StatementKey(subject: graph.intern(part[s.subject]), relation: relation,
                                   object: graph.intern(part[s.object]), negated: s.negated, modality: s.modality)
            for m in mentions { graph.add(key, evidence: m) }
        }
        return warnings
    }
}
