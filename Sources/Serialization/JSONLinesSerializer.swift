import KnowledgeGraph
import XMLSupport

/// JSON Lines: one line per statement and document, the contract of `kgscore.py`.
///
/// Fields: document, subject {id, label, type, country}, predicate, object {...}, negated,
/// modality, sentence, start, end, evidence (the first mention in that document), mentions,
/// confidence, cameo, quadClass, goldstein, pattern; then what `kg merge` needs to rebuild the
/// graph from shards: the document's date, title and url when known, `documentIndex` (the
/// document's position among the documents of this graph that have statements, so merged
/// documents keep their input order and a merge of shards writes the same numbers as one
/// extraction of all their documents), every
/// mention in that document under `spans` ({sentence, start, end, quote, pattern, confidence})
/// and the entities' aliases and Wikidata ids.
public struct JSONLinesSerializer: GraphSerializer {
    public var options: ExportOptions

    public init(options: ExportOptions) { self.options = options }

    public func write(_ graph: Graph, to sink: ByteSink) throws {
        do {
            var hasStatements = [Bool](repeating: false, count: graph.documents.count)
            for s in graph.statements { for e in s.evidence { hasStatements[e.document] = true } }
            var rank = [Int](repeating: 0, count: graph.documents.count)
            var next = 0
            for (i, has) in hasStatements.enumerated() where has { rank[i] = next; next += 1 }
            for s in graph.sortedStatements {
                for doc in s.documents {
                    let mentions = s.evidence.filter { $0.document == doc }.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
                    try sink.write(line(graph, s, doc, mentions, documentIndex: rank[doc]))
                }
            }
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
    }

    func line(_ graph: Graph, _ s: Statement, _ doc: Int, _ mentions: [Evidence], documentIndex: Int) -> String {
        let r = graph.vocabulary[s.relation]
        let e = mentions[0]
        var confidence = 1.0
        for m in mentions { confidence *= 1 - m.confidence }
        var out = "{\"document\":" + json(graph.documents[doc].id)
        out += ",\"subject\":" + entity(graph[s.subject])
        out += ",\"predicate\":" + json(r.name)
        out += ",\"object\":" + entity(graph[s.object])
        out += ",\"negated\":\(s.negated),\"modality\":" + json(s.modality.rawValue)
        out += ",\"sentence\":\(e.sentence),\"start\":\(e.start),\"end\":\(e.end)"
        out += ",\"evidence\":" + json(e.quote)
        out += ",\"mentions\":\(mentions.count),\"confidence\":" + decimal(1 - confidence)
        out += ",\"cameo\":" + (r.cameo.isEmpty ? "null" : json(r.cameo))
        out += ",\"quadClass\":\(r.quadClass),\"goldstein\":" + (r.goldstein.map(decimal) ?? "null")
        out += ",\"pattern\":" + json(e.pattern)
        let info = graph.documents[doc]
        if let date = info.date { out += ",\"date\":" + json(date) }
        if let title = info.title { out += ",\"title\":" + json(title) }
        if let url = info.url { out += ",\"url\":" + json(url) }
        out += ",\"documentIndex\":\(documentIndex),\"spans\":["
        for (k, m) in mentions.enumerated() {
            if k > 0 { out += "," }
            out += "{\"sentence\":\(m.sentence),\"start\":\(m.start),\"end\":\(m.end),\"quote\":" + json(m.quote)
                + ",\"pattern\":" + json(m.pattern) + ",\"confidence\":" + decimal(m.confidence) + "}"
        }
        return out + "]}\n"
    }

    func entity(_ e: Entity) -> String {
        "{\"id\":" + json(e.key) + ",\"label\":" + json(e.label) + ",\"type\":" + json(e.type.rawValue)
            + ",\"country\":" + (e.country.map(json) ?? "null")
            + ",\"aliases\":[" + e.aliases.map(json).joined(separator: ",") + "]"
            + ",\"wikidata\":" + (e.wikidata.map(json) ?? "null") + "}"
    }
}

/// A JSON string literal.
func json(_ s: String) -> String { jsonStringLiteral(s) }
