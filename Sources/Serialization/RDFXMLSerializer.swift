import KnowledgeGraph
import XMLSupport

/// RDF/XML through libxml2's streaming writer.
///
/// - Documents as `kg:Document` and `prov:Entity` with `dcterms:` title, date and source.
/// - Entities typed by their class with `rdfs:label`, one `skos:altLabel` per alias (in the
///   entity's order), `kg:countryCode`, `kg:cameoActorCode`, `kg:wikidata` and `owl:sameAs` to Wikidata; each
///   positive statement (not negated, asserted) as a direct property of its subject, e.g.
///   `<kg:attacks rdf:resource="…/UKR"/>`.
/// - Every statement, positive or not, reified as `rdf:Statement` with its coding (CAMEO,
///   QuadClass, Goldstein), polarity, modality, weight and confidence, and one `kg:Evidence`
///   node per mention (document, sentence index, offsets, quote, pattern, confidence), the
///   CAMEO concept (`kg:cameoEvent`, in the SKOS scheme of `ontology/cameo.ttl`) and PROV-O
///   provenance: `prov:wasGeneratedBy` the run (`prov:Activity`, associated with the tool and
///   its version as `prov:SoftwareAgent`, which `prov:used` the documents) and
///   `prov:wasDerivedFrom` each document.
public struct RDFXMLSerializer: GraphSerializer {
    public var options: ExportOptions

    public init(options: ExportOptions) { self.options = options }

    func entityIRI(_ e: Entity) -> String { options.baseIRI + "entity/" + iriEscape(e.key) }
    func documentIRI(_ d: DocumentInfo) -> String { options.baseIRI + "document/" + iriEscape(d.id) }

    /// The element and attribute names the serializer writes, checked once per export.
    struct Names {
        let document: XMLName, about: XMLName, resource: XMLName, datatype: XMLName
        let identifier: XMLName, title: XMLName, date: XMLName, source: XMLName
        let label: XMLName, altLabel: XMLName, countryCode: XMLName, cameoActorCode: XMLName, wikidata: XMLName, sameAs: XMLName
        let provEntity: XMLName, associated: XMLName, used: XMLName
        let statement: XMLName, subject: XMLName, predicate: XMLName, object: XMLName
        let negated: XMLName, modality: XMLName, weight: XMLName, confidence: XMLName, quadClass: XMLName
        let cameoCode: XMLName, cameoEvent: XMLName, goldstein: XMLName, generatedBy: XMLName, derivedFrom: XMLName
        let evidence: XMLName, evidenceNode: XMLName, evidenceDocument: XMLName, sentenceIndex: XMLName
        let start: XMLName, end: XMLName, quote: XMLName, pattern: XMLName, digest: XMLName
        let eventID: XMLName, eventDate: XMLName, placeName: XMLName, placeCountry: XMLName
        let subjectCode: XMLName, objectCode: XMLName

        init() throws {
            document = try XMLName("kg:Document"); about = try XMLName("rdf:about"); resource = try XMLName("rdf:resource"); datatype = try XMLName("rdf:datatype")
            identifier = try XMLName("dcterms:identifier"); title = try XMLName("dcterms:title")
            date = try XMLName("dcterms:date"); source = try XMLName("dcterms:source")
            label = try XMLName("rdfs:label"); altLabel = try XMLName("skos:altLabel"); countryCode = try XMLName("kg:countryCode")
            cameoActorCode = try XMLName("kg:cameoActorCode")
            wikidata = try XMLName("kg:wikidata"); sameAs = try XMLName("owl:sameAs")
            provEntity = try XMLName("prov:Entity"); associated = try XMLName("prov:wasAssociatedWith"); used = try XMLName("prov:used")
            statement = try XMLName("rdf:Statement"); subject = try XMLName("rdf:subject")
            predicate = try XMLName("rdf:predicate"); object = try XMLName("rdf:object")
            negated = try XMLName("kg:negated"); modality = try XMLName("kg:modality"); weight = try XMLName("kg:weight")
            confidence = try XMLName("kg:confidence"); quadClass = try XMLName("kg:quadClass")
            cameoCode = try XMLName("kg:cameoCode"); cameoEvent = try XMLName("kg:cameoEvent")
            goldstein = try XMLName("kg:goldstein"); generatedBy = try XMLName("prov:wasGeneratedBy")
            derivedFrom = try XMLName("prov:wasDerivedFrom"); evidence = try XMLName("kg:evidence")
            evidenceNode = try XMLName("kg:Evidence"); evidenceDocument = try XMLName("kg:document")
            sentenceIndex = try XMLName("kg:sentenceIndex"); start = try XMLName("kg:start"); end = try XMLName("kg:end")
            quote = try XMLName("kg:quote"); pattern = try XMLName("kg:pattern"); digest = try XMLName("kg:digest")
            eventID = try XMLName("kg:eventId"); eventDate = try XMLName("kg:eventDate")
            placeName = try XMLName("kg:placeName"); placeCountry = try XMLName("kg:placeCountry")
            subjectCode = try XMLName("kg:subjectCode"); objectCode = try XMLName("kg:objectCode")
        }
    }

    public func write(_ graph: Graph, to sink: ByteSink) throws {
        do {
            // Every relation must be a valid QName in the kg: namespace before anything is written.
            for r in graph.vocabulary.relations where !XMLWriter.isName(r.name) || r.name.contains(":") {
                throw SerializationError("relation '\(r.name)' is not a valid XML name; RDF/XML cannot use it as a predicate")
            }
            let n = try Names()
            let xsdDate = RDFVocabulary.xsd + "date", xsdBoolean = RDFVocabulary.xsd + "boolean"
            let xsdInteger = RDFVocabulary.xsd + "integer", xsdDecimal = RDFVocabulary.xsd + "decimal"
            let naming = RDFNaming(options: options)
            // Names and IRIs computed once per entity, document and relation, not per statement.
            let escapedKeys = graph.entities.map { iriEscape($0.key) }
            let entityIRIs = escapedKeys.map { options.baseIRI + "entity/" + $0 }
            let documentIRIs = graph.documents.map(documentIRI)
            let relations = graph.vocabulary.relations
            let relationElements = try relations.map { try XMLName("kg:" + $0.name) }
            let predicateIRIs = relations.map { options.ontologyNamespace + $0.name }
            let escapedRelations = relations.map { iriEscape($0.name) }
            let cameoIRIs = relations.map { $0.cameo.isEmpty ? "" : naming.cameo($0.cameo) }
            let goldsteins = relations.map { $0.goldstein.map(decimal) }
            let statementBase = options.baseIRI + "statement/"

            let w = try XMLWriter(sink: sink, chunked: !XMLExportMode.perCall)
            try w.startDocument()
            try w.startElement("rdf:RDF")
            try w.attribute("xmlns:rdf", RDFVocabulary.rdf)
            try w.attribute("xmlns:rdfs", RDFVocabulary.rdfs)
            try w.attribute("xmlns:xsd", RDFVocabulary.xsd)
            try w.attribute("xmlns:owl", RDFVocabulary.owl)
            try w.attribute("xmlns:dcterms", RDFVocabulary.dcterms)
            try w.attribute("xmlns:prov", RDFVocabulary.prov)
            try w.attribute("xmlns:skos", RDFVocabulary.skos)
            try w.attribute("xmlns:kg", options.ontologyNamespace)
            try w.comment(" generated by \(options.generator) ")

            // Documents in id order, not input order, so a graph read back from this file
            // (kg query) writes the same bytes.
            let documentOrder = graph.documents.indices.sorted { graph.documents[$0].id < graph.documents[$1].id }
            var rank = [Int](repeating: 0, count: graph.documents.count)
            for (r, i) in documentOrder.enumerated() { rank[i] = r }
            for i in documentOrder {
                let d = graph.documents[i]
                try w.startElement(n.document)
                try w.attribute(n.about, documentIRIs[i])
                try w.element(n.identifier, text: d.id)
                if let t = d.title { try w.element(n.title, text: t) }
                if let date = d.date { try w.element(n.date, n.datatype, xsdDate, text: date) }
                if let url = d.url { try w.element(n.source, n.resource, url) }
                if let digest = d.digest { try w.element(n.digest, text: digest) }
                try w.endElement()
            }

            let order = ExportOrder(graph)
            let statements = order.statements
            var bySubject = [[Int]](repeating: [], count: graph.entities.count)
            for (i, s) in statements.enumerated() where s.isPositive { bySubject[Int(s.subject.raw)].append(i) }
            var typeElements: [ActorType: XMLName] = [:]
            for id in order.entityIDs {
                let e = graph[id]
                let typeName: XMLName
                if let t = typeElements[e.type] {
                    typeName = t
                } else {
                    typeName = try XMLName("kg:\(e.type.rawValue)")
                    typeElements[e.type] = typeName
                }
                try w.startElement(typeName)
                try w.attribute(n.about, entityIRIs[Int(id.raw)])
                try w.element(n.label, text: e.label)
                for a in e.aliases { try w.element(n.altLabel, text: a) }
                if let c = e.country { try w.element(n.countryCode, text: c) }
                if let c = e.code { try w.element(n.cameoActorCode, text: c) }
                if let q = e.wikidata {
                    try w.element(n.wikidata, text: q)
                    try w.element(n.sameAs, n.resource, "http://www.wikidata.org/entity/" + iriEscape(q))
                }
                for i in bySubject[Int(id.raw)] {
                    let s = statements[i]
                    try w.element(relationElements[Int(s.relation.raw)], n.resource, entityIRIs[Int(s.object.raw)])
                }
                try w.endElement()
            }

            // PROV-O: the documents as entities, the run that read them, and the tool (with its version) that ran it.
            let run = naming.run(graph)
            for i in documentOrder {
                try w.element(n.provEntity, n.about, documentIRIs[i])
            }
            try w.startElement("prov:Activity")
            try w.attribute(n.about, run)
            try w.element(n.label, text: "extraction by " + options.generator)
            try w.element(n.associated, n.resource, naming.agent)
            for i in documentOrder {
                try w.element(n.used, n.resource, documentIRIs[i])
            }
            try w.endElement()
            try w.startElement("prov:SoftwareAgent")
            try w.attribute(n.about, naming.agent)
            try w.element(n.label, text: options.generator)
            try w.endElement()

            for s in statements {
                let ri = Int(s.relation.raw)
                let r = relations[ri]
                let subject = Int(s.subject.raw), object = Int(s.object.raw)
                try w.startElement(n.statement)
                // The IRI of Graph.statementSlug, escaped piece by piece (iriEscape works byte by byte).
                var about = statementBase + escapedKeys[subject] + "--" + escapedRelations[ri] + "--" + escapedKeys[object]
                if s.negated { about += "--negated" }
                if s.modality != .asserted { about += "--" + iriEscape(s.modality.rawValue) }
                try w.attribute(n.about, about)
                try w.element(n.subject, n.resource, entityIRIs[subject])
                try w.element(n.predicate, n.resource, predicateIRIs[ri])
                try w.element(n.object, n.resource, entityIRIs[object])
                try w.element(n.negated, n.datatype, xsdBoolean, text: s.negated ? "true" : "false")
                try w.element(n.modality, text: s.modality.rawValue)
                try w.element(n.weight, n.datatype, xsdInteger, integer: s.weight)
                try w.element(n.confidence, n.datatype, xsdDecimal, text: decimal(s.confidence))
                try w.element(n.quadClass, n.datatype, xsdInteger, integer: r.quadClass)
                if !r.cameo.isEmpty {
                    try w.element(n.cameoCode, text: r.cameo)
                    try w.element(n.cameoEvent, n.resource, cameoIRIs[ri])
                }
                if let g = goldsteins[ri] { try w.element(n.goldstein, n.datatype, xsdDecimal, text: g) }
                try w.element(n.generatedBy, n.resource, run)
                for d in s.documents.sorted(by: { rank[$0] < rank[$1] }) { try w.element(n.derivedFrom, n.resource, documentIRIs[d]) }
                for e in s.evidence.sorted(by: { (rank[$0.document], $0.start, $0.end) < (rank[$1.document], $1.start, $1.end) }) {
                    try w.startElement(n.evidence)
                    try w.startElement(n.evidenceNode)
                    try w.element(n.evidenceDocument, n.resource, documentIRIs[e.document])
                    try w.element(n.sentenceIndex, n.datatype, xsdInteger, integer: e.sentence)
                    try w.element(n.start, n.datatype, xsdInteger, integer: e.start)
                    try w.element(n.end, n.datatype, xsdInteger, integer: e.end)
                    try w.element(n.quote, text: e.quote)
                    try w.element(n.pattern, text: e.pattern)
                    try w.element(n.confidence, n.datatype, xsdDecimal, text: decimal(e.confidence))
                    try w.element(n.eventID, text: EventID.of(e, of: s, in: graph))
                    if let date = e.eventDate {
                        if let type = eventDateDatatype(date) {
                            try w.element(n.eventDate, n.datatype, RDFVocabulary.xsd + type, text: date)
                        } else {
                            try w.element(n.eventDate, text: date)
                        }
                    }
                    if let place = e.place {
                        try w.element(n.placeName, text: place.name)
                        if let c = place.country { try w.element(n.placeCountry, text: c) }
                    }
                    if let c = e.subjectCode { try w.element(n.subjectCode, text: c) }
                    if let c = e.objectCode { try w.element(n.objectCode, text: c) }
                    try w.endElement()
                    try w.endElement()
                }
                try w.endElement()
            }
            try w.endElement()
            try w.endDocument()
        } catch {
            sink.abandon()
            throw error
        }
    }
}
