import KnowledgeGraph
import SQLiteSupport

/// A reading view of a store: its entities loaded once (they are few and every query needs
/// them for names), and graphs built on demand, whole or of the statements some selections
/// can match. Graphs built by one reader share entity ids, so a name resolved in
/// `entityGraph` is the same entity in `graph(selecting:)`.
public struct StoreReader {
    let store: GraphStore
    let vocabulary: RelationVocabulary
    /// The graph of every entity (by key), no document, no statement.
    public let entityGraph: Graph
    /// Entity row id → entity id of `entityGraph`.
    let entityByRow: [Int64: EntityID]
    /// Relation row id → relation of the vocabulary (relations the vocabulary lacks are left out).
    let relationByRow: [Int64: RelationID]
    let rowByEntityKey: [String: Int64]
    let rowByRelationName: [String: Int64]

    /// Reads the entities and relations of `store`.
    /// - Complexity: O(e log e) in the entities.
    public init(store: GraphStore, vocabulary: RelationVocabulary) throws {
        self.store = store
        self.vocabulary = vocabulary
        var rows: [(Int64, Entity)] = []
        var relations: [Int64: RelationID] = [:], relationRows: [String: Int64] = [:]
        try store.wrapping {
            let db = store.database
            var aliases: [Int64: [String]] = [:]
            let a = try db.prepare("SELECT entity, alias FROM kg_alias ORDER BY entity, position")
            while try a.step() { aliases[a.int64(0), default: []].append(a.text(1)) }
            // By key through the key index (byte order, which is String order for the ASCII keys
            // kg makes); checked below, and sorted again otherwise.
            let q = try db.prepare("SELECT id, key, label, type, country, wikidata, code FROM kg_entity ORDER BY key")
            while try q.step() {
                let row = q.int64(0)
                rows.append((row, Entity(key: q.text(1), label: q.text(2), type: ActorType(rawValue: q.text(3)) ?? .organization,
                                         aliases: aliases[row] ?? [], country: q.optionalText(4), wikidata: q.optionalText(5),
                                         code: q.optionalText(6))))
            }
            let r = try db.prepare("SELECT id, name FROM kg_relation")
            while try r.step() {
                relationRows[r.text(1)] = r.int64(0)
                if let id = vocabulary.id(r.text(1)) { relations[r.int64(0)] = id }
            }
        }
        if zip(rows, rows.dropFirst()).contains(where: { !($0.1.key < $1.1.key) }) { rows.sort { $0.1.key < $1.1.key } }
        var graph = Graph(vocabulary: vocabulary)
        var byRow: [Int64: EntityID] = [:], rowByKey: [String: Int64] = [:]
        byRow.reserveCapacity(rows.count)
        for (row, e) in rows {
            byRow[row] = graph.intern(e)
            rowByKey[e.key] = row
        }
        entityGraph = graph
        entityByRow = byRow
        relationByRow = relations
        rowByEntityKey = rowByKey
        rowByRelationName = relationRows
    }

    /// The whole graph of the store.
    /// - Complexity: O(m log m) in the mentions.
    public func graph() throws -> Graph {
        try build(statementRows: nil)
    }

    /// The graph of every entity and of the statements the selections can match, with all
    /// their evidence and the documents it cites; nil selections, or one that binds nothing,
    /// read everything.
    /// - Complexity: O(k log k) in the statements and mentions read, through the indexes.
    public func graph(selecting selections: [StatementSelection]?) throws -> Graph {
        guard let selections, !selections.contains(where: \.isEverything) else { return try graph() }
        var rows = Set<Int64>()
        try store.wrapping {
            for s in selections {
                // An end or relation the store does not know matches nothing.
                let subject = s.subject.map { rowByEntityKey[$0] ?? -1 }
                let object = s.object.map { rowByEntityKey[$0] ?? -1 }
                let relations = s.relations.map { $0.map { rowByRelationName[$0] ?? -1 } }
                var conditions: [String] = []
                switch (subject, object) {
                case let (a?, b?): conditions.append("((subject = \(a) AND object = \(b)) OR (subject = \(b) AND object = \(a)))")
                case let (a?, nil), let (nil, a?): conditions.append("(subject = \(a) OR object = \(a))")
                case (nil, nil): break
                }
                if let relations { conditions.append("relation IN (\(relations.map(String.init).joined(separator: ", ")))") }
                let q = try store.database.prepare("SELECT id FROM kg_statement WHERE " + conditions.joined(separator: " AND "))
                while try q.step() { rows.insert(q.int64(0)) }
            }
        }
        return try build(statementRows: rows.sorted())
    }

    /// A statement row read back.
    private struct Row {
        var id: Int64
        var key: StatementKey
        var evidence: [(document: Int64, evidence: Evidence)] = []
    }

    private func build(statementRows: [Int64]?) throws -> Graph {
        var graph = entityGraph
        var statements: [Row] = []
        var documentRows = Set<Int64>()
        try store.wrapping {
            let db = store.database
            func row(_ q: SQLiteStatement) -> Row? {
                guard let s = entityByRow[q.int64(1)], let r = relationByRow[q.int64(2)], let o = entityByRow[q.int64(3)] else { return nil }
                return Row(id: q.int64(0), key: StatementKey(subject: s, relation: r, object: o, negated: q.bool(4),
                                                            modality: Modality(rawValue: q.text(5)) ?? .asserted))
            }
            func evidence(_ q: SQLiteStatement) -> (Int64, Evidence) {
                (q.int64(1), Evidence(document: 0, sentence: q.int(2), start: q.int(3), end: q.int(4), quote: q.text(5),
                                      pattern: q.text(6), confidence: q.double(7), eventDate: q.optionalText(8),
                                      place: q.optionalText(9).map { Place(name: $0, country: q.optionalText(10)) },
                                      subjectCode: q.optionalText(11), objectCode: q.optionalText(12)))
            }
            let columns = "SELECT id, subject, relation, object, negated, modality FROM kg_statement"
            // A store written before the mentions' codes (opened read-only) has none to read.
            let codes = store.hasMentionCodes ? "subject_code, object_code" : "NULL, NULL"
            let mentionColumns = """
                SELECT statement, document, sentence, start_char, end_char, quote, pattern, confidence,
                       event_date, place_name, place_country, \(codes) FROM kg_mention
                """
            if let statementRows {
                let q = try db.prepare(columns + " WHERE id = ?")
                let m = try db.prepare(mentionColumns + " WHERE statement = ?")
                for id in statementRows {
                    try q.bind(1, id)
                    if try q.step(), var r = row(q) {
                        try m.bind(1, id)
                        while try m.step() {
                            let e = evidence(m)
                            r.evidence.append((e.0, e.1))
                            documentRows.insert(e.0)
                        }
                        m.reset()
                        statements.append(r)
                    }
                    q.reset()
                }
            } else {
                let q = try db.prepare(columns + " ORDER BY id")
                var index: [Int64: Int] = [:]
                while try q.step() {
                    if let r = row(q) {
                        index[r.id] = statements.count
                        statements.append(r)
                    }
                }
                let m = try db.prepare(mentionColumns)
                while try m.step() {
                    guard let i = index[m.int64(0)] else { continue }
                    let e = evidence(m)
                    statements[i].evidence.append((e.0, e.1))
                }
                let d = try db.prepare("SELECT id FROM kg_document")
                while try d.step() { documentRows.insert(d.int64(0)) }
            }
            // Documents by id, as an export lists them.
            var documents: [(Int64, DocumentInfo)] = []
            let d = try db.prepare("SELECT key, title, date, url, digest FROM kg_document WHERE id = ?")
            for row in documentRows {
                try d.bind(1, row)
                if try d.step() {
                    documents.append((row, DocumentInfo(id: d.text(0), title: d.optionalText(1), date: d.optionalText(2),
                                                        url: d.optionalText(3), digest: d.optionalText(4))))
                }
                d.reset()
            }
            documents.sort { $0.1.id < $1.1.id }
            var documentIndex: [Int64: Int] = [:]
            for (row, info) in documents { documentIndex[row] = graph.addDocument(info) }
            // Statements in the exports' order; each one's evidence by document, then span.
            let g = graph
            statements.sort { a, b in
                let ak = (g[a.key.subject].key, g.vocabulary[a.key.relation].name, g[a.key.object].key)
                let bk = (g[b.key.subject].key, g.vocabulary[b.key.relation].name, g[b.key.object].key)
                if ak != bk { return ak < bk }
                if a.key.negated != b.key.negated { return !a.key.negated }
                return a.key.modality < b.key.modality
            }
            for s in statements {
                var evidence = s.evidence.compactMap { e -> Evidence? in
                    guard let i = documentIndex[e.document] else { return nil }
                    var moved = e.evidence
                    moved.document = i
                    return moved
                }
                evidence.sort { a, b in
                    if (a.document, a.start, a.end, a.sentence) != (b.document, b.start, b.end, b.sentence) {
                        return (a.document, a.start, a.end, a.sentence) < (b.document, b.start, b.end, b.sentence)
                    }
                    if a.pattern != b.pattern { return a.pattern < b.pattern }
                    if a.confidence != b.confidence { return a.confidence < b.confidence }
                    return a.quote < b.quote
                }
                for e in evidence { graph.add(s.key, evidence: e) }
            }
        }
        return graph
    }
}
