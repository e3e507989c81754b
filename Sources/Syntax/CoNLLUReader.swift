/// Reads CoNLL-U text (https://universaldependencies.org/format.html) into sentences.
///
/// Word lines need ten tab-separated columns and a numeric ID following the previous one;
/// multiword-token lines (`1-2`) are kept verbatim, empty nodes (`8.1`) are skipped, comments
/// before the first word are kept. With `annotated`, every word needs an integer HEAD in
/// 0…n and a DEPREL; without, the annotation columns are not checked.
public enum CoNLLUReader {
    /// Reads every sentence of `text`.
    /// - Parameters:
    ///   - source: the name errors carry (a file name).
    ///   - annotated: whether HEAD and DEPREL must be a valid tree annotation.
    /// - Throws: `SyntaxError.conllu` naming the line.
    /// - Complexity: O(n) in the length of `text`.
    public static func read(_ text: String, source: String, annotated: Bool) throws -> [CoNLLUSentence] {
        var sentences: [CoNLLUSentence] = []
        var comments: [String] = []
        var words: [CoNLLUSentence.Word] = []
        var multiwords: [CoNLLUSentence.Multiword] = []
        var headLines: [Int] = []
        var first = 0
        var lineNumber = 0

        func fail(_ line: Int, _ message: String) -> SyntaxError {
            .conllu(source: source, line: line, message: message)
        }
        func finish() throws {
            defer { comments = []; words = []; multiwords = []; headLines = []; first = 0 }
            guard !words.isEmpty else {
                if let mw = multiwords.first {
                    throw fail(first, "multiword token '\(mw.first)-\(mw.last)' with no words")
                }
                return
            }
            if annotated {
                for (i, w) in words.enumerated() {
                    guard let h = w.head, h >= 0, h <= words.count, h != i + 1 else {
                        throw fail(headLines[i], "HEAD '\(w.head.map(String.init) ?? "_")' of word \(i + 1) is not a word of the sentence (0…\(words.count), not itself)")
                    }
                }
            }
            for mw in multiwords where mw.last > words.count {
                throw fail(first, "multiword token '\(mw.first)-\(mw.last)' goes past the last word \(words.count)")
            }
            sentences.append(CoNLLUSentence(comments: comments, words: words, multiwords: multiwords, line: first))
        }

        // "\r\n" is one Character in Swift: split on it too.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                try finish()
                continue
            }
            if first == 0 { first = lineNumber }
            if line.hasPrefix("#") {
                if words.isEmpty && multiwords.isEmpty { comments.append(String(line)) }
                continue
            }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 10 else {
                throw fail(lineNumber, "expected 10 tab-separated columns, found \(columns.count)")
            }
            let id = columns[0]
            if id.contains(".") {
                // Empty node (enhanced dependencies only): skipped.
                let parts = id.split(separator: ".", omittingEmptySubsequences: false)
                guard parts.count == 2, Int(parts[0]) != nil, Int(parts[1]) != nil else {
                    throw fail(lineNumber, "bad empty-node ID '\(id)'")
                }
                continue
            }
            if id.contains("-") {
                let parts = id.split(separator: "-", omittingEmptySubsequences: false)
                guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a == words.count + 1, b >= a else {
                    throw fail(lineNumber, "bad multiword-token ID '\(id)' (expected \(words.count + 1)-N)")
                }
                multiwords.append(.init(first: a, last: b, line: String(line)))
                continue
            }
            guard let n = Int(id), n == words.count + 1 else {
                throw fail(lineNumber, "word ID '\(id)' should be \(words.count + 1)")
            }
            guard !columns[1].isEmpty else { throw fail(lineNumber, "empty FORM") }
            var head: Int?
            if columns[6] != "_" {
                // Without `annotated`, the annotation columns are not checked.
                guard let h = Int(columns[6]) ?? (annotated ? nil : -1) else { throw fail(lineNumber, "HEAD '\(columns[6])' is not a number") }
                head = annotated ? h : Int(columns[6])
            }
            if annotated && (columns[7].isEmpty || columns[7] == "_") {
                throw fail(lineNumber, "missing DEPREL")
            }
            words.append(.init(form: String(columns[1]), lemma: String(columns[2]), upos: String(columns[3]),
                               xpos: String(columns[4]), feats: String(columns[5]), head: head,
                               deprel: String(columns[7]), deps: String(columns[8]), misc: String(columns[9])))
            headLines.append(lineNumber)
        }
        try finish()
        return sentences
    }
}
