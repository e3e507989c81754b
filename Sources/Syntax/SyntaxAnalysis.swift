/// The analysis of one sentence: per word (0-based), its UPOS tag, its head (1-based word
/// number, 0 for the root) and its UD relation with subtype (`nsubj:pass`).
public struct SyntaxAnalysis: Sendable, Equatable {
    public var upos: [String]
    public var heads: [Int]
    public var relations: [String]

    public init(upos: [String], heads: [Int], relations: [String]) {
        self.upos = upos
        self.heads = heads
        self.relations = relations
    }

    public var count: Int { heads.count }
}
