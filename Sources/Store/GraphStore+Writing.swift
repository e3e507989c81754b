import KnowledgeGraph
import SQLiteSupport

extension GraphStore {
    /// What one `add` wrote.
    public struct AddResult: Sendable, Equatable {
        public var documents = 0
        public var mentions = 0
        /// Statements new to the store.
        public var newStatements = 0
        /// Transactions committed.
        public var batches = 0

        public init() {}

        /// Adds the counts of another `add`.
        public mutating func accumulate(_ other: AddResult) {
            documents += other.documents
            mentions += other.mentions
            newStatements += other.newStatements
            batches += other.batches
        }
    }

    /// Adds the documents of `graph` with their statements and mentions.
    ///
    /// `documentIDs[i]` is the id to store `graph.documents[i]` under, or nil to leave it (and
    /// its mentions) out: the caller decides, with a `DocumentLedger` seeded from `documents()`,
    /// which documents are new, already stored or renamed. Entities merge by key (the first
    /// stored keeps its attributes), statements by subject, relation, object, polarity and
    /// modality; every mention is kept. Documents are written `batchSize` at a time, each batch
    /// one transaction: a failure (full disk, lock) rolls back the batch being written and keeps
    /// those before it.
    /// - Parameter committed: called after each committed batch with the documents written so far.
    /// - Throws: `StoreError` (`.full`, `.locked`, `.sqlite`); a document id already stored is a
    ///   `.sqlite` constraint error (the ledger should have renamed it).
    /// - Complexity: O(m log m) in the mentions of the graph, plus the index lookups.
    @discardableResult
    public func add(_ graph: Graph, documentIDs: [String?], batchSize: Int = 64,
                    committed: (Int) -> Void = { _ in }) throws -> AddResult {
        precondition(documentIDs.count == graph.documents.count, "one id (or nil) per document")
        return try wrapping {
            var writer = try StoreWriter(database: database, graph: graph)
            // Each document's mentions: (statement index, evidence), by span for kg_event.
            var byDocument = [[(Int, Evidence)]](repeating: [], count: graph.documents.count)
            for (i, s) in graph.statements.enumerated() {
                for e in s.evidence where documentIDs[e.document] != nil { byDocument[e.document].append((i, e)) }
            }
            let chosen = graph.documents.indices.filter { documentIDs[$0] != nil }
            var result = AddResult()
            guard !chosen.isEmpty else { return result }
            var start = 0
            var first = true
            repeat {
                let batch = chosen[start..<min(start + max(1, batchSize), chosen.count)]
                try database.transaction {
                    if first { try writer.writeEntities() }
                    var touched: [Int: (count: Int, miss: Double)] = [:]
                    for d in batch {
                        let documentRow = try writer.insertDocument(graph.documents[d], id: documentIDs[d]!)
                        result.documents += 1
                        // Mentions by statement, then span, so each (statement, document) is one event.
                        let mentions = byDocument[d].sorted { a, b in
                            (a.0, a.1.start, a.1.end, a.1.sentence) < (b.0, b.1.start, b.1.end, b.1.sentence)
                        }
                        var i = 0
                        while i < mentions.count {
                            let s = mentions[i].0
                            var j = i
                            while j < mentions.count && mentions[j].0 == s { j += 1 }
                            let (statementRow, isNew) = try writer.statementRow(s)
                            if isNew { result.newStatements += 1 }
                            var miss = 1.0
                            var firstMention: Int64 = 0
                            let st = graph.statements[s]
                            for k in i..<j {
                                let e = mentions[k].1
                                let eventID = EventID.of(document: documentIDs[d]!, start: e.start, end: e.end, subject: graph[st.subject].key,
                                                         relation: graph.vocabulary[st.relation].name, object: graph[st.object].key,
                                                         negated: st.negated, modality: st.modality)
                                let row = try writer.insertMention(e, eventID: eventID, statement: statementRow, document: documentRow)
                                if k == i { firstMention = row }
                                miss *= 1 - min(max(mentions[k].1.confidence, 0), 1)
                            }
                            try writer.insertEvent(statement: statementRow, document: documentRow, mentions: j - i,
                                                   confidence: 1 - miss, firstMention: firstMention)
                            let old = touched[Int(statementRow)] ?? (0, 1)
                            touched[Int(statementRow)] = (old.count + j - i, old.miss * miss)
                            result.mentions += j - i
                            i = j
                        }
                    }
                    for (row, t) in touched.sorted(by: { $0.key < $1.key }) {
                        try writer.updateStatement(Int64(row), mentions: t.count, miss: t.miss)
                    }
                }
                first = false
                result.batches += 1
                start += batch.count
                committed(result.documents)
            } while start < chosen.count
            return result
        }
    }
}
