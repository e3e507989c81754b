import Foundation
import Testing
import KnowledgeGraph
import XMLSupport
@testable import Serialization

/// The shortcuts of the fast XML exports give what the plain definitions give: the ranked
/// statement order is `Graph.sortedStatements`, and `iriEscape` and `decimal` write the same
/// text as their first, simpler versions.
@Suite struct ExportSpeedTests {
    /// A graph whose keys and relation names sort differently by string than by id, with
    /// repeated subject-relation-object triples that differ only by polarity and modality.
    func shuffledGraph() -> Graph {
        var g = Graph(vocabulary: ontology.relations)
        let d = g.addDocument(DocumentInfo(id: "d"))
        let keys = ["zeta", "Alpha", "alpha", "é-key", "e-key", "10", "9", "a-b", "a_b", "ab", "Z", "\u{1F680}", "ä", "a\u{308}x"]
        let ids = keys.map { g.intern(Entity(key: $0, label: $0, type: .organization)) }
        let relations = ontology.relations.ids
        var n = 0
        for (i, s) in ids.enumerated() {
            for (j, o) in ids.enumerated() where (i * 7 + j * 3) % 4 == 0 {
                let r = relations[(i * 5 + j) % relations.count]
                for (negated, modality) in [(false, Modality.asserted), (true, .asserted), (false, .conditional), (false, .future), (true, .possible)]
                where (i + j + n) % 3 != 0 || modality == .asserted {
                    n += 1
                    g.add(StatementKey(subject: s, relation: r, object: o, negated: negated, modality: modality),
                          evidence: Evidence(document: d, sentence: n, start: n, end: n + 1, quote: "q\(n)", pattern: "p", confidence: 0.5))
                }
            }
        }
        return g
    }

    @Test func rankedOrderIsTheGraphsSortedOrder() throws {
        for graph in [smallGraph(), try hostileGraph(), shuffledGraph()] {
            let order = ExportOrder(graph)
            #expect(order.statements == graph.sortedStatements)
            #expect(order.entityIDs == graph.sortedEntityIDs)
        }
        #expect(shuffledGraph().statements.count > 100)
    }

    @Test func statementIRIsArePiecewiseEscapedSlugs() throws {
        // The RDF/XML serializer escapes the slug's parts; the N-Triples export escapes the whole slug.
        let graph = try hostileGraph()
        let rdf = try RDFXMLSerializer(options: options).string(graph)
        for s in graph.statements {
            let iri = options.baseIRI + "statement/" + iriEscape(graph.statementSlug(s))
            #expect(rdf.contains("<rdf:Statement rdf:about=\"\(iri.replacingOccurrences(of: "&", with: "&amp;"))\">"))
        }
    }

    @Test(arguments: [ExportFormat.rdfxml, .graphml, .yed])
    func chunkedXMLIsByteIdenticalToOneLibxml2CallPerNode(_ format: ExportFormat) throws {
        for graph in [smallGraph(), try hostileGraph(), shuffledGraph()] {
            let chunked = try format.serializer(options: options).string(graph)
            let perCall = try XMLExportMode.$perCall.withValue(true) { try format.serializer(options: options).string(graph) }
            #expect(chunked == perCall)
            #expect(!chunked.isEmpty)
        }
    }

    /// The first `iriEscape`.
    func referenceIRIEscape(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(b)))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%\(hex[Int(b >> 4)])\(hex[Int(b & 15)])"
            }
        }
        return out
    }

    /// The first `decimal`.
    func referenceDecimal(_ v: Double) -> String {
        let scaled = (v * 10000).rounded()
        let negative = scaled < 0
        let n = Int(abs(scaled))
        let whole = n / 10000
        var frac = String(n % 10000)
        while frac.count < 4 { frac = "0" + frac }
        while frac.hasSuffix("0") { frac.removeLast() }
        let sign = negative && n != 0 ? "-" : ""
        return frac.isEmpty ? "\(sign)\(whole).0" : "\(sign)\(whole).\(frac)"
    }

    @Test func iriEscapeIsUnchanged() {
        for s in ["", "plain-key_1.0~", "a b/c?d=e&f#g", "é🚀\u{200F}", "%41", "RUS", "\u{0}\u{7F}"] + XMLWriterHostile.strings {
            #expect(iriEscape(s) == referenceIRIEscape(s))
        }
    }

    @Test func decimalIsUnchanged() {
        var values: [Double] = [0, -0.0, 1, -1, 0.5, -0.5, 0.85, 0.12345, 0.99995, -0.00004, -0.00005, 10, -10, 123456.789, 1e12, -7.25, 0.1, 0.2, 0.3]
        for i in 0..<2000 { values.append(Double(i) / 997 - 1); values.append(Double(i) * 0.0001) }
        for v in values {
            #expect(decimal(v) == referenceDecimal(v), "\(v)")
        }
    }
}

/// Hostile strings for the escaping checks.
enum XMLWriterHostile {
    static let strings = ["Ben & Jerry's <Republic> \"quoted\" 🚀 \u{200F}rtl\u{202E}override é", "a\nb\r\nc\rd\te", "]]>", "\u{FFFE}x\u{FFFF}"]
}
