import ArgumentParser
import Corpus
import Extraction
import Foundation
import KnowledgeGraph
import Ontology
import Serialization
import XMLSupport

extension KG {
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sample",
            abstract: "Build the graph of the bundled sample article into exports/ (the default command).",
            discussion: """
            Writes every format (RDF/XML, GraphML, yEd GraphML, JSON Lines, N-Quads, Turtle, \
            N-Triples, CSV, DOT) of the sample's graph into exports/ beside the ontology, or into \
            --output DIR, and prints the counts and the files written.
            """)

        @OptionGroup var common: CommonOptions

        @Option(name: .long, help: ArgumentHelp("Where to write the exports.", valueName: "dir"))
        var output: String?

        func run() throws {
            try common.validateDate()
            try reportingErrors {
                let ontology = try common.loadOntology()
                guard let url = Bundle.module.url(forResource: "xi-putin-2022-12-30", withExtension: "txt") else {
                    throw CLIError("the bundled sample article is missing from this build")
                }
                let (documents, failed) = try readCorpus(paths: [url.path], stdin: false, date: common.date, jobs: 1, strict: true, ontology: ontology)
                guard !failed, let document = documents.first else { throw CLIError("\(url.path): the bundled sample article cannot be read") }
                let graph = buildGraph([document], ontology: ontology, extractor: try common.makeExtractor(ontology))
                let out = output ?? URL(fileURLWithPath: ontology.directory).deletingLastPathComponent().appendingPathComponent("exports").path
                let options = ExportOptions(ontologyNamespace: ontology.namespace, generator: "kg \(kgVersion)")
                let files = try export(graph, formats: ExportFormat.allCases, directory: out, name: document.info.id, options: options)
                let positive = graph.statements.filter(\.isPositive).count
                print("kg: \(graph.entities.count) actors, \(graph.statements.count) statements (\(positive) positive) from \(document.info.id)")
                for f in files { print("  wrote \(f)") }
            }
        }
    }
}
