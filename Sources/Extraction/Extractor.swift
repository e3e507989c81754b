import KnowledgeGraph
import Ontology
import Syntax

/// A document to extract from.
public struct SourceDocument: Sendable {
    public var info: DocumentInfo
    public var text: String

    public init(id: String, text: String, date: String? = nil, title: String? = nil, url: String? = nil) {
        info = DocumentInfo(id: id, title: title, date: date, url: url, digest: SHA256.contentDigest(of: text))
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
        /// The sentence's parse when it was parsed: per token, its text, UPOS, head (1-based
        /// within the parsed tokens, 0 for the root) and relation. A news dateline at the start
        /// ("KYIV, July 20 -") is not parsed, so its tokens are not listed.
        public var parse: [(word: String, upos: String, head: Int, relation: String)] = []
        /// Triggers of the construction stage that gave no statement, with the argument missing.
        public var unmatched: [String] = []
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
    /// When and where each event happened.
    let setting: EventSettingFinder
    /// See `segmentLength`; smaller in tests.
    let segmentSize: Int
    /// The syntax stage, when a model is given.
    let parser: SentenceParser?
    /// The relation stage over the parse.
    let constructions: ConstructionStage
    /// Which relation stage runs.
    public let relationStage: RelationStage

    /// How relations are found: by patterns over tokens (the tuned stage), or by named
    /// constructions over the dependency parse (needs a syntax model).
    public enum RelationStage: String, Sendable, CaseIterable {
        /// Patterns over tokens: the default, no parser.
        case patterns
        /// Named constructions over the dependency parse (experimental).
        case constructions
        /// Both, their statements merged: the most recall, at the parser's speed.
        case both
    }

    public convenience init(ontology: Ontology) {
        self.init(ontology: ontology, segmentSize: Self.segmentLength)
    }

    /// An extractor with a syntax model: `kg explain` shows the parse, and with `relations:
    /// .constructions` the relations come from it.
    public convenience init(ontology: Ontology, syntax: SyntaxModel?, relations: RelationStage = .patterns) {
        self.init(ontology: ontology, segmentSize: Self.segmentLength, syntax: syntax, relations: relations)
    }

    init(ontology: Ontology, segmentSize: Int, syntax: SyntaxModel? = nil, relations: RelationStage = .patterns) {
        knowledge = Knowledge(ontology: ontology)
        setting = EventSettingFinder(ontology: ontology)
        self.segmentSize = segmentSize
        parser = syntax.map { SentenceParser(model: $0) }
        constructions = ConstructionStage(knowledge: knowledge, places: setting)
        relationStage = syntax == nil ? .patterns : relations
    }

    func analyze(_ document: SourceDocument, trace: Bool = false) -> (DocumentAnalysis, [FoundRelation]) {
        let analysis = DocumentAnalysis(knowledge: knowledge, text: document.text, date: document.info.date, id: document.info.id,
                                        trace: trace)
        analysis.recognizeActors()
        if relationStage == .constructions, let parser {
            return (analysis, analysis.constructionRelations(parser: parser, stage: constructions))
        }
        if relationStage == .both, let parser {
            // The parse's reading first: where both stages find a triple in one sentence, its
            // polarity and modality (scoped by the tree) win.
            let parsed = analysis.constructionRelations(parser: parser, stage: constructions)
            // The pattern stage reads the events named so far as it goes: start it afresh.
            analysis.eventAgents = [:]
            // The CAMEO dictionary's triggers give a triple only with their arguments in place
            // in the parse: the pattern stage leaves them out here.
            // A trigger the parse shows gives nothing ("called on Russia to stop attacking
            // Ukraine": only asked for) gives nothing, though the patterns read a subject for it.
            // A transitive verb reading of a word the parse shows as a noun ("Belgrade's demands
            // and accused NATO": no noun has a direct object) is dropped.
            // A trigger the parse gave a triple for keeps the parse's subject: the patterns'
            // readings of it with another subject (the nearest name before the verb) are dropped.
            // A verb the parse read as a verb-object frame keeps the frame's relation ("talks
            // hosted by Qatar" mediates, not meets).
            // Where the parse found the parties as one coordinated subject, it names them all, so
            // both sides must be among them ("the ministers of Peru and Chile, Ana Torres and Luis
            // Vidal, signed": Peru does not sign with Ana Torres).
            let patterns = analysis.findRelations(dictionary: false).filter { f in
                f.trigger.map { t in
                    guard !analysis.vetoedTriggers.contains(t), !(f.transitiveReading && analysis.parsedNouns.contains(t)) else { return false }
                    if analysis.parsedSubjects[t]?.contains(f.object) == true, !analysis.knowledge.isSymmetric(f.relation) { return false }
                    if let framed = analysis.framedTriggers[t], !framed.contains(f.relation) { return false }
                    guard let parties = analysis.resolvedTriggers[t] else { return true }
                    return parties.contains(f.subject) && (!analysis.coordinatedTriggers.contains(t) || parties.contains(f.object))
                } ?? true
            }
            return (analysis, analysis.merge(parsed, patterns))
        }
        let relations = analysis.findRelations()
        if trace, let parser {
            // kg explain shows the parse of every sentence with an actor and a trigger.
            for (s, range) in analysis.sentences.enumerated()
            where !analysis.mentions[s].isEmpty && range.contains(where: { analysis.tokens[$0].triggerList >= 0 }) {
                analysis.trees[s] = analysis.parsedTree(s, list: analysis.mentions[s], parser: parser)
            }
        }
        return (analysis, relations)
    }

    /// Texts longer than this many Unicode scalars are analyzed in segments of about this
    /// size, cut at a sentence end, so memory stays proportional to a segment, not to the text.
    /// Coreference does not reach across a cut; news articles are far shorter.
    public static let segmentLength = 1 << 20

    /// The pieces of a long text: each with its offset in Unicode scalars. Cuts fall after a
    /// sentence end (". " before a capital) when one is near, else at white space.
    /// - Complexity: O(n).
    static func segments(of text: String, length: Int = segmentLength) -> [(offset: Int, text: String)] {
        let scalars = text.unicodeScalars
        var pieces: [(offset: Int, text: String)] = []
        var start = scalars.startIndex
        var offset = 0
        while start != scalars.endIndex {
            var end = scalars.index(start, offsetBy: length, limitedBy: scalars.endIndex) ?? scalars.endIndex
            var size = scalars.distance(from: start, to: end)
            if end != scalars.endIndex, size == length {
                // Look ahead a little for a sentence end, then for any white space.
                var probe = end
                var fallback: String.UnicodeScalarView.Index? = nil
                var steps = 0
                while probe != scalars.endIndex, steps < 65_536 {
                    let c = scalars[probe]
                    if c.properties.isWhitespace {
                        if fallback == nil { fallback = probe }
                        let before = scalars[scalars.index(before: probe)]
                        let after = scalars.index(after: probe)
                        if (before == "." || before == "!" || before == "?"), after != scalars.endIndex, scalars[after].properties.isUppercase {
                            fallback = probe
                            break
                        }
                    }
                    probe = scalars.index(after: probe)
                    steps += 1
                }
                if probe == scalars.endIndex {
                    // The rest is short: keep it in this piece.
                    end = scalars.endIndex
                    size = scalars.distance(from: start, to: end)
                } else if let cut = fallback {
                    end = scalars.index(after: cut)
                    size = scalars.distance(from: start, to: end)
                }
            }
            pieces.append((offset, String(scalars[start..<end])))
            offset += size
            start = end
        }
        return pieces
    }

    /// Extracts the statements of `document` into `graph`.
    public func extract(_ document: SourceDocument, into graph: inout Graph) {
        var info = document.info
        var doc: Int? = nil
        var sentenceBase = 0
        // (UTF-8 bytes bound the scalar count from above: most texts need no count of scalars.)
        let pieces = document.text.utf8.count > 2 * segmentSize && document.text.unicodeScalars.count > 2 * segmentSize
            ? Self.segments(of: document.text, length: segmentSize) : [(offset: 0, text: document.text)]
        for (k, piece) in pieces.enumerated() {
            var part = document
            part.text = piece.text
            part.info.date = info.date
            let (analysis, relations) = analyze(part)
            if k == 0 {
                if info.title == nil, let first = analysis.sentences.first, analysis.sentences.count > 1 {
                    let title = analysis.sentenceText(0)
                    // The first line is the headline when it is short.
                    if title.count <= 200 && analysis.tokens[first.upperBound - 1].norm != "." {
                        info.title = title
                    }
                }
                if info.date == nil { info.date = analysis.date }
                doc = graph.addDocument(info)
            }
            add(relations, of: analysis, document: doc!, scalarBase: piece.offset, sentenceBase: sentenceBase, into: &graph)
            sentenceBase += analysis.sentences.count
        }
    }

    /// The entity with its CAMEO actor code for the document's date.
    private func coded(_ entity: Entity, on date: String?) -> Entity {
        var e = entity
        e.code = knowledge.coder.code(of: entity, on: date)
        return e
    }

    /// The CAMEO code of a mention of `entity` (coded for the document's date): a state's code
    /// with the role the mention gives it ("Sudanese forces" → SDNMIL), else the entity's own
    /// (`RUS`; a person keeps theirs, `GHAGOV`).
    private func mentionCode(_ entity: Entity, role: String?) -> String? {
        guard let code = entity.code else { return nil }
        if let role, entity.type == .country { return code + role }
        return code
    }

    private func add(_ relations: [FoundRelation], of analysis: DocumentAnalysis, document doc: Int, scalarBase: Int,
                     sentenceBase: Int, into graph: inout Graph) {
        var ids: [Int: EntityID] = [:]
        var quotes: [Int: String] = [:]
        let date = analysis.date ?? graph.documents[doc].date
        let documentDate = date.flatMap { CalendarDate(iso: $0) }
        // The date expressions (by sentence and direction) and places (by sentence) are read
        // once per sentence, however many relations it has.
        var dates: [Int: [(Range<Int>, String)]] = [:]
        var places: [Int: [(Range<Int>, Place)]] = [:]
        for r in relations {
            guard let relation = graph.vocabulary.id(r.relation) else { continue }
            let subject = coded(analysis.entities[r.subject], on: date)
            let object = coded(analysis.entities[r.object], on: date)
            let s = ids[r.subject] ?? graph.intern(subject)
            let o = ids[r.object] ?? graph.intern(object)
            ids[r.subject] = s
            ids[r.object] = o
            if quotes[r.sentence] == nil { quotes[r.sentence] = analysis.sentenceText(r.sentence) }
            let sentence = analysis.sentences[r.sentence]
            let future = r.modality == .future || r.modality == .intended
            let dateKey = 2 * r.sentence + (future ? 1 : 0)
            if dates[dateKey] == nil {
                dates[dateKey] = setting.dates(analysis.tokens, sentence: sentence, documentDate: documentDate, future: future)
            }
            if places[r.sentence] == nil { places[r.sentence] = setting.places(analysis.tokens, sentence: sentence) }
            let evidence = Evidence(document: doc, sentence: sentenceBase + r.sentence,
                                    start: scalarBase + analysis.tokens[r.tokens.lowerBound].start,
                                    end: scalarBase + analysis.tokens[r.tokens.upperBound - 1].end,
                                    quote: quotes[r.sentence] ?? analysis.sentenceText(r.sentence), pattern: r.pattern,
                                    confidence: (r.confidence * 1000).rounded() / 1000,
                                    eventDate: EventSettingFinder.nearest(dates[dateKey]!, to: r.tokens) ?? documentDate?.iso,
                                    place: EventSettingFinder.nearest(places[r.sentence]!, to: r.tokens),
                                    subjectCode: mentionCode(subject, role: r.subjectRole),
                                    objectCode: mentionCode(object, role: r.objectRole))
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
            var sentence = DocumentReport.Sentence(index: s, text: a.sentenceText(s), mentions: mentions, relations: rels)
            sentence.unmatched = a.unmatchedTriggers[s] ?? []
            if let tree = a.trees[s] {
                sentence.parse = tree.tokens.map { t in
                    (a.tokens[t].text, tree.tag(t), tree.head(t).map { $0 - tree.tokens.lowerBound + 1 } ?? 0, tree.relation(t))
                }
            }
            sentences.append(sentence)
        }
        return DocumentReport(info: document.info, issuer: a.issuer.map { a.entities[$0].label }, sentences: sentences)
    }
}
