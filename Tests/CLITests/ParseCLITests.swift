import Foundation
import Testing

/// `kg parse` on the built binary: CoNLL-U out for text and for CoNLL-U in, errors with places.
@Suite(.serialized) struct ParseCLITests {
    /// The rows (ID, FORM, UPOS, HEAD, DEPREL) of the word lines of CoNLL-U output.
    func rows(_ conllu: String) -> [[String]] {
        conllu.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func parsesText() throws {
        let dir = try tempDir()
        let path = "\(dir)/a.txt"
        try "Russia attacked Ukraine. The talks didn't resume in Geneva.".write(toFile: path, atomically: true, encoding: .utf8)
        let r = try kg(["parse", path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("# sent_id = a-1\n# text = Russia attacked Ukraine.\n"))
        #expect(r.stdout.contains("# text = The talks didn't resume in Geneva.\n"))
        let lines = rows(r.stdout)
        #expect(lines.allSatisfy { $0.count == 10 })
        #expect(lines[0] == ["1", "Russia", "_", "PROPN", "_", "_", "2", "nsubj", "_", "_"])
        #expect(lines[1][7] == "root" && lines[1][6] == "0")
        #expect(lines[2][1] == "Ukraine" && lines[2][6] == "2" && lines[2][7] == "obj")
        // didn't → did n't, as in EWT.
        #expect(lines.contains { $0[1] == "n't" && $0[3] == "PART" })
        #expect(r.stdout.hasSuffix("\n\n"))
    }

    @Test func parsesCoNLLUKeepingWordsAndMultiwordTokens() throws {
        let dir = try tempDir()
        let path = "\(dir)/in.conllu"
        try """
        # sent_id = x
        1\tI\tI\tX\t_\t_\t_\t_\t_\t_
        2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_
        2\tca\t_\t_\t_\t_\t_\t_\t_\t_
        3\tn't\t_\t_\t_\t_\t_\t_\t_\t_
        4\tgo\t_\t_\t_\t_\t_\t_\t_\t_
        4.1\tgone\t_\t_\t_\t_\t_\t_\t_\t_
        5\t.\t_\t_\t_\t_\t_\t_\t_\t_

        """.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try kg(["parse", "--conllu", path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = rows(r.stdout)
        #expect(r.stdout.hasPrefix("# sent_id = x\n"))
        #expect(lines.map { $0[0] } == ["1", "2-3", "2", "3", "4", "5"])
        #expect(lines[0][3] == "PRON" && lines[0][6] == "4" && lines[0][7] == "nsubj")
        #expect(lines[4][7] == "root")
    }

    @Test func badInputIsAnErrorWithItsPlace() throws {
        let dir = try tempDir()
        let path = "\(dir)/bad.conllu"
        try "# c\n1\tI\t_\t_\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = try kg(["parse", "--conllu", path])
        #expect(r.status == 1)
        #expect(r.stderr == "kg: error: \(path):2: expected 10 tab-separated columns, found 4\n")
        let missing = try kg(["parse", "\(dir)/missing.txt"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("kg: error: "))
        let noModel = try kg(["parse", "--model", "\(dir)/none.model", path])
        #expect(noModel.status == 1)
        #expect(noModel.stderr.contains("none.model"))
        try String(repeating: "not a model ", count: 10).write(toFile: "\(dir)/bad.model", atomically: true, encoding: .utf8)
        let badModel = try kg(["parse", "--model", "\(dir)/bad.model", path])
        #expect(badModel.status == 1)
        #expect(badModel.stderr.contains("KGSYNTAX"))
    }

    @Test func writeFailureIsReported() throws {
        let dir = try tempDir()
        let path = "\(dir)/a.txt"
        try "Russia attacked Ukraine.".write(toFile: path, atomically: true, encoding: .utf8)
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { return }
        let r = try kg(["parse", path], stdout: full)
        #expect(r.status == 1)
        #expect(r.stderr.contains("standard output"))
    }
}
