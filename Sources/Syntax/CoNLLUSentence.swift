/// One sentence of a CoNLL-U file: its comment lines, its words (IDs 1…n) and its
/// multiword-token lines (`3-4`), kept verbatim so they can be written back. Empty nodes
/// (`8.1`) are dropped when reading.
public struct CoNLLUSentence: Sendable, Equatable {
    /// One word line (columns 1–10).
    public struct Word: Sendable, Equatable {
        public var form: String
        public var lemma: String
        public var upos: String
        public var xpos: String
        public var feats: String
        /// The head (0 = root), or nil when the HEAD column is `_`.
        public var head: Int?
        public var deprel: String
        public var deps: String
        public var misc: String

        public init(form: String, lemma: String = "_", upos: String = "_", xpos: String = "_", feats: String = "_",
                    head: Int? = nil, deprel: String = "_", deps: String = "_", misc: String = "_") {
            self.form = form; self.lemma = lemma; self.upos = upos; self.xpos = xpos; self.feats = feats
            self.head = head; self.deprel = deprel; self.deps = deps; self.misc = misc
        }
    }

    /// A multiword-token line: it comes before word `first` and spans `first...last`.
    public struct Multiword: Sendable, Equatable {
        public var first: Int
        public var last: Int
        /// The whole line, without its line break.
        public var line: String
    }

    /// Comment lines, with their `#`.
    public var comments: [String]
    public var words: [Word]
    public var multiwords: [Multiword]
    /// The line number of the sentence's first line in its source (1-based).
    public var line: Int

    public init(comments: [String] = [], words: [Word], multiwords: [Multiword] = [], line: Int = 1) {
        self.comments = comments
        self.words = words
        self.multiwords = multiwords
        self.line = line
    }

    /// The word forms.
    public var forms: [String] { words.map(\.form) }

    /// The sentence as CoNLL-U lines (comments, multiword tokens, words), with a blank line after.
    /// When `analysis` is given, UPOS, HEAD and DEPREL come from it and LEMMA, XPOS, FEATS, DEPS,
    /// MISC are written as `_`; otherwise every column is written as read.
    /// - Complexity: O(n) in the number of words.
    public func conllu(analysis: SyntaxAnalysis? = nil) -> String {
        var out = ""
        for c in comments { out += c; out += "\n" }
        var m = 0
        for (i, w) in words.enumerated() {
            while m < multiwords.count, multiwords[m].first <= i + 1 {
                out += multiwords[m].line; out += "\n"
                m += 1
            }
            let form = CoNLLUSentence.clean(w.form)
            if let a = analysis, i < a.heads.count {
                out += "\(i + 1)\t\(form)\t_\t\(a.upos[i])\t_\t_\t\(a.heads[i])\t\(a.relations[i])\t_\t_\n"
            } else {
                let head = w.head.map(String.init) ?? "_"
                out += "\(i + 1)\t\(form)\t\(w.lemma)\t\(w.upos)\t\(w.xpos)\t\(w.feats)\t\(head)\t\(w.deprel)\t\(w.deps)\t\(w.misc)\n"
            }
        }
        while m < multiwords.count { out += multiwords[m].line; out += "\n"; m += 1 }
        out += "\n"
        return out
    }

    /// A form as CoNLL-U can hold it: no tab or line break (they become spaces), never empty.
    public static func clean(_ form: String) -> String {
        if form.isEmpty { return "_" }
        if !form.utf8.contains(where: { $0 == 9 || $0 == 10 || $0 == 13 }) { return form }
        return String(form.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
