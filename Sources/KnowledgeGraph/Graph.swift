/// An in-memory knowledge graph: interned entities, merged statements with their evidence,
/// and subject, relation and object indexes.
///
/// Entities are interned by `Entity.key` to dense `EntityID`s. Statements with the same
/// `StatementKey` merge and accumulate evidence; a symmetric relation is stored with its two
/// ends in a canonical order (by entity key), so (A, r, B) and (B, r, A) are one statement.
public struct Graph: Sendable {
    public let vocabulary: RelationVocabulary
    public private(set) var entities: [Entity] = []
    public private(set) var documents: [DocumentInfo] = []
    public private(set) var statements: [Statement] = []

    private var entityByKey: [String: EntityID] = [:]
    private var documentByID: [String: Int] = [:]
    private var statementByKey: [StatementKey: Int] = [:]
    private var bySubject: [EntityID: [Int]] = [:]
    private var byObject: [EntityID: [Int]] = [:]
    private var byRelation: [RelationID: [Int]] = [:]

    public init(vocabulary: RelationVocabulary) {
        self.vocabulary = vocabulary
    }

    // MARK: Entities

    /// Interns `entity`; an entity with the same key keeps its id (and first-seen attributes).
    /// - Complexity: O(1) amortized.
    @discardableResult
    public mutating func intern(_ entity: Entity) -> EntityID {
        if let id = entityByKey[entity.key] { return id }
        let id = EntityID(UInt32(entities.count))
        entities.append(entity)
        entityByKey[entity.key] = id
        return id
    }

    public func entityID(key: String) -> EntityID? { entityByKey[key] }
    public subscript(id: EntityID) -> Entity { entities[Int(id.raw)] }

    // MARK: Documents

    /// Adds a document, or returns the index of the one with the same id.
    @discardableResult
    public mutating func addDocument(_ document: DocumentInfo) -> Int {
        if let i = documentByID[document.id] { return i }
        documents.append(document)
        documentByID[document.id] = documents.count - 1
        return documents.count - 1
    }

    public func documentIndex(id: String) -> Int? { documentByID[id] }

    // MARK: Statements

    /// Adds one mention of a statement; repeated statements merge their evidence.
    /// - Returns: the index of the statement in `statements`.
    /// - Complexity: O(1) amortized.
    @discardableResult
    public mutating func add(_ key: StatementKey, evidence: Evidence) -> Int {
        var key = key
        if vocabulary[key.relation].symmetric, self[key.object].key < self[key.subject].key {
            swap(&key.subject, &key.object)
        }
        if let i = statementByKey[key] {
            statements[i].evidence.append(evidence)
            return i
        }
        let i = statements.count
        statements.append(Statement(key: key, evidence: [evidence]))
        statementByKey[key] = i
        bySubject[key.subject, default: []].append(i)
        byObject[key.object, default: []].append(i)
        byRelation[key.relation, default: []].append(i)
        return i
    }

    /// The statement with this key, if any (symmetric relations in either order).
    public func statement(_ key: StatementKey) -> Statement? {
        if let i = statementByKey[key] { return statements[i] }
        var flipped = key
        swap(&flipped.subject, &flipped.object)
        if vocabulary[key.relation].symmetric, let i = statementByKey[flipped] { return statements[i] }
        return nil
    }

    /// Statements matching the given ends and relation; `nil` matches anything.
    ///
    /// Uses the most selective index available; a symmetric relation matches in both directions.
    /// - Complexity: O(k) in the size of the smallest index list used.
    public func match(subject: EntityID? = nil, relation: RelationID? = nil, object: EntityID? = nil) -> [Statement] {
        var candidates: [Int]
        if let subject, let object {
            candidates = (bySubject[subject] ?? []) + (bySubject[object] ?? []).filter { statements[$0].object == subject }
        } else if let subject {
            candidates = (bySubject[subject] ?? []) + (byObject[subject] ?? []).filter { vocabulary[statements[$0].relation].symmetric }
        } else if let object {
            candidates = (byObject[object] ?? []) + (bySubject[object] ?? []).filter { vocabulary[statements[$0].relation].symmetric }
        } else if let relation {
            candidates = byRelation[relation] ?? []
        } else {
            candidates = Array(statements.indices)
        }
        var result: [Statement] = []
        var seen = Set<Int>()
        for i in candidates where seen.insert(i).inserted {
            let s = statements[i]
            if let relation, s.relation != relation { continue }
            let symmetric = vocabulary[s.relation].symmetric
            let direct = (subject == nil || s.subject == subject) && (object == nil || s.object == object)
            let reverse = symmetric && (subject == nil || s.object == subject) && (object == nil || s.subject == object)
            if direct || reverse { result.append(s) }
        }
        return result
    }

    /// Statements in a stable order: by subject key, relation name, object key, polarity, modality.
    public var sortedStatements: [Statement] {
        statements.sorted { a, b in
            let ak = (self[a.subject].key, vocabulary[a.relation].name, self[a.object].key)
            let bk = (self[b.subject].key, vocabulary[b.relation].name, self[b.object].key)
            if ak != bk { return ak < bk }
            if a.negated != b.negated { return !a.negated }
            return a.modality < b.modality
        }
    }

    /// Entities in a stable order (by key).
    public var sortedEntityIDs: [EntityID] {
        entities.indices.map { EntityID(UInt32($0)) }.sorted { self[$0].key < self[$1].key }
    }

    /// Merges another graph into this one: entities by key, documents by id, statements by key.
    public mutating func merge(_ other: Graph) {
        var docMap: [Int: Int] = [:]
        for (i, d) in other.documents.enumerated() { docMap[i] = addDocument(d) }
        for e in other.entities { intern(e) }
        for s in other.statements {
            let subject = intern(other[s.subject])
            let object = intern(other[s.object])
            guard let relation = vocabulary.id(other.vocabulary[s.relation].name) else { continue }
            let key = StatementKey(subject: subject, relation: relation, object: object,
                                   negated: s.negated, modality: s.modality)
            for var e in s.evidence {
                e.document = docMap[e.document] ?? e.document
                add(key, evidence: e)
            }
        }
    }

    /// Checks that the indexes agree with the statements (debug aid for tests).
    public func checkInvariants() -> Bool {
        for (i, s) in statements.enumerated() {
            guard statementByKey[s.key] == i, bySubject[s.subject]?.contains(i) == true,
                  byObject[s.object]?.contains(i) == true, byRelation[s.relation]?.contains(i) == true
            else { return false }
        }
        return entityByKey.count == entities.count
    }
}
