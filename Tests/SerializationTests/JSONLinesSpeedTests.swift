import Foundation
import Testing
import KnowledgeGraph
import XMLSupport
@testable import Serialization

/// The JSON Lines export builds its lines as UTF-8 bytes with cached pieces; these check that it
/// writes exactly what the String-building definitions it replaced wrote, kept here as the
/// reference: `referenceJSONStringLiteral` and `ReferenceJSONLines`.
@Suite struct JSONLinesSpeedTests {
    // MARK: The reference: the former String-based implementation

    /// `jsonStringLiteral` as it was: escaping over the unicode scalars with String appends.
    static func referenceJSONStringLiteral(_ s: String) -> String {
        var plain = true
        for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2 {
            plain = false
            break
        }
        if plain { return "\"" + s + "\"" }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
                    var hex = String(u.value, radix: 16)
                    while hex.count < 4 { hex = "0" + hex }
                    out += "\\u" + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// The JSON Lines serializer as it was: a String per line, entities serialized per line.
    struct ReferenceJSONLines {
        func json(_ s: String) -> String { JSONLinesSpeedTests.referenceJSONStringLiteral(s) }

        func string(_ graph: Graph) -> String {
            var hasStatements = [Bool](repeating: false, count: graph.documents.count)
            for s in graph.statements { for e in s.evidence { hasStatements[e.document] = true } }
            var rank = [Int](repeating: 0, count: graph.documents.count)
            var next = 0
            for (i, has) in hasStatements.enumerated() where has { rank[i] = next; next += 1 }
            var text = ""
            for s in graph.sortedStatements {
                for doc in s.documents {
                    let mentions = s.evidence.filter { $0.document == doc }.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
                    text += line(graph, s, doc, mentions, documentIndex: rank[doc])
                }
            }
            return text
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
            out += ",\"sentence\":\(e.sentence),\"start\":\(e.start),\"end\":\(e.end)" + event(graph, s, e)
            out += ",\"evidence\":" + json(e.quote)
            out += ",\"mentions\":\(mentions.count),\"confidence\":" + decimal(1 - confidence)
            out += ",\"cameo\":" + (r.cameo.isEmpty ? "null" : json(r.cameo))
            out += ",\"quadClass\":\(r.quadClass),\"goldstein\":" + (r.goldstein.map(decimal) ?? "null")
            out += ",\"pattern\":" + json(e.pattern)
            let info = graph.documents[doc]
            if let date = info.date { out += ",\"date\":" + json(date) }
            if let title = info.title { out += ",\"title\":" + json(title) }
            if let url = info.url { out += ",\"url\":" + json(url) }
            if let digest = info.digest { out += ",\"digest\":" + json(digest) }
            out += ",\"documentIndex\":\(documentIndex),\"spans\":["
            for (k, m) in mentions.enumerated() {
                if k > 0 { out += "," }
                out += "{\"sentence\":\(m.sentence),\"start\":\(m.start),\"end\":\(m.end)" + event(graph, s, m) + ",\"quote\":" + json(m.quote)
                    + ",\"pattern\":" + json(m.pattern) + ",\"confidence\":" + decimal(m.confidence) + "}"
            }
            return out + "]}\n"
        }

        func event(_ graph: Graph, _ s: Statement, _ e: Evidence) -> String {
            var out = ",\"eventId\":" + json(EventID.of(e, of: s, in: graph))
            if let d = e.eventDate { out += ",\"eventDate\":" + json(d) }
            if let p = e.place { out += ",\"location\":{\"name\":" + json(p.name) + ",\"country\":" + (p.country.map(json) ?? "null") + "}" }
            if let c = e.subjectCode { out += ",\"subjectCode\":" + json(c) }
            if let c = e.objectCode { out += ",\"objectCode\":" + json(c) }
            return out
        }

        func entity(_ e: Entity) -> String {
            "{\"id\":" + json(e.key) + ",\"label\":" + json(e.label) + ",\"type\":" + json(e.type.rawValue)
                + ",\"country\":" + (e.country.map(json) ?? "null")
                + ",\"code\":" + (e.code.map(json) ?? "null")
                + ",\"aliases\":[" + e.aliases.map(json).joined(separator: ",") + "]"
                + ",\"wikidata\":" + (e.wikidata.map(json) ?? "null") + "}"
        }
    }

    // MARK: Strings

    /// Strings with every kind of character the escaper treats specially, at every position
    /// of an 8-byte word (the fast path scans 8 bytes at a time).
    static let edgeCases: [String] = {
        var cases = [
            "", "a", "plain ASCII text, long enough to take the 8-byte path several times over.",
            "\"", "\\", "\"\"\\\\", "\n", "\r", "\t", "\r\n", "a\"b\\c\nd\re\tf",
            "\u{0}", "\u{7F}", "\u{1F}", "\u{20}", "x\u{0}y",
            "\u{2028}", "\u{2029}", "a\u{2028}b\u{2029}c", "\u{2028}\u{2029}\u{2028}",
            "\u{2027}\u{202A}\u{202E}\u{200F}", "’“”…–—", "\u{20AC}", "\u{2FFF}", "\u{3000}",
            "🚀", "a🚀", "🚀a", "👩‍👩‍👧", "é", "e\u{301}", "日本語のテキスト", "Émirat \u{200F}Alliance\u{202E} \"Quote\"",
            "\u{FEFF}", "\u{10FFFF}", "\u{E000}", "Ben & Jerry's <Republic> 🚀", "R&amp;D Party ]]> --",
            String(repeating: "x", count: 1000) + "\"" + String(repeating: "é", count: 300) + "\u{2028}",
        ]
        cases.append(String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }))
        for c in (0..<0x20).map({ String(Unicode.Scalar(UInt8($0))) }) { cases.append(c); cases.append("abc" + c + "defghijk") }
        let specials = ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{2028}", "\u{2029}", "’", "é", "🚀", "\u{7F}"]
        for special in specials {
            for before in 0...17 {
                for after in [0, 1, 2, 7, 8, 9] {
                    cases.append(String(repeating: "a", count: before) + special + String(repeating: "b", count: after))
                }
            }
        }
        return cases
    }()

    @Test func stringLiteralsAreTheFormerOnes() {
        for s in Self.edgeCases {
            let reference = Self.referenceJSONStringLiteral(s)
            #expect(jsonStringLiteral(s) == reference, "\(s.debugDescription)")
            var bytes: [UInt8] = Array("prefix".utf8)
            appendJSONStringLiteral(s, to: &bytes)
            #expect(bytes == Array("prefix".utf8) + Array(reference.utf8), "\(s.debugDescription)")
        }
    }

    @Test func stringLiteralsOfKnownText() {
        #expect(jsonStringLiteral("") == "\"\"")
        #expect(jsonStringLiteral("abc") == "\"abc\"")
        #expect(jsonStringLiteral("a\"b\\c") == #""a\"b\\c""#)
        #expect(jsonStringLiteral("\n\r\t") == #""\n\r\t""#)
        #expect(jsonStringLiteral("\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\u{7F}") == "\"\\u0000\\u0001\\u0008\\u000b\\u000c\\u001f\u{7F}\"")
        #expect(jsonStringLiteral("a\u{2028}b\u{2029}") == #""a\u2028b\u2029""#)
        #expect(jsonStringLiteral("’€\u{202A}") == "\"’€\u{202A}\"")
        #expect(jsonStringLiteral("🚀") == "\"🚀\"")
        #expect(jsonStringLiteral("é\"🚀") == "\"é\\\"🚀\"")
    }

    @Test func stringLiteralsOfSubstringsAndBridgedText() {
        // Strings from other sources: slices, and text built from scalars and bytes.
        let long = "prefix \"quoted\" \u{2028} 🚀 suffix"
        for k in 0...long.count {
            let s = String(long.dropFirst(k))
            #expect(jsonStringLiteral(s) == Self.referenceJSONStringLiteral(s))
        }
        let decoded = String(decoding: Array("x\u{2029}\"y".utf8), as: UTF8.self)
        #expect(jsonStringLiteral(decoded) == Self.referenceJSONStringLiteral(decoded))
        let ns = NSString(string: "ns \"bridged\" \u{2028} é").description
        #expect(jsonStringLiteral(ns) == Self.referenceJSONStringLiteral(ns))
    }

    // MARK: Numbers

    @Test func numbersAreWrittenAsBefore() {
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 0.85, -10, 10, 0.1, 0.05, 0.0001, 0.00005, 0.00004, -0.00004, -0.00005,
                                0.99995, 0.99994, 0.765, 0.712, 12345.6789, -12345.6789, 1e10, -1e10, 0.3333333, 2.0 / 3.0, 7.25]
        for k in 0..<2000 { values.append(Double(k) / 1000 - 1); values.append(Double(k) * 0.0137) }
        for v in values {
            var bytes: [UInt8] = []
            bytes.appendDecimal(v)
            #expect(String(decoding: bytes, as: UTF8.self) == decimal(v), "\(v)")
        }
        for v in [0, 1, 9, 10, 11, 99, 100, 12345, -1, -9, -10, -12345, Int.max, Int.min, Int.max - 1, Int.min + 1] {
            var bytes: [UInt8] = []
            bytes.appendInt(v)
            #expect(String(decoding: bytes, as: UTF8.self) == "\(v)")
        }
    }

    // MARK: Whole exports

    /// Statements over several documents with unsorted evidence, equal spans from different
    /// patterns, documents with and without metadata or statements, and hostile text everywhere.
    static func mixedGraph(statements: Int = 40) -> Graph {
        var g = Graph(vocabulary: ontology.relations)
        var docs: [Int] = []
        for d in 0..<7 {
            let text = edgeCases[(d * 13) % edgeCases.count]
            docs.append(g.addDocument(DocumentInfo(id: "doc-\(d) \(text)", title: d % 2 == 0 ? "Title \(d) \(text)" : nil,
                                                   date: d % 3 == 0 ? "2024-01-0\(d + 1)" : nil,
                                                   url: d % 4 == 1 ? "https://example.org/\(d)?q=\"x\"" : nil)))
        }
        var entities: [EntityID] = []
        for k in 0..<12 {
            let text = edgeCases[(k * 7 + 3) % edgeCases.count]
            entities.append(g.intern(Entity(key: "key-\(k)", label: "Label \(k) \(text)", type: ActorType.allCases[k % 4],
                                            aliases: Array(edgeCases[k % 5..<(k % 5 + k % 3)]) ,
                                            country: k % 2 == 0 ? "C\(k)\u{2028}" : nil, wikidata: k % 3 == 0 ? "Q\(k)" : nil,
                                            code: k % 4 == 1 ? "IGO\(k)\"" : nil)))
        }
        let relations = ontology.relations.ids
        for n in 0..<statements {
            let key = StatementKey(subject: entities[n % entities.count], relation: relations[(n * 7) % relations.count],
                                   object: entities[(n * 5 + 1) % entities.count], negated: n % 5 == 2,
                                   modality: Modality.allCases[n % Modality.allCases.count])
            for m in 0..<(1 + n % 6) {
                let doc = docs[[3, 0, 5, 3, 1, 0][(n + m) % 6] % docs.count]
                let start = [40, 10, 40, 10, 25, 40][(n * 3 + m) % 6]
                g.add(key, evidence: Evidence(document: doc, sentence: m, start: start, end: start + (m % 2 == 0 ? 5 : 3),
                                               quote: "quote \(n).\(m) " + edgeCases[(n * 11 + m) % edgeCases.count],
                                               pattern: "pattern \(m) " + edgeCases[(n + m * 17) % edgeCases.count],
                                               confidence: [0.8, 0.5, 0.333, 0.99995, 0.1][(n + m) % 5],
                                               subjectCode: m % 3 == 0 ? nil : "RUSMIL", objectCode: n % 4 == 0 ? "UKR\"GOV" : nil))
            }
        }
        return g
    }

    @Test func exportsAreTheFormerOnes() throws {
        var graphs = [smallGraph(), try hostileGraph(), ExportSpeedTests().shuffledGraph(), Self.mixedGraph(), Graph(vocabulary: ontology.relations)]
        var withDocumentsOnly = Graph(vocabulary: ontology.relations)
        withDocumentsOnly.addDocument(DocumentInfo(id: "empty"))
        graphs.append(withDocumentsOnly)
        for graph in graphs {
            let sink = MemorySink()
            try JSONLinesSerializer(options: options).write(graph, to: sink)
            let reference = ReferenceJSONLines().string(graph)
            #expect(sink.bytes == Array(reference.utf8))
        }
    }

    @Test func largeExportsAreFlushedInChunksWithTheSameBytes() throws {
        // More than one chunk, so the buffer is handed to the sink several times.
        let graph = Self.mixedGraph(statements: 3000)
        let sink = CountingSink()
        try JSONLinesSerializer(options: options).write(graph, to: sink)
        let reference = ReferenceJSONLines().string(graph)
        #expect(reference.utf8.count > 2 * JSONLinesSerializer.chunkSize)
        #expect(sink.bytes == Array(reference.utf8))
        #expect(sink.writes > 1 && sink.writes < 20)
        #expect(sink.finished)
    }

    final class CountingSink: ByteSink {
        var bytes: [UInt8] = []
        var writes = 0
        var finished = false
        func write(_ bytes: UnsafeRawBufferPointer) throws {
            self.bytes.append(contentsOf: bytes)
            writes += 1
        }
        func finish() throws { finished = true }
        func abandon() {}
    }
}
