import ArgumentParser
import Corpus
import Foundation
import KnowledgeGraph
import Ontology
import Serialization
import Store
import XMLSupport

extension KG {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Combine shards written by `kg extract --format jsonl`, `nquads`, `ntriples` or `turtle` into one graph and export it.",
            discussion: """
            Each SHARD is a graph kg wrote: JSON Lines, N-Quads, RDF/XML, Turtle or N-Triples (a \
            file, a folder walked for *.jsonl, *.nq, *.rdf, *.ttl and *.nt, or - for standard \
            input), told apart by content and extension. News text is refused (kg extract reads \
            it). Entities merge by key, statements by subject, relation, object, polarity and \
            modality; a document already merged (same id, same content digest) is not counted \
            again, so merging a graph with itself gives the same graph, and the same id with \
            other content is kept as ID~2 with a warning naming both sources; every \
            mention is kept, so weights and evidence are those one extraction of all the documents \
            would give. Shards are merged in the order given; pass them as separate files (not \
            concatenated into one stream) so each shard's documents keep their order. The output \
            of kg extract --stdin (written batch by batch) is one shard.

            JSON Lines: a document with no statement has no line, so it is not in the merged graph.

            N-Quads: each document is a named graph, so documents without statements are kept. \
            Entities keep their aliases (skos:altLabel, in order), so N-Quads shards merge into \
            the same JSON Lines as JSON Lines shards of the same documents in the same order; an \
            entity without any skos:altLabel (N-Quads of an older kg) gets the gazetteer's, as in \
            extraction. What is \
            not in N-Quads is the input order of documents (kg extract writes documents by id, \
            except with --stdin, which writes them in input order; merged documents take the \
            shard's order). The base IRI and ontology namespace are read from the data.

            N-Triples and Turtle (kg's own, one default graph): each evidence names its document \
            (kg:document); documents come in id order. A Turtle syntax error stops that shard.

            With --into GRAPH.db, the merged graph goes into a kg store (created when missing) \
            instead of an export, a few documents per transaction; documents already in the store \
            (same id, same content) are skipped with a note, the same id with other content is \
            kept as ID~2. A store is also a shard: kg merge a.db b.db --into all.db.

            What it writes by default: without --output and --format, JSON Lines to standard \
            output; with --output DIR and no --format, every format, one file each in DIR \
            (graph.EXT).

            Examples:
              kg merge part-00000.jsonl part-00001.jsonl --output out --format rdfxml,graphml,jsonl
              kg merge shards/part-* --format graphml > graph.graphml
              kg merge a.nq b.nq --output out --format rdfxml,jsonl
              kg merge part-*.jsonl --into news.db
            """)

        @Option(name: .long, help: ArgumentHelp("Ontology folder (kg.owl, lexicon, gazetteer).", valueName: "dir"))
        var ontology: String?

        @Argument(help: ArgumentHelp("kg graphs (.jsonl, .nq, .rdf, .ttl, .nt), kg stores (.db) or folders of them; - reads standard input.", valueName: "shard"))
        var shards: [String]

        @OptionGroup var export: ExportArguments

        @Flag(name: .long, help: "Stop at the first bad shard or line.")
        var strict = false

        @Option(name: .long, help: ArgumentHelp("Add the merged graph to this kg store (SQLite, created when missing) instead of writing an export.", valueName: "graph.db"))
        var into: String?

        @Flag(name: .shortAndLong, help: "No summary on standard error (with --into).")
        var quiet = false

        func validate() throws {
            try export.validate()
            if into != nil && (export.output != nil || export.format != nil) {
                throw ValidationError("--into writes a store, not an export; give --into or --output/--format (export a store with kg export)")
            }
            if shards.isEmpty { throw ValidationError("give the shards to merge (files, or - for standard input)") }
        }

        func run() throws {
            var failed = false
            try reportingErrors {
                let common = try CommonOptions.parse(ontology.map { ["--ontology", $0] } ?? [])
                let onto = try common.loadOntology()
                var ingest = try into.map(openStoreForWriting)
                let (graph, readFailed) = try readGraph(paths: shards, roles: [.graph], date: nil, strict: strict, ontology: onto)
                failed = readFailed
                if var store = ingest {
                    let (ids, problems) = store.admit(graph, source: shards.count == 1 ? shards[0] : "the shards")
                    _ = try reportProblems(problems, strict: false)
                    let added = try store.store.add(graph, documentIDs: ids, batchSize: 64)
                    if !quiet { note(try storeSummary(store, added: added, skipped: ids.filter { $0 == nil }.count)) }
                    ingest = store
                    return
                }
                try export.write(graph, name: "graph", ontology: onto)
            }
            if failed { throw ExitCode.failure }
        }
    }
}
