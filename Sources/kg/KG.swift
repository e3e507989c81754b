import ArgumentParser
import Extraction
import Foundation
import KnowledgeGraph
import Ontology
import Serialization
import XMLSupport

/// The version written into every export.
let kgVersion = "0.1.0"

@main
struct KG: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kg",
        abstract: "Build a knowledge graph of actors and relations from news articles.",
        discussion: """
        With no subcommand, kg builds the graph of its bundled sample article and writes it to \
        exports/ (RDF/XML, GraphML, yEd GraphML and JSON Lines).

        Examples:
          kg
          kg extract article.txt --format jsonl
          kg extract a.txt b.txt --output out --format rdfxml,graphml
          kg explain article.txt
        """,
        version: kgVersion,
        subcommands: [Sample.self, Extract.self, Explain.self, Parse.self, Render.self, Merge.self, Export.self, QueryCommand.self, NeighborsCommand.self, PathCommand.self, EvidenceCommand.self, StatsCommand.self],
        defaultSubcommand: Sample.self
    )

    static func main() {
        Interruption.install()
        main(nil)
    }
}


extension Extractor.RelationStage: ExpressibleByArgument {}
