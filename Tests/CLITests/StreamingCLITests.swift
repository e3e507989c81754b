import Foundation
import Testing

/// A `kg` process whose standard input stays open until `close()`, with its output gathered
/// on background threads; every wait has a deadline, after which the process is killed, so a
/// test cannot hang.
final class OpenPipeRun: @unchecked Sendable {
    let process = Process()
    private let input = Pipe(), output = Pipe(), errors = Pipe()
    private let lock = NSLock()
    private var out = Data(), err = Data()
    private var outDone = false, errDone = false

    init(_ arguments: [String]) throws {
        process.executableURL = kgBinary()
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        for (pipe, isOut) in [(output, true), (errors, false)] {
            Thread {
                while true {
                    let d = pipe.fileHandleForReading.availableData
                    self.lock.lock()
                    if d.isEmpty {
                        if isOut { self.outDone = true } else { self.errDone = true }
                    } else if isOut { self.out += d } else { self.err += d }
                    self.lock.unlock()
                    if d.isEmpty { return }
                }
            }.start()
        }
    }

    func send(_ text: String) { input.fileHandleForWriting.write(Data(text.utf8)) }
    func close() { try? input.fileHandleForWriting.close() }
    var stdout: String { lock.lock(); defer { lock.unlock() }; return String(decoding: out, as: UTF8.self) }
    var stderr: String { lock.lock(); defer { lock.unlock() }; return String(decoding: err, as: UTF8.self) }

    /// Waits until `condition` holds of standard output, or the deadline; false on timeout.
    func wait(seconds: Double, until condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(stdout) { return true }
            lock.lock(); let ended = outDone; lock.unlock()
            if ended { return condition(stdout) }
            usleep(10_000)
        }
        return false
    }

    /// Waits for the process to exit (killing it after the deadline); its status, nil if killed.
    func finish(seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        let drained = Date().addingTimeInterval(10)
        while Date() < drained {
            lock.lock(); let done = outDone && errDone; lock.unlock()
            if done { break }
            usleep(10_000)
        }
        return process.terminationStatus
    }
}

func documentLine(_ id: String, _ text: String, date: String? = nil) -> String {
    var o: [String: Any] = ["id": id, "text": text]
    if let date { o["date"] = date; o["url"] = "https://example.org/\(id)"; o["title"] = "Title of \(id)" }
    return String(decoding: try! JSONSerialization.data(withJSONObject: o, options: [.sortedKeys]), as: UTF8.self)
}

@Suite(.serialized) struct StreamingCLITests {
    @Test func theFirstBatchIsWrittenBeforeStandardInputCloses() throws {
        let run = try OpenPipeRun(["extract", "--stdin", "--format", "jsonl", "--batch", "2", "--jobs", "2", "--quiet"])
        run.send(documentLine("first", "Russia attacked Ukraine.") + "\n" + documentLine("second", "China condemned Japan.") + "\n")
        // The pipe is still open: the first batch (two documents) must come out anyway.
        let early = run.wait(seconds: 120) { $0.contains("\"document\":\"second\"") && $0.hasSuffix("\n") }
        #expect(early, "no output for the first batch while standard input was open: \(run.stderr)")
        // Exactly the first batch's lines (one statement each) so far.
        #expect(run.stdout.split(separator: "\n").count == 2, "\(run.stdout)")
        run.send(documentLine("third", "India supported France.") + "\n")
        run.close()
        let status = run.finish(seconds: 120)
        #expect(status == 0, "\(run.stderr)")
        let out = run.stdout
        #expect(out.contains("\"document\":\"first\"") && out.contains("\"document\":\"third\""))
        // documentIndex goes on across batches: the third document is the third with statements.
        #expect(out.contains("\"document\":\"third\"") && out.split(separator: "\n").contains { $0.contains("\"document\":\"third\"") && $0.contains("\"documentIndex\":2,") })
    }

    @Test func nQuadsComeOutDocumentByDocumentBeforeStandardInputCloses() throws {
        let run = try OpenPipeRun(["extract", "--stdin", "--format", "nquads", "--batch", "1", "--quiet"])
        run.send(documentLine("only", "Russia attacked Ukraine.") + "\n")
        let early = run.wait(seconds: 120) { $0.contains("<https://w3id.org/kg-news/id/document/only> .\n") }
        #expect(early, "\(run.stderr)")
        run.close()
        #expect(run.finish(seconds: 120) == 0)
    }

    /// The test articles as JSON Lines, ids in reverse order of the texts (input order is not id
    /// order), with a bad line in the middle.
    func documents(calm: Bool = true) -> (text: String, count: Int) {
        var lines: [String] = []
        for (i, f) in corpusFiles().enumerated().reversed() {
            let text = try! String(contentsOfFile: f, encoding: .utf8)
            lines.append(documentLine("doc-\(100 - i)", text, date: "2023-03-\(10 + i % 10)"))
        }
        if calm { lines.append(documentLine("calm", "The weather was mild.")) }
        lines.insert("{\"id\": \"broken\", \"text\": ", at: min(3, lines.count))
        return (lines.joined(separator: "\n") + "\n", lines.count - 1)
    }

    @Test func mergingTheStreamedOutputGivesTheGraphOfOneExtraction() throws {
        let (input, _) = documents()
        let dir = try tempDir()
        // One extraction of all documents, and of those with statements (JSON Lines has no line for the others).
        var reference: [String: [String: Data]] = [:]
        for (name, text) in [("all", input), ("with-statements", documents(calm: false).text)] {
            try text.write(toFile: dir + "/\(name).jsonl", atomically: false, encoding: .utf8)
            let whole = try tempDir()
            let w = try kg(["extract", dir + "/\(name).jsonl", "--output", whole, "--format", "rdfxml,graphml,jsonl,nquads", "--quiet"])
            #expect(w.status == 1)
            reference[name] = try files(in: whole)
        }
        #expect(reference["all"]?["graph.rdf"] != reference["with-statements"]?["graph.rdf"])
        for format in ["jsonl", "nquads"] {
            let one = try kg(["extract", "--stdin", "--format", format, "--batch", "3", "--jobs", "1", "--quiet"], input: input)
            let four = try kg(["extract", "--stdin", "--format", format, "--batch", "3", "--jobs", "4", "--quiet"], input: input)
            #expect(one.status == 1 && four.status == 1)
            #expect(one.stderr.hasPrefix("kg: error: <stdin>:4: not JSON"), "\(one.stderr)")
            #expect(one.stderr.split(separator: "\n").count == 1)
            #expect(one.stdout == four.stdout, "\(format): the output depends on --jobs")
            let shard = dir + "/shard-\(format)"
            try one.stdout.write(toFile: shard, atomically: false, encoding: .utf8)
            let merged = try tempDir()
            let m = try kg(["merge", shard, "--output", merged, "--format", "rdfxml,graphml,jsonl,nquads"])
            #expect(m.status == 0, "\(m.stderr)")
            let got = try files(in: merged)
            // N-Quads keep documents without statements; JSON Lines have no line for them.
            let expected = reference[format == "nquads" ? "all" : "with-statements"]!
            for name in ["graph.rdf", "graph.graphml", "graph.nq"] {
                #expect(got[name] == expected[name], "\(format): \(name) of the merged stream differs from one extraction")
            }
            // N-Quads carry the aliases (skos:altLabel), so both give the JSON Lines byte for byte.
            #expect(got["graph.jsonl"] == expected["graph.jsonl"], "\(format): graph.jsonl of the merged stream differs from one extraction")
        }
    }

    @Test func oneBatchIsTheOutputOfOneExtraction() throws {
        let (input, _) = documents()
        let dir = try tempDir()
        try input.write(toFile: dir + "/docs.jsonl", atomically: false, encoding: .utf8)
        let file = try kg(["extract", dir + "/docs.jsonl", "--format", "jsonl", "--quiet"])
        let streamed = try kg(["extract", "--stdin", "--format", "jsonl", "--quiet"], input: input)
        #expect(!file.stdout.isEmpty && streamed.stdout == file.stdout)
        #expect(try kg(["extract", "--stdin", "--format", "jsonl", "--batch", "0"]).status == 64)
    }

    @Test func strictStopsAtTheFirstBadLineAfterTheBatchesBeforeIt() throws {
        let input = [documentLine("a", "Russia attacked Ukraine."), documentLine("b", "China condemned Japan."),
                     "not json", documentLine("c", "India supported France.")].joined(separator: "\n") + "\n"
        let r = try kg(["extract", "--stdin", "--format", "jsonl", "--batch", "2", "--strict", "--quiet"], input: input)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("kg: error: <stdin>:3: not JSON"))
        #expect(r.stdout.contains("\"document\":\"a\"") && !r.stdout.contains("\"document\":\"c\""))
    }
}
