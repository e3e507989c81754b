/// One mention of a statement in a text: where, what it says, and how sure the extractor is.
public struct Evidence: Sendable, Hashable {
    /// The index of the document in the graph's `documents`.
    public var document: Int
    /// The index of the sentence in the document, from 0.
    public var sentence: Int
    /// Offsets of the evidence span in the document, in Unicode scalars, end exclusive.
    public var start: Int
    public var end: Int
    /// The sentence the evidence comes from.
    public var quote: String
    /// The lexicon pattern that produced it (for `kg explain`).
    public var pattern: String
    public var confidence: Double

    public init(document: Int, sentence: Int, start: Int, end: Int, quote: String, pattern: String,
                confidence: Double) {
        self.document = document
        self.sentence = sentence
        self.start = start
        self.end = end
        self.quote = quote
        self.pattern = pattern
        self.confidence = confidence
    }
}

/// The identity of a statement: who, what relation, whom, and how it is asserted.
public struct StatementKey: Hashable, Sendable {
    public var subject: EntityID
    public var relation: RelationID
    public var object: EntityID
    public var negated: Bool
    public var modality: Modality

    public init(subject: EntityID, relation: RelationID, object: EntityID, negated: Bool = false,
                modality: Modality = .asserted) {
        self.subject = subject
        self.relation = relation
        self.object = object
        self.negated = negated
        self.modality = modality
    }
}

/// A statement merged over all its mentions.
public struct Statement: Sendable, Hashable {
    public var key: StatementKey
    public var evidence: [Evidence]

    public var subject: EntityID { key.subject }
    public var relation: RelationID { key.relation }
    public var object: EntityID { key.object }
    public var negated: Bool { key.negated }
    public var modality: Modality { key.modality }
    /// Whether the statement is a plain positive fact (exported as a direct triple).
    public var isPositive: Bool { !key.negated && key.modality == .asserted }

    /// The number of mentions.
    public var weight: Int { evidence.count }

    /// Confidence over all mentions: 1 − Π(1 − cᵢ), so agreeing mentions raise it.
    public var confidence: Double {
        var miss = 1.0
        for e in evidence { miss *= (1 - min(max(e.confidence, 0), 1)) }
        return 1 - miss
    }

    /// The indexes of the documents with evidence, ascending and without repeats.
    public var documents: [Int] {
        var seen = Set<Int>()
        return evidence.map(\.document).filter { seen.insert($0).inserted }.sorted()
    }
}
