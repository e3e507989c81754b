import TestSupport
import Foundation
import Testing
@testable import Ontology

/// `lexicon-cameo.tsv`, the trigger lexicon converted from PETRARCH 2's CAMEO verb dictionary by
/// `scripts/data/convert-cameo-verbs.py`: how the loader reads it, and what the script writes
/// for a small dictionary of the tests (`Tests/Fixtures/cameo/`). Nothing here reads `../shared`.
@Suite struct CAMEOLexiconTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The `python3` on the PATH, if any.
    static let python: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    @Test func everyCAMEOEntryHasItsCodeAndSource() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        let cameo = o.lexicon.filter { $0.source.hasPrefix("lexicon-cameo.tsv:") }
        #expect(cameo.count > 50)
        for e in cameo {
            #expect(e.cameo.count >= 2 && e.cameo.allSatisfy(\.isNumber), "\(e.source)")
            #expect(e.source.contains("(CAMEO.2.0.txt:"), "\(e.source)")
            #expect(e.confidence < 0.7, "\(e.source): CAMEO entries rank below kg's own")
        }
        // kg's own entries keep their source and have no code.
        #expect(o.lexicon.contains { $0.source.hasPrefix("lexicon.tsv:") && $0.cameo.isEmpty })
        // Irregular forms of CAMEO verbs come from irregular-verbs-cameo.tsv.
        #expect(o.irregularVerbs["kidnap"]?[1] == "kidnapped")
    }

    @Test func theLoaderReadsCodesAndSourcesAndKgsOwnEntriesWin() throws {
        let dir = try TestTemporary.folder("kg-cameo") + "/ontology"
        try FileManager.default.copyItem(atPath: ontologyDirectory, toPath: dir)
        let text = """
            # a comment
            relation\ttrigger\tpos\tobject\tconfidence\tcameo\tsource
            criticizes\tberate\tverb\t-\t0.6\t111\tCAMEO.2.0.txt:42
            praises\tcondemn\tverb\t-\t0.6\t051\tCAMEO.2.0.txt:43
            attacks\tkidnap\tverb\t-\t0.6\t181\t

            """
        try text.write(toFile: dir + "/lexicon-cameo.tsv", atomically: true, encoding: .utf8)
        let o = try Ontology.load(directory: dir)
        let berate = try #require(o.lexicon.first { $0.words == ["berate"] })
        #expect(berate.relation == "criticizes" && berate.cameo == "111" && berate.objectMarkers == [""])
        #expect(berate.source == "lexicon-cameo.tsv:3 (CAMEO.2.0.txt:42)")
        let kidnap = try #require(o.lexicon.first { $0.words == ["kidnap"] })
        #expect(kidnap.source == "lexicon-cameo.tsv:5")
        // "condemn" is kg's own verb: the CAMEO row does not add a second relation to it.
        #expect(o.lexicon.filter { $0.words == ["condemn"] && $0.pos == .verb }.map(\.relation) == ["criticizes"])
    }

    @Test func aBadCAMEOCodeIsReportedWithItsLine() throws {
        let dir = try TestTemporary.folder("kg-cameo") + "/ontology"
        try FileManager.default.copyItem(atPath: ontologyDirectory, toPath: dir)
        let path = dir + "/lexicon-cameo.tsv"
        try "relation\ttrigger\tpos\tobject\tconfidence\tcameo\tsource\ncriticizes\tberate\tverb\t-\t0.6\t11x\t\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            _ = try Ontology.load(directory: dir)
        } throws: { error in
            "\(error)" == "\(path):2: cameo must be a CAMEO event code of digits, not '11x'"
        }
    }

    @Test(.enabled(if: CAMEOLexiconTests.python != nil, "needs python3"))
    func theScriptConvertsTheFixtureDictionary() throws {
        let out = try TestTemporary.folder("kg-cameo-script")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python!)
        process.arguments = [Self.repository + "/scripts/data/convert-cameo-verbs.py",
                             "--dictionary", Self.repository + "/Tests/Fixtures/cameo/CAMEO.fixture.txt",
                             "--output", out + "/lexicon-cameo.tsv"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let text = try String(contentsOfFile: out + "/lexicon-cameo.tsv", encoding: .utf8)
        let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        #expect(rows == [
            "relation\ttrigger\tpos\tobject\tconfidence\tcameo\tsource",
            "attacks\tassail rocket\tverb\tat\t0.65\t194\tCAMEO.fixture.txt:24",
            "attacks\tassail rockets\tverb\tat\t0.65\t194\tCAMEO.fixture.txt:24",
            "attacks\tkidnap\tverb\t-\t0.6\t181\tCAMEO.fixture.txt:22",
            "attacks\tkidnap diplomat\tframe\t-|with|to|from|against|on|toward|at\t0.65\t181\tCAMEO.fixture.txt:30",
            "criticizes\tcastigate\tverb\t-\t0.6\t111\tCAMEO.fixture.txt:13",
            "criticizes\tscold\tverb\t-\t0.6\t111\tCAMEO.fixture.txt:14",
            "fightsWith\tharry\tverb\twith\t0.65\t193\tCAMEO.fixture.txt:23",
            "sanctions\tembargo\tverb\t-\t0.6\t163\tCAMEO.fixture.txt:33",
            "threatens\tsay firm warning\tverb\tto\t0.65\t130\tCAMEO.fixture.txt:42",
            "threatens\tsay firm warnings\tverb\tto\t0.65\t130\tCAMEO.fixture.txt:42",
        ])
        // The summary counts what was left out, by reason.
        for reason in ["subject-side nouns or markers before the verb", "synset noun after the verb",
                       "noun after the verb that stands for no state's people", "code that relations.md puts elsewhere",
                       "synonym whose sense in news is not the block's event", "verb alone with a root's unspecified code (xx0)",
                       "code whose root kg has no relation for", "1  kg's own entry"] {
            #expect(text.contains(reason), "\(reason)")
        }
        let irregular = try String(contentsOfFile: out + "/irregular-verbs-cameo.tsv", encoding: .utf8)
        #expect(irregular.hasSuffix("lemma\tthird\tpast\tparticiple\tgerund\nkidnap\tkidnaps\tkidnapped\tkidnapped\tkidnapping\n"))

        // --check: up to date, then out of date after an edit.
        func check() throws -> Int32 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Self.python!)
            p.arguments = [Self.repository + "/scripts/data/convert-cameo-verbs.py", "--check",
                           "--dictionary", Self.repository + "/Tests/Fixtures/cameo/CAMEO.fixture.txt",
                           "--output", out + "/lexicon-cameo.tsv"]
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            return p.terminationStatus
        }
        #expect(try check() == 0)
        try (text + "criticizes\tchide\tverb\t-\t0.6\t111\tx:1\n").write(toFile: out + "/lexicon-cameo.tsv", atomically: true, encoding: .utf8)
        #expect(try check() == 1)
    }
}
