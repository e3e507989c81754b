import Foundation
import Testing

/// Runs the built `kg` binary with `input` on standard input.
func kg(_ arguments: [String], input: String) throws -> Run {
    let p = Process()
    p.executableURL = kgBinary()
    p.arguments = arguments
    p.currentDirectoryURL = repositoryRoot
    let inPipe = Pipe(), out = Pipe(), err = Pipe()
    p.standardInput = inPipe
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let writer = Thread {
        inPipe.fileHandleForWriting.write(Data(input.utf8))
        try? inPipe.fileHandleForWriting.close()
    }
    writer.start()
    let errData = Mutexed<Data>()
    let reader = Thread { errData.value = err.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    while errData.value == nil { usleep(1000) }
    return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: errData.value!, as: UTF8.self))
}

final class Mutexed<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T?
    var value: T? {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}

/// The committed test articles (Tests/Fixtures/articles) and the bundled sample: a small corpus
/// that needs nothing beside the repository.
func corpusFiles() -> [String] {
    let dir = repositoryRoot.appendingPathComponent("Tests/Fixtures/articles").path
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".txt") }.sorted().map { dir + "/" + $0 }
    precondition(files.count >= 10, "Tests/Fixtures/articles is missing")
    return files + [repositoryRoot.appendingPathComponent("Sources/kg/Resources/xi-putin-2022-12-30.txt").path]
}

func files(in dir: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: dir) {
        out[name] = FileManager.default.contents(atPath: dir + "/" + name)
    }
    return out
}

@Suite(.serialized) struct CorpusCLITests {
    static let formats = "rdfxml,graphml,yed,jsonl,nquads"

    @Test func exportsAreByteIdenticalWithOneAndFourJobs() throws {
        let corpus = try tempDir()
        for (i, f) in corpusFiles().enumerated() {
            // Spread the articles over nested folders, and repeat some under another name.
            let sub = corpus + "/part\(i % 3)/" + (i % 2 == 0 ? "a/" : "")
            try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: f, toPath: sub + (f as NSString).lastPathComponent)
            if i < 3 { try FileManager.default.copyItem(atPath: f, toPath: corpus + "/copy-\(i).txt") }
        }
        let one = try tempDir(), four = try tempDir()
        let r1 = try kg(["extract", corpus, "--jobs", "1", "--output", one, "--format", Self.formats])
        let r4 = try kg(["extract", corpus, "--jobs", "4", "--output", four, "--format", Self.formats])
        #expect(r1.status == 0 && r4.status == 0, "\(r1.stderr) \(r4.stderr)")
        #expect(r4.stderr.isEmpty, "progress or warnings on a non-terminal stderr: \(r4.stderr)")
        let a = try files(in: one), b = try files(in: four)
        #expect(a.keys.sorted() == ["graph.graphml", "graph.jsonl", "graph.nq", "graph.rdf", "graph.yed.graphml"])
        #expect(a == b)
        #expect((a["graph.jsonl"]?.count ?? 0) > 0)
        // The repeated articles give statements with evidence from two documents.
        let jsonl = String(decoding: a["graph.jsonl"]!, as: UTF8.self)
        #expect(jsonl.contains("\"document\":\"copy-0\""))
    }

    @Test func stdinDocumentsWithAMalformedLineStillCountAndExitOne() throws {
        let text = try String(contentsOfFile: corpusFiles()[0], encoding: .utf8)
        func line(_ id: String) -> String {
            let data = try! JSONSerialization.data(withJSONObject: ["id": id, "text": text, "date": "2022-12-30", "url": "https://example.org/\(id)", "title": "T \(id)", "source": "ignored"], options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
        let input = line("one") + "\n{\"id\": \"broken\", \"text\": \n" + line("two") + "\n"
        let r = try kg(["extract", "--stdin", "--format", "jsonl", "--jobs", "2"], input: input)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("kg: error: <stdin>:2: not JSON"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stdout.contains("\"document\":\"one\"") && r.stdout.contains("\"document\":\"two\""))
        #expect(r.stdout.contains("\"url\":\"https://example.org/two\"") && r.stdout.contains("\"title\":\"T two\""))
    }

    @Test func mergeOfTwoShardsEqualsExtractionOfBothAtOnce() throws {
        let files = Array(corpusFiles().prefix(8))
        let half = max(1, files.count / 2)
        let dir = try tempDir()
        let s1 = try kg(["extract"] + files[..<half] + ["--format", "jsonl", "--quiet"])
        let s2 = try kg(["extract"] + files[half...] + ["--format", "jsonl", "--quiet"])
        #expect(s1.status == 0 && s2.status == 0)
        try s1.stdout.write(toFile: dir + "/part-0.jsonl", atomically: true, encoding: .utf8)
        try s2.stdout.write(toFile: dir + "/part-1.jsonl", atomically: true, encoding: .utf8)
        let merged = try tempDir(), whole = try tempDir()
        let m = try kg(["merge", dir + "/part-0.jsonl", dir + "/part-1.jsonl", "--output", merged, "--format", Self.formats])
        #expect(m.status == 0, "\(m.stderr)")
        // Every test article has statements, so no document is lost in the JSON Lines shards.
        let w = try kg(["extract"] + files + ["--output", whole, "--format", Self.formats])
        #expect(w.status == 0)
        let a = try CorpusCLITests_files(merged), b = try CorpusCLITests_files(whole)
        #expect(b.keys.sorted() == ["graph.graphml", "graph.jsonl", "graph.nq", "graph.rdf", "graph.yed.graphml"])
        for name in b.keys.sorted() {
            #expect(a[name] == b[name], "\(name) of the merged shards differs from one extraction")
        }
    }

    @Test func htmlPagesAndJSONLinesFilesAreInputsToo() throws {
        let dir = try tempDir()
        let page = """
        <html><head><title>Visit</title><meta name="date" content="2023-03-20"><script>Russia attacked China.</script></head>
        <body><nav>China Ukraine</nav><article><p>Xi Jinping visited Russia and met Vladimir Putin in Moscow.</p></article></body></html>
        """
        try page.write(toFile: dir + "/visit.html", atomically: true, encoding: .utf8)
        try "{\"id\":\"j1\",\"text\":\"Russia attacked Ukraine.\"}\n".write(toFile: dir + "/docs.jsonl", atomically: true, encoding: .utf8)
        let r = try kg(["extract", dir, "--format", "jsonl"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"document\":\"visit\"") && r.stdout.contains("\"date\":\"2023-03-20\""))
        #expect(r.stdout.contains("\"document\":\"j1\""))
        #expect(!r.stdout.contains("\"predicate\":\"attacks\",\"object\":{\"id\":\"CHN\""))
    }

    @Test func errorsNameTheFileAndUsageErrorsExit64() throws {
        let r = try kg(["extract", "/nonexistent/x.txt", corpusFiles()[0], "--format", "jsonl"])
        #expect(r.status == 1)
        #expect(r.stderr == "kg: error: /nonexistent/x.txt: no such file or folder\n")
        #expect(!r.stdout.isEmpty)
        #expect(try kg(["extract", "--format", "jsonl"]).status == 64)
        #expect(try kg(["extract", corpusFiles()[0], "--jobs", "0", "--format", "jsonl"]).status == 64)
        #expect(try kg(["merge", "--format", "jsonl"]).status == 64)
        let bad = try tempDir() + "/bad.jsonl"
        try "{\"document\":\"d\"}\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let m = try kg(["merge", bad, "--format", "jsonl"])
        #expect(m.status == 1)
        #expect(m.stderr.hasPrefix("kg: error: \(bad):1: no \"subject\""), "\(m.stderr)")
    }

    @Test func writingToAFullDeviceFailsCleanly() throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { return }
        let r = try kg(["extract", corpusFiles()[0], "--format", "nquads"], stdout: full)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("kg: error:"))
    }
}

func CorpusCLITests_files(_ dir: String) throws -> [String: Data] { try files(in: dir) }
