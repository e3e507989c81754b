import KnowledgeGraph
import XMLSupport

/// N-Quads (RDF 1.1) with one named graph per document, for bulk loaders and clusters.
///
/// The graph `<BASE/document/ID>` holds what that document says: its metadata (identifier,
/// title, date, source URL), the description of every entity it mentions (class, label, aliases
/// as `skos:altLabel` in the entity's order, country code, CAMEO actor code, Wikidata id), the direct triple of
/// each positive statement, each statement reified as `rdf:Statement` with its coding (CAMEO,
/// QuadClass, Goldstein), polarity and modality, and one `kg:Evidence` per mention. Evidence
/// nodes are IRIs (`BASE/evidence/DOC/STATEMENT/K`), not blank nodes, so shards written
/// separately can be concatenated or loaded one after the other without renaming. Totals over all documents (weight, combined confidence) are left out: they
/// belong to no single document, and a store computes them with `COUNT` over the graphs.
///
/// Output is deterministic: documents by id, statements in `Graph.sortedStatements` order.
public struct NQuadsSerializer: GraphSerializer {
    public var options: ExportOptions

    public init(options: ExportOptions) { self.options = options }

    public func write(_ graph: Graph, to sink: ByteSink) throws {
        do {
            for d in graph.documents {
                if let url = d.url { try checkIRI(url, what: "the URL of document '\(d.id)'", format: "N-Quads") }
            }
            // Each document's statements with their mentions in it, in sorted statement order.
            var perDocument: [[(Statement, [Evidence])]] = Array(repeating: [], count: graph.documents.count)
            for s in graph.sortedStatements {
                var byDoc: [Int: [Evidence]] = [:]
                for e in s.evidence { byDoc[e.document, default: []].append(e) }
                for (doc, list) in byDoc {
                    perDocument[doc].append((s, list.sorted { ($0.start, $0.end, $0.sentence) < ($1.start, $1.end, $1.sentence) }))
                }
            }
            let order = graph.documents.indices.sorted { graph.documents[$0].id < graph.documents[$1].id }
            var out = ""
            out.reserveCapacity(1 << 16)
            for doc in order {
                try writeDocument(graph, doc, perDocument[doc], into: &out)
                if out.utf8.count >= 1 << 16 {
                    try sink.write(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
            try sink.write(out)
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
    }

    func writeDocument(_ graph: Graph, _ doc: Int, _ statements: [(Statement, [Evidence])], into out: inout String) throws {
        let kg = options.ontologyNamespace
        let info = graph.documents[doc]
        let g = "<" + documentIRI(info) + ">"
        func quad(_ s: String, _ p: String, _ o: String) {
            out += s; out += " <"; out += p; out += "> "; out += o; out += " "; out += g; out += " .\n"
        }
        func iri(_ i: String) -> String { "<" + i + ">" }
        func lit(_ v: String, _ type: String? = nil) -> String {
            let body = "\"" + rdfStringBody(v) + "\""
            return type.map { body + "^^<" + RDFVocabulary.xsd + $0 + ">" } ?? body
        }
        let d = iri(documentIRI(info))
        quad(d, RDFVocabulary.rdf + "type", iri(kg + "Document"))
        quad(d, RDFVocabulary.dcterms + "identifier", lit(info.id))
        if let t = info.title { quad(d, RDFVocabulary.dcterms + "title", lit(t)) }
        if let date = info.date { quad(d, RDFVocabulary.dcterms + "date", lit(date, "date")) }
        if let url = info.url { quad(d, RDFVocabulary.dcterms + "source", iri(url)) }
        if let digest = info.digest { quad(d, kg + "digest", lit(digest)) }

        var entities = Set<EntityID>()
        for (s, _) in statements { entities.insert(s.subject); entities.insert(s.object) }
        for id in entities.sorted(by: { graph[$0].key < graph[$1].key }) {
            let e = graph[id]
            let x = iri(entityIRI(e))
            quad(x, RDFVocabulary.rdf + "type", iri(kg + e.type.rawValue))
            quad(x, RDFVocabulary.rdfs + "label", lit(e.label))
            for a in e.aliases { quad(x, RDFVocabulary.skos + "altLabel", lit(a)) }
            if let c = e.country { quad(x, kg + "countryCode", lit(c)) }
            if let c = e.code { quad(x, kg + "cameoActorCode", lit(c)) }
            if let q = e.wikidata {
                quad(x, kg + "wikidata", lit(q))
                quad(x, RDFVocabulary.owl + "sameAs", iri("http://www.wikidata.org/entity/" + iriEscape(q)))
            }
        }
        for (s, _) in statements where s.isPositive {
            quad(iri(entityIRI(graph[s.subject])), kg + graph.vocabulary[s.relation].name, iri(entityIRI(graph[s.object])))
        }
        for (s, mentions) in statements {
            let r = graph.vocabulary[s.relation]
            let slug = iriEscape(graph.statementSlug(s))
            let x = iri(options.baseIRI + "statement/" + slug)
            quad(x, RDFVocabulary.rdf + "type", iri(RDFVocabulary.rdf + "Statement"))
            quad(x, RDFVocabulary.rdf + "subject", iri(entityIRI(graph[s.subject])))
            quad(x, RDFVocabulary.rdf + "predicate", iri(kg + r.name))
            quad(x, RDFVocabulary.rdf + "object", iri(entityIRI(graph[s.object])))
            quad(x, kg + "negated", lit(s.negated ? "true" : "false", "boolean"))
            quad(x, kg + "modality", lit(s.modality.rawValue))
            quad(x, kg + "quadClass", lit("\(r.quadClass)", "integer"))
            if !r.cameo.isEmpty { quad(x, kg + "cameoCode", lit(r.cameo)) }
            if let gs = r.goldstein { quad(x, kg + "goldstein", lit(decimal(gs), "decimal")) }
            for (k, e) in mentions.enumerated() {
                let ev = iri(options.baseIRI + "evidence/" + iriEscape(info.id) + "/" + slug + "/\(k + 1)")
                quad(x, kg + "evidence", ev)
                quad(ev, RDFVocabulary.rdf + "type", iri(kg + "Evidence"))
                quad(ev, kg + "document", d)
                quad(ev, kg + "sentenceIndex", lit("\(e.sentence)", "integer"))
                quad(ev, kg + "start", lit("\(e.start)", "integer"))
                quad(ev, kg + "end", lit("\(e.end)", "integer"))
                quad(ev, kg + "quote", lit(e.quote))
                quad(ev, kg + "pattern", lit(e.pattern))
                quad(ev, kg + "confidence", lit(decimal(e.confidence), "decimal"))
                quad(ev, kg + "eventId", lit(EventID.of(e, of: s, in: graph)))
                if let date = e.eventDate { quad(ev, kg + "eventDate", lit(date, eventDateDatatype(date))) }
                if let place = e.place {
                    quad(ev, kg + "placeName", lit(place.name))
                    if let c = place.country { quad(ev, kg + "placeCountry", lit(c)) }
                }
                if let c = e.subjectCode { quad(ev, kg + "subjectCode", lit(c)) }
                if let c = e.objectCode { quad(ev, kg + "objectCode", lit(c)) }
            }
        }
    }

    func entityIRI(_ e: Entity) -> String { options.baseIRI + "entity/" + iriEscape(e.key) }
    func documentIRI(_ d: DocumentInfo) -> String { options.baseIRI + "document/" + iriEscape(d.id) }

}
