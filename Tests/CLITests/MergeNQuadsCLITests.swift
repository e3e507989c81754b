import Foundation
import Testing

@Suite(.serialized) struct MergeNQuadsCLITests {
    static let formats = "rdfxml,graphml,jsonl,nquads,turtle,csv"

    @Test func mergingNQuadsShardsGivesTheGraphOfMergingJSONLinesShards() throws {
        let texts = Array(corpusFiles().prefix(6))
        let half = max(1, texts.count / 2)
        let dir = try tempDir()
        for f in ["jsonl", "nquads"] { try FileManager.default.createDirectory(atPath: dir + "/" + f, withIntermediateDirectories: true) }
        for (k, part) in [Array(texts[..<half]), Array(texts[half...])].enumerated() {
            for format in ["jsonl", "nquads"] {
                let r = try kg(["extract"] + part + ["--format", format, "--quiet"])
                #expect(r.status == 0 && !r.stdout.isEmpty, "\(r.stderr)")
                // Named as Spark names them: the format is told by content.
                try r.stdout.write(toFile: dir + "/\(format)/part-0000\(k)", atomically: false, encoding: .utf8)
            }
        }
        let fromJSONL = try tempDir(), fromNQ = try tempDir(), whole = try tempDir()
        let j = try kg(["merge", dir + "/jsonl/part-00000", dir + "/jsonl/part-00001", "--output", fromJSONL, "--format", Self.formats])
        let q = try kg(["merge", dir + "/nquads/part-00000", dir + "/nquads/part-00001", "--output", fromNQ, "--format", Self.formats])
        let w = try kg(["extract"] + texts + ["--output", whole, "--format", Self.formats, "--quiet"])
        #expect(j.status == 0 && q.status == 0 && w.status == 0, "\(j.stderr) \(q.stderr)")
        #expect(q.stderr.isEmpty)
        let a = try files(in: fromJSONL), b = try files(in: fromNQ), c = try files(in: whole)
        #expect(a.keys.sorted() == ["graph.csv", "graph.graphml", "graph.jsonl", "graph.nq", "graph.rdf", "graph.ttl"])
        for name in a.keys.sorted() {
            #expect(b[name] == a[name], "\(name) merged from N-Quads differs from the JSON Lines merge")
            #expect(b[name] == c[name], "\(name) merged from N-Quads differs from one extraction")
        }
        // The aliases came through the N-Quads as skos:altLabel.
        let jsonl = String(decoding: b["graph.jsonl"] ?? Data(), as: UTF8.self)
        #expect(jsonl.contains("\"aliases\":[\"") && String(decoding: b["graph.nq"] ?? Data(), as: UTF8.self).contains("core#altLabel>"))
    }

    @Test func badNQuadsAreNamedByLineAndExitOne() throws {
        let dir = try tempDir()
        let good = try kg(["extract", corpusFiles()[0], "--format", "nquads", "--quiet"])
        #expect(good.status == 0)
        var lines = good.stdout.split(separator: "\n").map(String.init)
        lines.insert("<https://w3id.org/kg-news/id/entity/RUS> <http://www.w3.org/2000/01/rdf-schema#label> \"Russia", at: 2)
        try (lines.joined(separator: "\n") + "\n").write(toFile: dir + "/bad.nq", atomically: false, encoding: .utf8)
        let r = try kg(["merge", dir + "/bad.nq", "--format", "jsonl"])
        #expect(r.status == 1)
        #expect(r.stderr == "kg: error: \(dir)/bad.nq:3: not N-Quads: a literal is not closed with '\"'\n", "\(r.stderr)")
        #expect(!r.stdout.isEmpty, "the good lines are still merged")
        let strict = try kg(["merge", dir + "/bad.nq", "--format", "jsonl", "--strict"])
        #expect(strict.status == 1 && strict.stdout.isEmpty)

        // N-Triples (and Turtle) are told by content and merged: each evidence names its document.
        let nt = try kg(["extract", corpusFiles()[0], "--format", "ntriples", "--quiet"])
        try nt.stdout.write(toFile: dir + "/g.nt", atomically: false, encoding: .utf8)
        let m = try kg(["merge", dir + "/g.nt", "--format", "jsonl"])
        #expect(m.status == 0 && m.stderr.isEmpty, "\(m.stderr)")
        let direct = try kg(["extract", corpusFiles()[0], "--format", "jsonl", "--quiet"])
        #expect(!m.stdout.isEmpty && m.stdout == direct.stdout)
        // A named graph still matters in N-Quads: a triple among quads is refused.
        let quads = good.stdout.split(separator: "\n").map(String.init)
        let triple = nt.stdout.split(separator: "\n").first.map(String.init) ?? ""
        try ([quads[0], triple] + quads[1...]).joined(separator: "\n").write(toFile: dir + "/mixed.nq", atomically: false, encoding: .utf8)
        let mixed = try kg(["merge", dir + "/mixed.nq", "--format", "jsonl"])
        #expect(mixed.status == 1)
        #expect(mixed.stderr.hasPrefix("kg: error: \(dir)/mixed.nq:2: a triple without a graph name"), "\(mixed.stderr)")
    }
}
