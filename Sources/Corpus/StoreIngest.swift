import Foundation
import Extraction
import KnowledgeGraph
import Store

/// Adds documents and graphs to a kg store with the input layer's document rule: the store's
/// documents seed a `DocumentLedger`, so a document already stored (same id, same content
/// digest) is skipped with a note, and the same id with other content is kept as `ID~2` with a
/// warning, as when the same inputs are read together.
public struct StoreIngest {
    public let store: GraphStore
    private var ledger = DocumentLedger()

    /// Seeds the ledger with every document of `store`.
    /// - Complexity: O(documents of the store).
    public init(store: GraphStore) throws {
        self.store = store
        for d in try store.documents() { _ = ledger.admit(d, source: store.path) }
    }

    /// The documents to add, renamed where their id is taken by other content; problems say
    /// which were skipped as already stored and which were renamed.
    public mutating func admit(_ documents: [SourceDocument], source: String) -> (documents: [SourceDocument], problems: [CorpusProblem]) {
        let path = store.path
        return ledger.admit(documents, source: source) { decision, id in Self.message(decision, id: id, source: source, store: path) }
    }

    /// The id each document of `graph` is to be stored under, nil for a document already stored.
    public mutating func admit(_ graph: Graph, source: String) -> (ids: [String?], problems: [CorpusProblem]) {
        var ids: [String?] = []
        var problems: [CorpusProblem] = []
        for d in graph.documents {
            let decision = ledger.admit(d, source: source)
            if let p = Self.message(decision, id: d.id, source: source, store: store.path) { problems.append(p) }
            switch decision {
            case .add: ids.append(d.id)
            case .rename(let id, _): ids.append(id)
            case .duplicate: ids.append(nil)
            }
        }
        return (ids, problems)
    }

    /// The ledger's message, worded for a store: a document already stored is a note (skipped).
    static func message(_ decision: DocumentLedger.Decision, id: String, source: String, store: String) -> CorpusProblem? {
        if case .duplicate(let first) = decision, first == store {
            return CorpusProblem(source: source, message: "document '\(id)' is already in \(store) with the same content: skipped", isWarning: true)
        }
        return DocumentLedger.message(decision, id: id, source: source)
    }
}
