import KnowledgeGraph
import XMLSupport

/// JSON Lines: one line per statement and document, the contract of `kgscore.py`.
///
/// Fields: document, subject {id, label, type, country, code (the CAMEO actor code)}, predicate, object {...}, negated,
/// modality, sentence, start, end, evidence (the first mention in that document), mentions,
/// confidence, cameo, quadClass, goldstein, pattern; then what `kg merge` needs to rebuild the
/// graph from shards: the document's date, title and url when known, `documentIndex` (the
/// document's position among the documents of this graph that have statements, so merged
/// documents keep their input order and a merge of shards writes the same numbers as one
/// extraction of all their documents), every
/// mention in that document under `spans` ({sentence, start, end, quote, pattern, confidence})
/// and the entities' aliases and Wikidata ids.
///
/// Lines are built as UTF-8 bytes in one reusable buffer that goes to the sink in large
/// chunks. What repeats is serialized once per export: each entity's object, each relation's
/// predicate and event-coding fields, each document's id and metadata, and per statement the
/// fields from subject to modality. Strings are escaped by `appendJSONStringLiteral`, the
/// byte form of `jsonStringLiteral`, and numbers are written as `decimal` and `\(Int)` write
/// them, so the bytes are those of the String-building definition this replaced.
public struct JSONLinesSerializer: GraphSerializer {
    public var options: ExportOptions
    /// Added to every `documentIndex`: the documents with statements written before this graph
    /// by the same stream (`kg extract --stdin` writes one graph per batch).
    public var documentIndexOffset = 0

    public init(options: ExportOptions, documentIndexOffset: Int = 0) {
        self.options = options
        self.documentIndexOffset = documentIndexOffset
    }

    /// How many documents of `graph` have statements: the `documentIndex` values its export uses.
    public static func indexedDocuments(of graph: Graph) -> Int {
        var has = [Bool](repeating: false, count: graph.documents.count)
        for s in graph.statements { for e in s.evidence { has[e.document] = true } }
        return has.filter { $0 }.count
    }

    /// Bytes gathered before they are handed to the sink.
    static let chunkSize = 1 << 18

    public func write(_ graph: Graph, to sink: ByteSink) throws {
        do {
            let statements = ExportOrder(graph).statements
            var hasStatements = [Bool](repeating: false, count: graph.documents.count)
            for s in statements { for e in s.evidence { hasStatements[e.document] = true } }
            var rank = [Int](repeating: 0, count: graph.documents.count)
            var next = 0
            for (i, has) in hasStatements.enumerated() where has { rank[i] = documentIndexOffset + next; next += 1 }
            var writer = JSONLinesWriter(graph, documentIndex: rank)
            for s in statements {
                writer.appendLines(s)
                if writer.out.count >= Self.chunkSize { try writer.flush(to: sink) }
            }
            try writer.flush(to: sink)
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
    }
}

/// The lines of one export, with the serialized pieces that repeat across lines.
struct JSONLinesWriter {
    let graph: Graph
    let documentIndex: [Int]
    /// The output not yet handed to the sink.
    var out: [UInt8] = []

    /// Serialized entity objects, `{"id":...,"wikidata":...}`, in `entityBytes` at
    /// `entityStart[id]..<entityEnd[id]`; `entityStart[id] < 0` until first used.
    private var entityBytes: [UInt8] = []
    private var entityStart: [Int]
    private var entityEnd: [Int]
    /// Per document: `{"document":ID` (`documentStart..<documentMiddle`) and
    /// `,"date":...,"title":...,"url":...,"digest":...,"documentIndex":N,"spans":[` (`documentMiddle..<documentEnd`).
    private var documentBytes: [UInt8] = []
    private var documentStart: [Int]
    private var documentMiddle: [Int]
    private var documentEnd: [Int]
    /// Per relation: `,"predicate":NAME` and `,"cameo":...,"quadClass":N,"goldstein":X`.
    private var predicateBytes: [[UInt8]]
    private var codingBytes: [[UInt8]]
    /// `,"subject":{...},"predicate":...,"object":{...},"negated":B,"modality":M` of the statement.
    private var statementBytes: [UInt8] = []
    /// Evidence indexes of the statement, by document, start, end and then their order.
    private var order: [Int] = []
    /// The statement being written, for the event ids of its mentions.
    private var current: Statement?

    init(_ graph: Graph, documentIndex: [Int]) {
        self.graph = graph
        self.documentIndex = documentIndex
        entityStart = [Int](repeating: -1, count: graph.entities.count)
        entityEnd = [Int](repeating: 0, count: graph.entities.count)
        documentStart = [Int](repeating: -1, count: graph.documents.count)
        documentMiddle = [Int](repeating: 0, count: graph.documents.count)
        documentEnd = [Int](repeating: 0, count: graph.documents.count)
        var predicates: [[UInt8]] = []
        var codings: [[UInt8]] = []
        for r in graph.vocabulary.relations {
            var p: [UInt8] = []
            p.appendLiteral(",\"predicate\":")
            appendJSONStringLiteral(r.name, to: &p)
            predicates.append(p)
            var c: [UInt8] = []
            c.appendLiteral(",\"cameo\":")
            if r.cameo.isEmpty { c.appendLiteral("null") } else { appendJSONStringLiteral(r.cameo, to: &c) }
            c.appendLiteral(",\"quadClass\":")
            c.appendInt(r.quadClass)
            c.appendLiteral(",\"goldstein\":")
            if let g = r.goldstein { c.appendDecimal(g) } else { c.appendLiteral("null") }
            codings.append(c)
        }
        predicateBytes = predicates
        codingBytes = codings
        out.reserveCapacity(JSONLinesSerializer.chunkSize + (1 << 16))
    }

    /// Hands the gathered lines to `sink` and empties the buffer.
    mutating func flush(to sink: ByteSink) throws {
        if out.isEmpty { return }
        try out.withUnsafeBytes { try sink.write($0) }
        out.removeAll(keepingCapacity: true)
    }

    /// Appends the lines of `s`, one per document it has evidence in, by document index.
    /// `"sentence":N,"start":N,"end":N` of a mention (top level and in `spans` alike).
    mutating func appendPlace(_ e: Evidence) {
        out.appendLiteral("\"sentence\":")
        out.appendInt(e.sentence)
        out.appendLiteral(",\"start\":")
        out.appendInt(e.start)
        out.appendLiteral(",\"end\":")
        out.appendInt(e.end)
    }

    /// `,"eventId":...,"eventDate":...,"location":{"name":...,"country":...},"subjectCode":...,"objectCode":...`
    /// of a mention of the current statement (date, location and actor codes only when known).
    mutating func appendEvent(_ e: Evidence) {
        guard let s = current else { return }
        out.appendLiteral(",\"eventId\":")
        appendJSONStringLiteral(EventID.of(e, of: s, in: graph), to: &out)
        out.appendOptionalField(",\"eventDate\":", e.eventDate)
        if let place = e.place {
            out.appendLiteral(",\"location\":{\"name\":")
            appendJSONStringLiteral(place.name, to: &out)
            out.appendLiteral(",\"country\":")
            if let c = place.country { appendJSONStringLiteral(c, to: &out) } else { out.appendLiteral("null") }
            out.append(UInt8(ascii: "}"))
        }
        out.appendOptionalField(",\"subjectCode\":", e.subjectCode)
        out.appendOptionalField(",\"objectCode\":", e.objectCode)
    }

    mutating func appendLines(_ s: Statement) {
        let evidence = s.evidence
        if evidence.isEmpty { return }
        current = s
        order.removeAll(keepingCapacity: true)
        order.append(contentsOf: evidence.indices)
        if evidence.count > 1 {
            // The documents ascending; in each, the mentions by (start, end), stable.
            order.sort { i, j in
                let a = evidence[i], b = evidence[j]
                if a.document != b.document { return a.document < b.document }
                if a.start != b.start { return a.start < b.start }
                if a.end != b.end { return a.end < b.end }
                return i < j
            }
        }
        statementBytes.removeAll(keepingCapacity: true)
        statementBytes.appendLiteral(",\"subject\":")
        appendEntity(s.subject)
        statementBytes.append(contentsOf: predicateBytes[Int(s.relation.raw)])
        statementBytes.appendLiteral(",\"object\":")
        appendEntity(s.object)
        statementBytes.appendLiteral(s.negated ? ",\"negated\":true,\"modality\":" : ",\"negated\":false,\"modality\":")
        appendJSONStringLiteral(s.modality.rawValue, to: &statementBytes)
        let coding = Int(s.relation.raw)
        var first = 0
        while first < order.count {
            let doc = evidence[order[first]].document
            var end = first + 1
            while end < order.count && evidence[order[end]].document == doc { end += 1 }
            appendLine(evidence, order[first..<end], document: doc, coding: coding)
            first = end
        }
    }

    /// One line: the statement in document `doc` with its mentions there, `mentions` (sorted).
    private mutating func appendLine(_ evidence: [Evidence], _ mentions: ArraySlice<Int>, document doc: Int, coding: Int) {
        prepareDocument(doc)
        let e = evidence[mentions[mentions.startIndex]]
        var confidence = 1.0
        for k in mentions { confidence *= 1 - evidence[k].confidence }
        out.append(documentBytes, documentStart[doc]..<documentMiddle[doc])
        out.append(contentsOf: statementBytes)
        out.appendLiteral(",")
        appendPlace(e)
        appendEvent(e)
        out.appendLiteral(",\"evidence\":")
        appendJSONStringLiteral(e.quote, to: &out)
        out.appendLiteral(",\"mentions\":")
        out.appendInt(mentions.count)
        out.appendLiteral(",\"confidence\":")
        out.appendDecimal(1 - confidence)
        out.append(contentsOf: codingBytes[coding])
        out.appendLiteral(",\"pattern\":")
        appendJSONStringLiteral(e.pattern, to: &out)
        out.append(documentBytes, documentMiddle[doc]..<documentEnd[doc])
        var comma = false
        for k in mentions {
            let m = evidence[k]
            out.appendLiteral(comma ? ",{" : "{")
            comma = true
            appendPlace(m)
            appendEvent(m)
            out.appendLiteral(",\"quote\":")
            appendJSONStringLiteral(m.quote, to: &out)
            out.appendLiteral(",\"pattern\":")
            appendJSONStringLiteral(m.pattern, to: &out)
            out.appendLiteral(",\"confidence\":")
            out.appendDecimal(m.confidence)
            out.append(UInt8(ascii: "}"))
        }
        out.appendLiteral("]}\n")
    }

    /// Appends the entity's object, serialized on first use, to `statementBytes`.
    private mutating func appendEntity(_ id: EntityID) {
        let i = Int(id.raw)
        if entityStart[i] < 0 {
            let e = graph[id]
            entityStart[i] = entityBytes.count
            entityBytes.appendLiteral("{\"id\":")
            appendJSONStringLiteral(e.key, to: &entityBytes)
            entityBytes.appendLiteral(",\"label\":")
            appendJSONStringLiteral(e.label, to: &entityBytes)
            entityBytes.appendLiteral(",\"type\":")
            appendJSONStringLiteral(e.type.rawValue, to: &entityBytes)
            entityBytes.appendLiteral(",\"country\":")
            if let c = e.country { appendJSONStringLiteral(c, to: &entityBytes) } else { entityBytes.appendLiteral("null") }
            entityBytes.appendLiteral(",\"code\":")
            if let c = e.code { appendJSONStringLiteral(c, to: &entityBytes) } else { entityBytes.appendLiteral("null") }
            entityBytes.appendLiteral(",\"aliases\":[")
            for (k, a) in e.aliases.enumerated() {
                if k > 0 { entityBytes.append(UInt8(ascii: ",")) }
                appendJSONStringLiteral(a, to: &entityBytes)
            }
            entityBytes.appendLiteral("],\"wikidata\":")
            if let w = e.wikidata { appendJSONStringLiteral(w, to: &entityBytes) } else { entityBytes.appendLiteral("null") }
            entityBytes.append(UInt8(ascii: "}"))
            entityEnd[i] = entityBytes.count
        }
        statementBytes.append(entityBytes, entityStart[i]..<entityEnd[i])
    }

    /// Serializes the document's fields on first use.
    private mutating func prepareDocument(_ doc: Int) {
        if documentStart[doc] >= 0 { return }
        let info = graph.documents[doc]
        documentStart[doc] = documentBytes.count
        documentBytes.appendLiteral("{\"document\":")
        appendJSONStringLiteral(info.id, to: &documentBytes)
        documentMiddle[doc] = documentBytes.count
        documentBytes.appendOptionalField(",\"date\":", info.date)
        documentBytes.appendOptionalField(",\"title\":", info.title)
        documentBytes.appendOptionalField(",\"url\":", info.url)
        documentBytes.appendOptionalField(",\"digest\":", info.digest)
        documentBytes.appendLiteral(",\"documentIndex\":")
        documentBytes.appendInt(documentIndex[doc])
        documentBytes.appendLiteral(",\"spans\":[")
        documentEnd[doc] = documentBytes.count
    }
}

extension Array where Element == UInt8 {
    /// Appends `name` (a literal `,"key":`) and `value` as a JSON string, when there is a value.
    @inline(__always)
    mutating func appendOptionalField(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        appendLiteral(name)
        appendJSONStringLiteral(value, to: &self)
    }

    /// Appends the UTF-8 bytes of a literal.
    @inline(__always)
    mutating func appendLiteral(_ s: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Appends `v` in decimal, as `"\(v)"` writes it.
    mutating func appendInt(_ v: Int) {
        if v >= 0 && v < 10 {
            append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v))
            return
        }
        if v < 0 { append(UInt8(ascii: "-")) }
        appendDigits(v.magnitude, count: 0)
    }

    /// Appends the decimal digits of `m`, at least `count` of them (with leading zeros).
    @inline(__always)
    mutating func appendDigits(_ m: UInt, count: Int) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        Swift.withUnsafeMutableBytes(of: &digits) { p in
            var m = m
            var i = p.count
            repeat {
                i &-= 1
                p[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: m % 10)
                m /= 10
            } while m > 0 || p.count &- i < count
            append(contentsOf: UnsafeRawBufferPointer(rebasing: p[i...]))
        }
    }

    /// Appends `bytes[range]`.
    @inline(__always)
    mutating func append(_ bytes: [UInt8], _ range: Range<Int>) {
        bytes.withUnsafeBufferPointer { append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Appends the bytes of `decimal(v)`: up to 4 decimals, no trailing zeros, at least one.
    mutating func appendDecimal(_ v: Double) {
        let scaled = (v * 10000).rounded()
        let n = Int(abs(scaled))
        if scaled < 0 && n != 0 { append(UInt8(ascii: "-")) }
        appendInt(n / 10000)
        append(UInt8(ascii: "."))
        var frac = n % 10000
        if frac == 0 {
            append(UInt8(ascii: "0"))
            return
        }
        var digits = 4
        while frac % 10 == 0 { frac /= 10; digits -= 1 }
        appendDigits(UInt(frac), count: digits)
    }
}
