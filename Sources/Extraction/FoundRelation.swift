import KnowledgeGraph

/// A relation found in a sentence, before it joins the graph.
public struct FoundRelation: Sendable {
    public var subject: Int
    public var relation: String
    public var object: Int
    public var negated: Bool
    public var modality: Modality
    public var confidence: Double
    public var sentence: Int
    /// Token range of the evidence span.
    public var tokens: Range<Int>
    /// The lexicon entry or rule behind it, and how its arguments were found.
    public var pattern: String
    /// The CAMEO roles of the subject's and the object's mentions ("Sudanese forces": MIL), if any.
    public var subjectRole: String? = nil
    public var objectRole: String? = nil
    /// The first token of the trigger, where one word triggered it.
    public var trigger: Int? = nil
    /// Whether the pattern stage read the trigger as a verb that takes a direct object (which no
    /// noun does).
    public var transitiveReading = false
}
