import KnowledgeGraph
import SQLiteSupport

/// The prepared statements and row-id caches of one `add`.
struct StoreWriter {
    let database: SQLiteDatabase
    let graph: Graph
    var entityRows: [Int64?]
    var relationRows: [String: Int64] = [:]
    var statementRows: [Int64?]
    let findEntity, insertEntityRow, insertAlias, insertRelationRow, insertDocumentRow: SQLiteStatement
    let findStatement, insertStatementRow, insertMentionRow, insertEventRow, updateStatementRow: SQLiteStatement

    init(database: SQLiteDatabase, graph: Graph) throws {
        self.database = database
        self.graph = graph
        entityRows = [Int64?](repeating: nil, count: graph.entities.count)
        statementRows = [Int64?](repeating: nil, count: graph.statements.count)
        findEntity = try database.prepare("SELECT id FROM kg_entity WHERE key = ?")
        insertEntityRow = try database.prepare("INSERT INTO kg_entity (key, label, type, country, wikidata, code) VALUES (?, ?, ?, ?, ?, ?)")
        insertAlias = try database.prepare("INSERT INTO kg_alias (entity, position, alias) VALUES (?, ?, ?)")
        insertRelationRow = try database.prepare("""
            INSERT INTO kg_relation (name, label, symmetric, quad_class, cameo, plover, goldstein) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        insertDocumentRow = try database.prepare("INSERT INTO kg_document (key, title, date, url, digest) VALUES (?, ?, ?, ?, ?)")
        findStatement = try database.prepare("""
            SELECT id FROM kg_statement WHERE subject = ? AND relation = ? AND object = ? AND negated = ? AND modality = ?
            """)
        insertStatementRow = try database.prepare("""
            INSERT INTO kg_statement (subject, relation, object, negated, modality) VALUES (?, ?, ?, ?, ?)
            """)
        insertMentionRow = try database.prepare("""
            INSERT INTO kg_mention (statement, document, sentence, start_char, end_char, quote, pattern, confidence,
                                    event_id, event_date, place_name, place_country, subject_code, object_code)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertEventRow = try database.prepare("""
            INSERT INTO kg_event (statement, document, mentions, confidence, first_mention) VALUES (?, ?, ?, ?, ?)
            """)
        updateStatementRow = try database.prepare("""
            UPDATE kg_statement SET weight = weight + ?, confidence = 1 - (1 - confidence) * ? WHERE id = ?
            """)
        let relations = try database.prepare("SELECT name, id FROM kg_relation")
        while try relations.step() { relationRows[relations.text(0)] = relations.int64(1) }
    }

    /// Every entity of the graph (also those without statements, as an export has them).
    mutating func writeEntities() throws {
        for i in graph.entities.indices { _ = try entityRow(i) }
    }

    mutating func entityRow(_ i: Int) throws -> Int64 {
        if let row = entityRows[i] { return row }
        let e = graph.entities[i]
        try findEntity.bind(1, e.key)
        defer { findEntity.reset() }
        if try findEntity.step() {
            let row = findEntity.int64(0)
            entityRows[i] = row
            return row
        }
        try insertEntityRow.bind(1, e.key)
        try insertEntityRow.bind(2, e.label)
        try insertEntityRow.bind(3, e.type.rawValue)
        try insertEntityRow.bind(4, e.country)
        try insertEntityRow.bind(5, e.wikidata)
        try insertEntityRow.bind(6, e.code)
        try insertEntityRow.run()
        let row = database.lastInsertRowID
        for (position, alias) in e.aliases.enumerated() {
            try insertAlias.bind(1, row)
            try insertAlias.bind(2, position)
            try insertAlias.bind(3, alias)
            try insertAlias.run()
        }
        entityRows[i] = row
        return row
    }

    mutating func relationRow(_ id: RelationID) throws -> Int64 {
        let r = graph.vocabulary[id]
        if let row = relationRows[r.name] { return row }
        try insertRelationRow.bind(1, r.name)
        try insertRelationRow.bind(2, r.label)
        try insertRelationRow.bind(3, r.symmetric)
        try insertRelationRow.bind(4, r.quadClass)
        try insertRelationRow.bind(5, r.cameo)
        try insertRelationRow.bind(6, r.plover)
        if let g = r.goldstein { try insertRelationRow.bind(7, g) } else { try insertRelationRow.bindNull(7) }
        try insertRelationRow.run()
        let row = database.lastInsertRowID
        relationRows[r.name] = row
        return row
    }

    func insertDocument(_ d: DocumentInfo, id: String) throws -> Int64 {
        try insertDocumentRow.bind(1, id)
        try insertDocumentRow.bind(2, d.title)
        try insertDocumentRow.bind(3, d.date)
        try insertDocumentRow.bind(4, d.url)
        try insertDocumentRow.bind(5, d.digest)
        try insertDocumentRow.run()
        return database.lastInsertRowID
    }

    /// The row of statement `i` of the graph, inserted when new.
    mutating func statementRow(_ i: Int) throws -> (Int64, isNew: Bool) {
        if let row = statementRows[i] { return (row, false) }
        let key = graph.statements[i].key
        let subject = try entityRow(Int(key.subject.raw)), object = try entityRow(Int(key.object.raw))
        let relation = try relationRow(key.relation)
        func bindKey(_ q: SQLiteStatement) throws {
            try q.bind(1, subject)
            try q.bind(2, relation)
            try q.bind(3, object)
            try q.bind(4, key.negated)
            try q.bind(5, key.modality.rawValue)
        }
        try bindKey(findStatement)
        if try findStatement.step() {
            let row = findStatement.int64(0)
            findStatement.reset()
            statementRows[i] = row
            return (row, false)
        }
        findStatement.reset()
        try bindKey(insertStatementRow)
        try insertStatementRow.run()
        let row = database.lastInsertRowID
        statementRows[i] = row
        return (row, true)
    }

    func insertMention(_ e: Evidence, eventID: String, statement: Int64, document: Int64) throws -> Int64 {
        try insertMentionRow.bind(1, statement)
        try insertMentionRow.bind(2, document)
        try insertMentionRow.bind(3, e.sentence)
        try insertMentionRow.bind(4, e.start)
        try insertMentionRow.bind(5, e.end)
        try insertMentionRow.bind(6, e.quote)
        try insertMentionRow.bind(7, e.pattern)
        try insertMentionRow.bind(8, e.confidence)
        try insertMentionRow.bind(9, eventID)
        try insertMentionRow.bind(10, e.eventDate)
        try insertMentionRow.bind(11, e.place?.name)
        try insertMentionRow.bind(12, e.place?.country)
        try insertMentionRow.bind(13, e.subjectCode)
        try insertMentionRow.bind(14, e.objectCode)
        try insertMentionRow.run()
        return database.lastInsertRowID
    }

    func insertEvent(statement: Int64, document: Int64, mentions: Int, confidence: Double, firstMention: Int64) throws {
        try insertEventRow.bind(1, statement)
        try insertEventRow.bind(2, document)
        try insertEventRow.bind(3, mentions)
        try insertEventRow.bind(4, confidence)
        try insertEventRow.bind(5, firstMention)
        try insertEventRow.run()
    }

    func updateStatement(_ row: Int64, mentions: Int, miss: Double) throws {
        try updateStatementRow.bind(1, mentions)
        try updateStatementRow.bind(2, miss)
        try updateStatementRow.bind(3, row)
        try updateStatementRow.run()
    }
}
