import Syntax

/// The syntax stage: parses a sentence of kg's tokens with the syntax model and lays the tree
/// back on the tokens (`DependencyTree`).
///
/// kg's tokens become UD English words (`UDWordMapper`: "cannot" is two words, a run of periods
/// one); each word's analysis goes to the token its text starts in. A token that no word starts
/// in (the second period of "..") hangs on the token before it as `punct`; of a token that starts
/// two words ("cannot"), the first word's analysis is kept.
struct SentenceParser: Sendable {
    let model: SyntaxModel

    /// The tree of the sentence `range` of `tokens`.
    /// - Complexity: O(n) in the sentence's tokens (the parser is linear).
    /// - Parameter names: tokens inside names the gazetteer knows: their capitalized words are
    ///   tagged PROPN, whatever the tagger would guess.
    /// - Parameter nounsOrVerbs: tokens a trigger lexicon knows as nouns or verbs: their words
    ///   are no adverbs unless the model saw them as such ("Pakistan's closest ally").
    /// - Parameter nameSpans: names of several capitalized words ("Saudi Arabia", "New
    ///   Zealand"): the parser sees only their last word, which stands for the name ("Iran and
    ///   Arabia met" is parsed right where "Iran and Saudi Arabia met" had "Iran" as a compound
    ///   of "Arabia"); the other words hang on it as `compound`.
    /// - Parameter hidden: tokens the parser does not see, each with the token it hangs on (the
    ///   comma closing an apposition the name spans hide, a member list after an organization):
    ///   punctuation as `punct`, words as `dep`.
    func tree(_ tokens: [Token], sentence range: Range<Int>, names: Set<Int> = [], nounsOrVerbs: Set<Int> = [], nameSpans: [Range<Int>] = [],
              hidden: [Int: Int] = [:]) -> DependencyTree {
        let words = UDWordMapper.words(tokens[range].map { UDWordMapper.Token(text: $0.text, start: $0.start, end: $0.end) })
        // The token of each word: the one its start falls in.
        var tokenOfWord: [Int] = []
        tokenOfWord.reserveCapacity(words.count)
        var t = range.lowerBound
        for w in words {
            while t + 1 < range.upperBound && tokens[t + 1].start <= w.start { t += 1 }
            tokenOfWord.append(t - range.lowerBound)
        }
        let hints: [WordHint]? = names.isEmpty && nounsOrVerbs.isEmpty ? nil : words.indices.map { k in
            let t = tokenOfWord[k] + range.lowerBound
            return names.contains(t) && (words[k].form.first?.isUppercase ?? false) ? .properNoun
                : nounsOrVerbs.contains(t) && words[k].start == tokens[t].start ? .noAdverb : .none
        }
        // The last token of the name each other token of a multi-word name belongs to.
        var nameHead: [Int: Int] = [:]
        for span in nameSpans where span.count >= 2 && span.lowerBound >= range.lowerBound && span.upperBound <= range.upperBound {
            for t in span.dropLast() { nameHead[t - range.lowerBound] = span.upperBound - 1 - range.lowerBound }
        }
        for (t, h) in hidden where range.contains(t) && range.contains(h) && nameHead[t - range.lowerBound] == nil {
            nameHead[t - range.lowerBound] = h - range.lowerBound
        }
        let kept = words.indices.filter { nameHead[tokenOfWord[$0]] == nil }
        let analysis = model.analyse(kept.map { words[$0].form }, hints: hints.map { h in kept.map { h[$0] } })
        let n = range.count
        var upos = [String](repeating: "PUNCT", count: n)
        var heads = [Int?](repeating: nil, count: n)
        var relations = [String](repeating: "punct", count: n)
        var hasWord = [Bool](repeating: false, count: n)
        for (r, k) in kept.enumerated() where !hasWord[tokenOfWord[k]] {
            let w = tokenOfWord[k]
            hasWord[w] = true
            upos[w] = analysis.upos[r]
            relations[w] = analysis.relations[r]
            let h = analysis.heads[r]
            heads[w] = h == 0 ? nil : tokenOfWord[kept[h - 1]]
            if heads[w] == w { heads[w] = nil }
        }
        for (w, h) in nameHead {
            hasWord[w] = true
            let other = hidden[w + range.lowerBound] != nil
            let mark = other && !tokens[w + range.lowerBound].isWord
            upos[w] = mark ? "PUNCT" : other ? "X" : "PROPN"
            heads[w] = h
            relations[w] = mark ? "punct" : other ? "dep" : "compound"
        }
        for k in 0..<n where !hasWord[k] { heads[k] = k > 0 ? k - 1 : nil }
        return DependencyTree(tokens: range, upos: upos, heads: heads, relations: relations)
    }
}
