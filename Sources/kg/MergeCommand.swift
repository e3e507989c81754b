import ArgumentParser
import Corpus
import Foundation
import KnowledgeGraph
import Ontology
import Serialization
import XMLSupport

extension KG {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Combine shards written by `kg extract --format jsonl`, `nquads`, `ntriples` or `turtle` into one graph and export it.",
            discussion: """
            Each SHARD is kg's own JSON Lines, N-Quads, N-Triples or Turtle (a file, or - for \
            standard input), told apart by its content ('{'; four or three terms a line; @prefix), \
            and by its extension (.jsonl, .nq, .nt, .ttl) when the content does not tell. Entities merge by key, \
            documents by id, statements by subject, relation, object, polarity and modality; every \
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

            Examples:
              kg merge part-00000.jsonl part-00001.jsonl --output out --format rdfxml,graphml,jsonl
              kg merge shards/part-* --format graphml > graph.graphml
              kg merge a.nq b.nq --output out --format rdfxml,jsonl
            """)

        @Option(name: .long, help: ArgumentHelp("Ontology folder (kg.owl, lexicon, gazetteer).", valueName: "dir"))
        var ontology: String?

        @Argument(help: ArgumentHelp("JSON Lines, N-Quads, N-Triples or Turtle shards; - reads standard input.", valueName: "shard"))
        var shards: [String]

        @OptionGroup var export: ExportArguments

        @Flag(name: .long, help: "Stop at the first bad shard or line.")
        var strict = false

        func validate() throws {
            try export.validate()
            if shards.isEmpty { throw ValidationError("give the shards to merge (files, or - for standard input)") }
        }

        func run() throws {
            var failed = false
            try reportingErrors {
                let common = try CommonOptions.parse(ontology.map { ["--ontology", $0] } ?? [])
                let onto = try common.loadOntology()
                var reader = ShardReader(vocabulary: onto.relations, gazetteer: onto.gazetteer.map(\.entity))
                for path in shards {
                    let name = path == "-" ? "<stdin>" : path
                    let data: Data
                    if path == "-" {
                        data = FileHandle.standardInput.readDataToEndOfFile()
                    } else if let d = FileManager.default.contents(atPath: path) {
                        data = d
                    } else {
                        var isDir: ObjCBool = false
                        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
                        report(CorpusProblem(source: path, message: !exists ? "no such file" : isDir.boolValue ? "is a folder, not a shard" : "cannot be read (permission denied?)"))
                        failed = true
                        if strict { throw ExitCode.failure }
                        continue
                    }
                    for p in reader.read(data, source: name) {
                        report(p)
                        failed = true
                        if strict { throw ExitCode.failure }
                    }
                }
                try export.write(reader.graph, name: "graph", ontology: onto)
            }
            if failed { throw ExitCode.failure }
        }
    }
}
