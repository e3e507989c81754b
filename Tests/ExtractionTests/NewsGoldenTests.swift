import Foundation
import Testing
import KnowledgeGraph
@testable import Extraction

/// Every triple of 313 fresh news sentences and short articles (Tests/Fixtures/news, written
/// to check the extractor, not taken from the development corpus), against a recorded golden
/// file: any change to what the extractor finds in them shows up here as a reviewable diff.
/// Re-record with `KG_RECORD=1 swift test --filter NewsGoldenTests` when a change is intended.
@Suite struct NewsGoldenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// One line per triple: item number, subject, relation, object, polarity, modality.
    static func triples() throws -> String {
        let source = try String(contentsOfFile: root + "/Tests/Fixtures/news/sentences.tsv", encoding: .utf8)
        var lines: [String] = []
        var item = 0
        for line in source.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard fields.count == 2 else { continue }
            item += 1
            let text = fields[1].replacingOccurrences(of: "\\n", with: "\n")
            let g = extractGraph(text, date: fields[0])
            var found: [String] = []
            for s in g.statements {
                found.append([String(item), g[s.subject].label, g.vocabulary[s.relation].name, g[s.object].label,
                              s.negated ? "negated" : "positive", s.modality.rawValue].joined(separator: "\t"))
            }
            lines += found.sorted()
        }
        #expect(item == 313)
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func triplesMatchTheGoldenFile() throws {
        let path = Self.root + "/Tests/ExtractionTests/Golden/news.tsv"
        let actual = try Self.triples()
        if ProcessInfo.processInfo.environment["KG_RECORD"] != nil {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        let a = Set(actual.split(separator: "\n")), e = Set(expected.split(separator: "\n"))
        #expect(a.subtracting(e).sorted().isEmpty, "new triples (re-record with KG_RECORD=1 if intended)")
        #expect(e.subtracting(a).sorted().isEmpty, "lost triples (re-record with KG_RECORD=1 if intended)")
    }
}
