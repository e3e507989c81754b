/// What a caller knows of a word beyond its form, which the tagger takes over its own guess.
public enum WordHint: Sendable, Equatable {
    /// Nothing: the tagger's own guess.
    case none
    /// Part of a name the caller knows (a gazetteer's): tagged PROPN (a news-initial "Norway"
    /// is no adverb).
    case properNoun
    /// A word the caller knows as a noun or verb (a trigger lexicon's): no adverb, unless the
    /// model saw the word as one in training. A word the treebank lacks is tagged by its
    /// suffixes, and "-ly" reads as an adverb: "Pakistan's closest ally, called for …".
    case noAdverb
}
