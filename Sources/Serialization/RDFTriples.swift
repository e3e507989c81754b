import KnowledgeGraph
import XMLSupport

/// An RDF term of the triple-based exports (Turtle, N-Triples).
public enum RDFTerm: Hashable, Sendable {
    case iri(String)
    /// A blank node label, unique within one export (`ev1`).
    case blank(String)
    /// A literal; `datatype` nil means `xsd:string`.
    case literal(String, datatype: String?)
}

/// One triple, with the predicate as an absolute IRI.
public struct RDFTriple: Hashable, Sendable {
    public var subject: RDFTerm
    public var predicate: String
    public var object: RDFTerm
}

/// Vocabulary IRIs shared by the RDF exports.
enum RDFVocabulary {
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"
    static let owl = "http://www.w3.org/2002/07/owl#"
    static let dcterms = "http://purl.org/dc/terms/"
    static let prov = "http://www.w3.org/ns/prov#"
    static let skos = "http://www.w3.org/2004/02/skos/core#"
    /// The CAMEO concept scheme of `ontology/cameo.ttl`; a concept is this plus "/" and the code.
    static let cameoScheme = "https://w3id.org/kg-news/cameo"
}

/// The IRIs every RDF export gives to the parts of a graph, so RDF/XML, Turtle and N-Triples
/// name the same things the same way.
struct RDFNaming {
    var options: ExportOptions

    func entity(_ e: Entity) -> String { options.baseIRI + "entity/" + iriEscape(e.key) }
    func document(_ d: DocumentInfo) -> String { options.baseIRI + "document/" + iriEscape(d.id) }
    func statement(_ graph: Graph, _ s: Statement) -> String { options.baseIRI + "statement/" + iriEscape(graph.statementSlug(s)) }
    func wikidata(_ q: String) -> String { "http://www.wikidata.org/entity/" + iriEscape(q) }
    func cameo(_ code: String) -> String { RDFVocabulary.cameoScheme + "/" + iriEscape(code) }
    /// The software agent: the tool and its version ("kg 0.1.0").
    var agent: String { options.baseIRI + "agent/" + iriEscape(options.generator) }
    /// The extraction run: named after the tool version and the documents it read, so the same
    /// input gives the same IRI (no clock time, which would make exports non-deterministic).
    /// The run's IRI: the tool and a fixed-length FNV-1a hash of the sorted document ids, so it
    /// is deterministic and does not grow with the corpus (it is repeated on every statement).
    func run(_ graph: Graph) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for id in graph.documents.map(\.id).sorted() {
            for byte in id.utf8 + [0] {
                hash ^= UInt64(byte)
                hash = hash &* 0x100000001b3
            }
        }
        var hex = String(hash, radix: 16)
        while hex.count < 16 { hex = "0" + hex }
        return options.baseIRI + "run/" + iriEscape(options.generator) + "-" + hex
    }
}

/// Produces the triples of a graph one at a time, in a deterministic order grouped by subject:
/// documents (also `prov:Entity`), entities (class, `rdfs:label`, one `skos:altLabel` per alias
/// in the entity's order, country code, CAMEO actor code, Wikidata) with their direct relation triples, the run
/// and its agent (PROV-O), then
/// every statement reified with its evidence as blank nodes `_:ev1`, `_:ev2`, …
///
/// The triples are exactly those of `RDFXMLSerializer` (the interop script checks it).
struct RDFTripleEmitter {
    var options: ExportOptions
    var naming: RDFNaming { RDFNaming(options: options) }

    /// Checks everything that becomes an IRI outside our own escaping: the base IRI, the
    /// ontology namespace and document URLs.
    /// - Throws: `SerializationError` naming the value and the offending character.
    func validate(_ graph: Graph, format: String) throws {
        try checkIRI(options.baseIRI, what: "the base IRI", format: format)
        try checkIRI(options.ontologyNamespace, what: "the ontology namespace", format: format)
        for d in graph.documents {
            if let url = d.url { try checkIRI(url, what: "the URL of document '\(d.id)'", format: format) }
        }
    }

    func emit(_ graph: Graph, _ out: (RDFTriple) throws -> Void) throws {
        let V = RDFVocabulary.self
        let kg = options.ontologyNamespace
        let n = naming
        func t(_ s: RDFTerm, _ p: String, _ o: RDFTerm) throws { try out(RDFTriple(subject: s, predicate: p, object: o)) }
        func lit(_ v: String, _ type: String? = nil) -> RDFTerm { .literal(v, datatype: type.map { V.xsd + $0 }) }
        let type = V.rdf + "type"
        let run = RDFTerm.iri(n.run(graph))
        let agent = RDFTerm.iri(n.agent)

        let documents = graph.documents.sorted { $0.id < $1.id }
        for d in documents {
            let s = RDFTerm.iri(n.document(d))
            try t(s, type, .iri(kg + "Document"))
            try t(s, type, .iri(V.prov + "Entity"))
            try t(s, V.dcterms + "identifier", lit(d.id))
            if let title = d.title { try t(s, V.dcterms + "title", lit(title)) }
            if let date = d.date { try t(s, V.dcterms + "date", lit(date, "date")) }
            if let url = d.url { try t(s, V.dcterms + "source", .iri(url)) }
            if let digest = d.digest { try t(s, kg + "digest", lit(digest)) }
        }

        let statements = graph.sortedStatements
        // Documents in id order, not input order, as in RDF/XML (a graph read back writes the same bytes).
        var rank = [Int](repeating: 0, count: graph.documents.count)
        for (r, i) in graph.documents.indices.sorted(by: { graph.documents[$0].id < graph.documents[$1].id }).enumerated() { rank[i] = r }
        var bySubject: [EntityID: [Statement]] = [:]
        for s in statements where s.isPositive { bySubject[s.subject, default: []].append(s) }
        for id in graph.sortedEntityIDs {
            let e = graph[id]
            let s = RDFTerm.iri(n.entity(e))
            try t(s, type, .iri(kg + e.type.rawValue))
            try t(s, V.rdfs + "label", lit(e.label))
            for a in e.aliases { try t(s, V.skos + "altLabel", lit(a)) }
            if let c = e.country { try t(s, kg + "countryCode", lit(c)) }
            if let c = e.code { try t(s, kg + "cameoActorCode", lit(c)) }
            if let q = e.wikidata {
                try t(s, kg + "wikidata", lit(q))
                try t(s, V.owl + "sameAs", .iri(n.wikidata(q)))
            }
            for st in bySubject[id] ?? [] {
                try t(s, kg + graph.vocabulary[st.relation].name, .iri(n.entity(graph[st.object])))
            }
        }

        try t(run, type, .iri(V.prov + "Activity"))
        try t(run, V.rdfs + "label", lit("extraction by " + options.generator))
        try t(run, V.prov + "wasAssociatedWith", agent)
        for d in documents { try t(run, V.prov + "used", .iri(n.document(d))) }
        try t(agent, type, .iri(V.prov + "SoftwareAgent"))
        try t(agent, V.rdfs + "label", lit(options.generator))

        var blank = 0
        for st in statements {
            let r = graph.vocabulary[st.relation]
            let s = RDFTerm.iri(n.statement(graph, st))
            try t(s, type, .iri(V.rdf + "Statement"))
            try t(s, V.rdf + "subject", .iri(n.entity(graph[st.subject])))
            try t(s, V.rdf + "predicate", .iri(kg + r.name))
            try t(s, V.rdf + "object", .iri(n.entity(graph[st.object])))
            try t(s, kg + "negated", lit(st.negated ? "true" : "false", "boolean"))
            try t(s, kg + "modality", lit(st.modality.rawValue))
            try t(s, kg + "weight", lit("\(st.weight)", "integer"))
            try t(s, kg + "confidence", lit(decimal(st.confidence), "decimal"))
            try t(s, kg + "quadClass", lit("\(r.quadClass)", "integer"))
            if !r.cameo.isEmpty {
                try t(s, kg + "cameoCode", lit(r.cameo))
                try t(s, kg + "cameoEvent", .iri(n.cameo(r.cameo)))
            }
            if let g = r.goldstein { try t(s, kg + "goldstein", lit(decimal(g), "decimal")) }
            try t(s, V.prov + "wasGeneratedBy", run)
            for d in st.documents.sorted(by: { rank[$0] < rank[$1] }) {
                try t(s, V.prov + "wasDerivedFrom", .iri(n.document(graph.documents[d])))
            }
            let evidence = st.evidence.sorted { (rank[$0.document], $0.start, $0.end) < (rank[$1.document], $1.start, $1.end) }
            var labels: [RDFTerm] = []
            for _ in evidence {
                blank += 1
                labels.append(.blank("ev\(blank)"))
                try t(s, kg + "evidence", labels.last!)
            }
            for (e, b) in zip(evidence, labels) {
                try t(b, type, .iri(kg + "Evidence"))
                try t(b, kg + "document", .iri(n.document(graph.documents[e.document])))
                try t(b, kg + "sentenceIndex", lit("\(e.sentence)", "integer"))
                try t(b, kg + "start", lit("\(e.start)", "integer"))
                try t(b, kg + "end", lit("\(e.end)", "integer"))
                try t(b, kg + "quote", lit(e.quote))
                try t(b, kg + "pattern", lit(e.pattern))
                try t(b, kg + "confidence", lit(decimal(e.confidence), "decimal"))
                try t(b, kg + "eventId", lit(EventID.of(e, of: st, in: graph)))
                if let date = e.eventDate { try t(b, kg + "eventDate", lit(date, eventDateDatatype(date))) }
                if let place = e.place {
                    try t(b, kg + "placeName", lit(place.name))
                    if let c = place.country { try t(b, kg + "placeCountry", lit(c)) }
                }
                if let c = e.subjectCode { try t(b, kg + "subjectCode", lit(c)) }
                if let c = e.objectCode { try t(b, kg + "objectCode", lit(c)) }
            }
        }
    }
}

/// Refuses an IRI that N-Triples and Turtle cannot write: no scheme, or a character that
/// `IRIREF` forbids (controls, space, `<>"{}|^`` ` ``\`).
func checkIRI(_ iri: String, what: String, format: String) throws {
    guard let colon = iri.firstIndex(of: ":"), colon != iri.startIndex,
          iri[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else {
        throw SerializationError("\(what) '\(iri)' is not an absolute IRI (no scheme such as 'https:'); \(format) needs absolute IRIs")
    }
    for u in iri.unicodeScalars where u.value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains(u) {
        let code = "U+" + String(u.value, radix: 16, uppercase: true).leftPadded(to: 4)
        throw SerializationError("\(what) '\(iri)' contains \(code), which an IRI cannot hold in \(format); percent-encode it")
    }
}

/// Text safe in a one-line comment (`#`, `//`): control characters become spaces.
func oneLine(_ s: String) -> String {
    String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
}

extension String {
    func leftPadded(to n: Int, with c: Character = "0") -> String {
        count >= n ? self : String(repeating: c, count: n - count) + self
    }
}

/// The body of an N-Triples/Turtle string literal (between double quotes): `\"`, `\\` and the
/// ECHAR controls escaped, other controls as `\uXXXX`; everything else (emoji, bidi marks,
/// accents) as UTF-8, which both formats carry as is.
func rdfStringBody(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        default:
            if u.value < 0x20 || u.value == 0x7F {
                out += "\\u" + String(u.value, radix: 16, uppercase: true).leftPadded(to: 4)
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    return out
}

/// The XML Schema type of an event date: `date` for a day, `gYearMonth` for a month, `gYear` for
/// a year, nil (a plain literal) for an ISO week, which XML Schema has no type for.
func eventDateDatatype(_ iso: String) -> String? {
    switch iso.utf8.count {
    case 10: return "date"
    case 7 where !iso.contains("W"): return "gYearMonth"
    case 4: return "gYear"
    default: return nil
    }
}
