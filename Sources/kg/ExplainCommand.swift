import ArgumentParser
import Extraction
import Foundation
import KnowledgeGraph
import Ontology
import Serialization
import XMLSupport

extension KG {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show, sentence by sentence, the actors, coreference and patterns behind each statement.",
            discussion: """
            Example:
              kg explain article.txt
            """)

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("Text files to explain.", valueName: "file"))
        var files: [String]

        func run() throws {
            try common.validateDate()
            try reportingErrors {
                let ontology = try common.loadOntology()
                let extractor = Extractor(ontology: ontology)
                for path in files {
                    let document = try readDocument(path, date: common.date)
                    let report = extractor.explain(document)
                    var out = "# \(document.info.id)"
                    if let issuer = report.issuer { out += "  (we = \(issuer))" }
                    out += "\n"
                    for s in report.sentences {
                        out += "\n[\(s.index)] \(s.text)\n"
                        for m in s.mentions {
                            let target = m.entities.isEmpty ? "?" : m.entities.joined(separator: ", ")
                            out += "    actor  '\(m.text)' → \(target)  (\(m.kind.rawValue): \(m.note))\n"
                        }
                        for r in s.relations {
                            var flags = r.negated ? " NEGATED" : ""
                            if r.modality != .asserted { flags += " \(r.modality.rawValue)" }
                            out += "    ⇒ \(r.subject) \(r.relation) \(r.object)\(flags)  conf=\(decimal(r.confidence))\n"
                            out += "        because \(r.pattern)\n"
                        }
                    }
                    let sink = FileSink(descriptor: 1, name: "standard output")
                    try sink.write(out)
                    try sink.finish()
                }
            }
        }
    }
}
