import Corpus
import Extraction
import Foundation
import KnowledgeGraph
import Ontology
import Serialization
import Testing

/// `kg merge` of kg's own N-Quads shards.
@Suite struct NQuadsShardTests {
    static let options = ExportOptions(ontologyNamespace: ontology.namespace, generator: "kg test")

    func graph(_ docs: some Sequence<SourceDocument>) -> Graph {
        var g = Graph(vocabulary: ontology.relations)
        for d in docs { extractor.extract(d, into: &g) }
        return g
    }

    func reader() -> ShardReader {
        ShardReader(vocabulary: ontology.relations, gazetteer: ontology.gazetteer.map(\.entity))
    }

    /// Every export, byte for byte (aliases included: RDF as `skos:altLabel`, JSON Lines as `aliases`).
    func exports(_ g: Graph) throws -> [String] {
        try [ExportFormat.rdfxml, .graphml, .jsonl, .nquads, .ntriples, .turtle, .csv].map { try $0.serializer(options: Self.options).string(g) }
    }

    @Test func mergingNQuadsShardsGivesTheGraphOfMergingJSONLinesShards() throws {
        // (With one person no gazetteer knows, whose surname becomes an alias found in the text.)
        let documents = try realDocuments(10) + [SourceDocument(id: "zz-unknown", text: "Foreign Minister Dan Voicu of Romania met Moldovan President Maia Sandu in Chisinau on Monday. Voicu praised Moldova.", date: "2025-06-01")]
        let half = documents.count / 2
        let parts = [graph(documents[..<half]), graph(documents[half...])]
        var fromJSONL = reader(), fromNQ = reader()
        for (i, p) in parts.enumerated() {
            #expect(fromJSONL.read(Data(try JSONLinesSerializer(options: Self.options).string(p).utf8), source: "part-\(i).jsonl").isEmpty)
            let problems = fromNQ.read(Data(try NQuadsSerializer(options: Self.options).string(p).utf8), source: "part-\(i)")
            #expect(problems.isEmpty, "\(problems)")
        }
        #expect(fromNQ.graph.checkInvariants())
        #expect(fromNQ.graph.documents == fromJSONL.graph.documents)
        #expect(fromNQ.graph.statements.count == fromJSONL.graph.statements.count)
        // Every export, JSON Lines included, byte for byte.
        #expect(try exports(fromNQ.graph) == exports(fromJSONL.graph))
        // Every document has statements and the ids are in input order: also one extraction's.
        #expect(try exports(fromNQ.graph) == exports(graph(documents)))
        // Aliases come back in order, those of names found only in the text too.
        let gazetteerKeys = Set(ontology.gazetteer.map(\.entity.key))
        var textFound = 0
        for e in fromJSONL.graph.entities {
            let id = try #require(fromNQ.graph.entityID(key: e.key))
            let n = fromNQ.graph[id]
            #expect(n.label == e.label && n.type == e.type && n.country == e.country && n.wikidata == e.wikidata)
            #expect(n.aliases == e.aliases, "\(e.key)")
            if !gazetteerKeys.contains(e.key) && !e.aliases.isEmpty { textFound += 1 }
        }
        #expect(textFound > 0, "no name found only in the text with an alias: the test does not reach them")
    }

    @Test func aliasesAreAltLabelsInOrderAndOlderShardsGetTheGazetteers() throws {
        var g = Graph(vocabulary: ontology.relations)
        let d = g.addDocument(DocumentInfo(id: "d"))
        let usa = try #require(ontology.gazetteer.first { $0.entity.key == "USA" }?.entity)
        #expect(usa.aliases.count > 1)
        let a = g.intern(usa)
        // Hostile aliases, out of sorted order, one repeated: kept as they are.
        let b = g.intern(Entity(key: "cho-hyundong", label: "Cho Hyundong", type: .person,
                                aliases: ["Cho", "A \"quoted\" \\ <name>\n", "Cho", "É🚀"], country: "KOR"))
        let c = g.intern(Entity(key: "nobody", label: "Nobody", type: .person))
        let r = ontology.relations
        g.add(StatementKey(subject: a, relation: r.id("meetsWith")!, object: b),
              evidence: Evidence(document: d, sentence: 0, start: 0, end: 4, quote: "q", pattern: "p", confidence: 0.5))
        g.add(StatementKey(subject: c, relation: r.id("visits")!, object: a),
              evidence: Evidence(document: d, sentence: 1, start: 5, end: 9, quote: "q", pattern: "p", confidence: 0.5))
        let nq = try NQuadsSerializer(options: Self.options).string(g)
        let alt = "<http://www.w3.org/2004/02/skos/core#altLabel>"
        #expect(nq.contains("<https://w3id.org/kg-news/id/entity/USA> \(alt) \"U.S.\" <https://w3id.org/kg-news/id/document/d> ."))
        var fresh = reader()
        #expect(fresh.read(Data(nq.utf8), source: "s").isEmpty)
        for e in g.entities { #expect(fresh.graph[fresh.graph.entityID(key: e.key)!].aliases == e.aliases, "\(e.key)") }
        #expect(try exports(fresh.graph) == exports(g))

        // N-Quads of an older kg, without skos:altLabel: a gazetteer entity gets the gazetteer's.
        let old = nq.split(separator: "\n").filter { !$0.contains(alt) }.joined(separator: "\n")
        var r2 = reader()
        #expect(r2.read(Data(old.utf8), source: "old").isEmpty)
        #expect(r2.graph[r2.graph.entityID(key: "USA")!].aliases == usa.aliases)
        #expect(r2.graph[r2.graph.entityID(key: "cho-hyundong")!].aliases.isEmpty)

        // An altLabel must be a literal.
        let bad = nq.replacingOccurrences(of: "\(alt) \"Cho\"", with: "\(alt) <https://example.org/cho>")
        var r3 = reader()
        let problems = r3.read(Data(bad.utf8), source: "bad")
        #expect(problems.count == 1 && problems.allSatisfy { $0.message.contains("skos:altLabel of entity <https://w3id.org/kg-news/id/entity/cho-hyundong> must be a literal") }, "\(problems)")
    }

    @Test func documentsWithoutStatementsAreKeptAndDocumentsComeInTheOrderOfTheirGraphs() throws {
        var documents = try realDocuments(4)
        documents.insert(SourceDocument(id: "000-calm", text: "The weather was mild and nothing happened.", date: "2023-01-02", title: "Calm"), at: 0)
        documents.append(SourceDocument(id: "zzz-none", text: "Nothing."))
        let whole = graph(documents)
        var r = reader()
        #expect(r.read(Data(try NQuadsSerializer(options: Self.options).string(graph(documents[..<3])).utf8), source: "a").isEmpty)
        #expect(r.read(Data(try NQuadsSerializer(options: Self.options).string(graph(documents[3...])).utf8), source: "b").isEmpty)
        #expect(r.graph.documents == whole.documents)
        #expect(r.graph.documents.first == DocumentInfo(id: "000-calm", title: "Calm", date: "2023-01-02", digest: SHA256.contentDigest(of: documents[0].text)))
        #expect(try exports(r.graph) == exports(whole))

        // The input order within a shard is not in N-Quads: graphs are written by id.
        var shuffled = reader()
        let reversed = graph(documents.reversed())
        #expect(shuffled.read(Data(try NQuadsSerializer(options: Self.options).string(reversed).utf8), source: "r").isEmpty)
        #expect(shuffled.graph.documents.map(\.id) == reversed.documents.map(\.id).sorted())
    }

    @Test func theBaseIRIAndNamespaceAreReadFromTheData() throws {
        let documents = try realDocuments(2) + [SourceDocument(id: "d é/1", text: "Russia attacked Ukraine.", url: "https://x.org/a?b=1")]
        let g = graph(documents)
        var other = Self.options
        other.baseIRI = "https://example.org/my/kg#"
        var r = reader()
        let problems = r.read(Data(try NQuadsSerializer(options: other).string(g).utf8), source: "x")
        #expect(problems.isEmpty, "\(problems)")
        #expect(try exports(r.graph) == exports(g))
    }

    @Test func aDocumentWrittenTwiceCountsOnceAndOtherContentUnderItsIDIsKeptApart() throws {
        let doc = SourceDocument(id: "twice", text: "Russia attacked Ukraine. Russia attacked Ukraine again.")
        let one = try NQuadsSerializer(options: Self.options).string(graph([doc]))
        // The same document twice in one input, and again in a second input: counted once.
        var r = GraphInputReader(ontology: ontology)
        let warnings = r.read(Data((one + one).utf8), kind: .nQuads, source: "a.nq") + r.read(Data(one.utf8), kind: .nQuads, source: "b.nq")
        #expect(warnings.allSatisfy { $0.isWarning })
        #expect(warnings.map(\.description) == [
            "a.nq: document 'twice' is already read (earlier in the same input) with the same content: not counted twice",
            "b.nq: document 'twice' is already read (from a.nq) with the same content: not counted twice",
        ])
        #expect(try exports(r.graph) == exports(graph([doc])))
        // The same id with another text: both kept, the second as twice~2, with a warning naming both.
        let other = SourceDocument(id: "twice", text: "China praised Pakistan.")
        let problems = r.read(Data(try NQuadsSerializer(options: Self.options).string(graph([other])).utf8), kind: .nQuads, source: "c.nq")
        #expect(problems.map(\.description) == ["c.nq: document 'twice' has other content than the document 'twice' from a.nq: both kept, this one as 'twice~2'"])
        #expect(r.graph.documents.map(\.id) == ["twice", "twice~2"])
        #expect(r.graph.statements.contains { r.graph[$0.subject].label == "China" && r.graph.documents[$0.evidence[0].document].id == "twice~2" })
    }

    @Test func theFormatIsToldByContent() {
        #expect(ShardReader.format(of: Data("\n  {\"document\":1}".utf8)) == .jsonLines)
        #expect(ShardReader.format(of: Data("\r\n<http://a> <http://b> <http://c> <http://g> .".utf8)) == .nQuads)
        #expect(ShardReader.format(of: Data("_:b <http://b> \"x\" <http://g> .".utf8)) == .nQuads)
        #expect(ShardReader.format(of: Data(" \n\t".utf8)) == .empty)
        #expect(ShardReader.format(of: Data("doc,subject".utf8)) == .unknown("d"))
        // Neither: by the name, so each line is still reported.
        var r = reader()
        let problems = r.read(Data("\n\nid,text\n".utf8), source: "x.nq")
        #expect(problems.count == 1 && problems[0].line == 3, "\(problems)")
        #expect(problems[0].description.hasPrefix("x.nq:3: not N-Quads: expected a subject"))
        var j = reader()
        #expect(j.read(Data("id,text\n".utf8), source: "x.csv").first?.description.hasPrefix("x.csv:1: not JSON") == true)
    }

    @Test func badLinesAndIncompleteStatementsAreReportedWithTheirPlace() throws {
        let g = graph([SourceDocument(id: "d", text: "Russia attacked Ukraine. China supported Russia.")])
        let lines = try NQuadsSerializer(options: Self.options).string(g).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count > 20)
        var text = lines
        text.insert("<http://a> <http://b> \"open", at: 1)
        text.insert("not a quad", at: 2)
        text.insert("<http://a> <http://b> <http://c> . extra", at: 3)
        text.insert("# a comment line is fine", at: 4)
        var r = reader()
        let problems = r.read(Data(text.joined(separator: "\n").utf8), source: "s.nq")
        #expect(problems.map(\.line) == [2, 3, 4], "\(problems)")
        #expect(problems[0].description == "s.nq:2: not N-Quads: a literal is not closed with '\"'")
        #expect(problems[1].description.hasPrefix("s.nq:3: not N-Quads: expected a subject"))
        #expect(problems[2].description.hasPrefix("s.nq:4: not N-Quads: unexpected"))
        #expect(try exports(r.graph) == exports(g))

        // A statement without its modality is skipped and named; the others still count.
        let modality = try #require(lines.firstIndex { $0.contains("#modality>") })
        var cut = lines
        cut.remove(at: modality)
        var r2 = reader()
        let p2 = r2.read(Data(cut.joined(separator: "\n").utf8), source: "s.nq")
        #expect(p2.count == 1)
        #expect(p2.first?.message.contains("has no kg:modality") == true, "\(p2)")
        #expect(p2.first?.line.map { lines[$0 - 1].contains("rdf-syntax-ns#type> <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement>") } == true)
        #expect(r2.graph.statements.count == g.statements.count - 1)

        // A relation the ontology does not know.
        var r3 = reader()
        let renamed = lines.map { $0.replacingOccurrences(of: "#attacks>", with: "#noSuchRelation>") }
        let p3 = r3.read(Data(renamed.joined(separator: "\n").utf8), source: "s.nq")
        #expect(p3.contains { $0.message.contains("noSuchRelation> of statement") && $0.message.hasSuffix("is not a relation of the ontology") }, "\(p3)")
    }

    @Test func damagedShardsNeverCrash() throws {
        let g = graph(try realDocuments(2))
        let text = Array(try NQuadsSerializer(options: Self.options).string(g).utf8)
        var rng = SplitMix(seed: 42)
        for round in 0..<300 {
            var bytes = text
            switch round % 3 {
            case 0: bytes = Array(bytes.prefix(Int(rng.next() % UInt64(bytes.count))))
            case 1:
                for _ in 0..<8 { bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next()) }
            default:
                let a = Int(rng.next() % UInt64(bytes.count)), n = Int(rng.next() % 400)
                bytes.removeSubrange(a..<min(bytes.count, a + n))
            }
            var r = reader()
            for p in r.read(Data(bytes), source: "f") {
                #expect(p.line != nil && !p.message.isEmpty)
            }
            #expect(r.graph.checkInvariants())
        }
    }
}

/// A small deterministic generator for the damage test.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
