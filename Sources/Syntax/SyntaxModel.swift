/// A trained tagger and parser for one language, read from model bytes (`init(bytes:)`),
/// ready to analyse sentences. Immutable and `Sendable`: one model serves many threads.
public struct SyntaxModel: Sendable, Equatable {
    /// The settings the model was trained with, as `key=value` lines (free text for people).
    public var settings: String
    public let tagger: Tagger
    public let parser: DependencyParser

    init(settings: String, tagger: Tagger, parser: DependencyParser) {
        self.settings = settings
        self.tagger = tagger
        self.parser = parser
    }

    /// The same model parsing with another beam width (for measuring the trade-off of speed
    /// and accuracy; a model parses best with the width it was trained with).
    public func withBeamWidth(_ width: Int) -> SyntaxModel {
        SyntaxModel(settings: settings, tagger: tagger,
                    parser: DependencyParser(labels: parser.labels, transitions: parser.transitions, relations: parser.relations,
                                             relabels: parser.relabels, beamWidth: width))
    }

    /// The longest sentence analysed in one piece; longer ones are cut into pieces of this many
    /// words, each parsed alone, their roots attached to the first piece's root.
    public static let maximumSentenceLength = 400

    /// Tags and parses one sentence of words (gold tokenization, UD English conventions).
    /// - Returns: one UPOS, head and relation per word; an empty analysis for no words.
    /// - Complexity: O(n) in the number of words (and their length).
    /// - Parameter hints: per word, what the caller knows of it (`WordHint`: part of a name a
    ///   gazetteer knows, a noun or verb of a lexicon), which the tagger follows.
    public func analyse(_ words: [String], hints: [WordHint]? = nil) -> SyntaxAnalysis {
        if words.count > SyntaxModel.maximumSentenceLength {
            var result = SyntaxAnalysis(upos: [], heads: [], relations: [])
            var start = 0, firstRoot = 0
            while start < words.count {
                let end = min(start + SyntaxModel.maximumSentenceLength, words.count)
                let part = analyse(Array(words[start..<end]), hints: hints.map { Array($0[min(start, $0.count)..<min(end, $0.count)]) })
                for i in 0..<part.count {
                    result.upos.append(part.upos[i])
                    if part.heads[i] == 0 {
                        if firstRoot == 0 {
                            firstRoot = start + i + 1
                            result.heads.append(0); result.relations.append(part.relations[i])
                        } else {
                            result.heads.append(firstRoot); result.relations.append("parataxis")
                        }
                    } else {
                        result.heads.append(part.heads[i] + start); result.relations.append(part.relations[i])
                    }
                }
                start = end
            }
            return result
        }
        let w = WordContext(words: words, dictionary: tagger.dictionary)
        let tags = tagger.tag(w, hints: hints)
        let (heads, labels) = parser.parse(w, tags: tags, forms: words, isPunctuation: tags.map { tagger.upos[$0] == "PUNCT" }, kinds: tagger.kinds)
        return SyntaxAnalysis(upos: tags.map { tagger.upos[$0] }, heads: heads,
                              relations: labels.map { $0 >= 0 && $0 < parser.labels.count ? parser.labels[$0] : "dep" })
    }
}
