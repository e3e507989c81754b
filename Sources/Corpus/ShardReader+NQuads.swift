import Foundation
import KnowledgeGraph

/// Reading kg's own N-Quads (`kg extract --format nquads`) back into a graph.
///
/// Each document is a named graph `<BASE/document/ID>` whose quads kg writes together: the
/// document (`rdf:type kg:Document`, `dcterms:identifier`, title, date, source), the entities
/// its statements name (class, label, aliases as `skos:altLabel` in order, country code, CAMEO actor code, Wikidata
/// id), the direct triples, and each
/// statement reified (`rdf:subject`, `rdf:predicate`, `rdf:object`, `kg:negated`,
/// `kg:modality`) with one `kg:Evidence` per mention (sentence, start, end, quote, pattern,
/// confidence). A *block* is a run of quads of one graph; a new block starts where the graph
/// changes or where its document is typed again (the same id written twice, by two batches of
/// `kg extract --stdin`), so blocks are resolved on their own, as kg wrote them. The base IRI
/// and the ontology namespace are read from the data (`<G> rdf:type <NS Document>`,
/// `dcterms:identifier`), so shards written with `--base-iri` merge too.
///
/// An entity's aliases are its `skos:altLabel`s in the order written, so a name found only in the
/// text keeps the word it was first seen by ("Cho" for "Cho Hyundong") and the JSON Lines
/// merged from N-Quads shards are those merged from JSON Lines shards. An entity without any
/// `skos:altLabel` (shards written before kg exported aliases, or an entity that has none) gets
/// the gazetteer's aliases for its key, as extraction gives them, and otherwise none.
///
/// Not in N-Quads, so not recovered exactly: the input order of documents. Documents are added
/// in the order their graphs appear, which is input order for `kg extract --stdin` and id order
/// for other extractions. A document without statements is still a named graph, so unlike in
/// JSON Lines it is kept.
///
/// `resolve(_:scope:source:)` serves N-Triples and Turtle too (ShardReader+Triples.swift),
/// where the whole file is one block in the default graph.
extension ShardReader {
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    static let dcterms = "http://purl.org/dc/terms/"
    static let skos = "http://www.w3.org/2004/02/skos/core#"

    /// Reads one N-Quads shard into `graph`; bad lines and incomplete statements are skipped
    /// and reported as `SOURCE:LINE: message`.
    /// - Complexity: O(n) in the size of the shard.
    mutating func readNQuads(_ data: Data, source: String) -> [CorpusProblem] {
        var problems: [CorpusProblem] = []
        var block: [NQuad] = []
        var blockDocumentTyped = false
        var stop = false
        func flush() {
            if !block.isEmpty { problems += resolve(block, scope: .namedGraph, source: source) }
            block.removeAll(keepingCapacity: true)
            blockDocumentTyped = false
        }
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0, number = 0
            while start < bytes.count && !stop {
                number += 1
                var end = start
                while end < bytes.count && bytes[end] != 10 { end += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                start = end + 1
                let quad: NQuad
                do throws(NQuadsLineParser.SyntaxError) {
                    guard let q = try NQuadsLineParser.parse(line, number: number) else { continue }
                    quad = q
                } catch {
                    problems.append(CorpusProblem(source: source, line: number, message: "not N-Quads: \(error.message)"))
                    continue
                }
                guard let g = quad.graph else {
                    problems.append(CorpusProblem(source: source, line: number, message: "a triple without a graph name; kg merge reads kg's N-Quads (--format nquads), where each document is a named graph, or its JSON Lines (N-Triples do not say which document a statement is from)"))
                    stop = true
                    return
                }
                let typesDocument = quad.predicate == Self.rdf + "type" && quad.subject == g
                    && { if case .iri(let o) = quad.object { return o.hasSuffix("Document") } else { return false } }()
                if let first = block.first, first.graph != g || (typesDocument && blockDocumentTyped) { flush() }
                if typesDocument { blockDocumentTyped = true }
                block.append(quad)
            }
        }
        flush()
        return problems
    }

    /// The quads of one block by subject: predicate → values, in order.
    private struct Description {
        var line: Int
        var values: [String: [(term: NQTerm, line: Int)]] = [:]
    }

    private struct BlockError: Error {
        var line: Int
        var message: String
    }

    /// Where the documents of a run of triples are.
    enum Scope {
        /// N-Quads: one block of one named graph, whose name is the document.
        case namedGraph
        /// N-Triples and Turtle: one default graph holding every document (the subjects typed
        /// NS Document); each evidence names its document with `kg:document`.
        case defaultGraph
    }

    /// Turns triples (one N-Quads block, or a whole N-Triples or Turtle file) into documents,
    /// entities and statements, and merges them into `graph`.
    mutating func resolve(_ block: [NQuad], scope: Scope, source: String) -> [CorpusProblem] {
        guard !block.isEmpty else { return [] }
        var subjects: [NQTerm: Description] = [:]
        var order: [NQTerm] = []
        for q in block {
            if subjects[q.subject] == nil {
                subjects[q.subject] = Description(line: q.line)
                order.append(q.subject)
            }
            subjects[q.subject]!.values[q.predicate, default: []].append((q.object, q.line))
        }
        let rdf = Self.rdf
        func problem(_ e: BlockError) -> CorpusProblem { CorpusProblem(source: source, line: e.line, message: e.message) }
        func values(_ d: Description, _ p: String) -> [(term: NQTerm, line: Int)] { d.values[p] ?? [] }
        /// The one value of `p` (repeated equal values are one value).
        func one(_ d: Description, _ p: String, _ name: String, of what: String, required: Bool = true) throws(BlockError) -> (term: NQTerm, line: Int)? {
            let vs = values(d, p)
            guard let first = vs.first else {
                if required { throw BlockError(line: d.line, message: "\(what) has no \(name)") }
                return nil
            }
            if let other = vs.first(where: { $0.term != first.term }) {
                throw BlockError(line: other.line, message: "\(what) has two values of \(name): \(first.term.display) and \(other.term.display)")
            }
            return first
        }
        func string(_ d: Description, _ p: String, _ name: String, of what: String, required: Bool = true) throws(BlockError) -> String? {
            guard let v = try one(d, p, name, of: what, required: required) else { return nil }
            guard case .literal(let s, _, _) = v.term else { throw BlockError(line: v.line, message: "\(name) of \(what) must be a literal, not \(v.term.display)") }
            return s
        }
        func iri(_ d: Description, _ p: String, _ name: String, of what: String, required: Bool = true) throws(BlockError) -> String? {
            guard let v = try one(d, p, name, of: what, required: required) else { return nil }
            guard case .iri(let s) = v.term else { throw BlockError(line: v.line, message: "\(name) of \(what) must be an <IRI>, not \(v.term.display)") }
            return s
        }
        func documentType(_ d: Description) -> String? {
            values(d, rdf + "type").compactMap({ v -> String? in
                if case .iri(let t) = v.term, t.hasSuffix("Document") { return t } else { return nil } }).first
        }

        // The documents: the graph's name, typed NS Document (N-Quads), or every subject typed
        // NS Document (N-Triples, Turtle). The namespace is read from that type.
        var documentIRIs: [String] = []
        let ns: String
        switch scope {
        case .namedGraph:
            guard case .iri(let graphIRI)? = block[0].graph else {
                return [CorpusProblem(source: source, line: block[0].line, message: "a graph name must be an IRI <.../document/ID>")]
            }
            guard let doc = subjects[.iri(graphIRI)], let typeIRI = documentType(doc) else {
                return [CorpusProblem(source: source, line: block[0].line, message: "the named graph <\(graphIRI)> does not describe its document (<\(graphIRI)> a kg:Document); is this kg's N-Quads (kg extract --format nquads)?")]
            }
            ns = String(typeIRI.dropLast("Document".count))
            documentIRIs = [graphIRI]
        case .defaultGraph:
            guard let typeIRI = order.lazy.compactMap({ subjects[$0].flatMap(documentType) }).first else {
                return [CorpusProblem(source: source, line: block[0].line, message: "no document (a subject typed kg:Document with its dcterms:identifier); is this kg's export (kg extract --format turtle or ntriples)?")]
            }
            ns = String(typeIRI.dropLast("Document".count))
            for term in order {
                guard values(subjects[term]!, rdf + "type").contains(where: { $0.term == .iri(typeIRI) }) else { continue }
                guard case .iri(let x) = term else {
                    return [CorpusProblem(source: source, line: subjects[term]!.line, message: "a document must be an <IRI> BASE/document/ID, not \(term.display)")]
                }
                documentIRIs.append(x)
            }
        }
        let scopeName = scope == .namedGraph ? "the graph of its document" : "this file"
        var problems: [CorpusProblem] = []
        var base: String?
        var docIndex: [String: Int] = [:]
        /// Documents already read: their evidence is dropped, not reported.
        var skipped = Set<String>()
        for graphIRI in documentIRIs {
            let doc = subjects[.iri(graphIRI)]!
            let info: DocumentInfo
            do throws(BlockError) {
                let what = "document <\(graphIRI)>"
                let id = try string(doc, Self.dcterms + "identifier", "dcterms:identifier", of: what)!
                // BASE + "document/" + the percent-encoded id (which has no '/').
                guard let slash = graphIRI.lastIndex(of: "/"), graphIRI[..<slash].hasSuffix("document"),
                      percentDecode(graphIRI[graphIRI.index(after: slash)...]) == id else {
                    throw BlockError(line: doc.line, message: scope == .namedGraph
                        ? "the graph name <\(graphIRI)> is not BASE/document/ID of its dcterms:identifier '\(id)'"
                        : "the document <\(graphIRI)> is not BASE/document/ID of its dcterms:identifier '\(id)'")
                }
                let b = String(graphIRI[..<slash].dropLast("document".count))
                if let base, base != b {
                    throw BlockError(line: doc.line, message: "the document <\(graphIRI)> is not under the base <\(base)> of the first document")
                }
                base = b
                info = DocumentInfo(id: id, title: try string(doc, Self.dcterms + "title", "dcterms:title", of: what, required: false),
                                    date: try string(doc, Self.dcterms + "date", "dcterms:date", of: what, required: false),
                                    url: try iri(doc, Self.dcterms + "source", "dcterms:source", of: what, required: false),
                                    digest: try string(doc, ns + "digest", "kg:digest", of: what, required: false))
            } catch {
                // N-Quads: the block is lost. N-Triples, Turtle: the other documents are kept.
                problems.append(problem(error))
                if scope == .namedGraph { return problems }
                continue
            }
            // A document described again (same id, same content) is not counted twice; other
            // content under the same id is kept apart (DocumentLedger).
            let (admitted, warning) = ledger.resolve(info, source: source)
            if let warning { problems.append(warning) }
            if let admitted {
                docIndex[graphIRI] = graph.addDocument(admitted)
            } else {
                if scope == .namedGraph { return problems }
                skipped.insert(graphIRI)
            }
        }
        guard let base else { return problems }

        // Entities, read when a statement names them.
        var entities: [String: Entity] = [:]
        func entity(_ term: NQTerm, line: Int, role: String) throws(BlockError) -> Entity {
            guard case .iri(let x) = term else { throw BlockError(line: line, message: "the \(role) must be an entity <IRI>, not \(term.display)") }
            if let id = entities[x] { return id }
            let prefix = base + "entity/"
            guard x.hasPrefix(prefix), let key = percentDecode(x.dropFirst(prefix.count)), !key.isEmpty else {
                throw BlockError(line: line, message: "the \(role) <\(x)> is not an entity IRI <\(prefix)KEY>")
            }
            guard let d = subjects[term] else { throw BlockError(line: line, message: "the entity <\(x)> is not described in \(scopeName) (no rdf:type, rdfs:label)") }
            let what = "entity <\(x)>"
            let types = values(d, rdf + "type").compactMap { v -> ActorType? in
                if case .iri(let t) = v.term, t.hasPrefix(ns) { return ActorType(rawValue: String(t.dropFirst(ns.count))) }
                return nil
            }
            guard let type = types.first else {
                throw BlockError(line: d.line, message: "\(what) has no rdf:type of \(ActorType.allCases.map { "kg:" + $0.rawValue }.joined(separator: ", "))")
            }
            let label = try string(d, Self.rdfs + "label", "rdfs:label", of: what)!
            var altLabels: [String] = []
            for v in values(d, Self.skos + "altLabel") {
                guard case .literal(let a, _, _) = v.term else {
                    throw BlockError(line: v.line, message: "skos:altLabel of \(what) must be a literal, not \(v.term.display)")
                }
                altLabels.append(a)
            }
            let e = Entity(key: key, label: label, type: type, aliases: altLabels.isEmpty ? aliases(key: key) : altLabels,
                           country: try string(d, ns + "countryCode", "kg:countryCode", of: what, required: false),
                           wikidata: try string(d, ns + "wikidata", "kg:wikidata", of: what, required: false),
                           code: try string(d, ns + "cameoActorCode", "kg:cameoActorCode", of: what, required: false))
            entities[x] = e
            return e
        }
        func integer(_ d: Description, _ name: String, of what: String) throws(BlockError) -> Int {
            let v = try one(d, ns + name, "kg:" + name, of: what)!
            guard case .literal(let s, _, _) = v.term, let n = Int(s) else { throw BlockError(line: v.line, message: "kg:\(name) of \(what) must be an integer, not \(v.term.display)") }
            return n
        }

        for term in order {
            let d = subjects[term]!
            guard values(d, rdf + "type").contains(where: { $0.term == .iri(rdf + "Statement") }) else { continue }
            let what = "statement \(term.display)"
            do throws(BlockError) {
                let subject = try entity(try one(d, rdf + "subject", "rdf:subject", of: what)!.term, line: d.line, role: "rdf:subject of \(what)")
                let object = try entity(try one(d, rdf + "object", "rdf:object", of: what)!.term, line: d.line, role: "rdf:object of \(what)")
                let predicate = try iri(d, rdf + "predicate", "rdf:predicate", of: what)!
                guard predicate.hasPrefix(ns), let relation = graph.vocabulary.id(String(predicate.dropFirst(ns.count))) else {
                    throw BlockError(line: d.line, message: "rdf:predicate <\(predicate)> of \(what) is not a relation of the ontology")
                }
                let negatedText = try string(d, ns + "negated", "kg:negated", of: what)!
                guard negatedText == "true" || negatedText == "false" else {
                    throw BlockError(line: d.line, message: "kg:negated of \(what) must be true or false, not '\(negatedText)'")
                }
                let modalityName = try string(d, ns + "modality", "kg:modality", of: what)!
                guard let modality = Modality(rawValue: modalityName) else {
                    throw BlockError(line: d.line, message: "kg:modality '\(modalityName)' of \(what) is not one of \(Modality.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                var mentions: [Evidence] = []
                var seen = Set<NQTerm>()
                for v in values(d, ns + "evidence") where seen.insert(v.term).inserted {
                    guard let e = subjects[v.term] else {
                        throw BlockError(line: v.line, message: "the evidence \(v.term.display) of \(what) is not described in \(scopeName)")
                    }
                    let ew = "evidence \(v.term.display)"
                    let document: Int
                    switch scope {
                    case .namedGraph:
                        let graphIRI = documentIRIs[0]
                        if let of = try iri(e, ns + "document", "kg:document", of: ew, required: false), of != graphIRI {
                            throw BlockError(line: e.line, message: "\(ew) is of document <\(of)>, not of its graph <\(graphIRI)>")
                        }
                        document = docIndex[graphIRI]!
                    case .defaultGraph:
                        let of = try iri(e, ns + "document", "kg:document", of: ew)!
                        if skipped.contains(of) { continue }
                        guard let d = docIndex[of] else {
                            throw BlockError(line: e.line, message: "\(ew) is of document <\(of)>, which is not a document of this file (no <\(of)> a kg:Document with its dcterms:identifier)")
                        }
                        document = d
                    }
                    let c = try one(e, ns + "confidence", "kg:confidence", of: ew)!
                    guard case .literal(let cs, _, _) = c.term, let confidence = Double(cs) else {
                        throw BlockError(line: c.line, message: "kg:confidence of \(ew) must be a number, not \(c.term.display)")
                    }
                    var place: Place?
                    if let name = try string(e, ns + "placeName", "kg:placeName", of: ew, required: false) {
                        place = Place(name: name, country: try string(e, ns + "placeCountry", "kg:placeCountry", of: ew, required: false))
                    }
                    mentions.append(Evidence(document: document, sentence: try integer(e, "sentenceIndex", of: ew),
                                             start: try integer(e, "start", of: ew), end: try integer(e, "end", of: ew),
                                             quote: try string(e, ns + "quote", "kg:quote", of: ew)!,
                                             pattern: try string(e, ns + "pattern", "kg:pattern", of: ew)!, confidence: confidence,
                                             eventDate: try string(e, ns + "eventDate", "kg:eventDate", of: ew, required: false),
                                             place: place,
                                             subjectCode: try string(e, ns + "subjectCode", "kg:subjectCode", of: ew, required: false),
                                             objectCode: try string(e, ns + "objectCode", "kg:objectCode", of: ew, required: false)))
                }
                // Every mention was of a document already read: nothing to add, nothing wrong.
                if mentions.isEmpty && !skipped.isEmpty && !values(d, ns + "evidence").isEmpty { continue }
                guard !mentions.isEmpty else { throw BlockError(line: d.line, message: "\(what) has no kg:evidence; a statement needs at least one mention") }
                let key = StatementKey(subject: graph.intern(subject), relation: relation, object: graph.intern(object), negated: negatedText == "true", modality: modality)
                for m in mentions.sorted(by: { ($0.document, $0.start, $0.end, $0.sentence) < ($1.document, $1.start, $1.end, $1.sentence) }) {
                    graph.add(key, evidence: m)
                }
            } catch {
                problems.append(problem(error))
            }
        }
        return problems
    }
}
