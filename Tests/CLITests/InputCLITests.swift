import Foundation
import Testing
import TestSupport

/// Every command reads through one input layer; the simplest commands do what a new user expects.
@Suite(.serialized) struct InputCLITests {
    let sample = repositoryRoot.appendingPathComponent("Sources/kg/Resources/xi-putin-2022-12-30.txt").path

    @Test func extractWithoutAFormatWritesJSONLinesAndWithAFolderEveryFormat() throws {
        let r = try kg(["extract", sample])
        #expect(r.status == 0, "\(r.stderr)")
        let first = try #require(r.stdout.split(separator: "\n").first)
        let object = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any]
        #expect(object?["document"] as? String == "xi-putin-2022-12-30")
        #expect(object?["digest"] as? String != nil)
        let dir = try tempDir()
        let all = try kg(["extract", sample, "--output", dir])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [
            "xi-putin-2022-12-30.csv", "xi-putin-2022-12-30.dot", "xi-putin-2022-12-30.graphml", "xi-putin-2022-12-30.jsonl",
            "xi-putin-2022-12-30.nq", "xi-putin-2022-12-30.nt", "xi-putin-2022-12-30.rdf", "xi-putin-2022-12-30.ttl",
            "xi-putin-2022-12-30.yed.graphml",
        ])
        let help = try kg(["extract", "--help"])
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Default: jsonl to standard output; with --output, every format."))
        #expect(words.contains("without --output and --format, JSON Lines to standard output; with --output DIR and no --format, every format"))
    }

    @Test func theSummaryLineEndsARunWithProgress() throws {
        let r = try kg(["extract", sample, "--progress"])
        #expect(r.status == 0)
        let last = try #require(r.stderr.split(separator: "\n").last)
        #expect(last.hasPrefix("kg: 1 documents, ") && last.contains(" statements in ") && last.hasSuffix(" s"), "\(r.stderr)")
        #expect(r.stderr.contains("kg: writing jsonl to standard output"))
        // Not a terminal and no --progress: nothing on standard error.
        #expect(try kg(["extract", sample]).stderr.isEmpty)
        #expect(try kg(["extract", sample, "--progress", "--quiet"]).status == 64)
    }

    @Test func anExportIsNeverReadAsNewsAndAFileThatIsNeitherIsNamed() throws {
        let dir = try tempDir()
        #expect(try kg(["extract", sample, "--output", dir, "--format", "rdfxml,turtle"]).status == 0)
        let rdf = dir + "/xi-putin-2022-12-30.rdf"
        let r = try kg(["extract", rdf])
        #expect(r.status == 1)
        #expect(r.stderr == "kg: error: \(rdf): a kg graph (RDF/XML), not news to extract from; kg merge combines graphs, kg query and the other reading commands read them\n")
        let notes = dir + "/notes.md"
        try "# notes".write(toFile: notes, atomically: true, encoding: .utf8)
        for command in [["extract", notes], ["merge", notes], ["stats", notes], ["render", notes, "--output", dir]] {
            let n = try kg(command)
            #expect(n.status == 1, "\(command)")
            #expect(n.stderr.hasPrefix("kg: error: \(notes): not a news text or a kg graph (reads .txt, .html and .jsonl news, and kg graphs in"), "\(command): \(n.stderr)")
        }
        let m = try kg(["merge", sample])
        #expect(m.status == 1)
        #expect(m.stderr.contains("news text, not a kg graph; kg extract reads news"))
    }

    @Test func mergeReadsRDFXMLAndMergingAGraphWithItselfGivesTheSameGraph() throws {
        let dir = try tempDir()
        #expect(try kg(["extract", sample, "--output", dir, "--format", "rdfxml,jsonl"]).status == 0)
        let rdf = dir + "/xi-putin-2022-12-30.rdf", jsonl = dir + "/xi-putin-2022-12-30.jsonl"
        let once = try kg(["merge", rdf])
        #expect(once.status == 0, "\(once.stderr)")
        #expect(once.stdout == (try String(contentsOfFile: jsonl, encoding: .utf8)))
        let twice = try kg(["merge", rdf, jsonl, rdf])
        #expect(twice.status == 0)
        #expect(twice.stdout == once.stdout)
        #expect(twice.stderr.components(separatedBy: "not counted twice").count == 3, "\(twice.stderr)")
    }

    @Test func everyCommandReadsAFolderAndStandardInput() throws {
        let dir = try tempDir()
        #expect(try kg(["extract", sample, "--output", dir + "/graphs", "--format", "nquads"]).status == 0)
        let fromFolder = try kg(["stats", dir + "/graphs", "--format", "tsv"])
        let fromFile = try kg(["stats", sample, "--format", "tsv"])
        #expect(fromFolder.status == 0 && fromFolder.stdout == fromFile.stdout, "\(fromFolder.stderr)")
        let nq = try String(contentsOfFile: dir + "/graphs/xi-putin-2022-12-30.nq", encoding: .utf8)
        let fromStdin = try kg(["stats", "-", "--format", "tsv"], input: nq)
        #expect(fromStdin.status == 0 && fromStdin.stdout == fromFile.stdout, "\(fromStdin.stderr)")
        let text = try String(contentsOfFile: sample, encoding: .utf8)
        // "-" is standard input as news, text or JSON Lines, whatever the output format.
        let piped = try kg(["extract", "-"], input: "Russia attacked Ukraine.")
        #expect(piped.status == 0 && piped.stdout.contains("\"document\":\"stdin\""), "\(piped.stderr)")
        let bad = try kg(["extract", "--stdin"], input: "{\"id\": \"a\"\n")
        #expect(bad.status == 1 && bad.stderr.contains("<stdin>:1: not JSON"), "\(bad.stderr)")
        let explained = try kg(["explain", "-"], input: text)
        #expect(explained.status == 0 && explained.stdout.hasPrefix("# stdin"))
    }

    @Test func everyQueryAnswersAlikeWhateverTheGraphFormat() throws {
        let dir = try tempDir()
        let articles = repositoryRoot.appendingPathComponent("Tests/Fixtures/articles").path
        #expect(try kg(["extract", articles, sample, "--output", dir, "--format", "rdfxml,turtle,ntriples,nquads,jsonl"]).status == 0)
        let queries: [[String]] = [
            ["query", "GRAPH", "?x ?r ?y", "--format", "tsv"],
            ["query", "GRAPH", "?x @conflict ?y", "--include-hypothetical", "--format", "tsv"],
            ["neighbors", "GRAPH", "Russia", "--format", "tsv"],
            ["path", "GRAPH", "Qatar", "Iran", "--format", "tsv"],
            ["evidence", "GRAPH", "?a", "praises", "?b", "--format", "tsv"],
            ["stats", "GRAPH", "--format", "tsv"],
        ]
        for q in queries {
            var answers: [String: String] = [:]
            for ext in ["rdf", "ttl", "nt", "nq", "jsonl"] {
                let r = try kg(q.map { $0 == "GRAPH" ? "\(dir)/graph.\(ext)" : $0 })
                #expect(r.status == 0, "\(q) .\(ext): \(r.stderr)")
                answers[ext] = r.stdout
            }
            #expect(answers["rdf"]!.split(separator: "\n").count > 1, "\(q): \(answers["rdf"]!)")
            for ext in ["ttl", "nt", "nq", "jsonl"] {
                #expect(answers[ext] == answers["rdf"], "\(q[0]) differs between .rdf and .\(ext)")
            }
        }
    }

    @Test func impossibleDatesAreUsageErrorsNamingTheOption() throws {
        for (option, value) in [("--date", "2022-02-30"), ("--date", "2022-13-45"), ("--since", "2023-02-29"), ("--until", "2022-04-31")] {
            let command = option == "--date" ? ["extract", sample, option, value] : ["query", sample, "?x attacks ?y", option, value]
            let r = try kg(command)
            #expect(r.status == 64, "\(option) \(value)")
            #expect(r.stderr.contains("\(option) '\(value)' is not a day of the calendar"), "\(r.stderr)")
        }
        #expect(try kg(["query", sample, "?x attacks ?y", "--since", "2024-02-29"]).status == 0)
    }
}
