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
    /// The statements in the order they were first added, materialized on access from the
    /// compact store (each access builds the statement's `evidence` array).
    public var statements: Statements { Statements(store: store) }

    private var entityByKey: [String: EntityID] = [:]
    private var documentByID: [String: Int] = [:]
    private(set) var store = StatementStore()

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
        var evidence = evidence
        if vocabulary[key.relation].symmetric, self[key.object].key < self[key.subject].key {
            swap(&key.subject, &key.object)
            // The mentions' codes follow their actors.
            swap(&evidence.subjectCode, &evidence.objectCode)
        }
        return store.add(key, evidence: evidence)
    }

    /// The statement with this key, if any (symmetric relations in either order).
    public func statement(_ key: StatementKey) -> Statement? {
        if let i = store.index(of: key) { return store.statement(at: i) }
        var flipped = key
        swap(&flipped.subject, &flipped.object)
        if vocabulary[key.relation].symmetric, let i = store.index(of: flipped) { return store.statement(at: i) }
        return nil
    }

    /// Statements matching the given ends and relation; `nil` matches anything.
    ///
    /// Uses the most selective index available; a symmetric relation matches in both directions.
    /// - Complexity: O(k) in the size of the smallest index list used.
    public func match(subject: EntityID? = nil, relation: RelationID? = nil, object: EntityID? = nil) -> [Statement] {
        let keys = store.keys
        var candidates: [Int]
        if let subject, let object {
            candidates = store.withSubject(subject) + store.withSubject(object).filter { keys[$0].object == subject.raw }
        } else if let subject {
            candidates = store.withSubject(subject)
                + store.withObject(subject).filter { vocabulary[RelationID(keys[$0].relation)].symmetric }
        } else if let object {
            candidates = store.withObject(object)
                + store.withSubject(object).filter { vocabulary[RelationID(keys[$0].relation)].symmetric }
        } else if let relation {
            candidates = store.withRelation(relation)
        } else {
            candidates = Array(0..<store.count)
        }
        var result: [Statement] = []
        var seen = Set<Int>()
        for i in candidates where seen.insert(i).inserted {
            let s = keys[i].key
            if let relation, s.relation != relation { continue }
            let symmetric = vocabulary[s.relation].symmetric
            let direct = (subject == nil || s.subject == subject) && (object == nil || s.object == object)
            let reverse = symmetric && (subject == nil || s.object == subject) && (object == nil || s.subject == object)
            if direct || reverse { result.append(store.statement(at: i)) }
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

    /// Checks that the key table, the indexes and the mention chains agree with the statements,
    /// and that every id a statement uses is interned (debug aid for tests).
    /// - Complexity: O(n) in statements and mentions.
    public func checkInvariants() -> Bool {
        guard store.checkInvariants(), entityByKey.count == entities.count, documentByID.count == documents.count
        else { return false }
        for (i, e) in entities.enumerated() where entityByKey[e.key] != EntityID(UInt32(i)) { return false }
        for k in store.keys {
            guard Int(k.subject) < entities.count, Int(k.object) < entities.count,
                  Int(k.relation) < vocabulary.relations.count
            else { return false }
            // A symmetric statement is stored with its ends in key order.
            if vocabulary[RelationID(k.relation)].symmetric,
               entities[Int(k.object)].key < entities[Int(k.subject)].key { return false }
        }
        return true
    }

    /// The statements of a graph as a random-access collection; each element is materialized
    /// from the compact store when read.
    public struct Statements: RandomAccessCollection, Sendable {
        let store: StatementStore
        public var startIndex: Int { 0 }
        public var endIndex: Int { store.count }
        public subscript(i: Int) -> Statement { store.statement(at: i) }
    }
}
