import Foundation
import Testing
@testable import Syntax

@Suite struct CoNLLUReaderTests {
    static let sample = """
    # sent_id = 1
    # text = I can't go.
    1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_
    2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_
    2\tca\tcan\tAUX\tMD\t_\t4\taux\t_\t_
    3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
    4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_
    4.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t4:conj\t_
    5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

    # sent_id = 2
    1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_

    """

    @Test func readsWordsMultiwordTokensEmptyNodesAndComments() throws {
        let sentences = try CoNLLUReader.read(CoNLLUReaderTests.sample, source: "s.conllu", annotated: true)
        #expect(sentences.count == 2)
        let s = sentences[0]
        #expect(s.comments == ["# sent_id = 1", "# text = I can't go."])
        #expect(s.forms == ["I", "ca", "n't", "go", "."])
        #expect(s.words.map(\.head) == [4, 4, 4, 0, 4])
        #expect(s.multiwords.count == 1)
        #expect(s.multiwords[0].first == 2 && s.multiwords[0].last == 3)
        #expect(sentences[1].line == 11)
    }

    @Test func writesMultiwordTokensBackInPlace() throws {
        let s = try CoNLLUReader.read(CoNLLUReaderTests.sample, source: "s.conllu", annotated: true)[0]
        let out = s.conllu(analysis: SyntaxAnalysis(upos: ["PRON", "AUX", "PART", "VERB", "PUNCT"], heads: [4, 4, 4, 0, 4],
                                                      relations: ["nsubj", "aux", "advmod", "root", "punct"]))
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines[2] == "1\tI\t_\tPRON\t_\t_\t4\tnsubj\t_\t_")
        #expect(lines[3].hasPrefix("2-3\tcan't"))
        #expect(lines[4] == "2\tca\t_\tAUX\t_\t_\t4\taux\t_\t_")
        #expect(out.hasSuffix("\n\n"))
        // Without an analysis, the sentence is written as read (empty nodes dropped).
        let again = try CoNLLUReader.read(s.conllu(), source: "again", annotated: true)
        #expect(again[0].words == s.words)
        #expect(again[0].multiwords == s.multiwords)
    }

    @Test func errorsNameTheLine() {
        func error(_ text: String, annotated: Bool = true) -> String? {
            do { _ = try CoNLLUReader.read(text, source: "f.conllu", annotated: annotated); return nil } catch { return "\(error)" }
        }
        #expect(error("1\tI\tI\n") == "f.conllu:1: expected 10 tab-separated columns, found 3")
        #expect(error("# c\n2\tI\t_\t_\t_\t_\t0\troot\t_\t_\n")?.hasPrefix("f.conllu:2: word ID '2'") == true)
        #expect(error("1\tI\t_\t_\t_\t_\tx\troot\t_\t_\n")?.hasPrefix("f.conllu:1: HEAD 'x'") == true)
        #expect(error("1\tI\t_\t_\t_\t_\t5\troot\t_\t_\n")?.hasPrefix("f.conllu:1: HEAD '5'") == true)
        #expect(error("1\tI\t_\t_\t_\t_\t_\t_\t_\t_\n", annotated: false) == nil)
        #expect(error("1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n", annotated: false)?.contains("goes past") == true)
        #expect(error("1\t\t_\t_\t_\t_\t_\t_\t_\t_\n", annotated: false) == "f.conllu:1: empty FORM")
    }

    @Test func windowsLineEndingsAndNoFinalBlankLine() throws {
        let s = try CoNLLUReader.read("1\tHi\t_\tINTJ\t_\t_\t0\troot\t_\t_\r\n", source: "w", annotated: true)
        #expect(s.count == 1 && s[0].forms == ["Hi"])
        let crlf = CoNLLUReaderTests.sample.replacingOccurrences(of: "\n", with: "\r\n")
        let t = try CoNLLUReader.read(crlf, source: "crlf", annotated: true)
        #expect(t.count == 2 && t[0].forms == ["I", "ca", "n't", "go", "."] && t[1].line == 11)
    }

    @Test func annotationColumnsAreNotCheckedWhenNotAnnotated() throws {
        let s = try CoNLLUReader.read("1\tHi\t_\t_\t_\t_\tx\t_\t_\t_\n", source: "n", annotated: false)
        #expect(s[0].forms == ["Hi"] && s[0].words[0].head == nil)
    }
}
