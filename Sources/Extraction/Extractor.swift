import KnowledgeGraph
import Ontology

/// A document to extract from.
public struct SourceDocument: Sendable {
    public var info: DocumentInfo
    public var text: String

    public init(id: String, text: String, date: String? = nil, title: String? = nil, url: String? = nil) {
        info = DocumentInfo(id: id, title: title, date: date, url: url)
        self.text = text
    }
}

/// What the pipeline saw in one document: sentences, mentions and the relations found,
/// with the reason for each (for `kg explain`).
public struct DocumentReport: Sendable {
    public struct Sentence: Sendable {
        public var index: Int
        public var text: String
        public var mentions: [(text: String, kind: MentionKind, entities: [String], note: String)]
        public var relations: [(subject: String, relation: String, object: String, negated: Bool, modality: Modality, confidence: Double, pattern: String)]
    }
    public var info: DocumentInfo
    public var issuer: String?
    public var sentences: [Sentence]
}

/// The extraction pipeline: sentences → tokens → actor mentions (with coreference) → relation
/// patterns → negation and modality, driven entirely by the ontology.
///
/// An `Extractor` is immutable and can be shared by threads; each document is analyzed on its own.
public final class Extractor: Sendable {
    public let knowledge: Knowledge

    public init(ontology: Ontology) {
        knowledge = Knowledge(ontology: ontology)
    }

    func analyze(_ document: SourceDocument, trace: Bool = false) -> (DocumentAnalysis, [FoundRelation]) {
        let analysis = DocumentAnalysis(knowledge: knowledge, text: document.text, date: document.info.date, id: document.info.id,
                                        trace: trace)
        analysis.recognizeActors()
        let relations = analysis.findRelations()
        return (analysis, relations)
    }

    /// Extracts the statements of `document` into `graph`.
    public func extract(_ document: SourceDocument, into graph: inout Graph) {
        let (analysis, relations) = analyze(document)
        var info = document.info
        if info.title == nil, let first = analysis.sentences.first, analysis.sentences.count > 1 {
            let title = analysis.sentenceText(0)
            // The first line is the headline when it is short.
            if title.count <= 200 && analysis.tokens[first.upperBound - 1].norm != "." {
                info.title = title
            }
        }
        if info.date == nil { info.date = analysis.date }
        let doc = graph.addDocument(info)
        var ids: [Int: EntityID] = [:]
        var quotes: [Int: String] = [:]
        for r in relations {
            guard let relation = graph.vocabulary.id(r.relation) else { continue }
            let s = ids[r.subject] ?? graph.intern(analysis.entities[r.subject])
            let o = ids[r.object] ?? graph.intern(analysis.entities[r.object])
            ids[r.subject] = s
            ids[r.object] = o
            if quotes[r.sentence] == nil { quotes[r.sentence] = analysis.sentenceText(r.sentence) }
            let evidence = Evidence(document: doc, sentence: r.sentence,
                                    start: analysis.tokens[r.tokens.lowerBound].start,
                                    end: analysis.tokens[r.tokens.upperBound - 1].end,
                                    quote: quotes[r.sentence] ?? analysis.sentenceText(r.sentence), pattern: r.pattern,
                                    confidence: (r.confidence * 1000).rounded() / 1000)
            graph.add(StatementKey(subject: s, relation: relation, object: o, negated: r.negated, modality: r.modality),
                      evidence: evidence)
        }
    }

    /// The trace of the pipeline over `document`.
    public func explain(_ document: SourceDocument) -> DocumentReport {
        let (a, relations) = analyze(document, trace: true)
        var sentences: [DocumentReport.Sentence] = []
        for (s, _) in a.sentences.enumerated() {
            let mentions = a.mentions[s].map { m in
                (a.span(m.range), m.kind, m.entities.map { a.entities[$0].label }, m.note)
            }
            let rels = relations.filter { $0.sentence == s }.map { r in
                (a.entities[r.subject].label, r.relation, a.entities[r.object].label, r.negated, r.modality, r.confidence, r.pattern)
            }
            sentences.append(.init(index: s, text: a.sentenceText(s), mentions: mentions, relations: rels))
        }
        return DocumentReport(info: document.info, issuer: a.issuer.map { a.entities[$0].label }, sentences: sentences)
    }
}
