import TestSupport
import Foundation
import Testing

struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

func kgBinary() -> URL {
    var dir = Bundle.main.bundleURL
    for _ in 0..<3 {
        let candidate = dir.appendingPathComponent("kg")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: repository + "/.build/debug/kg")
}

func kg(_ arguments: [String]) throws -> Run {
    let p = Process()
    p.executableURL = kgBinary()
    p.arguments = arguments
    p.currentDirectoryURL = URL(fileURLWithPath: repository)
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

let sampleRDF = "exports/xi-putin-2022-12-30.rdf"
let sampleTXT = "Sources/kg/Resources/xi-putin-2022-12-30.txt"

@Suite(.serialized) struct QueryCLITests {
    @Test func queryFromRDFAndFromTextAgree() throws {
        let a = try kg(["query", sampleRDF, "?who attacks Ukraine", "--format", "tsv"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout.hasPrefix("?who\tweight\tconfidence\n"))
        #expect(a.stdout.contains("Russia\t"))
        let b = try kg(["query", sampleTXT, "?who", "attacks", "Ukraine", "--format", "tsv"])
        #expect(b.status == 0, "\(b.stderr)")
        #expect(b.stdout.contains("Russia\t"))
    }

    @Test func jsonCarriesKeys() throws {
        let r = try kg(["query", sampleRDF, "xi mediates ?x", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"?x\":{\"key\":\"UKR\",\"label\":\"Ukraine\"}"))
    }

    @Test func unknownActorExits1WithSuggestion() throws {
        let r = try kg(["query", sampleRDF, "\"Xy Jinping\" mediates ?x"])
        #expect(r.status == 1)
        #expect(r.stderr == "kg: error: no actor 'Xy Jinping'; did you mean 'Xi Jinping'?\n")
        let n = try kg(["neighbors", sampleRDF, "Xy Jinping"])
        #expect(n.status == 1)
        #expect(n.stderr.contains("did you mean 'Xi Jinping'?"))
    }

    @Test func patternErrorsExit64WithACaret() throws {
        let r = try kg(["query", sampleRDF, "?x atacks ?y"])
        #expect(r.status == 64)
        #expect(r.stderr == "kg: error: pattern: unknown relation 'atacks'; did you mean 'attacks'?\n  ?x atacks ?y\n     ^\n")
        #expect(try kg(["query", sampleRDF, "?x attacks"]).status == 64)
        #expect(try kg(["query", sampleRDF, "?x attacks ?y", "--format", "xml"]).status == 64)
        #expect(try kg(["query", sampleRDF, "?x attacks ?y", "--since", "May"]).status == 64)
    }

    @Test func malformedRDFReportsFileLineAndExits1() throws {
        let dir = TestTemporary.path("kg-query")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: repository + "/" + sampleRDF, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var broken = lines
        // The first closing tag from line 10 on.
        let at = try #require((9..<broken.count).first { broken[$0].contains("</") })
        broken[at] = Substring(broken[at].replacingOccurrences(of: "</", with: "</oops"))
        let path = dir + "/broken.rdf"
        try broken.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let r = try kg(["stats", path])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("kg: error: \(path):\(at + 1)"), "\(r.stderr)")
        let missing = try kg(["stats", dir + "/missing.rdf"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no such file"))
    }

    @Test func neighborsPathEvidenceStats() throws {
        let n = try kg(["neighbors", sampleRDF, "Moscow", "--format", "tsv"])
        #expect(n.status == 0, "\(n.stderr)")
        #expect(n.stdout.contains("attacks\t→\tUkraine\t"))
        let p = try kg(["path", sampleRDF, "Xi Jinping", "Joe Biden", "--format", "tsv"])
        #expect(p.status == 0, "\(p.stderr)")
        #expect(p.stdout.hasPrefix("path\thop\tfrom\trelation\tto\n1\t1\tXi Jinping\t"))
        #expect(p.stdout.contains("\tJoe Biden\n"))
        let e = try kg(["evidence", sampleRDF, "Russia", "attacks", "Ukraine", "--format", "csv"])
        #expect(e.status == 0, "\(e.stderr)")
        #expect(e.stdout.contains("Russia,attacks,Ukraine,false,asserted,xi-putin-2022-12-30,2022-12-30,"))
        let s = try kg(["stats", sampleRDF, "--format", "tsv"])
        #expect(s.status == 0)
        #expect(s.stdout.contains("graph\tdocuments\t1\n"))
    }
}
