/// Which statements a query can match: the ends (entity keys) and relations (names) of one
/// triple pattern; nil matches anything. A store reads, for a selection, every statement with a
/// bound end as subject or object (so symmetric relations match either way), of the relations
/// when they are given: a superset the query engine then filters.
public struct StatementSelection: Sendable, Equatable {
    public var subject: String?
    public var relations: [String]?
    public var object: String?

    public init(subject: String? = nil, relations: [String]? = nil, object: String? = nil) {
        self.subject = subject
        self.relations = relations
        self.object = object
    }

    /// Whether the selection binds nothing (every statement).
    public var isEverything: Bool { subject == nil && object == nil && relations == nil }
}
