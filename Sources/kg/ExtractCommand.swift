import ArgumentParser
import Extraction
import Foundation
import KnowledgeGraph
import Ontology
import Serialization
import XMLSupport

extension KG {
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract actor–relation–actor statements from text files.",
            discussion: """
            Each FILE is a UTF-8 text document; its id is the file name without extension.
            With --output, one file per format is written to DIR (graph.EXT, or FILE.EXT for a
            single input). Without --output, --format must name one format, written to stdout.

            Formats: \(ExportFormat.allCases.map { "\($0.rawValue) (.\($0.fileExtension))" }.joined(separator: ", "))

            Examples:
              kg extract article.txt --format jsonl > statements.jsonl
              kg extract corpus/*.txt --output out --format rdfxml,graphml,jsonl
            """)

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("Text files to read.", valueName: "file"))
        var files: [String]

        @Option(name: .shortAndLong, help: ArgumentHelp("Folder to write one file per format to.", valueName: "dir"))
        var output: String?

        @Option(name: .shortAndLong, help: ArgumentHelp("Comma-separated formats.", valueName: "formats"))
        var format: String = "rdfxml,graphml,jsonl"

        @Option(name: .long, help: ArgumentHelp("Base IRI of entities, documents and statements.", valueName: "iri"))
        var baseIRI: String = ExportOptions.defaultBaseIRI

        @Flag(name: .long, help: "Stop at the first unreadable file.")
        var strict = false

        func validate() throws {
            try common.validateDate()
            let formats = try parseFormats(format)
            if output == nil && formats.count != 1 {
                throw ValidationError("without --output, --format must name exactly one format (e.g. --format jsonl)")
            }
            guard baseIRI.hasSuffix("/") || baseIRI.hasSuffix("#"), baseIRI.contains(":"),
                  !baseIRI.contains(where: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\"" }) else {
                throw ValidationError("--base-iri must be an absolute IRI ending with '/' or '#', not '\(baseIRI)'")
            }
        }

        func run() throws {
            let formats = try parseFormats(format)
            var failed = false
            try reportingErrors {
                let ontology = try common.loadOntology()
                var documents: [SourceDocument] = []
                for path in files {
                    do {
                        documents.append(try readDocument(path, date: common.date))
                    } catch {
                        FileHandle.standardError.write(Data("kg: error: \(error)\n".utf8))
                        failed = true
                        if strict { throw ExitCode.failure }
                    }
                }
                let graph = buildGraph(documents, ontology: ontology)
                let options = ExportOptions(baseIRI: baseIRI, ontologyNamespace: ontology.namespace, generator: "kg \(kgVersion)")
                if let output {
                    let name = documents.count == 1 && files.count == 1 ? documents[0].info.id : "graph"
                    _ = try export(graph, formats: formats, directory: output, name: name, options: options)
                } else {
                    let sink = FileSink(descriptor: 1, name: "standard output")
                    try formats[0].serializer(options: options).write(graph, to: sink)
                }
            }
            if failed { throw ExitCode.failure }
        }
    }
}
