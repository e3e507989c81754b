import TestSupport
import Corpus
import Extraction
import Foundation
import KnowledgeGraph
import Ontology
import Serialization
import Testing
import XMLSupport

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let ontology: Ontology = {
    do { return try Ontology.load(directory: repositoryRoot.appendingPathComponent("ontology").path) } catch {
        preconditionFailure("cannot load the ontology: \(error)")
    }
}()
let extractor = Extractor(ontology: ontology)
/// The committed test articles (Tests/Fixtures/articles) and the bundled sample: a small corpus
/// that needs nothing beside the repository.
let fixtureArticles: [String] = {
    let dir = repositoryRoot.appendingPathComponent("Tests/Fixtures/articles").path
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    return files.map { dir + "/" + $0 } + [repositoryRoot.appendingPathComponent("Sources/kg/Resources/xi-putin-2022-12-30.txt").path]
}()

func tempDir() throws -> String {
    let dir = TestTemporary.path("kg-corpus")
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

func write(_ text: String, to path: String) throws {
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

/// The first `n` of the committed test articles, read as `kg extract` reads them.
func realDocuments(_ n: Int) throws -> [SourceDocument] {
    precondition(n <= fixtureArticles.count, "only \(fixtureArticles.count) test articles")
    return fixtureArticles.prefix(n).flatMap { DocumentReader.read(CorpusInput(path: $0, kind: .text)).documents }
}

func exports(_ g: Graph) throws -> [String] {
    let options = ExportOptions(ontologyNamespace: ontology.namespace, generator: "kg test")
    return try [ExportFormat.rdfxml, .graphml, .jsonl, .nquads].map { try $0.serializer(options: options).string(g) }
}

@Suite struct FolderWalkTests {
    @Test func walksRecursivelyInStableOrderSkippingHiddenAndOtherFiles() throws {
        let dir = try tempDir()
        try write("b", to: dir + "/b.txt")
        try write("a", to: dir + "/sub/deeper/a.TXT")
        try write("<p>x</p>", to: dir + "/page.html")
        try write("<p>x</p>", to: dir + "/old.htm")
        try write("{}", to: dir + "/docs.jsonl")
        try write("no", to: dir + "/notes.md")
        try write("no", to: dir + "/.hidden.txt")
        try write("no", to: dir + "/.git/x.txt")
        let (inputs, problems) = CorpusInput.expand([dir, dir + "/missing.txt"])
        #expect(inputs.map { String($0.path.dropFirst(dir.count + 1)) } == ["b.txt", "docs.jsonl", "old.htm", "page.html", "sub/deeper/a.TXT"])
        #expect(inputs.map(\.kind) == [.text, .jsonLines, .html, .html, .text])
        #expect(problems == [CorpusProblem(source: dir + "/missing.txt", message: "no such file or folder")])
    }

    @Test func symbolicLinksToFoldersAreNotFollowedAndAFolderWithATextNameIsWalked() throws {
        let dir = try tempDir()
        try write("a", to: dir + "/real/a.txt")
        try write("b", to: dir + "/notes.txt/b.txt")
        // A link back to the corpus itself would loop forever if followed.
        try FileManager.default.createSymbolicLink(atPath: dir + "/real/loop", withDestinationPath: dir)
        let (inputs, problems) = CorpusInput.expand([dir + "/"])
        #expect(inputs.map { $0.path.replacingOccurrences(of: dir, with: "") } == ["/notes.txt/b.txt", "/real/a.txt"])
        #expect(problems.isEmpty)
    }

    @Test func anEmptyFolderIsAWarning() throws {
        let dir = try tempDir()
        let (inputs, problems) = CorpusInput.expand([dir])
        #expect(inputs.isEmpty)
        #expect(problems.count == 1 && problems[0].isWarning)
    }
}

@Suite struct HTMLTests {
    static let page = """
    <!DOCTYPE html>
    <html><head>
      <title>Site name | Ignored when og:title exists</title>
      <meta property="og:title" content="Putin invites Xi to Moscow">
      <meta property="article:published_time" content="2022-12-30T10:15:00+03:00">
      <link rel="canonical" href="https://example.org/news/putin-xi">
      <style>p { color: red } .secret { }</style>
      <script>var tracking = "Russia attacked Ukraine";</script>
    </head><body>
      <nav><ul><li>Home</li><li>World news about China</li></ul></nav>
      <header><p>Subscribe now</p></header>
      <article>
        <h1>Putin invites Xi to Moscow</h1>
        <p>Russian President Vladimir Putin invited Chinese President Xi Jinping to visit Moscow.<script>alert(1)</script></p>
        <p>The two leaders   spoke by&nbsp;video link.<br>Xi thanked Putin.</p>
        <aside><p>Related: something else</p></aside>
      </article>
      <footer><p>© News Corp</p></footer>
      <noscript>Enable JavaScript</noscript>
    </body></html>
    """

    @Test func keepsTitleAndArticleParagraphsDropsScriptsStylesAndNavigation() throws {
        let doc = try HTMLDocument.parse(bytes: Array(Self.page.utf8), source: "page.html")
        #expect(doc.title == "Putin invites Xi to Moscow")
        #expect(doc.paragraphs == [
            "Putin invites Xi to Moscow",
            "Russian President Vladimir Putin invited Chinese President Xi Jinping to visit Moscow.",
            "The two leaders spoke by video link. Xi thanked Putin.",
        ])
        #expect(doc.date == "2022-12-30")
        #expect(doc.url == "https://example.org/news/putin-xi")
        for dropped in ["tracking", "alert", "Home", "Subscribe", "Related", "News Corp", "JavaScript", "color"] {
            #expect(!doc.text.contains(dropped), "\(dropped) leaked into the text")
        }
    }

    @Test func withoutArticleKeepsBodyParagraphsAndDateFromOtherMetadata() throws {
        let html = """
        <html><head><title>Talks</title><meta name="date" content="2023-03-21"></head>
        <body><div><p>Xi Jinping met Vladimir Putin in Moscow.</p><script>x()</script></div></body></html>
        """
        let doc = try HTMLDocument.parse(bytes: Array(html.utf8), source: "t.html")
        #expect(doc.title == "Talks")
        #expect(doc.paragraphs == ["Xi Jinping met Vladimir Putin in Moscow."])
        #expect(doc.date == "2023-03-21")
        #expect(doc.text == "Talks\n\nXi Jinping met Vladimir Putin in Moscow.")
    }

    @Test func htmlPageBecomesADocumentWithMetadataAndStatements() throws {
        let batch = DocumentReader.readHTML(Array(Self.page.utf8), source: "dir/putin-xi.html", date: nil)
        #expect(batch.problems.isEmpty)
        let d = try #require(batch.documents.first)
        #expect(d.info == DocumentInfo(id: "putin-xi", title: "Putin invites Xi to Moscow", date: "2022-12-30", url: "https://example.org/news/putin-xi",
                                       digest: SHA256.contentDigest(of: d.text)))
        var g = Graph(vocabulary: ontology.relations)
        extractor.extract(d, into: &g)
        let names = g.statements.map { "\(g[$0.subject].key) \(g.vocabulary[$0.relation].name) \(g[$0.object].key)" }
        #expect(names.contains { $0.contains("invites") }, "\(names)")
        #expect(!names.contains { $0.contains("attacks") }, "script text was extracted: \(names)")
    }

    @Test func emptyAndBinaryPagesAreErrorsNamingTheFile() {
        #expect(DocumentReader.readHTML([], source: "e.html", date: nil).problems.map(\.description) == ["e.html: empty HTML page"])
        #expect(DocumentReader.readHTML(Array("<html><script>x</script></html>".utf8), source: "s.html", date: nil).problems.map(\.description)
            == ["s.html: HTML page has no title or paragraphs to read"])
        #expect(DocumentReader.readHTML([60, 0, 1], source: "b.html", date: nil).problems.first?.message.contains("NUL byte") == true)
    }
}

@Suite struct JSONLinesInputTests {
    @Test func readsDocumentsIgnoresUnknownFieldsAndReportsBadLinesWithTheirNumber() {
        let input = """
        {"id": "a", "text": "Putin met Xi.", "date": "2022-12-30T08:00:00Z", "url": "https://x.org/a", "title": "A", "lang": "en"}

        {"id": "b", "text": "Xi met Putin."
        {"text": "no id"}
        {"id": "c", "text": 5}
        {"id": "d", "text": "x", "date": "30/12/2022"}
        [1, 2]
        {"id": 7, "text": "numeric ids are fine"}
        """
        let batch = DocumentReader.readJSONLines(Data(input.utf8), source: "<stdin>", date: "2000-01-01")
        #expect(batch.documents.map(\.info.id) == ["a", "7"])
        #expect(batch.documents[0].info == DocumentInfo(id: "a", title: "A", date: "2022-12-30", url: "https://x.org/a",
                                                        digest: SHA256.contentDigest(of: "Putin met Xi.")))
        #expect(batch.documents[1].info.date == "2000-01-01")
        #expect(batch.problems.map { "\($0.source):\($0.line ?? 0)" } == ["<stdin>:3", "<stdin>:4", "<stdin>:5", "<stdin>:6", "<stdin>:7"])
        #expect(batch.problems[1].message.contains("no \"id\""))
        #expect(batch.problems[2].message == "\"text\" must be a string")
        #expect(batch.problems[3].message.contains("YYYY-MM-DD"))
        #expect(batch.problems.allSatisfy { !$0.isWarning })
    }

    @Test func invalidUTF8LineIsAnError() {
        var data = Data("{\"id\":\"a\",\"text\":\"ok\"}\n".utf8)
        data.append(contentsOf: [0x7B, 0xFF, 0x7D, 0x0A])
        let batch = DocumentReader.readJSONLines(data, source: "x.jsonl", date: nil)
        #expect(batch.documents.count == 1)
        #expect(batch.problems.map(\.description) == ["x.jsonl:2: invalid UTF-8; JSON Lines must be UTF-8"])
    }
}

@Suite struct ParallelTests {
    @Test func orderedMapDeliversEveryResultInOrderWhateverTheJobs() {
        for jobs in [1, 2, 4, 7] {
            var seen: [Int] = []
            orderedMap(count: 500, jobs: jobs, window: 3, { i in i * i }) { i, v in
                #expect(v == i * i)
                seen.append(i)
            }
            #expect(seen == Array(0..<500))
        }
        orderedMap(count: 0, jobs: 4, { $0 }) { _, _ in Issue.record("nothing to consume") }
    }

    @Test func exportsAreByteIdenticalForOneAndFourJobsAndEqualSequentialExtraction() throws {
        var documents = try realDocuments(11)
        // Repeat the articles under other ids, so documents share entities and statements.
        documents += documents.map { d in var c = d; c.info.id += "-copy"; return c }
        var sequential = Graph(vocabulary: ontology.relations)
        for d in documents { extractor.extract(d, into: &sequential) }
        var one = Graph(vocabulary: ontology.relations)
        ParallelExtraction(extractor: extractor, vocabulary: ontology.relations, jobs: 1).extract(documents, into: &one)
        var four = Graph(vocabulary: ontology.relations)
        var progress: [Int] = []
        ParallelExtraction(extractor: extractor, vocabulary: ontology.relations, jobs: 4).extract(documents, into: &four) { progress.append($0) }
        #expect(progress == Array(1...documents.count))
        #expect(four.checkInvariants())
        let expected = try exports(sequential)
        #expect(try exports(one) == expected)
        #expect(try exports(four) == expected)
        #expect(four.documents.map(\.id) == documents.map(\.info.id))
        // Shared entities and statements: a statement of a repeated article has evidence from both copies.
        #expect(four.statements.contains { s in s.documents.count >= 2 })
    }
}

@Suite struct ShardTests {
    @Test func mergingTwoJSONLinesShardsEqualsExtractingBothAtOnce() throws {
        let documents = try realDocuments(10)
        let half = documents.count / 2
        let options = ExportOptions(ontologyNamespace: ontology.namespace, generator: "kg test")
        func graph(_ docs: some Sequence<SourceDocument>) -> Graph {
            var g = Graph(vocabulary: ontology.relations)
            for d in docs { extractor.extract(d, into: &g) }
            return g
        }
        let whole = graph(documents)
        let shard1 = try JSONLinesSerializer(options: options).string(graph(documents[..<half]))
        let shard2 = try JSONLinesSerializer(options: options).string(graph(documents[half...]))
        var reader = ShardReader(vocabulary: ontology.relations)
        #expect(reader.read(Data(shard1.utf8), source: "part-0.jsonl").isEmpty)
        #expect(reader.read(Data(shard2.utf8), source: "part-1.jsonl").isEmpty)
        // Documents without statements have no JSON Lines; compare with the documents that have some.
        let withStatements = Set(whole.statements.flatMap { $0.evidence.map { whole.documents[$0.document].id } })
        let expected = graph(documents.filter { withStatements.contains($0.info.id) })
        #expect(try exports(reader.graph) == exports(expected))
        #expect(reader.graph.statements.count == whole.statements.count)
        #expect(reader.graph.statements.map(\.weight).reduce(0, +) == whole.statements.map(\.weight).reduce(0, +))
    }

    @Test func mergedJSONLinesEqualOneExtractionEvenWithDocumentsWithoutStatements() throws {
        var documents = try realDocuments(6)
        let empty = SourceDocument(id: "no-actors", text: "The weather was mild and nothing happened.")
        documents.insert(empty, at: 1)
        documents.insert(SourceDocument(id: "none-either", text: "Nothing."), at: documents.count - 1)
        let options = ExportOptions(ontologyNamespace: ontology.namespace, generator: "kg test")
        func jsonl(_ docs: some Sequence<SourceDocument>) throws -> String {
            var g = Graph(vocabulary: ontology.relations)
            for d in docs { extractor.extract(d, into: &g) }
            return try JSONLinesSerializer(options: options).string(g)
        }
        let half = documents.count / 2
        var reader = ShardReader(vocabulary: ontology.relations)
        #expect(reader.read(Data(try jsonl(documents[..<half]).utf8), source: "a").isEmpty)
        #expect(reader.read(Data(try jsonl(documents[half...]).utf8), source: "b").isEmpty)
        #expect(try JSONLinesSerializer(options: options).string(reader.graph) == jsonl(documents))
    }

    @Test func badShardLinesAreReportedWithTheirPlace() {
        var reader = ShardReader(vocabulary: ontology.relations)
        let text = """
        not json
        {"document": "d"}
        {"document": "d", "subject": {"id": "RUS", "label": "Russia", "type": "Country"}, "predicate": "noSuchRelation", "object": {"id": "CHN", "label": "China", "type": "Country"}, "negated": false, "modality": "asserted"}
        """
        let problems = reader.read(Data(text.utf8), source: "s.jsonl")
        #expect(problems.map { $0.line } == [1, 2, 3])
        #expect(problems[0].description.hasPrefix("s.jsonl:1: not JSON"))
        #expect(problems[2].message == "predicate 'noSuchRelation' is not a relation of the ontology")
        #expect(reader.graph.statements.isEmpty)
    }
}

@Suite struct NQuadsTests {
    @Test func oneNamedGraphPerDocumentWithEscapedLiterals() throws {
        var g = Graph(vocabulary: ontology.relations)
        extractor.extract(SourceDocument(id: "d 1", text: "Russia attacked Ukraine. \"Quote\" \\ said", date: "2022-02-24", title: "Line\nbreak"), into: &g)
        extractor.extract(SourceDocument(id: "d2", text: "Russia attacked Ukraine again.", url: "https://x.org/d2"), into: &g)
        let options = ExportOptions(ontologyNamespace: ontology.namespace, generator: "kg test")
        let nq = try NQuadsSerializer(options: options).string(g)
        let lines = nq.split(separator: "\n")
        #expect(!lines.isEmpty)
        let graphs = Set(lines.map { String($0.split(separator: " ").dropLast().last!) })
        #expect(graphs == ["<https://w3id.org/kg-news/id/document/d%201>", "<https://w3id.org/kg-news/id/document/d2>"])
        #expect(lines.allSatisfy { $0.hasSuffix(" .") && !$0.contains("\t") })
        #expect(nq.contains("\"Line\\nbreak\""))
        #expect(nq.contains("<http://purl.org/dc/terms/source> <https://x.org/d2>"))
    }

    @Test func refusesADocumentURLAnIRICannotHold() throws {
        var g = Graph(vocabulary: ontology.relations)
        g.addDocument(DocumentInfo(id: "d", url: "https://x.org/a b"))
        let options = ExportOptions(ontologyNamespace: ontology.namespace)
        #expect(throws: SerializationError.self) { try NQuadsSerializer(options: options).string(g) }
    }
}
