import Foundation
import Testing
import KnowledgeGraph
import Ontology
import XMLSupport
@testable import Serialization

/// A sink that records whether the serializer finished or abandoned it.
final class RecordingSink: ByteSink {
    var bytes: [UInt8] = []
    var finished = false
    var abandoned = false
    func write(_ b: UnsafeRawBufferPointer) throws { bytes.append(contentsOf: b) }
    func finish() throws { finished = true }
    func abandon() { abandoned = true }
}

/// The small graph with a document URL that no IRI can hold.
func graphWithBadURL() -> Graph {
    var g = Graph(vocabulary: ontology.relations)
    let d = g.addDocument(DocumentInfo(id: "d", url: "https://example.org/a b"))
    let a = g.intern(Entity(key: "RUS", label: "Russia", type: .country))
    let b = g.intern(Entity(key: "UKR", label: "Ukraine", type: .country))
    g.add(StatementKey(subject: a, relation: ontology.relations.id("attacks")!, object: b),
          evidence: Evidence(document: d, sentence: 0, start: 0, end: 6, quote: "Russia attacked Ukraine.", pattern: "t", confidence: 0.9))
    return g
}

@Suite struct NTriplesTests {
    @Test func everyLineIsOneTriple() throws {
        let text = try NTriplesSerializer(options: options).string(smallGraph())
        let term = #"(<[^<>"{}|^`\\\x00-\x20]*>|_:[A-Za-z0-9]+|"([^"\\\n\r]|\\["\\nrtbfu])*"(\^\^<[^>]*>)?)"#
        let triple = try Regex("^" + term + " " + #"<[^>]*>"# + " " + term + " \\.$")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(text.hasSuffix(" .\n"))
        for line in lines { #expect(line.wholeMatch(of: triple) != nil, "not an N-Triples line: \(line)") }
        var emitted = 0
        try RDFTripleEmitter(options: options).emit(smallGraph()) { _ in emitted += 1 }
        #expect(lines.count == emitted)
    }

    @Test func hostileLiteralsAreEscapedAndTheRestIsUTF8() throws {
        let text = try NTriplesSerializer(options: options).string(smallGraph())
        #expect(text.contains(#"<http://www.w3.org/2000/01/rdf-schema#label> "Ben & Jerry's <Republic> 🚀" ."#))
        #expect(text.contains("\"Émirat \u{200F}Alliance\u{202E} \\\"Quote\\\"\""))
        #expect(text.contains(#""It attacked \"again\"\u0007.""#))
        #expect(text.contains("<https://w3id.org/kg-news/id/document/doc%20%3C1%3E%20%26%20%222%22>"))
        #expect(rdfStringBody("a\\b\n\t\u{0}\u{7F}") == #"a\\b\n\t\u0000\u007F"#)
    }

    @Test func provenanceAndCAMEOConcepts() throws {
        let text = try NTriplesSerializer(options: options).string(smallGraph())
        #expect(text.contains("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/prov#Activity> ."))
        #expect(text.contains("<https://w3id.org/kg-news/id/agent/kg%20test> <http://www.w3.org/2000/01/rdf-schema#label> \"kg test\" ."))
        #expect(text.contains("<https://w3id.org/kg-news/ontology#cameoEvent> <https://w3id.org/kg-news/cameo/18> ."))
        #expect(text.contains("<http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q159> ."))
        let generated = text.split(separator: "\n").filter { $0.contains("prov#wasGeneratedBy") }
        #expect(generated.count == smallGraph().statements.count)
    }

    @Test func anIRIWithASpaceIsRefusedBeforeAnythingIsWritten() throws {
        for serializer in [NTriplesSerializer(options: options) as GraphSerializer, TurtleSerializer(options: options)] {
            let sink = RecordingSink()
            #expect {
                try serializer.write(graphWithBadURL(), to: sink)
            } throws: { error in
                "\(error)".contains("the URL of document 'd' 'https://example.org/a b' contains U+0020")
            }
            #expect(sink.bytes.isEmpty && sink.abandoned && !sink.finished)
        }
    }

    @Test func aBaseIRIWithoutSchemeIsRefused() throws {
        let bad = ExportOptions(baseIRI: "id/", ontologyNamespace: ontology.namespace)
        #expect(throws: SerializationError.self) { try NTriplesSerializer(options: bad).string(smallGraph()) }
        #expect(throws: SerializationError.self) { try TurtleSerializer(options: bad).string(smallGraph()) }
    }
}

@Suite struct TurtleTests {
    let prefixes = TurtleSerializer(options: options).prefixes()

    @Test func prefixedNamesOnlyForPlainLocalParts() {
        #expect(TurtleSerializer.iri("https://w3id.org/kg-news/id/entity/vladimir-putin", prefixes) == "entity:vladimir-putin")
        #expect(TurtleSerializer.iri("https://w3id.org/kg-news/cameo/046", prefixes) == "cameo:046")
        #expect(TurtleSerializer.iri("https://w3id.org/kg-news/id/entity/a%20b", prefixes) == "<https://w3id.org/kg-news/id/entity/a%20b>")
        #expect(TurtleSerializer.iri("https://w3id.org/kg-news/id/entity/-x", prefixes) == "<https://w3id.org/kg-news/id/entity/-x>")
        #expect(TurtleSerializer.iri("https://w3id.org/kg-news/id/entity/a.b", prefixes) == "<https://w3id.org/kg-news/id/entity/a.b>")
        #expect(TurtleSerializer.iri("https://example.org/x", prefixes) == "<https://example.org/x>")
    }

    @Test func numberShorthandsOnlyForCanonicalTokens() {
        let xsd = RDFVocabulary.xsd
        #expect(TurtleSerializer.term(.literal("0.85", datatype: xsd + "decimal"), prefixes) == "0.85")
        #expect(TurtleSerializer.term(.literal("-10.0", datatype: xsd + "decimal"), prefixes) == "-10.0")
        #expect(TurtleSerializer.term(.literal("12", datatype: xsd + "integer"), prefixes) == "12")
        #expect(TurtleSerializer.term(.literal("1e3", datatype: xsd + "decimal"), prefixes) == "\"1e3\"^^xsd:decimal")
        #expect(TurtleSerializer.term(.literal("true", datatype: xsd + "boolean"), prefixes) == "true")
        #expect(TurtleSerializer.term(.literal("2024-01-02", datatype: xsd + "date"), prefixes) == "\"2024-01-02\"^^xsd:date")
    }

    @Test func subjectsAreGroupedAndEveryBlockEnds() throws {
        let text = try TurtleSerializer(options: options).string(smallGraph())
        #expect(text.contains("entity:RUS\n    a kg:Country ;\n    rdfs:label \"Russia\" ;"))
        #expect(text.contains("    a kg:Document, prov:Entity ;\n"))
        #expect(text.contains("stmt:ben-jerry--attacks--RUS\n    a rdf:Statement ;"))
        #expect(text.contains("stmt:ben-jerry--attacks--RUS\n") && text.contains("    kg:evidence _:ev3, _:ev4 ."))
        #expect(text.hasSuffix(" .\n"))
        // Each subject appears as a block head exactly once.
        let heads = text.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.hasPrefix("@") && !$0.hasPrefix("#") }
        #expect(Set(heads).count == heads.count)
    }
}

@Suite struct CSVTests {
    /// A strict RFC 4180 reader, to read back what the serializer wrote.
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var quoted = false, i = text.unicodeScalars.startIndex
        let s = text.unicodeScalars
        while i < s.endIndex {
            let c = s[i]
            if quoted {
                if c == "\"" {
                    let next = s.index(after: i)
                    if next < s.endIndex && s[next] == "\"" { field += "\""; i = next } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\r" && s.index(after: i) < s.endIndex && s[s.index(after: i)] == "\n" {
                record.append(field); records.append(record); record = []; field = ""; i = s.index(after: i)
            } else {
                field.unicodeScalars.append(c)
            }
            i = s.index(after: i)
        }
        return records
    }

    @Test func fieldsAreQuotedOnlyWhenNeeded() {
        #expect(CSVSerializer.field("Russia") == "Russia")
        #expect(CSVSerializer.field("a,b") == "\"a,b\"")
        #expect(CSVSerializer.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVSerializer.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVSerializer.field("Ben & Jerry's <Republic> 🚀") == "Ben & Jerry's <Republic> 🚀")
    }

    @Test func actorCodesAreTheFirstMentionsElseTheEntitys() throws {
        let records = Self.parse(try CSVSerializer(options: options).string(smallGraph()))
        let column = Dictionary(uniqueKeysWithValues: CSVSerializer.columns.enumerated().map { ($1, $0) })
        let codes = records.dropFirst().map { r in
            [r[column["relation"]!], r[column["negated"]!], r[column["Actor1Code"]!], r[column["Actor2Code"]!]]
        }
        // The attack's first mention says BJRMIL (its entity has no code); the negated one has
        // no mention codes, so the entities' (RUS, none); the meeting's mention RUSGOV, IGOUNO.
        #expect(codes.contains(["attacks", "false", "BJRMIL", "RUS"]))
        #expect(codes.contains(["attacks", "true", "RUS", ""]))
        #expect(codes.contains(["meetsWith", "false", "RUSGOV", "IGOUNO"]))
    }

    @Test func recordsReadBackWithTheHostileNames() throws {
        let text = try CSVSerializer(options: options).string(smallGraph())
        let records = Self.parse(text)
        #expect(records.first == CSVSerializer.columns)
        #expect(records.allSatisfy { $0.count == CSVSerializer.columns.count })
        let jsonl = try JSONLinesSerializer(options: options).string(smallGraph()).split(separator: "\n")
        #expect(records.count == jsonl.count + 1)
        let rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(CSVSerializer.columns, $0)) }
        let attack = try #require(rows.first { $0["relation"] == "attacks" && $0["negated"] == "false" })
        #expect(attack["Actor1Name"] == "Ben & Jerry's <Republic> 🚀")
        #expect(attack["EventCode"] == "18" && attack["EventRootCode"] == "18" && attack["QuadClass"] == "4")
        #expect(attack["GoldsteinScale"] == "-9.0" && attack["NumMentions"] == "2")
        #expect(attack["date"] == "2024-01-02" && attack["SourceURL"] == "https://example.org/a?b=1&c=2")
        #expect(attack["document"] == "doc <1> & \"2\"")
        #expect(attack["sentence"] == "Ben & Jerry's <Republic> 🚀 attacked Russia.")
        let visit = try #require(rows.first { $0["relation"] == "visits" })
        #expect(visit["Actor1Name"] == "Émirat \u{200F}Alliance\u{202E} \"Quote\"" && visit["modality"] == "future")
        #expect(rows.contains { $0["negated"] == "true" })
    }
}

@Suite struct DOTTests {
    @Test func labelsAreDOTStringsThatGraphvizShowsVerbatim() {
        #expect(DOTSerializer.label("R&amp;D \"x\" \\N") == #""R&amp;amp;D \"x\" \\N""#)
        #expect(DOTSerializer.label("a\nb\r\u{07}") == "\"a\\nb\u{FFFD}\"")
        #expect(DOTSerializer.label("Front \u{202E}NOITAN\u{202C} > Söñ 🚀") == "\"Front \u{202E}NOITAN\u{202C} > Söñ 🚀\"")
        #expect(DOTSerializer.id("n-a\"b") == #""n-a\"b""#)
    }

    @Test func edgesCarryRelationQuadClassColourAndModality() throws {
        let text = try DOTSerializer(options: options).string(smallGraph())
        let edges = text.split(separator: "\n").filter { $0.contains(" -> ") }
        #expect(edges.count == 3, "negated statements are not drawn")
        #expect(edges.contains { $0.contains("\"n-ben-jerry\" -> \"n-RUS\" [label=\"attacks ×2\", color=\"#D7191C\"") })
        #expect(edges.contains { $0.contains("label=\"meetsWith\"") && $0.contains("dir=none") && $0.contains("#4DAF4A") })
        #expect(edges.contains { $0.contains("label=\"visits (future)\"") && $0.contains("style=dashed") })
        #expect(text.contains("label=\"Ben &amp; Jerry's <Republic> 🚀\""))
        #expect(text.contains("\"legend\" [shape=plaintext"))
        #expect(text.hasPrefix("// generated by kg test\ndigraph \"kg\" {\n") && text.hasSuffix("}\n"))
    }

    /// Graphviz, when installed, draws the DOT and shows the hostile names verbatim in the SVG.
    @Test func graphvizDrawsItWithTheHostileNames() throws {
        guard let dot = ["/usr/bin/dot", "/usr/local/bin/dot", "/opt/homebrew/bin/dot"].first(where: FileManager.default.isExecutableFile) else { return }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: dot)
        p.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        input.fileHandleForWriting.write(Data(try DOTSerializer(options: options).string(smallGraph()).utf8))
        try input.fileHandleForWriting.close()
        let svg = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        // Graphviz writes a DOCTYPE, which kg's parser refuses by design: drop it.
        let text = String(decoding: svg, as: UTF8.self).replacing(#/<!DOCTYPE[^>]*>/#, with: "")
        let root = try XMLDocumentParser.parse(bytes: Array(text.utf8), source: "svg")
        var texts: [String] = []
        func walk(_ n: XMLElementNode) {
            if n.name == "text" { texts.append(n.text) }
            n.children.forEach(walk)
        }
        walk(root)
        for label in ["Ben & Jerry's <Republic> 🚀", "Russia", "Émirat \u{200F}Alliance\u{202E} \"Quote\"", "attacks ×2", "visits (future)"] {
            #expect(texts.contains(label), "\(label) not in the SVG texts \(texts)")
        }
    }
}

@Suite struct ViewerGraphMLTests {
    @Test func colourIsPlainDataOnNodesAndEdges() throws {
        let xml = try GraphMLSerializer(options: options, yFiles: false).string(smallGraph())
        let root = try XMLDocumentParser.parse(bytes: Array(xml.utf8), source: "graphml")
        let keys = root.children.filter { $0.name == "key" }
        func key(_ domain: String, _ name: String) -> String? {
            keys.first { $0.attribute("", "for") == domain && $0.attribute("", "attr.name") == name }?.attribute("", "id")
        }
        let nodeColour = try #require(key("node", "color")), edgeColour = try #require(key("edge", "color"))
        #expect(nodeColour != edgeColour)
        let graph = try #require(root.children.first { $0.name == "graph" })
        func data(_ n: XMLElementNode, _ k: String) -> String? { n.children.first { $0.name == "data" && $0.attribute("", "key") == k }?.text }
        let russia = try #require(graph.children.first { $0.attribute("", "id") == "n-RUS" })
        #expect(data(russia, nodeColour) == GraphMLSerializer.colour(.country))
        #expect(GraphMLSerializer.colour(.country) == "#5DA5DA")
        #expect([key("node", "r"), key("node", "g"), key("node", "b")].compactMap { $0 }.map { data(russia, $0) } == ["93", "165", "218"])
        let edgeRGB = [key("edge", "r"), key("edge", "g"), key("edge", "b")].compactMap { $0 }
        #expect(edgeRGB.count == 3 && Set(edgeRGB).isDisjoint(with: ["r", "g", "b"]), "edge r/g/b keys need their own ids")
        for edge in graph.children where edge.name == "edge" {
            let q = Int(data(edge, "quadClass") ?? "") ?? -1
            #expect(data(edge, edgeColour) == GraphMLSerializer.colour(quadClass: q))
            #expect(data(edge, "edgelabel") == data(edge, "relation") && data(edge, "interaction") == data(edge, "relation"))
        }
        #expect(root.children.contains { $0.name == "key" && $0.attribute("", "for") == "graph" && $0.attribute("", "id") == "generator" })
        #expect(data(graph, "generator") == "kg test")
    }

    @Test func thePlainFlavourHasNoYFilesAndTheYEdFlavourHasThem() throws {
        let plain = try GraphMLSerializer(options: options, yFiles: false).string(smallGraph())
        let yed = try GraphMLSerializer(options: options, yFiles: true).string(smallGraph())
        #expect(!plain.contains("yworks") && !plain.contains("y:"))
        #expect(yed.contains("xmlns:y=\"http://www.yworks.com/xml/graphml\"") && yed.contains("<y:EdgeLabel>attacks</y:EdgeLabel>"))
    }
}

@Suite struct LinkedDataOntologyTests {
    @Test func cameoSchemeHasAConceptForEveryCodeOfTheOntology() throws {
        let ttl = try String(contentsOfFile: repository + "/ontology/cameo.ttl", encoding: .utf8)
        for r in ontology.relations.relations {
            for code in r.cameoCodes {
                #expect(ttl.contains("cameo:\(code) a skos:Concept"), "no concept for \(r.name)'s code \(code)")
                #expect(ttl.contains("skos:notation \"\(code)\""))
            }
        }
    }

    @Test func inversesAreDeclaredButNotExtractedRelations() throws {
        let owl = try String(contentsOfFile: repository + "/ontology/kg.owl", encoding: .utf8)
        #expect(owl.contains("<owl:inverseOf>"))
        for name in ["hasLeader", "hasMember", "claimedBy"] { #expect(ontology.relations.id(name) == nil) }
        #expect(ontology.relations.id("leaderOf") != nil)
    }
}
