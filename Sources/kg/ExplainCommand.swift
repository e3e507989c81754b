import ArgumentParser
import Corpus
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
            Writes to standard output, for each document: '# ID' (with whom 'we' stands for), \
            then each sentence: its parse when it has an actor and a trigger (word, UPOS, head, \
            relation per token, from ontology/syntax/en_ewt.model), its actor mentions (how each \
            was resolved) and its statements (relation, flags, confidence, and the construction \
            and lexicon line behind it).

            Example:
              kg explain article.txt
            """)

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("News to explain: files (.txt, .html, .jsonl), folders, or - for standard input.", valueName: "file"))
        var files: [String]

        func validate() throws {
            try common.validateDate()
            if files.isEmpty { throw ValidationError("name the news to explain (files, folders, or - for standard input)") }
        }

        func run() throws {
            var failed = false
            try reportingErrors {
                let ontology = try common.loadOntology()
                // The parse is shown when the ontology has a syntax model.
                let hasModel = FileManager.default.fileExists(atPath: ontology.directory + "/syntax/en_ewt.model")
                let extractor = try common.makeExtractor(ontology, parse: hasModel)
                let (documents, readFailed) = try readCorpus(paths: files, stdin: false, date: common.date, jobs: 1, strict: false, ontology: ontology)
                failed = readFailed
                for document in documents {
                    let report = extractor.explain(document)
                    var out = "# \(document.info.id)"
                    if let issuer = report.issuer { out += "  (we = \(issuer))" }
                    out += "\n"
                    for s in report.sentences {
                        out += "\n[\(s.index)] \(s.text)\n"
                        for (k, w) in s.parse.enumerated() {
                            out += "    \(k + 1)\t\(w.word)\t\(w.upos)\t\(w.head)\t\(w.relation)\n"
                        }
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
                        for u in s.unmatched { out += "    trigger \(u)\n" }
                    }
                    let sink = FileSink(descriptor: 1, name: "standard output")
                    try sink.write(out)
                    try sink.finish()
                }
            }
            if failed { throw ExitCode.failure }
        }
    }
}
