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
            abstract: "Combine JSON Lines shards written by `kg extract --format jsonl` into one graph and export it.",
            discussion: """
            Each SHARD is kg's own JSON Lines (a file, or - for standard input). Entities merge by \
            key, documents by id, statements by subject, relation, object, polarity and modality; \
            every mention is kept, so weights and evidence are those one extraction of all the \
            documents would give. Shards are merged in the order given; pass them as separate files \
            (not concatenated into one stream) so each shard's documents keep their order. Documents \
            with no statement have no line in JSON Lines, so they are not in the merged graph.

            Examples:
              kg merge part-00000.jsonl part-00001.jsonl --output out --format rdfxml,graphml,jsonl
              kg merge shards/part-* --format graphml > graph.graphml
            """)

        @Option(name: .long, help: ArgumentHelp("Ontology folder (kg.owl, lexicon, gazetteer).", valueName: "dir"))
        var ontology: String?

        @Argument(help: ArgumentHelp("JSON Lines shards; - reads standard input.", valueName: "shard"))
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
                var reader = ShardReader(vocabulary: onto.relations)
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
                    if path.hasSuffix(".nq") || path.hasSuffix(".nt") {
                        report(CorpusProblem(source: name, message: "merge reads kg's JSON Lines shards; write the shards with --format jsonl (N-Quads go straight to a triple store's bulk loader)"))
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
