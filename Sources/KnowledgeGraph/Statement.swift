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
    /// When the event happened, ISO 8601: a day (`2023-03-04`), a month (`2023-03`), a year
    /// (`2023`) or a week (`2023-W09`), resolved from the sentence against the document's date;
    /// the document's date when the sentence names none; nil when neither is known.
    public var eventDate: String?
    /// Where the event happened ("in Jeddah", "near Baidoa"), if the sentence says so.
    public var place: Place?
    /// The CAMEO actor codes of the subject's and the object's mentions here: the entity's code
    /// with the role the mention gives it ("Sudanese forces" → `SDNMIL`, "Israeli police" →
    /// `ISRCOP`), else the entity's code on the document's date (`RUS`, `GHAGOV`); nil when none.
    public var subjectCode: String?
    public var objectCode: String?

    public init(document: Int, sentence: Int, start: Int, end: Int, quote: String, pattern: String,
                confidence: Double, eventDate: String? = nil, place: Place? = nil,
                subjectCode: String? = nil, objectCode: String? = nil) {
        self.document = document
        self.sentence = sentence
        self.start = start
        self.end = end
        self.quote = quote
        self.pattern = pattern
        self.confidence = confidence
        self.eventDate = eventDate
        self.place = place
        self.subjectCode = subjectCode
        self.objectCode = objectCode
    }
}

/// A place an event happened at: a name as the gazetteer writes it, and its country.
public struct Place: Sendable, Hashable {
    public var name: String
    /// The ISO 3166-1 alpha-3 code of the country (the gazetteer's country id), if known.
    public var country: String?

    public init(name: String, country: String?) {
        self.name = name
        self.country = country
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
