import Foundation
import KnowledgeGraph

/// Rebuilds a graph from kg's own JSON Lines or N-Quads exports ("shards"), so that shards extracted
/// separately — on several machines, by Hadoop Streaming or Spark's `rdd.pipe()` — merge into
/// the graph one extraction of all their documents would have built.
///
/// Each line carries its document (id, date, title, url, `documentIndex`), both entities (key,
/// label, type, country, code, aliases, wikidata), the relation, polarity, modality and every mention
/// in that document (`spans`). Lines without `spans` (older exports) count as one mention taken
/// from the top-level fields. Documents are added per shard in `documentIndex` order, shards in
/// the order given, so merged documents keep their input order. A document without statements
/// has no line in JSON Lines and so is not in the merged graph. For N-Quads, see
/// `readNQuads` (in ShardReader+NQuads.swift): what they hold and what they do not.
public struct ShardReader {
    public internal(set) var graph: Graph
    /// The documents of N-Quads blocks read so far: a block that describes a document again
    /// (same id, same content) is skipped; other content under the same id is renamed.
    var ledger = DocumentLedger()
    /// The aliases of gazetteer entities by key, for N-Quads entities without `skos:altLabel`.
    let gazetteerAliases: [String: [String]]

    /// - Parameter gazetteer: the gazetteer's entities, whose aliases an N-Quads entity without
    ///   `skos:altLabel` gets (N-Quads written before kg exported aliases; the extractor gives a
    ///   gazetteer entity the gazetteer's aliases).
    public init(vocabulary: RelationVocabulary, gazetteer: [Entity] = []) {
        var aliases: [String: [String]] = [:]
        for e in gazetteer { aliases[e.key] = e.aliases }
        self.init(vocabulary: vocabulary, aliases: aliases)
    }

    /// A reader whose gazetteer aliases by key are already indexed.
    init(vocabulary: RelationVocabulary, aliases: [String: [String]]) {
        graph = Graph(vocabulary: vocabulary)
        gazetteerAliases = aliases
    }

    /// The format of a shard, from its content.
    public enum Format: Sendable, Equatable {
        /// `{`: kg's JSON Lines.
        case jsonLines
        /// `<` or `_:`: N-Quads (a first statement of four terms, or one that tells nothing).
        case nQuads
        /// A first statement of three terms.
        case nTriples
        /// `@prefix`, `PREFIX`, `@base`, `BASE`, or a first statement that goes on past its line.
        case turtle
        /// XML naming the RDF namespace (read by `kg query`, not merged).
        case rdfXML
        /// Only blanks (or nothing).
        case empty
        /// Something else; the character is given.
        case unknown(Character)
    }

    /// Tells the format by content (`GraphFormat.detect`), whatever the file is called. A
    /// first non-blank `<`, `_` or `#` that tells nothing more counts for N-Quads.
    public static func format(of data: Data) -> Format {
        guard let first = data.first(where: { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13) }) else { return .empty }
        switch GraphFormat.detect(path: nil, prefix: data) {
        case .jsonLines?: return .jsonLines
        case .nQuads?: return .nQuads
        case .nTriples?: return .nTriples
        case .turtle?: return .turtle
        case .rdfXML?: return .rdfXML
        case nil: break
        }
        switch first {
        case UInt8(ascii: "<"), UInt8(ascii: "_"), UInt8(ascii: "#"): return .nQuads
        default:
            return .unknown(String(decoding: data.drop(while: { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }).prefix(4), as: UTF8.self).first ?? "?")
        }
    }

    /// The aliases of an entity read from N-Quads without any `skos:altLabel`: the gazetteer's
    /// for a gazetteer entity, none otherwise.
    func aliases(key: String) -> [String] { gazetteerAliases[key] ?? [] }

    /// Reads one shard — JSON Lines, N-Quads, N-Triples or Turtle — and merges it into `graph`;
    /// bad lines are skipped and reported. The format is told by content (`format(of:)`); when
    /// the content does not tell, by the name (`GraphFormat.detect(name:)`: `.nq`, `.nt`,
    /// `.ttl`; anything else is JSON Lines, or N-Quads when the first character is `<`, `_` or
    /// `#`), so each bad line is still reported with its number.
    /// - Returns: a problem per bad line, as `SOURCE:LINE: message`.
    public mutating func read(_ data: Data, source: String) -> [CorpusProblem] {
        let content = Self.format(of: data)
        let format: GraphFormat
        switch content {
        case .empty: return []
        case .jsonLines: format = .jsonLines
        case .nTriples: format = .nTriples
        case .turtle: format = .turtle
        case .rdfXML: format = .rdfXML
        case .nQuads, .unknown:
            // N-Quads by content may only be "starts like an RDF line": let the name say more.
            let byName = GraphFormat.detect(name: source)
            if GraphFormat.detect(path: nil, prefix: data) == .nQuads {
                format = .nQuads
            } else if let byName, byName != .rdfXML {
                format = byName
            } else {
                format = content == .nQuads ? .nQuads : .jsonLines
            }
        }
        switch format {
        case .jsonLines: return readJSONLines(data, source: source)
        case .nQuads: return readNQuads(data, source: source)
        case .nTriples: return readNTriples(data, source: source)
        case .turtle: return readTurtle(data, source: source)
        case .rdfXML:
            return [CorpusProblem(source: source, message: "RDF/XML cannot be merged; give kg's JSON Lines, N-Quads, N-Triples or Turtle (kg extract --format jsonl, nquads, ntriples or turtle)")]
        }
    }

    struct Line {
        var number: Int
        var document: DocumentInfo
        var documentIndex: Int
        var subject: Entity
        var object: Entity
        var relation: RelationID
        var negated: Bool
        var modality: Modality
        var spans: [Evidence]
    }

    struct LineError: Error { var message: String }

    /// Reads one JSON Lines shard and merges it into `graph`; bad lines are skipped and reported.
    /// - Returns: a problem per bad line, as `SOURCE:LINE: message`.
    /// - Complexity: O(n) in the size of the shard.
    public mutating func readJSONLines(_ data: Data, source: String) -> [CorpusProblem] {
        var problems: [CorpusProblem] = []
        var lines: [Line] = []
        var number = 0
        var start = data.startIndex
        while start < data.endIndex {
            number += 1
            let end = data[start...].firstIndex(of: 10) ?? data.endIndex
            let bytes = data[start..<end]
            start = end < data.endIndex ? data.index(after: end) : end
            if bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            do {
                lines.append(try parse(Data(bytes), number: number))
            } catch let e as LineError {
                problems.append(CorpusProblem(source: source, line: number, message: e.message))
            } catch {
                problems.append(CorpusProblem(source: source, line: number, message: "\(error)"))
            }
        }
        // Documents first, in their order within the shard, then statements in line order.
        var order: [String: Int] = [:]
        var infos: [String: DocumentInfo] = [:]
        for l in lines where order[l.document.id] == nil {
            order[l.document.id] = l.documentIndex
            infos[l.document.id] = l.document
        }
        var docIndex: [String: Int] = [:]
        for (id, _) in order.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
            docIndex[id] = graph.addDocument(infos[id]!)
        }
        for l in lines {
            let s = graph.intern(l.subject)
            let o = graph.intern(l.object)
            let key = StatementKey(subject: s, relation: l.relation, object: o, negated: l.negated, modality: l.modality)
            for var e in l.spans {
                e.document = docIndex[l.document.id]!
                graph.add(key, evidence: e)
            }
        }
        return problems
    }

    func parse(_ data: Data, number: Int) throws -> Line {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw LineError(message: "not JSON (\(DocumentReader.jsonReason(error)))")
        }
        guard let f = object as? [String: Any] else { throw LineError(message: "expected a JSON object (a statement of kg's JSON Lines)") }
        func string(_ o: [String: Any], _ name: String, required: Bool = true) throws -> String? {
            switch o[name] {
            case let s as String: return s
            case nil, is NSNull:
                if required { throw LineError(message: "no \"\(name)\"; is this kg's JSON Lines (kg extract --format jsonl)?") }
                return nil
            default: throw LineError(message: "\"\(name)\" must be a string")
            }
        }
        func int(_ o: [String: Any], _ name: String) throws -> Int {
            guard let n = o[name] as? Int else { throw LineError(message: "\"\(name)\" must be an integer") }
            return n
        }
        func double(_ o: [String: Any], _ name: String) throws -> Double {
            guard let n = o[name] as? Double else { throw LineError(message: "\"\(name)\" must be a number") }
            return n
        }
        func entity(_ name: String) throws -> Entity {
            if f[name] == nil || f[name] is NSNull {
                throw LineError(message: "no \"\(name)\"; is this kg's JSON Lines (kg extract --format jsonl)?")
            }
            guard let e = f[name] as? [String: Any] else { throw LineError(message: "\"\(name)\" must be an object {id, label, type, country}") }
            let key = try string(e, "id")!, label = try string(e, "label")!, typeName = try string(e, "type")!
            guard let type = ActorType(rawValue: typeName) else {
                throw LineError(message: "\"\(name)\".type '\(typeName)' is not one of \(ActorType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let aliases = (e["aliases"] as? [Any])?.compactMap { $0 as? String } ?? []
            return Entity(key: key, label: label, type: type, aliases: aliases,
                          country: try string(e, "country", required: false), wikidata: try string(e, "wikidata", required: false),
                          code: try string(e, "code", required: false))
        }
        let docID = try string(f, "document")!
        let info = DocumentInfo(id: docID, title: try string(f, "title", required: false),
                                date: try string(f, "date", required: false), url: try string(f, "url", required: false),
                                digest: try string(f, "digest", required: false))
        let subject = try entity("subject")
        let predicate = try string(f, "predicate")!
        guard let relation = graph.vocabulary.id(predicate) else {
            throw LineError(message: "predicate '\(predicate)' is not a relation of the ontology")
        }
        guard let negated = f["negated"] as? Bool else { throw LineError(message: "\"negated\" must be true or false") }
        let modalityName = try string(f, "modality")!
        guard let modality = Modality(rawValue: modalityName) else {
            throw LineError(message: "modality '\(modalityName)' is not one of \(Modality.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        /// `"location": {"name", "country"}` of a mention, if any.
        func location(_ o: [String: Any]) throws -> Place? {
            guard let value = o["location"], !(value is NSNull) else { return nil }
            guard let l = value as? [String: Any], let name = l["name"] as? String else {
                throw LineError(message: "\"location\" must be {\"name\": ..., \"country\": ...}")
            }
            return Place(name: name, country: l["country"] as? String)
        }
        var spans: [Evidence] = []
        if let list = f["spans"] as? [Any] {
            for item in list {
                guard let m = item as? [String: Any] else { throw LineError(message: "\"spans\" must hold objects") }
                spans.append(Evidence(document: 0, sentence: try int(m, "sentence"), start: try int(m, "start"), end: try int(m, "end"),
                                      quote: try string(m, "quote")!, pattern: try string(m, "pattern")!, confidence: try double(m, "confidence"),
                                      eventDate: try string(m, "eventDate", required: false), place: try location(m),
                                      subjectCode: try string(m, "subjectCode", required: false),
                                      objectCode: try string(m, "objectCode", required: false)))
            }
        } else {
            spans.append(Evidence(document: 0, sentence: try int(f, "sentence"), start: try int(f, "start"), end: try int(f, "end"),
                                  quote: try string(f, "evidence")!, pattern: try string(f, "pattern")!, confidence: try double(f, "confidence"),
                                  eventDate: try string(f, "eventDate", required: false), place: try location(f),
                                  subjectCode: try string(f, "subjectCode", required: false),
                                  objectCode: try string(f, "objectCode", required: false)))
        }
        guard !spans.isEmpty else { throw LineError(message: "\"spans\" is empty; a statement needs at least one mention") }
        let documentIndex = (f["documentIndex"] as? Int) ?? Int.max
        return Line(number: number, document: info, documentIndex: documentIndex, subject: subject,
                    object: try entity("object"), relation: relation, negated: negated, modality: modality, spans: spans)
    }
}
