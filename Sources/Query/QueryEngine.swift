import KnowledgeGraph

/// Which statements and which evidence a query sees.
public struct QueryFilter: Sendable {
    /// Only evidence from these document ids (nil: all).
    public var documents: Set<String>?
    /// Only evidence from documents dated in this range (ISO dates, inclusive); undated documents
    /// are left out when either bound is set.
    public var since: String?
    public var until: String?
    /// Only statements whose confidence over the remaining evidence is at least this.
    public var minConfidence: Double = 0
    public var includeNegated = false
    /// Also statements that are future, intended, possible or conditional.
    public var includeHypothetical = false

    public init(documents: Set<String>? = nil, since: String? = nil, until: String? = nil, minConfidence: Double = 0,
                includeNegated: Bool = false, includeHypothetical: Bool = false) {
        self.documents = documents
        self.since = since
        self.until = until
        self.minConfidence = minConfidence
        self.includeNegated = includeNegated
        self.includeHypothetical = includeHypothetical
    }

    /// Everything: negated and hypothetical statements, all evidence.
    public static let everything = QueryFilter(includeNegated: true, includeHypothetical: true)

    var restrictsEvidence: Bool { documents != nil || since != nil || until != nil }
}

/// A statement as a filter sees it: only the evidence that passes.
public struct StatementView: Sendable {
    public var statement: Statement
    public var evidence: [Evidence]
    public var weight: Int { evidence.count }
    public var confidence: Double {
        var miss = 1.0
        for e in evidence { miss *= (1 - min(max(e.confidence, 0), 1)) }
        return 1 - miss
    }
}

/// A value bound to a variable.
public enum Binding: Hashable, Sendable {
    case entity(EntityID)
    case relation(RelationID)
}

/// One answer of a pattern: the variables' values and the statements that matched.
public struct Solution: Sendable {
    /// Values in the order of `Pattern.variables`.
    public var values: [Binding]
    /// The statement that matched each triple pattern, in the pattern's order.
    public var statements: [StatementView]
    /// The weakest link: the smallest weight and confidence among the matched statements.
    public var weight: Int { statements.map(\.weight).min() ?? 0 }
    public var confidence: Double { statements.map(\.confidence).min() ?? 0 }
}

/// Answers patterns, neighbors, paths, evidence and statistics over one graph.
public struct QueryEngine: Sendable {
    public let graph: Graph
    public var filter: QueryFilter

    public init(graph: Graph, filter: QueryFilter = QueryFilter()) {
        self.graph = graph
        self.filter = filter
    }

    /// The statement as the filter sees it, or nil when the filter drops it.
    /// - Complexity: O(1) without evidence filters, O(evidence) with them.
    public func view(_ s: Statement) -> StatementView? {
        if s.negated && !filter.includeNegated { return nil }
        if s.modality != .asserted && !filter.includeHypothetical { return nil }
        var evidence = s.evidence
        if filter.restrictsEvidence {
            evidence = evidence.filter { e in
                let d = graph.documents[e.document]
                if let ids = filter.documents, !ids.contains(d.id) { return false }
                if filter.since != nil || filter.until != nil {
                    guard let date = d.date else { return false }
                    if let since = filter.since, date < since { return false }
                    if let until = filter.until, date.prefix(until.count) > until { return false }
                }
                return true
            }
            if evidence.isEmpty { return nil }
        }
        let v = StatementView(statement: s, evidence: evidence)
        if filter.minConfidence > 0, v.confidence < filter.minConfidence { return nil }
        return v
    }

    /// The statements touching these ends with one of these relations, in each orientation they
    /// can be read (a symmetric statement reads both ways).
    /// - Complexity: O(k) in the size of the index list used.
    func candidates(subject: EntityID?, relations: [RelationID]?, object: EntityID?) -> [(EntityID, RelationID, EntityID, StatementView)] {
        var statements: [Statement]
        if let relations, relations.count == 1 || (subject == nil && object == nil) {
            statements = relations.flatMap { graph.match(subject: subject, relation: $0, object: object) }
        } else {
            statements = graph.match(subject: subject, object: object)
            if let relations { statements = statements.filter { relations.contains($0.relation) } }
        }
        var out: [(EntityID, RelationID, EntityID, StatementView)] = []
        for s in statements {
            guard let v = view(s) else { continue }
            let symmetric = graph.vocabulary[s.relation].symmetric
            if (subject == nil || s.subject == subject) && (object == nil || s.object == object) {
                out.append((s.subject, s.relation, s.object, v))
            }
            if symmetric, s.subject != s.object, (subject == nil || s.object == subject) && (object == nil || s.subject == object) {
                out.append((s.object, s.relation, s.subject, v))
            }
        }
        return out
    }

    /// The solutions of a pattern, joined on shared variables, without order or limit applied.
    ///
    /// Triples are evaluated most-bound first (index nested-loop join); every lookup uses the
    /// graph's subject, object or relation index.
    public func solve(_ pattern: Pattern) -> [Solution] {
        let variables = pattern.variables
        let slot = Dictionary(uniqueKeysWithValues: variables.enumerated().map { ($1, $0) })
        struct Partial {
            var values: [Binding?]
            var statements: [StatementView?]
        }
        var partials = [Partial(values: Array(repeating: nil, count: variables.count),
                                statements: Array(repeating: nil, count: pattern.triples.count))]
        var remaining = Array(pattern.triples.indices)
        var bound = Set<String>()
        func score(_ t: TriplePattern) -> Int {
            var n = 0
            if case .entity = t.subject { n += 4 } else if let v = t.subject.variable, bound.contains(v) { n += 3 }
            if case .entity = t.object { n += 4 } else if let v = t.object.variable, bound.contains(v) { n += 3 }
            if case .relations = t.relation { n += 1 } else if let v = t.relation.variable, bound.contains(v) { n += 1 }
            return n
        }
        while !remaining.isEmpty, !partials.isEmpty {
            let best = remaining.max { (score(pattern.triples[$0]), -$0) < (score(pattern.triples[$1]), -$1) }!
            remaining.removeAll { $0 == best }
            let t = pattern.triples[best]
            var next: [Partial] = []
            for p in partials {
                func value(_ term: Term) -> EntityID? {
                    switch term {
                    case .entity(let id): return id
                    case .variable(let v):
                        if case .entity(let id)? = p.values[slot[v]!] { return id }
                        return nil
                    }
                }
                var relations: [RelationID]?
                switch t.relation {
                case .relations(let ids): relations = ids
                case .variable(let v):
                    if case .relation(let id)? = p.values[slot[v]!] { relations = [id] }
                }
                for (s, r, o, view) in candidates(subject: value(t.subject), relations: relations, object: value(t.object)) {
                    var q = p
                    var consistent = true
                    func bind(_ v: String?, _ b: Binding) {
                        guard let v else { return }
                        let i = slot[v]!
                        if let old = q.values[i] { if old != b { consistent = false } } else { q.values[i] = b }
                    }
                    bind(t.subject.variable, .entity(s))
                    bind(t.relation.variable, .relation(r))
                    bind(t.object.variable, .entity(o))
                    if !consistent { continue }
                    q.statements[best] = view
                    next.append(q)
                }
            }
            partials = next
            for v in [t.subject.variable, t.relation.variable, t.object.variable] { if let v { bound.insert(v) } }
        }
        return partials.map { Solution(values: $0.values.map { $0! }, statements: $0.statements.map { $0! }) }
    }
}
