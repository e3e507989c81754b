import ArgumentParser
import Corpus
import Extraction
import Foundation
import KnowledgeGraph
import Ontology
import Serialization
import Store

/// Milliseconds to wait for another writer of a store: `KG_STORE_BUSY_TIMEOUT_MS`, default 5000.
func storeBusyTimeout() -> Int32 {
    if let v = ProcessInfo.processInfo.environment["KG_STORE_BUSY_TIMEOUT_MS"], let ms = Int32(v), ms >= 0 { return ms }
    return 5000
}

/// Whether `path` names a kg store (by name or SQLite's header), as the input layer classifies it.
func isStorePath(_ path: String) -> Bool {
    guard path != "-", let prefix = InputKind.prefix(ofFile: path) else { return false }
    return InputKind.classify(path: path, prefix: prefix) == .store
}

/// The store a command writes to (`--into`), created when missing.
func openStoreForWriting(_ path: String) throws -> StoreIngest {
    try StoreIngest(store: GraphStore(path: path, access: .write, busyTimeout: storeBusyTimeout()))
}

/// The line that ends a run that wrote a store: what was added and what the store holds now.
func storeSummary(_ ingest: StoreIngest, added: GraphStore.AddResult, skipped: Int) throws -> String {
    let c = try ingest.store.counts()
    return "\(ingest.store.path): added \(added.documents) documents (\(added.mentions) mentions, \(added.newStatements) new statements) "
        + "in \(added.batches) transactions, skipped \(skipped) already stored; it holds \(c.documents) documents, \(c.statements) statements"
}

extension KG {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a kg store (or any kg graphs) in the export formats.",
            discussion: """
            GRAPH is a kg store written by kg extract --into or kg merge --into (or any kg graph \
            the reading commands take: RDF/XML, Turtle, N-Triples, N-Quads, JSON Lines; several \
            are merged). The exports are those of kg extract on the same documents: without \
            --output and --format, JSON Lines to standard output; with --output DIR and no \
            --format, every format, one file each in DIR (NAME.EXT: the store's name, or graph).

            Examples:
              kg export news.db > statements.jsonl
              kg export news.db --output out                      # every format
              kg export news.db --output out --format rdfxml,csv
            """)

        @Option(name: .long, help: ArgumentHelp("Ontology folder (kg.owl, lexicon, gazetteer).", valueName: "dir"))
        var ontology: String?

        @Argument(help: ArgumentHelp("A kg store (.db, .sqlite) or kg graphs; - reads standard input.", valueName: "graph"))
        var inputs: [String]

        @OptionGroup var export: ExportArguments

        func validate() throws {
            try export.validate()
            if inputs.isEmpty { throw ValidationError("give the store to export (e.g. kg export news.db --output out)") }
        }

        func run() throws {
            var failed = false
            try reportingErrors {
                let common = try CommonOptions.parse(ontology.map { ["--ontology", $0] } ?? [])
                let onto = try common.loadOntology(scope: .graphs)
                let (graph, readFailed) = try readGraph(paths: inputs, roles: [.graph], date: nil, strict: true, ontology: onto)
                failed = readFailed
                let name = inputs.count == 1 && inputs[0] != "-" ? ((inputs[0] as NSString).lastPathComponent as NSString).deletingPathExtension : "graph"
                try export.write(graph, name: name.isEmpty ? "graph" : name, ontology: onto)
            }
            if failed { throw ExitCode.failure }
        }
    }
}
